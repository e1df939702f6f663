package org.supportplans.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/** Administrators create districts, district administrators the schools of theirs; nobody else. */
@PostgresIntegrationTest
class DistrictApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final String districtId = "it-district-" + UUID.randomUUID().toString().substring(0, 8);
    final String schoolId = "it-school-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeWhatTheTestCreated() {
        // other tests count the schools an administrator sees
        jdbc.update("delete from school_staff where school_id = ?", schoolId);
        jdbc.update("delete from school where id = ? or district_id = ?", schoolId, districtId);
        org.supportplans.SweepRecords.forget(jdbc, districtId);
        jdbc.update("delete from district where id = ?", districtId);
    }

    @Test
    void theAdministratorCreatesADistrictAndASchoolInIt() {
        Http demo = Http.as(port, "demo");

        Http.Response created = demo.post("/api/districts", district(b -> {}));
        Http.Response school = demo.post(
                "/api/districts/" + districtId + "/schools", Map.of("id", schoolId, "name", "Mesa Ridge Elementary"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/districts/" + districtId);
        assertThat(school.status()).as(school.body()).isEqualTo(201);
        assertThat(school.header("Location")).isEqualTo("/api/districts/" + districtId + "/schools/" + schoolId);
        JsonNode read = demo.get("/api/districts/" + districtId).json();
        assertThat(read.path("name").asText()).isEqualTo("Mesa Ridge School District 51");
        assertThat(read.path("state").asText()).isEqualTo("CO");
        assertThat(read.path("timeZone").asText()).isEqualTo("America/Denver");
        assertThat(read.path("schools").findValuesAsText("id")).containsExactly(schoolId);
        assertThat(demo.get(school.header("Location")).json().path("name").asText())
                .isEqualTo("Mesa Ridge Elementary");
    }

    @Test
    void takenIdsAreAConflict() {
        Http demo = Http.as(port, "demo");

        Http.Response district = demo.post("/api/districts", district(b -> b.put("id", DemoData.DISTRICT_ID)));
        Http.Response school = demo.post(
                "/api/districts/" + DemoData.DISTRICT_ID + "/schools",
                Map.of("id", "lincoln-elementary", "name", "Another Lincoln"));

        assertThat(district.status()).isEqualTo(409);
        assertThat(district.contentType()).startsWith("application/problem+json");
        assertThat(district.json().path("detail").asText()).contains("demo-district");
        assertThat(school.status()).isEqualTo(409);
        assertThat(school.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select name from school where id = 'lincoln-elementary'", String.class))
                .isEqualTo("Lincoln Elementary School");
    }

    @Test
    void badDistrictsAreRefusedWithTheFieldsToCorrect() {
        Http demo = Http.as(port, "demo");

        refused(demo, district(b -> b.put("id", "Mesa Ridge")), "id:");
        refused(demo, district(b -> b.put("id", "-mesa")), "id:");
        refused(demo, district(b -> b.put("state", "XX")), "state: the two-letter code of a US state");
        refused(demo, district(b -> b.put("state", "Colorado")), "state:");
        refused(demo, district(b -> b.remove("state")), "state:");
        refused(demo, district(b -> b.put("timeZone", "Mars/Olympus_Mons")), "timeZone: an IANA time zone id");
        refused(demo, district(b -> b.put("timeZone", "-07:00")), "timeZone:");
        refused(demo, district(b -> b.put("name", " ")), "name:");
        assertThat(demo.get("/api/districts/" + districtId).status()).isEqualTo(404);
    }

    @Test
    void onlyTheAdministratorCreatesDistricts() {
        for (String user : new String[] {"general-education-teacher", "district-admin", "coordinator"}) {
            Http.Response response = Http.as(port, user).post("/api/districts", district(b -> {}));

            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(Http.as(port, "demo").get("/api/districts/" + districtId).status())
                .isEqualTo(404);
    }

    @Test
    void aDistrictAdministratorAddsSchoolsToTheirDistrictOnly() {
        Http.as(port, "demo").post("/api/districts", district(b -> {}));
        Http districtAdmin = Http.as(port, Role.DISTRICT_ADMIN.groupId());
        Map<String, String> school = Map.of("id", schoolId, "name", "Washington Elementary");

        Http.Response byATeacher = Http.as(port, "general-education-teacher")
                .post("/api/districts/" + DemoData.DISTRICT_ID + "/schools", school);
        Http.Response elsewhere = districtAdmin.post("/api/districts/" + districtId + "/schools", school);
        Http.Response unknown = districtAdmin.post("/api/districts/no-such-district/schools", school);
        Http.Response inTheirs = districtAdmin.post("/api/districts/" + DemoData.DISTRICT_ID + "/schools", school);

        assertThat(byATeacher.status()).as(byATeacher.body()).isEqualTo(403);
        assertThat(elsewhere.status())
                .as("a district they do not work in does not exist for them")
                .isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(inTheirs.status()).as(inTheirs.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select district_id from school where id = ?", String.class, schoolId))
                .isEqualTo(DemoData.DISTRICT_ID);
    }

    @Test
    void theStaffOfADistrictSeeItOthersDoNot() {
        Http.as(port, "demo").post("/api/districts", district(b -> {}));

        JsonNode demoDistrict =
                Http.as(port, "nurse").get("/api/districts/demo-district").json();

        assertThat(demoDistrict.path("state").asText()).isEqualTo("CO");
        assertThat(demoDistrict.path("schools").findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(DemoData.SCHOOL_IDS);
        assertThat(Http.as(port, "nurse").get("/api/districts/" + districtId).status())
                .isEqualTo(404);
    }

    /** The demo district's contact as the demo data sets it, put back after each test that changes it. */
    private static final String DEMO_CONTACT = "/api/districts/" + DemoData.DISTRICT_ID + "/family-contact";

    @Test
    void aDistrictAdministratorSetsWhoTheFamiliesContactAndItsStaffReadIt() {
        Http districtAdmin = Http.as(port, Role.DISTRICT_ADMIN.groupId());
        JsonNode before = districtAdmin.get(DEMO_CONTACT).json();
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("office", "Ana Ruiz, Director of Special Education");
        contact.put("phone", "(303) 555-0199");
        contact.put("email", "ana.ruiz@demo-district.example");
        contact.put("safeguardsUrl", "https://demo-district.example/rights");
        contact.put("parentCenterName", "PEAK Parent Center");
        contact.put("parentCenterPhone", " ");
        try {
            Http.Response set = districtAdmin.put(DEMO_CONTACT, contact);

            assertThat(set.status()).as(set.body()).isEqualTo(200);
            JsonNode read = Http.as(port, "coordinator").get(DEMO_CONTACT).json();
            assertThat(read.path("office").asText()).isEqualTo("Ana Ruiz, Director of Special Education");
            assertThat(read.path("phone").asText()).isEqualTo("(303) 555-0199");
            assertThat(read.path("safeguardsUrl").asText()).isEqualTo("https://demo-district.example/rights");
            assertThat(read.hasNonNull("parentCenterPhone"))
                    .as("blank means none")
                    .isFalse();
            assertThat(read.hasNonNull("parentCenterUrl"))
                    .as("what the request leaves out is none")
                    .isFalse();
        } finally {
            districtAdmin.put(DEMO_CONTACT, before);
        }
        assertThat(before.path("office").asText())
                .as("the demo district comes with an office")
                .isEqualTo("Special Education Office, Demo School District");
    }

    @Test
    void badContactsAndOtherStaffAreRefusedAndChangeNothing() {
        Http districtAdmin = Http.as(port, Role.DISTRICT_ADMIN.groupId());
        JsonNode before = districtAdmin.get(DEMO_CONTACT).json();

        Map<String, Object> badPhone = Map.of("office", "The office", "phone", "call us");
        Map<String, Object> badEmail = Map.of("office", "The office", "email", "not an address");
        Map<String, Object> badAddress = Map.of("safeguardsUrl", "ftp://demo-district.example/rights");
        Map<String, Object> unreachable = Map.of("office", "The office");
        Map<String, Object> nameless = Map.of("parentCenterUrl", "https://www.peakparent.org");
        for (Map<String, Object> bad : java.util.List.of(badPhone, badEmail, badAddress, unreachable, nameless)) {
            Http.Response response = districtAdmin.put(DEMO_CONTACT, bad);

            assertThat(response.status()).as(bad + " → " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(districtAdmin
                        .put(DEMO_CONTACT, badPhone)
                        .json()
                        .path("detail")
                        .asText())
                .contains("phone: digits, spaces");
        assertThat(districtAdmin
                        .put(DEMO_CONTACT, unreachable)
                        .json()
                        .path("detail")
                        .asText())
                .contains("needs a phone number or an e-mail address");
        Http.Response byACoordinator =
                Http.as(port, "coordinator").put(DEMO_CONTACT, Map.of("office", "Me", "phone", "555 0100"));
        assertThat(byACoordinator.status()).isEqualTo(403);
        Http.Response elsewhere = districtAdmin.put(
                "/api/districts/no-such-district/family-contact", Map.of("office", "Me", "phone", "555 0100"));
        assertThat(elsewhere.status()).isEqualTo(404);

        assertThat(districtAdmin.get(DEMO_CONTACT).json()).isEqualTo(before);
    }

    private Map<String, Object> district(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", districtId);
        body.put("name", "Mesa Ridge School District 51");
        body.put("state", "CO");
        body.put("timeZone", "America/Denver");
        change.accept(body);
        return body;
    }

    private static void refused(Http http, Map<String, Object> body, String detail) {
        Http.Response response = http.post("/api/districts", body);

        assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).as(body.toString()).contains(detail);
    }
}

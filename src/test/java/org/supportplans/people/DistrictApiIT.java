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

package org.supportplans.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.people.District;
import org.supportplans.people.DistrictRepository;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;

/** {@code POST /api/referrals}: cases open, join, and bad referrals are refused without a trace. */
@PostgresIntegrationTest
class ReferralApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SchoolRepository schools;

    @Autowired
    DistrictRepository districts;

    @Test
    void aSecondReferralOfAStudentJoinsTheOpenCase() {
        Http teacher = Http.as(port, "general-education-teacher");
        String student = Referrals.newStudentId();

        Http.Response first = teacher.post("/api/referrals", Referrals.of(student));
        Map<String, Object> fromTheNurse = Referrals.of(student);
        fromTheNurse.put("referredBy", Map.of("role", "OTHER", "name", "School nurse"));
        fromTheNurse.put("concerns", List.of("HEALTH"));
        Http.Response second = teacher.post("/api/referrals", fromTheNurse);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        String caseId = first.json().path("caseId").asText();
        assertThat(second.json().path("caseId").asText()).isEqualTo(caseId);
        assertThat(second.json().path("joinedOpenCase").asBoolean()).isTrue();
        assertThat(Http.as(port, "coordinator")
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("referrals"))
                .hasSize(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null"
                                + " and super_exec_ is null",
                        Integer.class,
                        caseId))
                .as("one process for the case")
                .isOne();
    }

    @Test
    void badReferralsAreRefusedWithAProblemAndChangeNothing() {
        Http coordinator = Http.as(port, "coordinator");
        String today = Referrals.today().toString();

        refused(coordinator, "{\"student\": ", "malformed JSON");
        refused(coordinator, "[]", "not an object");
        refused(coordinator, with(b -> b.remove("student")), "no student");
        refused(coordinator, with(b -> b.put("concerns", List.of())), "no concern");
        refused(coordinator, with(b -> b.put("concerns", List.of("SLEEPY"))), "unknown concern");
        refused(coordinator, with(b -> b.put("receivedOn", "2026-02-30")), "no such date");
        refused(
                coordinator,
                with(b -> b.put("receivedOn", Referrals.today().plusDays(2).toString())),
                "referral in the future");
        refused(coordinator, with(b -> b.put("receivedOn", "1999-09-01")), "referral decades ago");
        refused(coordinator, with(b -> b.put("parentRequestedEvaluation", "perhaps")), "wrong type");
        refused(coordinator, with(b -> b.put("reason", "x".repeat(4001))), "reason too long");
        refused(
                coordinator,
                with(b -> b.put("referredBy", Map.of("role", "NEIGHBOUR", "name", "Bob"))),
                "unknown referrer");
        refused(
                coordinator,
                with(b -> ((Map<String, Object>) b.get("student")).put("dateOfBirth", today)),
                "born today");
        refused(
                coordinator,
                with(b -> ((Map<String, Object>) b.get("student")).put("dateOfBirth", "1950-01-01")),
                "far too old");
        refused(
                coordinator,
                with(b -> ((Map<String, Object>) b.get("student")).put("localId", "<script>")),
                "id with markup");
    }

    @Test
    void aSchoolTheStaffMemberDoesNotWorkAtIsNotFound() {
        District demo = districts.findById("demo-district").orElseThrow();
        schools.save(new School("washington-academy", demo, "Washington Academy"));
        Map<String, Object> body = Referrals.of(Referrals.newStudentId());
        body.put("schoolId", "washington-academy");

        Http.Response response;
        try {
            response = Http.as(port, "coordinator").post("/api/referrals", body);
        } finally {
            schools.deleteById("washington-academy");
        }

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Http.as(port, "coordinator").get("/api/cases/no-such-case").status())
                .isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Referrals.of(Referrals.newStudentId());
        change.accept(body);
        return body;
    }

    private void refused(Http staff, Object body, String why) {
        int[] before = tableSizes();
        Http.Response response = staff.post("/api/referrals", body);
        assertThat(response.status()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).as(why).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).as(why).isNotBlank();
        assertThat(tableSizes()).as(why + ": nothing written").isEqualTo(before);
    }

    private int[] tableSizes() {
        return List.of("student", "support_case", "referral", "case_event", "act_ru_execution").stream()
                .mapToInt(table -> jdbc.queryForObject("select count(*) from " + table, Integer.class))
                .toArray();
    }
}

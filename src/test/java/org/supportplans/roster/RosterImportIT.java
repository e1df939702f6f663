package org.supportplans.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;

/**
 * A district loads its roster from its student information system's OneRoster 1.2 export, through {@code POST
 * /api/districts/{id}/roster}: a realistic district (3 schools, 300 staff, 6,000 students), the same file again
 * (nothing changes), a delta that retires a student whose case is open (the coordinator's task), the district's own
 * mapping of a job title, and files with every kind of error (refused, every row named, nothing changed).
 */
@PostgresIntegrationTest
class RosterImportIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TeachersOfRecord teachersOfRecord;

    @Test
    void aDistrictLoadsItsRosterThenItsChangesAndEveryErrorIsNamed() {
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z0-9]", "0");
        String districtId = prefix + "-district";
        Http admin = Http.as(port, "demo");
        Http.Response created = admin.post(
                "/api/districts",
                Map.of(
                        "id",
                        districtId,
                        "name",
                        "Roster Test School District",
                        "state",
                        "CO",
                        "timeZone",
                        "America/Denver"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        OneRosterDistrict district = new OneRosterDistrict(prefix, 3, 100, 2000);
        assertThat(district.staffCount()).isEqualTo(301);
        assertThat(district.students()).isEqualTo(6000);
        String roster = "/api/districts/" + districtId + "/roster";

        // the whole district, as its SIS exports it
        long started = System.nanoTime();
        Http.Response first = admin.post(roster, district.zip(), "application/zip");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode summary = first.json();
        System.out.printf("Roster import, 3 schools, 301 staff, 6,000 students: %d ms%n", millis);
        assertThat(summary.path("mode").asText()).isEqualTo("BULK");
        assertThat(counts(summary, "schools")).containsExactly(3, 0, 0);
        assertThat(counts(summary, "staff")).containsExactly(district.staffHere(), 0, 0);
        assertThat(counts(summary, "students")).containsExactly(6000, 0, 0);
        // each student is in two homerooms, each with its primary teacher
        assertThat(counts(summary, "teachersOfRecord")).containsExactly(12000, 0, 0);
        assertThat(summary.path("notStaffHere").path("aide / Paraprofessional").asInt())
                .isEqualTo(15);

        // the schools, named by their identifiers; the team in our roles at their schools
        assertThat(jdbc.queryForList(
                        "select id from school where district_id = ? order by id", String.class, districtId))
                .containsExactlyInAnyOrderElementsOf(district.schoolIdentifiers);
        assertThat(membersOf("school-psychologist", prefix)).hasSize(6);
        assertThat(membersOf("coordinator", prefix)).hasSize(3);
        assertThat(membersOf("general-education-teacher", prefix)).hasSize(3 * 79);
        assertThat(membersOf("lea-representative", prefix)).hasSize(3);
        List<User> director = membersOf("district-admin", prefix);
        assertThat(director).singleElement().satisfies(user -> {
            assertThat(user.getFirstName()).isEqualTo("Dana");
            assertThat(jdbc.queryForList(
                            "select school_id from school_staff where user_id = ?", String.class, user.getId()))
                    .containsExactlyInAnyOrderElementsOf(district.schoolIdentifiers);
        });
        User psychologist = membersOf("school-psychologist", prefix).get(0);
        assertThat(psychologist.getEmail()).endsWith("@" + prefix + ".k12.example.org");
        assertThat(jdbc.queryForList(
                        "select school_id from school_staff where user_id = ?", String.class, psychologist.getId()))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from roster_student where district_id = ? and active and date_of_birth is not null",
                        Integer.class,
                        districtId))
                .isEqualTo(6000);
        assertThat(teachersOfRecord.of(districtId, district.studentIdentifiers.get(0)))
                .hasSize(2);
        // nobody of the roster signs in with a password: the district signs its staff in with its identity provider
        assertThat(identity.checkPassword(psychologist.getId(), "")).isFalse();

        // the same file again: nothing to add, change or retire
        Http.Response again = admin.post(roster, district.zip(), "application/zip");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        for (String kind : List.of("schools", "staff", "students", "teachersOfRecord")) {
            assertThat(counts(again.json(), kind)).as(kind).containsExactly(0, 0, 0);
        }

        // a student with an open case leaves the district: a delta says so, the coordinator is asked
        String studentId = district.studentIdentifiers.get(0);
        Map<String, Object> referral = Referrals.of(studentId);
        referral.put("schoolId", district.schoolIdentifiers.get(0));
        Http.Response referred = admin.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        List<String> studentRow = district.files.get("users").stream()
                .filter(row -> row.contains(studentId))
                .findFirst()
                .orElseThrow();
        List<String> gone = new ArrayList<>(studentRow);
        gone.set(1, "tobedeleted");
        gone.set(2, "2026-11-30T08:00:00.000Z");
        Map<String, List<List<String>>> delta = new LinkedHashMap<>();
        delta.put("users", List.of(district.files.get("users").get(0), gone));
        Http.Response left = admin.post(
                roster,
                OneRosterDistrict.zip(delta, OneRosterDistrict.deltaManifest(List.of("users"))),
                "application/zip");
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.json().path("mode").asText()).isEqualTo("DELTA");
        assertThat(counts(left.json(), "students")).containsExactly(0, 0, 1);
        assertThat(left.json().path("departures").asInt()).isOne();
        Task departure = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskName("Student left the roster: transfer or exit?")
                .singleResult();
        assertThat(departure).isNotNull();
        assertThat(departure.getTenantId()).isEqualTo(district.schoolIdentifiers.get(0));

        // the school's coordinator (from the roster) answers in Tasklist: the family moved away
        User coordinator = membersOf("coordinator", prefix).stream()
                .filter(user -> jdbc.queryForList(
                                "select school_id from school_staff where user_id = ?", String.class, user.getId())
                        .contains(district.schoolIdentifiers.get(0)))
                .findFirst()
                .orElseThrow();
        coordinator.setPassword("a-password-for-this-test");
        identity.saveUser(coordinator);
        Http coordinatorHttp = Http.as(port, coordinator.getId(), "a-password-for-this-test");
        Http.Response done = coordinatorHttp.post(
                "/engine-rest/task/" + departure.getId() + "/submit-form",
                Map.of("variables", Map.of("departureDecision", Map.of("value", "MOVED_AWAY"))));
        assertThat(done.status()).as(done.body()).isIn(200, 204);
        Http.Response closed = admin.get("/api/cases/" + caseId);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");

        // the district maps its paraprofessionals to a role of ours: they get accounts at the next import
        Http.Response mapped = admin.put(
                roster + "/role-mapping",
                List.of(Map.of("source", "TITLE", "value", "Paraprofessional", "role", "special-education-teacher")));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        Http.Response withAides = admin.post(roster, district.zip(), "application/zip");
        assertThat(withAides.status()).as(withAides.body()).isEqualTo(200);
        assertThat(counts(withAides.json(), "staff")).containsExactly(15, 0, 0);
        // the bulk file still has the student who left: back on the roster
        assertThat(counts(withAides.json(), "students")).containsExactly(0, 1, 0);

        // a file with every kind of error: refused, each named with its file and line, nothing changed
        int usersBefore = (int) identity.createUserQuery().count();
        int studentsBefore = jdbc.queryForObject("select count(*) from roster_student", Integer.class);
        Map<String, List<List<String>>> broken = new LinkedHashMap<>();
        district.files.forEach((file, rows) ->
                broken.put(file, new ArrayList<>(rows.subList(0, Math.min(rows.size(), 40)))));
        List<List<String>> orgs = broken.get("orgs");
        orgs.add(new ArrayList<>(orgs.get(1))); // orgs.csv line 6: the district's org again
        List<String> activeInBulk = new ArrayList<>(broken.get("users").get(5));
        activeInBulk.set(1, "active");
        broken.get("users").set(5, activeInBulk); // users.csv line 6
        List<List<String>> roles = broken.get("roles");
        roles.add(OneRosterDistrict.row(
                "x-1",
                "",
                "",
                roles.get(1).get(3),
                "primary",
                "janitor",
                "",
                "",
                roles.get(1).get(8),
                ""));
        roles.add(OneRosterDistrict.row(
                "x-2", "", "", roles.get(1).get(3), "primary", "teacher", "", "", "no-such-org", ""));
        List<List<String>> demographics = broken.get("demographics");
        List<String> badBirth = new ArrayList<>(demographics.get(2));
        badBirth.set(3, "2015-13-01");
        demographics.set(2, badBirth); // demographics.csv line 3
        broken.get("enrollments")
                .add(OneRosterDistrict.row(
                        "x-3", "", "", "no-such-class", "", roles.get(1).get(3), "student", "false", "", ""));
        Http.Response refused = admin.post(roster, OneRosterDistrict.zip(broken, district.manifest), "application/zip");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> errors = new ArrayList<>();
        refused.json()
                .path("errors")
                .forEach(error -> errors.add(
                        error.path("file").asText() + ":" + error.path("line").asInt() + " "
                                + error.path("message").asText()));
        assertThat(errors)
                .anyMatch(error -> error.startsWith("orgs.csv:6 ") && error.contains("given twice"))
                .anyMatch(error -> error.startsWith("users.csv:6 ") && error.contains("status must be blank"))
                .anyMatch(error -> error.startsWith("roles.csv:41 ") && error.contains("\"janitor\""))
                .anyMatch(error -> error.startsWith("roles.csv:42 ") && error.contains("no-such-org"))
                .anyMatch(error -> error.startsWith("demographics.csv:3 ") && error.contains("2015-13-01"))
                .anyMatch(error -> error.startsWith("enrollments.csv:41 ") && error.contains("no-such-class"))
                .hasSize(6);
        assertThat(identity.createUserQuery().count()).isEqualTo(usersBefore);
        assertThat(jdbc.queryForObject("select count(*) from roster_student", Integer.class))
                .isEqualTo(studentsBefore);

        // not a zip, and a zip without the columns a file needs
        Http.Response notAZip = admin.post(roster, "orgs".getBytes(), "application/zip");
        assertThat(notAZip.status()).isEqualTo(400);
        Map<String, List<List<String>>> noColumns = new LinkedHashMap<>(district.files);
        noColumns.put("users", List.of(List.of("sourcedId", "givenName")));
        Http.Response missing =
                admin.post(roster, OneRosterDistrict.zip(noColumns, district.manifest), "application/zip");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("message").asText())
                .contains("username")
                .contains("familyName");

        // staff of the district who are not its administrators may not load a roster
        Http.Response teacher =
                Http.as(port, "general-education-teacher").post(roster, district.zip(), "application/zip");
        assertThat(teacher.status()).isIn(403, 404);
    }

    private List<User> membersOf(String group, String prefix) {
        return identity.createUserQuery().memberOfGroup(group).list().stream()
                .filter(user -> user.getId().endsWith("-" + prefix + "-k12-example-org"))
                .toList();
    }

    private static List<Integer> counts(JsonNode summary, String kind) {
        JsonNode counts = summary.path(kind);
        return List.of(
                counts.path("added").asInt(),
                counts.path("changed").asInt(),
                counts.path("retired").asInt());
    }
}

package org.supportplans.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supportplans.roster.OneRosterDistrict;

/**
 * The load's own staff ({@code load.staff=distinct}): one user per simulated staff member, as a district has
 * them, instead of the demo's one user per role shared by every thread. Distinct users matter for what the load
 * measures: each works at one demo school and sees only its tasks, a claim is one person's, the audit log and
 * the authorization checks see 500 people. They come in as a district brings its staff in, by the roster import
 * ({@code POST /api/districts/demo-district/roster}, a OneRoster 1.2 bulk file of orgs, users and roles, job
 * titles mapped by the default role mapping), which writes the Camunda user, their group and their school
 * ({@code school_staff}); the roster gives no password (districts sign staff in through their identity
 * provider), so each then gets one, the user id as for the demo staff, through the engine REST API
 * ({@code PUT /engine-rest/user/{id}/credentials}) as the demo administrator.
 */
final class LoadStaff {

    static final String DISTRICT = "demo-district";
    private static final String ADMIN = "demo";

    /** Each role as the SIS sends it: the OneRoster role and the job title ({@code metadata.title}). */
    private static final Map<String, String[]> ONE_ROSTER = Map.of(
            "coordinator", new String[] {"teacher", "Special Education Coordinator"},
            "special-education-teacher", new String[] {"teacher", "Special Education Teacher"},
            "school-psychologist", new String[] {"teacher", "School Psychologist"},
            "speech-language-pathologist", new String[] {"teacher", "Speech-Language Pathologist"},
            "general-education-teacher", new String[] {"teacher", "Classroom Teacher"},
            "gifted-coordinator", new String[] {"teacher", "Gifted and Talented Coordinator"},
            "mental-health", new String[] {"counselor", "School Social Worker"},
            "nurse", new String[] {"teacher", "School Nurse"},
            "section-504-coordinator", new String[] {"teacher", "Section 504 Coordinator"});

    /** A simulated staff member: their user id, role and school (null for a demo user, who works at all). */
    record Staff(String userId, String role, String school) {}

    private LoadStaff() {}

    /** The demo user of each role, one per member of the roster. */
    static List<Staff> demo(List<String> roster) {
        return roster.stream().map(role -> new Staff(role, role, null)).toList();
    }

    /** A user per member of the roster, the members of each role spread over the demo schools in turn. */
    static List<Staff> distinct(List<String> roster) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Staff> staff = new ArrayList<>();
        for (String role : roster) {
            int number = numbers.merge(role, 1, Integer::sum);
            String school = TaskForms.SCHOOLS.get((number - 1) % TaskForms.SCHOOLS.size());
            staff.add(new Staff(String.format("load-%s-%03d", role, number), role, school));
        }
        return staff;
    }

    /** Brings the staff in through the roster import, then gives each a password. */
    static void create(LoadClient client, List<Staff> staff) {
        LoadClient.Reply imported = client.postBytes(
                "roster", ADMIN, "/api/districts/" + DISTRICT + "/roster", rosterZip(staff), "application/zip");
        assertThat(imported.status()).as("roster import: " + imported.summary()).isEqualTo(200);
        for (Staff member : staff) {
            LoadClient.Reply password = client.put(
                    "password",
                    ADMIN,
                    "/engine-rest/user/" + member.userId() + "/credentials",
                    Map.of("password", member.userId(), "authenticatedUserPassword", ADMIN));
            assertThat(password.status())
                    .as("password of " + member.userId() + ": " + password.summary())
                    .isEqualTo(204);
        }
    }

    private static byte[] rosterZip(List<Staff> staff) {
        List<List<String>> orgs = OneRosterDistrict.table(OneRosterDistrict.ORGS);
        orgs.add(List.of("org-" + DISTRICT, "", "", "Demo School District", "district", DISTRICT, ""));
        List<String> names = List.of("Lincoln Elementary School", "Roosevelt Middle School", "Jefferson High School");
        for (int i = 0; i < TaskForms.SCHOOLS.size(); i++) {
            String school = TaskForms.SCHOOLS.get(i);
            orgs.add(List.of("org-" + school, "", "", names.get(i), "school", school, "org-" + DISTRICT));
        }
        List<List<String>> users = OneRosterDistrict.table(OneRosterDistrict.USERS);
        List<List<String>> roles = OneRosterDistrict.table(OneRosterDistrict.ROLES);
        for (Staff member : staff) {
            String[] oneRoster = ONE_ROSTER.get(member.role());
            String id = "user-" + member.userId();
            List<String> user = new ArrayList<>(List.of(
                    id,
                    "",
                    "",
                    "true",
                    member.userId(),
                    "",
                    "Load",
                    "Staff " + member.userId(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    oneRoster[1]));
            users.add(user);
            roles.add(List.of(id + "-r", "", "", id, "primary", oneRoster[0], "", "", "org-" + member.school(), ""));
        }
        Map<String, List<List<String>>> files = new LinkedHashMap<>();
        files.put("orgs", orgs);
        files.put("users", users);
        files.put("roles", roles);
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("manifest.version", "1.0");
        manifest.put("oneroster.version", "1.2");
        manifest.put("source.systemName", "Load test");
        for (String file : List.of(
                "academicSessions", "classes", "courses", "demographics", "enrollments", "orgs", "roles", "users")) {
            manifest.put("file." + file, files.containsKey(file) ? "bulk" : "absent");
        }
        return OneRosterDistrict.zip(files, manifest);
    }
}

package org.supportplans.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A district's OneRoster 1.2 CSV export, generated as a student information system writes it: a district org and
 * its schools, staff with OneRoster roles and job titles ({@code metadata.title}), students with their demographics,
 * a school year, classes and enrollments (each class a primary teacher). Names and ids carry a prefix so that
 * several districts can live in one test database. Deterministic for a seed.
 */
public final class OneRosterDistrict {

    /** The headers of the files orgs, users and roles (OneRoster 1.2 CSV), in their order. */
    public static final List<String> ORGS =
            List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId");

    public static final List<String> USERS = List.of(
            "sourcedId",
            "status",
            "dateLastModified",
            "enabledUser",
            "username",
            "userIds",
            "givenName",
            "familyName",
            "middleName",
            "identifier",
            "email",
            "sms",
            "phone",
            "agentSourcedIds",
            "grades",
            "password",
            "userMasterIdentifier",
            "resourceSourcedIds",
            "preferredGivenName",
            "preferredMiddleName",
            "preferredFamilyName",
            "primaryOrgSourcedId",
            "pronouns",
            "metadata.title");

    public static final List<String> ROLES = List.of(
            "sourcedId",
            "status",
            "dateLastModified",
            "userSourcedId",
            "roleType",
            "role",
            "beginDate",
            "endDate",
            "orgSourcedId",
            "userProfileSourcedId");

    /** Job titles of the special-education team, spread over the staff, and how many of each per school. */
    static final Map<String, Integer> TEAM_PER_SCHOOL = ordered(
            "Special Education Coordinator", 1,
            "School Psychologist", 2,
            "Special Education Teacher", 6,
            "Speech-Language Pathologist", 2,
            "School Nurse", 1,
            "School Social Worker", 2,
            "Occupational Therapist", 1);

    final String prefix;
    final int schools;
    final int studentsPerSchool;
    final int teachersPerSchool;
    final int aidesPerSchool;
    final Map<String, List<List<String>>> files = new LinkedHashMap<>();
    final Map<String, String> manifest = new LinkedHashMap<>();
    final List<String> studentIdentifiers = new ArrayList<>();
    final List<String> schoolIdentifiers = new ArrayList<>();

    OneRosterDistrict(String prefix, int schools, int staffPerSchool, int studentsPerSchool) {
        this.prefix = prefix;
        this.schools = schools;
        this.studentsPerSchool = studentsPerSchool;
        int team = TEAM_PER_SCHOOL.values().stream().mapToInt(Integer::intValue).sum();
        this.aidesPerSchool = 5;
        // the principal, the team, the aides, and general education teachers for the rest
        this.teachersPerSchool = staffPerSchool - 1 - team - aidesPerSchool;
        generate(new Random(7));
    }

    int staffCount() {
        return schools
                        * (1
                                + TEAM_PER_SCHOOL.values().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum()
                                + aidesPerSchool
                                + teachersPerSchool)
                + 1; // and the district's special education director
    }

    /** Staff who get an account here: everyone but the aides. */
    int staffHere() {
        return staffCount() - schools * aidesPerSchool;
    }

    int students() {
        return schools * studentsPerSchool;
    }

    private void generate(Random random) {
        List<List<String>> orgs = table(ORGS);
        List<List<String>> users = table(USERS);
        List<List<String>> roles = table(ROLES);
        List<List<String>> classes = table(
                "sourcedId",
                "status",
                "dateLastModified",
                "title",
                "grades",
                "courseSourcedId",
                "classCode",
                "classType",
                "location",
                "schoolSourcedId",
                "termSourcedIds",
                "subjects",
                "subjectCodes",
                "periods");
        List<List<String>> enrollments = table(
                "sourcedId",
                "status",
                "dateLastModified",
                "classSourcedId",
                "schoolSourcedId",
                "userSourcedId",
                "role",
                "primary",
                "beginDate",
                "endDate");
        List<List<String>> sessions = table(
                "sourcedId",
                "status",
                "dateLastModified",
                "title",
                "type",
                "startDate",
                "endDate",
                "parentSourcedId",
                "schoolYear");
        List<List<String>> demographics = table(
                "sourcedId",
                "status",
                "dateLastModified",
                "birthDate",
                "sex",
                "americanIndianOrAlaskaNative",
                "asian",
                "blackOrAfricanAmerican",
                "nativeHawaiianOrOtherPacificIslander",
                "white",
                "demographicRaceTwoOrMoreRaces",
                "hispanicOrLatinoEthnicity",
                "countryOfBirthCode",
                "stateOfBirthAbbreviation",
                "cityOfBirth",
                "publicSchoolResidenceStatus");

        String district = prefix + "-district";
        orgs.add(row(district, "", "", "Roster Test School District", "district", prefix + "-district", ""));
        sessions.add(row(prefix + "-2026", "", "", "2026-2027", "schoolYear", "2026-08-17", "2027-05-27", "", "2027"));
        String director = prefix + "-director";
        users.add(user(director, "director", "Dana", "Whitfield", "", "Director of Special Education"));
        roles.add(row(director + "-r", "", "", director, "primary", "districtAdministrator", "", "", district, ""));

        String[] levels = {"elementary", "middle", "high"};
        int staffNumber = 0;
        int studentNumber = 0;
        for (int s = 0; s < schools; s++) {
            String school = prefix + "-school-" + s;
            String identifier = prefix + "-" + levels[s % levels.length] + (s < levels.length ? "" : "-" + s);
            schoolIdentifiers.add(identifier);
            orgs.add(row(
                    school,
                    "",
                    "",
                    "Roster " + capital(levels[s % levels.length]) + " School " + s,
                    "school",
                    identifier,
                    district));
            List<String> teachers = new ArrayList<>();
            List<String[]> staff = new ArrayList<>();
            staff.add(new String[] {"principal", ""});
            TEAM_PER_SCHOOL.forEach((title, count) -> {
                for (int i = 0; i < count; i++) {
                    staff.add(new String[] {title.contains("Social Worker") ? "counselor" : "teacher", title});
                }
            });
            for (int i = 0; i < aidesPerSchool; i++) {
                staff.add(new String[] {"aide", "Paraprofessional"});
            }
            for (int i = 0; i < teachersPerSchool; i++) {
                staff.add(new String[] {"teacher", "Classroom Teacher"});
            }
            for (String[] member : staff) {
                String id = prefix + "-staff-" + (++staffNumber);
                users.add(user(
                        id,
                        "staff" + staffNumber,
                        FIRST[staffNumber % FIRST.length],
                        LAST[(staffNumber * 7) % LAST.length],
                        "",
                        member[1]));
                roles.add(row(id + "-r", "", "", id, "primary", member[0], "", "", school, ""));
                if (member[1].equals("Classroom Teacher")) {
                    teachers.add(id);
                }
            }
            // a homeroom class per teacher; each student in one homeroom and one more class
            for (String teacher : teachers) {
                String klass = teacher + "-homeroom";
                classes.add(row(
                        klass, "", "", "Homeroom", "", "", "", "homeroom", "", school, prefix + "-2026", "", "", ""));
                enrollments.add(row(klass + "-t", "", "", klass, school, teacher, "teacher", "true", "", ""));
            }
            for (int i = 0; i < studentsPerSchool; i++) {
                String id = prefix + "-student-" + (++studentNumber);
                String studentNumberId = prefix.toUpperCase() + "-" + (100000 + studentNumber);
                studentIdentifiers.add(studentNumberId);
                users.add(student(
                        id,
                        studentNumberId,
                        FIRST[(studentNumber * 3) % FIRST.length],
                        LAST[(studentNumber * 5) % LAST.length]));
                roles.add(row(id + "-r", "", "", id, "primary", "student", "", "", school, ""));
                LocalDate born = LocalDate.of(2010, 9, 1).plusDays(random.nextInt(365 * 12));
                demographics.add(row(
                        id,
                        "",
                        "",
                        born.toString(),
                        random.nextBoolean() ? "female" : "male",
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
                        ""));
                String homeroom = teachers.get(i % teachers.size()) + "-homeroom";
                enrollments.add(row(id + "-e1", "", "", homeroom, school, id, "student", "false", "", ""));
                String second = teachers.get((i + 1) % teachers.size()) + "-homeroom";
                enrollments.add(row(id + "-e2", "", "", second, school, id, "student", "false", "", ""));
            }
        }
        files.put("orgs", orgs);
        files.put("users", users);
        files.put("roles", roles);
        files.put("classes", classes);
        files.put("enrollments", enrollments);
        files.put("academicSessions", sessions);
        files.put("demographics", demographics);
        manifest.put("manifest.version", "1.0");
        manifest.put("oneroster.version", "1.2");
        for (String file : List.of(
                "academicSessions",
                "categories",
                "classes",
                "classResources",
                "courses",
                "courseResources",
                "demographics",
                "enrollments",
                "lineItemLearningObjectiveIds",
                "lineItems",
                "lineItemScoreScales",
                "orgs",
                "resources",
                "resultLearningObjectiveIds",
                "results",
                "resultScoreScales",
                "roles",
                "scoreScales",
                "userProfiles",
                "userResources",
                "users")) {
            manifest.put("file." + file, files.containsKey(file) ? "bulk" : "absent");
        }
        manifest.put("source.systemName", "Roster Test SIS");
        manifest.put("source.systemCode", "RTS");
    }

    private List<String> user(String id, String username, String first, String last, String identifier, String title) {
        return row(
                id,
                "",
                "",
                "true",
                username + "@" + prefix + ".k12.example.org",
                "",
                first,
                last,
                "",
                identifier,
                username + "@" + prefix + ".k12.example.org",
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
                title);
    }

    private List<String> student(String id, String identifier, String first, String last) {
        return row(
                id,
                "",
                "",
                "true",
                identifier.toLowerCase(),
                "",
                first,
                last,
                "",
                identifier,
                "",
                "",
                "",
                "",
                "05",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
    }

    /** The file as a zip, as the SIS would upload it. */
    byte[] zip() {
        return zip(files, manifest);
    }

    /** The files and their manifest as a zip, as a SIS uploads them (values with a comma or a quote quoted). */
    public static byte[] zip(Map<String, List<List<String>>> files, Map<String, String> manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            StringBuilder text = new StringBuilder("propertyName,value\r\n");
            manifest.forEach(
                    (name, value) -> text.append(name).append(',').append(value).append("\r\n"));
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, List<List<String>>> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey() + ".csv"));
                zip.write(csv(file.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                if (i > 0) {
                    text.append(',');
                }
                text.append(
                        value.contains(",") || value.contains("\"")
                                ? "\"" + value.replace("\"", "\"\"") + "\""
                                : value);
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** A delta file of these rows, with {@code status} and {@code dateLastModified} set. */
    static Map<String, String> deltaManifest(List<String> files) {
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("manifest.version", "1.0");
        manifest.put("oneroster.version", "1.2");
        for (String file :
                List.of("academicSessions", "classes", "demographics", "enrollments", "orgs", "roles", "users")) {
            manifest.put("file." + file, files.contains(file) ? "delta" : "absent");
        }
        return manifest;
    }

    private static List<List<String>> table(String... header) {
        return table(List.of(header));
    }

    /** A file's rows, its header first. */
    public static List<List<String>> table(List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        return rows;
    }

    static List<String> row(String... values) {
        return new ArrayList<>(List.of(values));
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static final String[] FIRST = {
        "Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jada", "Kofi", "Lena", "Milo", "Nia",
        "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Vic", "Wren", "Xavi", "Yara", "Zeke"
    };
    private static final String[] LAST = {
        "Alvarez", "Brooks", "Chavez", "Dubois", "Eriksen", "Fofana", "Gallagher", "Hoang", "Ibarra", "Jovanovic",
        "Kaplan", "Lindgren", "Mbeki", "Nakamura", "Ortega", "Pereira", "Quintero", "Rahman", "Sato", "Tremblay"
    };
}

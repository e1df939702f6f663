package org.supportplans.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.CasePhase;
import org.supportplans.people.District;
import org.supportplans.people.DistrictAccess;
import org.supportplans.people.Role;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.people.SchoolTenants;
import org.supportplans.roster.OneRosterZip.Mode;
import org.supportplans.roster.OneRosterZip.Problem;
import org.supportplans.roster.OneRosterZip.Row;
import org.supportplans.system.AsApplication;
import org.supportplans.system.CurrentStaff;

/**
 * Imports a district's OneRoster 1.2 CSV file ({@link OneRosterZip}): its schools, its staff (Camunda users in our
 * roles, at their schools), its students and each student's teachers of record. All or nothing: the whole file is
 * checked first and any problem refuses it ({@link RosterRejected}, every problem with its file and line); then it
 * is written in one transaction. Importing the same file again changes nothing. Only what a roster made is changed
 * or retired by a roster (a school or a user made by hand stays as it is).
 *
 * <p>A bulk file is the whole district: what it no longer has is retired (a school is kept for its cases, a staff
 * member loses their account, a student is marked as gone). A delta file changes what it names: {@code
 * tobedeleted} retires. A student who is gone while their case is open raises the coordinator's task "Student left
 * the roster: transfer or exit?" ({@code processes/roster-departure.bpmn}).
 */
@Service
public class RosterImport {

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

    static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern SCHOOL_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Set<String> PERSON_ROLES = Set.of(
            "aide",
            "counselor",
            "districtAdministrator",
            "guardian",
            "parent",
            "principal",
            "proctor",
            "relative",
            "siteAdministrator",
            "student",
            "systemAdministrator",
            "teacher",
            "administrator",
            "learner");
    private static final Set<String> NOT_STAFF = Set.of("student", "learner", "parent", "guardian", "relative");

    /** Students with a plan in effect got new teachers of record: they are to be told what to provide. */
    public record TeachersOfRecordChanged(List<String> caseIds) {}

    /** What a roster changed, of one kind of record. */
    public record Counts(int added, int changed, int retired) {
        static Counts of(int[] counts) {
            return new Counts(counts[0], counts[1], counts[2]);
        }
    }

    /**
     * The answer to an import.
     *
     * @param notStaffHere people of the file in roles that map to none of ours, by OneRoster role or title: they get
     *     no account (change the mapping to include them)
     * @param departures open cases whose student left the roster: the coordinator is asked what happens next
     */
    public record Summary(
            String mode,
            Counts schools,
            Counts staff,
            Counts students,
            Counts teachersOfRecord,
            Map<String, Integer> notStaffHere,
            int departures) {}

    private final DistrictAccess districts;
    private final org.supportplans.people.DistrictRepository districtRepository;
    private final SchoolRepository schools;
    private final SchoolTenants tenants;
    private final IdentityService identity;
    private final AsApplication asApplication;
    private final NamedParameterJdbcTemplate jdbc;
    private final CaseDirectory cases;
    private final RuntimeService runtime;
    private final RoleMappings mappings;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RosterImport(
            DistrictAccess districts,
            org.supportplans.people.DistrictRepository districtRepository,
            SchoolRepository schools,
            SchoolTenants tenants,
            IdentityService identity,
            AsApplication asApplication,
            NamedParameterJdbcTemplate jdbc,
            CaseDirectory cases,
            RuntimeService runtime,
            RoleMappings mappings,
            ObjectMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.districts = districts;
        this.districtRepository = districtRepository;
        this.schools = schools;
        this.tenants = tenants;
        this.identity = identity;
        this.asApplication = asApplication;
        this.jdbc = jdbc;
        this.cases = cases;
        this.runtime = runtime;
        this.mappings = mappings;
        this.json = json;
        this.clock = clock;
    }

    /** The user id a roster's username gets here (a Camunda user id: letters and digits in words joined by '-'). */
    public static String userIdOf(String username) {
        String id = username.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return id.length() <= 64 ? id : id.substring(0, 64).replaceAll("-$", "");
    }

    @Transactional
    public Summary importZip(String districtId, byte[] zip, CurrentStaff staff) {
        District district = districts.administered(districtId, staff);
        List<Problem> problems = new ArrayList<>();
        OneRosterZip file = OneRosterZip.read(zip, problems);
        if (problems.stream().anyMatch(problem -> problem.line() <= 1)) {
            // a file that could not be read as a whole (no manifest, a missing column): its rows tell nothing more
            throw new RosterRejected(problems);
        }
        return importFile(district, file, problems, staff.userId());
    }

    /** The whole roster as the district's OneRoster REST provider gave it ({@link OneRosterPull}): a bulk import. */
    @Transactional
    public Summary importPulled(String districtId, OneRosterZip file) {
        District district = districtRepository
                .findById(districtId)
                .orElseThrow(() -> new IllegalStateException("No district " + districtId + " to pull a roster for."));
        return importFile(district, file, new ArrayList<>(), OneRosterPull.ACTOR);
    }

    private Summary importFile(District district, OneRosterZip file, List<Problem> problems, String actor) {
        String districtId = district.getId();
        RoleMapping mapping = mappings.of(districtId);
        Links links = new Links(districtId);
        Model model = Model.of(file, links, mapping, LocalDate.now(clock.withZone(district.getTimeZone())), problems);
        if (!problems.isEmpty()) {
            throw new RosterRejected(problems);
        }

        Summary summary = asApplication.call(() -> {
            Map<String, String> schoolIds = new HashMap<>();
            Counts schoolCounts = schools(district, file, model, links, schoolIds);
            Counts staffCounts = staff(district, file, model, links, schoolIds);
            Counts studentCounts = students(districtId, file, model, schoolIds);
            Counts teacherCounts = teachersOfRecord(districtId, file, model, links);
            int departures = departures(districtId);
            return new Summary(
                    file.overall().name(),
                    schoolCounts,
                    staffCounts,
                    studentCounts,
                    teacherCounts,
                    model.notStaffHere,
                    departures);
        });
        jdbc.update(
                "insert into roster_import (district_id, imported_at, imported_by, mode, summary)"
                        + " values (:district, :at, :by, :mode, :summary)",
                new MapSqlParameterSource()
                        .addValue("district", districtId)
                        .addValue("at", OffsetDateTime.now(clock))
                        .addValue("by", actor)
                        .addValue("mode", summary.mode())
                        .addValue("summary", toJson(summary)));
        log.info(
                "Roster of district {} imported ({}): schools {}, staff {}, students {}, teachers of record {},"
                        + " departures {}",
                districtId,
                summary.mode(),
                summary.schools(),
                summary.staff(),
                summary.students(),
                summary.teachersOfRecord(),
                summary.departures());
        return summary;
    }

    // ---- schools

    private Counts schools(District district, OneRosterZip file, Model model, Links links, Map<String, String> ids) {
        int[] counts = new int[3];
        Set<String> inFile = new HashSet<>();
        for (Row org : model.schoolRows) {
            String sourcedId = org.get("sourcedId");
            inFile.add(sourcedId);
            String name = org.get("name");
            Optional<String> linked = links.active(Links.SCHOOL, sourcedId);
            if (org.deleted()) {
                if (linked.isPresent()) {
                    links.retire(Links.SCHOOL, sourcedId);
                    counts[2]++;
                }
                continue;
            }
            if (linked.isPresent() || links.retired(Links.SCHOOL, sourcedId).isPresent()) {
                String id = linked.orElseGet(
                        () -> links.retired(Links.SCHOOL, sourcedId).orElseThrow());
                School school = schools.findById(id).orElseThrow();
                if (!school.getName().equals(name)
                        || links.retired(Links.SCHOOL, sourcedId).isPresent()) {
                    school.rename(name);
                    links.put(Links.SCHOOL, sourcedId, id);
                    counts[1]++;
                }
                ids.put(sourcedId, id);
                continue;
            }
            String identifier = org.get("identifier").toLowerCase(Locale.ROOT);
            String id;
            Optional<School> existing = SCHOOL_ID.matcher(identifier).matches()
                    ? schools.findById(identifier)
                            .filter(school -> school.getDistrict().getId().equals(district.getId()))
                    : Optional.empty();
            if (existing.isPresent()) {
                // a school the district made by hand, now named by its SIS: linked, not made twice
                id = identifier;
                if (!existing.get().getName().equals(name)) {
                    existing.get().rename(name);
                }
                counts[1]++;
            } else {
                id = freeSchoolId(SCHOOL_ID.matcher(identifier).matches() ? identifier : slug(name));
                schools.saveAndFlush(new School(id, district, name));
                tenants.schoolCreated(id, name, district.getId());
                counts[0]++;
            }
            links.put(Links.SCHOOL, sourcedId, id);
            ids.put(sourcedId, id);
        }
        if (file.mode("orgs") == Mode.BULK) {
            for (String sourcedId : links.activeSourcedIds(Links.SCHOOL)) {
                if (!inFile.contains(sourcedId)) {
                    // kept for the cases that name it; no longer in the district's roster
                    links.retire(Links.SCHOOL, sourcedId);
                    counts[2]++;
                }
            }
        }
        // schools of the district the file does not name but that earlier imports linked
        links.activeEntries(Links.SCHOOL).forEach(ids::putIfAbsent);
        return Counts.of(counts);
    }

    private String freeSchoolId(String wanted) {
        String base = wanted.isEmpty() ? "school" : wanted.length() > 56 ? wanted.substring(0, 56) : wanted;
        String id = base;
        for (int n = 2; schools.existsById(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String unguessable() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return java.util.HexFormat.of().formatHex(secret);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    // ---- staff

    private Counts staff(
            District district, OneRosterZip file, Model model, Links links, Map<String, String> schoolIds) {
        int[] counts = new int[3];
        List<School> districtSchools = schools.findAll().stream()
                .filter(school -> school.getDistrict().getId().equals(district.getId()))
                .toList();
        Set<String> inFile = new HashSet<>();
        for (Model.Person person : model.staff.values()) {
            inFile.add(person.sourcedId());
            Optional<String> linked = links.active(Links.STAFF, person.sourcedId());
            if (person.deleted()) {
                if (linked.isPresent()) {
                    retireStaff(linked.get(), districtSchools);
                    links.retire(Links.STAFF, person.sourcedId());
                    counts[2]++;
                }
                continue;
            }
            String userId = linked.orElseGet(() -> userIdOf(person.row().get("username")));
            User user = identity.createUserQuery().userId(userId).singleResult();
            boolean created = user == null;
            // an account made by hand with the same id is linked to its roster record from now on
            boolean changed = !created && linked.isEmpty();
            if (created) {
                user = identity.newUser(userId);
                // no password to sign in with: the district signs its staff in through its identity provider (a
                // user without one would make Camunda's password check fail rather than refuse)
                user.setPassword(unguessable());
            }
            String first = person.row().get("givenName");
            String last = person.row().get("familyName");
            String email = person.row().get("email");
            if (created
                    || !first.equals(user.getFirstName())
                    || !last.equals(user.getLastName())
                    || !email.equals(Optional.ofNullable(user.getEmail()).orElse(""))) {
                changed = true;
                user.setFirstName(first);
                user.setLastName(last);
                user.setEmail(email.isEmpty() ? null : email);
                identity.saveUser(user);
            }
            links.put(Links.STAFF, person.sourcedId(), userId);

            Set<String> groups = new HashSet<>();
            person.roles().forEach(role -> groups.add(role.groupId()));
            Set<String> memberOf = new HashSet<>();
            identity.createGroupQuery().groupMember(userId).list().forEach(group -> memberOf.add(group.getId()));
            for (Role role : Role.values()) {
                boolean member = memberOf.contains(role.groupId());
                if (groups.contains(role.groupId()) && !member) {
                    identity.createMembership(userId, role.groupId());
                    changed = true;
                } else if (!groups.contains(role.groupId()) && member) {
                    identity.deleteMembership(userId, role.groupId());
                    changed = true;
                }
            }
            Set<String> at = new HashSet<>();
            for (String org : person.orgs()) {
                if (schoolIds.containsKey(org)) {
                    at.add(schoolIds.get(org));
                } else if (model.districtOrgs.contains(org)) {
                    districtSchools.forEach(school -> at.add(school.getId()));
                }
            }
            for (School school : districtSchools) {
                if (at.contains(school.getId()) && !school.employs(userId)) {
                    school.assign(userId);
                    changed = true;
                } else if (!at.contains(school.getId()) && school.employs(userId)) {
                    school.unassign(userId);
                    changed = true;
                }
            }
            schools.flush();
            if (created) {
                counts[0]++;
            } else if (changed) {
                counts[1]++;
            }
            if (changed) {
                tenants.staffChanged(userId);
            }
        }
        if (file.mode("users") == Mode.BULK) {
            for (Map.Entry<String, String> link :
                    links.activeEntries(Links.STAFF).entrySet()) {
                if (!inFile.contains(link.getKey())) {
                    retireStaff(link.getValue(), districtSchools);
                    links.retire(Links.STAFF, link.getKey());
                    counts[2]++;
                }
            }
        }
        return Counts.of(counts);
    }

    /** No longer on staff: out of the district's schools, and no account (their history keeps their id). */
    private void retireStaff(String userId, List<School> districtSchools) {
        districtSchools.stream().filter(school -> school.employs(userId)).forEach(school -> school.unassign(userId));
        schools.flush();
        if (identity.createUserQuery().userId(userId).count() > 0) {
            identity.deleteUser(userId);
        }
    }

    // ---- students

    private Counts students(String districtId, OneRosterZip file, Model model, Map<String, String> schoolIds) {
        int[] counts = new int[3];
        Map<String, Map<String, Object>> stored = new HashMap<>();
        jdbc.query("select * from roster_student where district_id = :district", Map.of("district", districtId), rs -> {
            Map<String, Object> row = new HashMap<>();
            row.put("local_id", rs.getString("local_id"));
            row.put("first_name", rs.getString("first_name"));
            row.put("last_name", rs.getString("last_name"));
            row.put("date_of_birth", rs.getObject("date_of_birth", LocalDate.class));
            row.put("school_id", rs.getString("school_id"));
            row.put("active", rs.getBoolean("active"));
            stored.put(rs.getString("sourced_id"), row);
        });
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        for (Model.Person student : model.students.values()) {
            inFile.add(student.sourcedId());
            Map<String, Object> before = stored.get(student.sourcedId());
            if (student.deleted()) {
                if (before != null && (Boolean) before.get("active")) {
                    updates.add(retiredStudent(districtId, student.sourcedId()));
                    counts[2]++;
                }
                continue;
            }
            String schoolId = student.orgs().stream()
                    .map(schoolIds::get)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            Map<String, Object> after = new HashMap<>();
            after.put("local_id", student.localId());
            after.put("first_name", student.row().get("givenName"));
            after.put("last_name", student.row().get("familyName"));
            after.put("date_of_birth", model.birthDates.get(student.sourcedId()));
            after.put("school_id", schoolId);
            after.put("active", true);
            MapSqlParameterSource values = new MapSqlParameterSource(after)
                    .addValue("district", districtId)
                    .addValue("sourced", student.sourcedId());
            if (before == null) {
                inserts.add(values);
                counts[0]++;
            } else if (!before.equals(after)) {
                updates.add(values);
                counts[1]++;
            }
        }
        if (file.mode("users") == Mode.BULK) {
            stored.forEach((sourcedId, row) -> {
                if ((Boolean) row.get("active") && !inFile.contains(sourcedId)) {
                    updates.add(retiredStudent(districtId, sourcedId));
                    counts[2]++;
                }
            });
        }
        jdbc.batchUpdate(
                "insert into roster_student (district_id, sourced_id, local_id, first_name, last_name, date_of_birth,"
                        + " school_id, active) values (:district, :sourced, :local_id, :first_name, :last_name,"
                        + " :date_of_birth, :school_id, :active)",
                inserts.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(
                "update roster_student set local_id = coalesce(:local_id, local_id),"
                        + " first_name = coalesce(:first_name, first_name), last_name = coalesce(:last_name, last_name),"
                        + " date_of_birth = :date_of_birth, school_id = :school_id, active = :active"
                        + " where district_id = :district and sourced_id = :sourced",
                updates.toArray(MapSqlParameterSource[]::new));
        return Counts.of(counts);
    }

    private MapSqlParameterSource retiredStudent(String districtId, String sourcedId) {
        Map<String, Object> row = jdbc.queryForMap(
                "select date_of_birth, school_id from roster_student where district_id = :district"
                        + " and sourced_id = :sourced",
                Map.of("district", districtId, "sourced", sourcedId));
        return new MapSqlParameterSource()
                .addValue("district", districtId)
                .addValue("sourced", sourcedId)
                .addValue("local_id", null)
                .addValue("first_name", null)
                .addValue("last_name", null)
                .addValue("date_of_birth", row.get("date_of_birth"))
                .addValue("school_id", row.get("school_id"))
                .addValue("active", false);
    }

    // ---- teachers of record

    private Counts teachersOfRecord(String districtId, OneRosterZip file, Model model, Links links) {
        int[] counts = new int[3];
        if (file.mode("enrollments") == Mode.ABSENT) {
            return Counts.of(counts);
        }
        // the file's enrollments into the store: a bulk file replaces the district's, a delta adds and removes
        if (file.mode("enrollments") == Mode.BULK) {
            jdbc.update("delete from roster_enrollment where district_id = :district", Map.of("district", districtId));
        }
        List<MapSqlParameterSource> gone = new ArrayList<>();
        Map<String, MapSqlParameterSource> enrolled = new LinkedHashMap<>();
        for (Row row : model.enrollments) {
            MapSqlParameterSource enrollment = new MapSqlParameterSource()
                    .addValue("district", districtId)
                    .addValue("class", row.get("classSourcedId"))
                    .addValue("user", row.get("userSourcedId"))
                    .addValue("role", row.get("role"))
                    .addValue("primary", "true".equals(row.get("primary")));
            gone.add(enrollment);
            String key = row.get("classSourcedId") + "\n" + row.get("userSourcedId");
            if (row.deleted()) {
                enrolled.remove(key);
            } else {
                enrolled.put(key, enrollment);
            }
        }
        jdbc.batchUpdate(
                "delete from roster_enrollment where district_id = :district and class_sourced_id = :class"
                        + " and user_sourced_id = :user",
                gone.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(
                "insert into roster_enrollment (district_id, class_sourced_id, user_sourced_id, role, is_primary)"
                        + " values (:district, :class, :user, :role, :primary)",
                enrolled.values().toArray(MapSqlParameterSource[]::new));

        // every student's teachers of record, from the store: the primary teachers of their classes (all the
        // class's teachers where none is primary), who are staff here
        Map<String, String> staffIds = links.activeEntries(Links.STAFF);
        Map<String, Set<String>> wanted = new TreeMap<>();
        jdbc.query(
                "select s.user_sourced_id as student, t.user_sourced_id as teacher from roster_enrollment s"
                        + " join roster_enrollment t on t.district_id = s.district_id"
                        + " and t.class_sourced_id = s.class_sourced_id and t.role = 'teacher'"
                        + " where s.district_id = :district and s.role = 'student'"
                        + " and (t.is_primary or not exists (select 1 from roster_enrollment p"
                        + " where p.district_id = t.district_id and p.class_sourced_id = t.class_sourced_id"
                        + " and p.role = 'teacher' and p.is_primary))",
                Map.of("district", districtId),
                rs -> {
                    String teacher = staffIds.get(rs.getString("teacher"));
                    Set<String> teachers = wanted.computeIfAbsent(rs.getString("student"), k -> new LinkedHashSet<>());
                    if (teacher != null) {
                        teachers.add(teacher);
                    }
                });
        Map<String, Set<String>> stored = new HashMap<>();
        jdbc.query(
                "select student_sourced_id, teacher_user_id from roster_teacher_of_record where district_id = :district",
                Map.of("district", districtId),
                rs -> {
                    stored.computeIfAbsent(rs.getString(1), s -> new HashSet<>())
                            .add(rs.getString(2));
                });
        Set<String> students = new HashSet<>(wanted.keySet());
        students.addAll(stored.keySet());
        List<MapSqlParameterSource> added = new ArrayList<>();
        List<MapSqlParameterSource> removed = new ArrayList<>();
        for (String student : students) {
            Set<String> before = stored.getOrDefault(student, Set.of());
            Set<String> after = wanted.getOrDefault(student, Set.of());
            for (String teacher : after) {
                if (!before.contains(teacher)) {
                    added.add(teacherRow(districtId, student, teacher));
                }
            }
            for (String teacher : before) {
                if (!after.contains(teacher)) {
                    removed.add(teacherRow(districtId, student, teacher));
                }
            }
        }
        jdbc.batchUpdate(
                "insert into roster_teacher_of_record (district_id, student_sourced_id, teacher_user_id)"
                        + " values (:district, :student, :teacher)",
                added.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(
                "delete from roster_teacher_of_record where district_id = :district and student_sourced_id = :student"
                        + " and teacher_user_id = :teacher",
                removed.toArray(MapSqlParameterSource[]::new));
        counts[0] = added.size();
        counts[2] = removed.size();
        Set<String> withNewTeachers = new HashSet<>();
        added.forEach(row -> withNewTeachers.add((String) row.getValue("student")));
        List<String> inEffect = new ArrayList<>();
        if (!withNewTeachers.isEmpty()) {
            Map<String, String> localIds = new HashMap<>();
            jdbc.query(
                    "select sourced_id, local_id from roster_student where district_id = :district",
                    Map.of("district", districtId),
                    rs -> {
                        localIds.put(rs.getString(1), rs.getString(2));
                    });
            Map<String, List<CaseDirectory.OpenCase>> open = cases.openCasesByStudent(districtId);
            for (String student : withNewTeachers) {
                open.getOrDefault(localIds.get(student), List.of()).stream()
                        .filter(openCase -> openCase.phase() == CasePhase.PLAN_IN_EFFECT)
                        .forEach(openCase -> inEffect.add(openCase.caseId()));
            }
        }
        if (!inEffect.isEmpty()) {
            events.publishEvent(new TeachersOfRecordChanged(inEffect));
        }
        return Counts.of(counts);
    }

    private static MapSqlParameterSource teacherRow(String districtId, String student, String teacher) {
        return new MapSqlParameterSource()
                .addValue("district", districtId)
                .addValue("student", student)
                .addValue("teacher", teacher);
    }

    // ---- students who left while their case is open

    private int departures(String districtId) {
        int started = 0;
        List<String> gone = jdbc.queryForList(
                "select local_id from roster_student where district_id = :district and active = false",
                Map.of("district", districtId),
                String.class);
        Map<String, List<CaseDirectory.OpenCase>> openCases =
                gone.isEmpty() ? Map.of() : cases.openCasesByStudent(districtId);
        for (String localId : gone) {
            for (CaseDirectory.OpenCase open : openCases.getOrDefault(localId, List.of())) {
                boolean asked = runtime.createProcessInstanceQuery()
                                .processDefinitionKey(RosterDeparture.PROCESS_KEY)
                                .processInstanceBusinessKey(open.caseId())
                                .count()
                        > 0;
                if (!asked) {
                    runtime.createProcessInstanceByKey(RosterDeparture.PROCESS_KEY)
                            .businessKey(open.caseId())
                            .setVariable(RosterDeparture.SCHOOL_ID, open.schoolId())
                            .execute();
                    started++;
                }
            }
        }
        return started;
    }

    private String toJson(Summary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file read into what we keep, with every row checked: the schools, the staff with their roles and
     * organisations, the students with their school and birth date, the teachers of each student.
     */
    static final class Model {

        record Person(String sourcedId, Row row, boolean deleted, Set<Role> roles, List<String> orgs, String localId) {}

        final List<Row> schoolRows = new ArrayList<>();
        final Set<String> districtOrgs = new HashSet<>();
        final Map<String, Person> staff = new LinkedHashMap<>();
        final Map<String, Person> students = new LinkedHashMap<>();
        final Map<String, LocalDate> birthDates = new HashMap<>();
        final List<Row> enrollments = new ArrayList<>();
        final Map<String, Integer> notStaffHere = new TreeMap<>();

        static Model of(OneRosterZip file, Links links, RoleMapping mapping, LocalDate today, List<Problem> problems) {
            Model model = new Model();
            Set<String> orgIds = new HashSet<>(links.allSourcedIds(Links.SCHOOL));
            Set<String> seen = new HashSet<>();
            for (Row org : file.rows("orgs")) {
                String id = org.get("sourcedId");
                if (id.isEmpty() || !seen.add(id)) {
                    problems.add(new Problem(
                            org.file(),
                            org.line(),
                            id.isEmpty() ? "sourcedId is empty." : "sourcedId " + id + " is given twice."));
                    continue;
                }
                orgIds.add(id);
                switch (org.get("type")) {
                    case "school" -> {
                        if (org.get("name").isEmpty() && !org.deleted()) {
                            problems.add(new Problem(org.file(), org.line(), "A school needs a name."));
                        } else if (org.get("name").length() > 200) {
                            problems.add(new Problem(org.file(), org.line(), "name is longer than 200 characters."));
                        } else {
                            model.schoolRows.add(org);
                        }
                    }
                    case "district", "local", "state", "national", "department" -> {
                        if (!org.deleted()) {
                            model.districtOrgs.add(id);
                        }
                    }
                    default ->
                        problems.add(new Problem(
                                org.file(),
                                org.line(),
                                "type \"" + org.get("type") + "\" is not a OneRoster org type (school, district, local,"
                                        + " state, national, department)."));
                }
            }

            Map<String, Row> users = new LinkedHashMap<>();
            for (Row user : file.rows("users")) {
                String id = user.get("sourcedId");
                if (id.isEmpty() || users.containsKey(id)) {
                    problems.add(new Problem(
                            user.file(),
                            user.line(),
                            id.isEmpty() ? "sourcedId is empty." : "sourcedId " + id + " is given twice."));
                    continue;
                }
                users.put(id, user);
            }
            for (Row demographic : file.rows("demographics")) {
                String birth = demographic.get("birthDate");
                if (birth.isEmpty()) {
                    continue;
                }
                try {
                    LocalDate date = LocalDate.parse(birth);
                    if (date.isAfter(today)) {
                        problems.add(new Problem(
                                demographic.file(), demographic.line(), "birthDate " + birth + " is in the future."));
                    }
                    model.birthDates.put(demographic.get("sourcedId"), date);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(
                            demographic.file(),
                            demographic.line(),
                            "birthDate \"" + birth + "\" is not a date (YYYY-MM-DD)."));
                }
            }

            // each user's roles at their organisations (roles.csv, OneRoster 1.2)
            Map<String, List<Row>> rolesOf = new HashMap<>();
            for (Row role : file.rows("roles")) {
                String user = role.get("userSourcedId");
                if (!users.containsKey(user)
                        && !links.allSourcedIds(Links.STAFF).contains(user)) {
                    problems.add(
                            new Problem(role.file(), role.line(), "userSourcedId " + user + " is not in users.csv."));
                    continue;
                }
                if (!orgIds.contains(role.get("orgSourcedId"))) {
                    problems.add(new Problem(
                            role.file(),
                            role.line(),
                            "orgSourcedId " + role.get("orgSourcedId") + " is not in orgs.csv."));
                    continue;
                }
                if (!PERSON_ROLES.contains(role.get("role"))) {
                    problems.add(new Problem(
                            role.file(), role.line(), "role \"" + role.get("role") + "\" is not a OneRoster role."));
                    continue;
                }
                if (!Set.of("primary", "secondary").contains(role.get("roleType"))) {
                    problems.add(new Problem(
                            role.file(),
                            role.line(),
                            "roleType must be primary or secondary, not \"" + role.get("roleType") + "\"."));
                    continue;
                }
                rolesOf.computeIfAbsent(user, u -> new ArrayList<>()).add(role);
            }

            Set<String> usernames = new HashSet<>();
            for (Row user : users.values()) {
                String id = user.get("sourcedId");
                List<Row> roles = rolesOf.getOrDefault(id, List.of());
                if (roles.isEmpty()) {
                    if (!user.deleted()) {
                        problems.add(new Problem(user.file(), user.line(), "User " + id + " has no row in roles.csv."));
                    } else if (links.allSourcedIds(Links.STAFF).contains(id)) {
                        // a delta retiring a staff member names the user only
                        model.staff.put(id, new Person(id, user, true, Set.of(), List.of(), ""));
                    } else {
                        // or a student (one the roster never had is nobody to retire)
                        model.students.put(id, new Person(id, user, true, Set.of(), List.of(), user.get("identifier")));
                    }
                    continue;
                }
                List<String> orgs = roles.stream()
                        .sorted((a, b) -> a.get("roleType").compareTo(b.get("roleType"))) // primary first
                        .map(role -> role.get("orgSourcedId"))
                        .distinct()
                        .toList();
                boolean student = roles.stream().anyMatch(role -> NOT_STAFF.contains(role.get("role")));
                if (student) {
                    if (roles.stream()
                            .noneMatch(role -> Set.of("student", "learner").contains(role.get("role")))) {
                        continue; // parents, guardians, relatives: not ours to keep
                    }
                    String localId = user.get("identifier").isEmpty() ? id : user.get("identifier");
                    if (!LOCAL_ID.matcher(localId).matches()) {
                        problems.add(new Problem(
                                user.file(),
                                user.line(),
                                "The student's identifier \"" + localId + "\" is not a local id (letters, digits,"
                                        + " '.', '_' and '-', 64 at most)."));
                        continue;
                    }
                    if (!user.deleted()
                            && (user.get("givenName").isEmpty()
                                    || user.get("familyName").isEmpty())) {
                        problems.add(
                                new Problem(user.file(), user.line(), "A student needs a givenName and a familyName."));
                        continue;
                    }
                    model.students.put(id, new Person(id, user, user.deleted(), Set.of(), orgs, localId));
                    continue;
                }
                String title = user.get("metadata.title");
                Set<Role> ours = new HashSet<>();
                for (Row role : roles) {
                    mapping.roleOf(role.get("role"), title).ifPresent(ours::add);
                }
                if (ours.isEmpty()) {
                    String key = title.isEmpty()
                            ? roles.get(0).get("role")
                            : roles.get(0).get("role") + " / " + title;
                    model.notStaffHere.merge(key, 1, Integer::sum);
                    continue;
                }
                String username = user.get("username");
                String userId = userIdOf(username);
                if (!user.deleted()) {
                    if (userId.isEmpty()) {
                        problems.add(new Problem(user.file(), user.line(), "A staff member needs a username."));
                        continue;
                    }
                    if (!usernames.add(userId)) {
                        problems.add(new Problem(
                                user.file(), user.line(), "username " + username + " is given to two people."));
                        continue;
                    }
                    if (user.get("givenName").isEmpty()
                            || user.get("familyName").isEmpty()) {
                        problems.add(new Problem(
                                user.file(), user.line(), "A staff member needs a givenName and a familyName."));
                        continue;
                    }
                }
                model.staff.put(id, new Person(id, user, user.deleted(), ours, orgs, userId));
            }

            // enrollments: each names a class of the file (or of an earlier file, for a delta without classes)
            Set<String> classIds = new HashSet<>();
            file.rows("classes").forEach(row -> classIds.add(row.get("sourcedId")));
            for (Row enrollment : file.rows("enrollments")) {
                String classId = enrollment.get("classSourcedId");
                if (file.mode("classes") != Mode.ABSENT && !classIds.contains(classId) && !enrollment.deleted()) {
                    problems.add(new Problem(
                            enrollment.file(),
                            enrollment.line(),
                            "classSourcedId " + classId + " is not in classes.csv."));
                    continue;
                }
                if (enrollment.get("userSourcedId").isEmpty() || classId.isEmpty()) {
                    problems.add(new Problem(
                            enrollment.file(),
                            enrollment.line(),
                            "An enrollment needs a classSourcedId and a userSourcedId."));
                    continue;
                }
                model.enrollments.add(enrollment);
            }
            return model;
        }
    }

    /** What each sourcedId of the district became here ({@code roster_link}). */
    final class Links {

        static final String SCHOOL = "SCHOOL";
        static final String STAFF = "STAFF";

        private final String districtId;
        private final Map<String, Map<String, String>> active = new HashMap<>();
        private final Map<String, Map<String, String>> retired = new HashMap<>();

        Links(String districtId) {
            this.districtId = districtId;
            jdbc.query(
                    "select kind, sourced_id, local_id, retired from roster_link where district_id = :district",
                    Map.of("district", districtId),
                    rs -> {
                        (rs.getBoolean("retired") ? retired : active)
                                .computeIfAbsent(rs.getString("kind"), k -> new HashMap<>())
                                .put(rs.getString("sourced_id"), rs.getString("local_id"));
                    });
        }

        Optional<String> active(String kind, String sourcedId) {
            return Optional.ofNullable(active.getOrDefault(kind, Map.of()).get(sourcedId));
        }

        Optional<String> retired(String kind, String sourcedId) {
            return Optional.ofNullable(retired.getOrDefault(kind, Map.of()).get(sourcedId));
        }

        Set<String> activeSourcedIds(String kind) {
            return Set.copyOf(active.getOrDefault(kind, Map.of()).keySet());
        }

        Map<String, String> activeEntries(String kind) {
            return Map.copyOf(active.getOrDefault(kind, Map.of()));
        }

        Set<String> allSourcedIds(String kind) {
            Set<String> all = new HashSet<>(active.getOrDefault(kind, Map.of()).keySet());
            all.addAll(retired.getOrDefault(kind, Map.of()).keySet());
            return all;
        }

        void put(String kind, String sourcedId, String localId) {
            boolean known = allSourcedIds(kind).contains(sourcedId);
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("district", districtId)
                    .addValue("kind", kind)
                    .addValue("sourced", sourcedId)
                    .addValue("local", localId);
            jdbc.update(
                    known
                            ? "update roster_link set local_id = :local, retired = false where district_id = :district"
                                    + " and kind = :kind and sourced_id = :sourced"
                            : "insert into roster_link (district_id, kind, sourced_id, local_id, retired)"
                                    + " values (:district, :kind, :sourced, :local, false)",
                    values);
            retired.getOrDefault(kind, new HashMap<>()).remove(sourcedId);
            active.computeIfAbsent(kind, k -> new HashMap<>()).put(sourcedId, localId);
        }

        void retire(String kind, String sourcedId) {
            jdbc.update(
                    "update roster_link set retired = true where district_id = :district and kind = :kind"
                            + " and sourced_id = :sourced",
                    Map.of("district", districtId, "kind", kind, "sourced", sourcedId));
            String localId = active.getOrDefault(kind, new HashMap<>()).remove(sourcedId);
            if (localId != null) {
                retired.computeIfAbsent(kind, k -> new HashMap<>()).put(sourcedId, localId);
            }
        }
    }
}

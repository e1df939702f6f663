package org.supportplans.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.ClockKind;
import org.supportplans.people.SchoolTenants;
import org.supportplans.system.AsApplication;
import org.supportplans.system.CurrentStaff;

/**
 * The coordinator's list of clocks: one SQL over our tables (clock, case, student, school, staff) with
 * every filter, sorted by the due date that counts (an extension, else the counted date), unknown due
 * dates last, a page at a time; then the open Camunda tasks of the page's cases in one SQL over the
 * engine's runtime tables. It reads the tables of the cases and people modules directly, for speed:
 * a page is two queries (three with its count) whatever the number of cases.
 *
 * <p>"Today" is each district's own date (its time zone): a running clock past its due date there is
 * reported {@code OVERDUE}, as the clock's watch will mark it.
 */
@Service
@Transactional(readOnly = true)
class DeadlineList {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private static final String DUE = "coalesce(c.extended_to, c.due_date)";

    // the clock holds its case's school: a school's clocks are a range of the clock's index on the school (V9)
    private static final String FROM = """
            from clock c
            join school s on s.id = c.school_id
            """;

    /** What to list; a null means "any". No statuses means the open ones. */
    record Filter(String schoolId, ClockKind clock, Set<ClockStatus> statuses, String assignee, Integer dueWithinDays) {
        Filter {
            statuses = statuses == null || statuses.isEmpty()
                    ? EnumSet.copyOf(ClockService.OPEN)
                    : EnumSet.copyOf(statuses);
        }

        static Filter openClocks() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** A clock as read from the database, with its case's student and school. */
    record ClockRow(
            long clockId,
            String caseId,
            ClockKind kind,
            String legalBasis,
            ClockRule.Unit unit,
            String ruleText,
            LocalDate startDate,
            LocalDate dueDate,
            String dueUnknownReason,
            ClockStatus storedStatus,
            String firstName,
            String lastName,
            String localId,
            String schoolId,
            String schoolName,
            String districtId) {

        /** Overdue too when it still runs past its due date (today in the district). */
        ClockStatus statusOn(LocalDate today) {
            return storedStatus == ClockStatus.RUNNING && dueDate != null && dueDate.isBefore(today)
                    ? ClockStatus.OVERDUE
                    : storedStatus;
        }
    }

    /** A plan meeting scheduled and not held yet, of an open case. */
    record MeetingRow(
            long meetingId,
            String caseId,
            LocalDate scheduledOn,
            String location,
            String firstName,
            String lastName,
            String localId,
            String schoolName) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendars calendars;
    private final IdentityService identityService;
    private final AsApplication asApplication;
    private final java.time.Clock time;
    private final NextSteps nextSteps;

    DeadlineList(
            NamedParameterJdbcTemplate jdbc,
            SchoolCalendars calendars,
            IdentityService identityService,
            AsApplication asApplication,
            java.time.Clock time,
            NextSteps nextSteps) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.identityService = identityService;
        this.asApplication = asApplication;
        this.time = time;
        this.nextSteps = nextSteps;
    }

    /** A page of the clocks the staff member may see, soonest due first, with the next steps of each case. */
    DeadlineView list(Filter filter, int page, int size, CurrentStaff staff) {
        Map<String, ZoneId> zones = districtZones();
        Map<String, LocalDate> today = todayIn(zones);
        ClockWhere where = where(filter, staff, today);
        where.params.addValue("offset", (long) page * size).addValue("size", size);
        List<ClockRow> clocks = jdbc.query(
                selectClocks(where, "offset :offset rows fetch next :size rows only"), where.params, this::clockRow);
        long total = page == 0 && clocks.size() < size
                ? clocks.size()
                : jdbc.queryForObject("select count(*) " + FROM + where.sql(), where.params, Long.class);

        Map<String, List<DeadlineView.NextStep>> steps = nextSteps.of(clocks, zones);
        Map<String, DistrictCalendar> districtCalendars = new HashMap<>();
        List<DeadlineView.Row> rows = clocks.stream()
                .map(clock -> row(
                        clock,
                        today.get(clock.districtId()),
                        districtCalendars,
                        steps.getOrDefault(clock.caseId(), List.of())))
                .toList();
        return new DeadlineView(rows, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Every clock of the filter with a known due date, soonest first (the calendar feed). */
    List<ClockRow> withDueDates(Filter filter, CurrentStaff staff) {
        ClockWhere where = where(filter, staff, todayByDistrict());
        where.and(DUE + " is not null");
        return jdbc.query(selectClocks(where, ""), where.params, this::clockRow);
    }

    /**
     * The plan meetings scheduled and not yet held of the open cases the staff member may see, soonest
     * first. Of the filter, the school and the assignee apply, and {@code dueWithinDays} as "scheduled
     * within so many days"; the clock and status filters are about clocks, not meetings.
     */
    List<MeetingRow> plannedMeetings(Filter filter, CurrentStaff staff) {
        Map<String, LocalDate> today = todayByDistrict();
        ClockWhere where = new ClockWhere(today);
        where.and("m.purpose = 'PLAN' and m.scheduled_on is not null and m.held_on is null and sc.status = 'OPEN'");
        caseScope(where, filter, staff, "sc.school_id", "sc.id");
        if (filter.dueWithinDays() != null) {
            where.and("m.scheduled_on <= " + where.todayPlus(filter.dueWithinDays()));
        }
        return jdbc.query(
                """
                select m.id, m.case_id, m.scheduled_on, m.location, st.first_name, st.last_name, st.local_id,
                       s.name as school_name
                from meeting m
                join support_case sc on sc.id = m.case_id
                join school s on s.id = sc.school_id
                join student st on st.id = sc.student_id
                """ + where.sql() + " order by m.scheduled_on, m.id",
                where.params,
                (rs, n) -> new MeetingRow(
                        rs.getLong("id"),
                        rs.getString("case_id"),
                        rs.getObject("scheduled_on", LocalDate.class),
                        rs.getString("location"),
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("local_id"),
                        rs.getString("school_name")));
    }

    /** Today in each district's time zone. */
    Map<String, LocalDate> todayByDistrict() {
        return todayIn(districtZones());
    }

    private Map<String, LocalDate> todayIn(Map<String, ZoneId> zones) {
        Map<String, LocalDate> today = new HashMap<>();
        zones.forEach((district, zone) -> today.put(district, LocalDate.now(time.withZone(zone))));
        return today;
    }

    private Map<String, ZoneId> districtZones() {
        Map<String, ZoneId> zones = new HashMap<>();
        jdbc.query("select id, time_zone from district", rs -> {
            zones.put(rs.getString("id"), ZoneId.of(rs.getString("time_zone")));
        });
        return zones;
    }

    /**
     * The clocks of the filter, soonest due first, a page of them ({@code page} is the SQL after the order,
     * e.g. {@code offset ... fetch next ...}, or empty for all). The page is chosen from the clocks alone
     * (and their school) and its cases and students joined after: joined before, PostgreSQL read every
     * student of the district (a hash join over 100,000 rows, issue 7's bench) to keep 50 of them.
     */
    private static String selectClocks(ClockWhere where, String page) {
        return """
                select p.*, st.first_name, st.last_name, st.local_id
                from (
                    select c.id, c.case_id, c.kind, c.legal_basis, c.rule_unit, c.rule_text, c.start_date,
                           %s as due, c.due_unknown_reason, c.status,
                           c.school_id, s.name as school_name, s.district_id
                    %s
                    %s
                    order by %s nulls last, c.id
                    %s
                ) p
                join support_case sc on sc.id = p.case_id
                join student st on st.id = sc.student_id
                order by p.due nulls last, p.id
                """.formatted(DUE, FROM, where.sql(), DUE, page);
    }

    private ClockRow clockRow(ResultSet rs, int rowNum) throws SQLException {
        return new ClockRow(
                rs.getLong("id"),
                rs.getString("case_id"),
                ClockKind.valueOf(rs.getString("kind")),
                rs.getString("legal_basis"),
                ClockRule.Unit.valueOf(rs.getString("rule_unit")),
                rs.getString("rule_text"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("due", LocalDate.class),
                rs.getString("due_unknown_reason"),
                ClockStatus.valueOf(rs.getString("status")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("local_id"),
                rs.getString("school_id"),
                rs.getString("school_name"),
                rs.getString("district_id"));
    }

    private DeadlineView.Row row(
            ClockRow clock,
            LocalDate today,
            Map<String, DistrictCalendar> districtCalendars,
            List<DeadlineView.NextStep> nextSteps) {
        ClockStatus status = clock.statusOn(today);
        Integer daysLeft = null;
        // a paused clock stands still and an ended one has nothing left to count
        if (clock.dueDate() != null && (status == ClockStatus.RUNNING || status == ClockStatus.OVERDUE)) {
            DistrictCalendar calendar =
                    clock.unit() == ClockRule.Unit.SCHOOL_DAYS || clock.unit() == ClockRule.Unit.BUSINESS_DAYS
                            // keyed by school: a school may keep its own calendar
                            ? districtCalendars.computeIfAbsent(
                                    clock.schoolId(), school -> calendars.calendarOf(clock.districtId(), school))
                            : null;
            daysLeft = DaysLeft.count(clock.unit(), today, clock.dueDate(), calendar);
        }
        return new DeadlineView.Row(
                clock.clockId(),
                clock.caseId(),
                clock.firstName() + " " + clock.lastName(),
                clock.localId(),
                clock.schoolId(),
                clock.schoolName(),
                clock.kind().id(),
                clock.kind().label(),
                clock.legalBasis(),
                clock.ruleText(),
                clock.startDate(),
                clock.dueDate(),
                clock.dueUnknownReason(),
                status,
                daysLeft,
                nextSteps);
    }

    // ---- the filter as SQL ------------------------------------------------------------------------

    private ClockWhere where(Filter filter, CurrentStaff staff, Map<String, LocalDate> today) {
        ClockWhere where = new ClockWhere(today);
        caseScope(where, filter, staff, "c.school_id", "c.case_id");
        if (filter.clock() != null) {
            where.and("c.kind = :kind");
            where.params.addValue("kind", filter.clock().name());
        }
        statuses(where, filter.statuses());
        if (filter.dueWithinDays() != null) {
            where.and(DUE + " <= " + where.todayPlus(filter.dueWithinDays()));
        }
        return where;
    }

    /**
     * The caller's schools (a district administrator's: their districts'; all for an administrator), the school
     * asked for, and the assignee's cases; {@code school} and {@code caseId} are the columns of the row's school
     * and case.
     */
    private void caseScope(ClockWhere where, Filter filter, CurrentStaff staff, String school, String caseId) {
        if (!staff.isMemberOf(Groups.CAMUNDA_ADMIN)) {
            where.and(school + " in ("
                    + SchoolTenants.visibleSchoolsSql(SchoolTenants.isDistrictAdmin(staff.groupIds()), ":caller")
                    + ")");
            where.params.addValue("caller", staff.userId());
        }
        if (filter.schoolId() != null) {
            where.and(school + " = :school");
            where.params.addValue("school", filter.schoolId());
        }
        if (filter.assignee() != null) {
            assignee(where, filter.assignee(), school, caseId);
        }
    }

    /**
     * A RUNNING clock past its due date is reported OVERDUE: asking for RUNNING leaves it out, asking for
     * OVERDUE takes it in.
     */
    private static void statuses(ClockWhere where, Set<ClockStatus> wanted) {
        Set<ClockStatus> stored = EnumSet.copyOf(wanted);
        List<String> any = new ArrayList<>();
        boolean running = wanted.contains(ClockStatus.RUNNING);
        boolean overdue = wanted.contains(ClockStatus.OVERDUE);
        if (running != overdue) {
            stored.remove(ClockStatus.RUNNING);
            stored.remove(ClockStatus.OVERDUE);
            String today = where.todayPlus(0);
            any.add(
                    running
                            ? "(c.status = 'RUNNING' and (" + DUE + " is null or " + DUE + " >= " + today + "))"
                            : "c.status = 'OVERDUE' or (c.status = 'RUNNING' and " + DUE + " < " + today + ")");
        }
        if (!stored.isEmpty()) {
            any.add("c.status in (:statuses)");
            where.params.addValue("statuses", stored.stream().map(Enum::name).toList());
        }
        where.and(String.join(" or ", any));
    }

    /**
     * Cases whose next step the user holds: a task assigned to them, or not yet claimed and offered to them
     * or to one of their groups; at the schools where the user works.
     */
    private void assignee(ClockWhere where, String userId, String school, String caseId) {
        List<String> groups =
                asApplication
                        .call(() -> identityService
                                .createGroupQuery()
                                .groupMember(userId)
                                .list())
                        .stream()
                        .map(Group::getId)
                        .toList();
        String offered = groups.isEmpty()
                ? "l.user_id_ = :assignee"
                : "(l.user_id_ = :assignee or l.group_id_ in (:assigneeGroups))";
        where.and(school + " in (select sa.school_id from school_staff sa where sa.user_id = :assignee)");
        where.and("""
                exists (select 1 from act_ru_execution e
                        join act_ru_task t on t.proc_inst_id_ = e.id_
                        where e.business_key_ = %s
                          and (t.assignee_ = :assignee
                               or (t.assignee_ is null
                                   and exists (select 1 from act_ru_identitylink l
                                               where l.task_id_ = t.id_ and l.type_ = 'candidate' and %s))))
                """.formatted(caseId, offered));
        where.params.addValue("assignee", userId);
        if (!groups.isEmpty()) {
            where.params.addValue("assigneeGroups", groups);
        }
    }
}

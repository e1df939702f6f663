package org.supportplans.progress;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.deadlines.DistrictCalendar;
import org.supportplans.deadlines.SchoolCalendars;
import org.supportplans.people.Role;
import org.supportplans.people.SchoolTenants;
import org.supportplans.progress.ServicesOwed.Frequency;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;
import org.supportplans.system.NotFoundException;

/**
 * The minutes owed to each student of a school, service by service, over a period ({@link ServicesOwed}): the IEP
 * versions implemented in the period (in effect, superseded or ended) and their services, the sessions logged, the
 * school's calendar. Most owed first.
 */
@Service
class ServicesOwedReport {

    static final int MAX_DAYS = 366;

    record Row(
            String caseId,
            String studentLocalId,
            String serviceId,
            int planVersion,
            String service,
            String providerRole,
            int minutes,
            String frequency,
            LocalDate startsOn,
            LocalDate endsOn,
            int prescribed,
            int delivered,
            int madeUp,
            int excused,
            int owed,
            List<ServicesOwed.Week> weeks) {}

    /** A week of a service, for the CSV. */
    record WeekRow(
            String caseId,
            String studentLocalId,
            String serviceId,
            String service,
            String providerRole,
            LocalDate weekOf,
            int prescribed,
            int delivered,
            int madeUp,
            int excused,
            int owed) {}

    record Totals(int prescribed, int delivered, int madeUp, int excused, int owed) {}

    record Report(
            String school,
            LocalDate from,
            LocalDate to,
            String providerRole,
            int daysWithoutCalendar,
            Totals totals,
            List<Row> rows) {

        List<WeekRow> weekRows() {
            List<WeekRow> weeks = new ArrayList<>();
            for (Row row : rows) {
                for (ServicesOwed.Week week : row.weeks()) {
                    weeks.add(new WeekRow(
                            row.caseId(),
                            row.studentLocalId(),
                            row.serviceId(),
                            row.service(),
                            row.providerRole(),
                            week.weekOf(),
                            week.prescribed(),
                            week.delivered(),
                            week.madeUp(),
                            week.excused(),
                            week.owed()));
                }
            }
            return weeks;
        }
    }

    private record Line(
            String caseId,
            String studentLocalId,
            long planId,
            int planVersion,
            int number,
            String service,
            String providerRole,
            int minutes,
            String frequency,
            LocalDate startsOn,
            LocalDate endsOn) {}

    private final JdbcTemplate jdbc;
    private final SchoolTenants schools;
    private final SchoolCalendars calendars;

    ServicesOwedReport(JdbcTemplate jdbc, SchoolTenants schools, SchoolCalendars calendars) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.calendars = calendars;
    }

    /** The filters as given; each refused with a message when it makes no sense. */
    record Filter(String school, LocalDate from, LocalDate to, String providerRole) {

        static Filter of(String school, String from, String to, String providerRole) {
            if (school == null || school.isBlank()) {
                throw new InvalidFilter("school: required (a school id).");
            }
            LocalDate first = date("from", from);
            LocalDate last = date("to", to);
            if (last.isBefore(first)) {
                throw new InvalidFilter("to (" + last + ") is before from (" + first + ").");
            }
            if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                throw new InvalidFilter(
                        "from " + first + " to " + last + ": a period of at most " + MAX_DAYS + " days.");
            }
            String role = providerRole == null || providerRole.isBlank() ? null : providerRole.strip();
            if (role != null && Role.ofGroupId(role).isEmpty()) {
                throw new InvalidFilter("providerRole \"" + role + "\" is not one of our roles.");
            }
            return new Filter(school.strip(), first, last, role);
        }

        private static LocalDate date(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidFilter(name + ": required (YYYY-MM-DD).");
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidFilter(name + " \"" + value + "\" is not a date (YYYY-MM-DD).");
            }
        }
    }

    @Transactional(readOnly = true)
    public Report report(Filter filter, CurrentStaff staff) {
        String districtId =
                jdbc.queryForList("select district_id from school where id = ?", String.class, filter.school()).stream()
                        .findFirst()
                        .filter(found ->
                                staff.isMemberOf(Groups.CAMUNDA_ADMIN) || schools.maySee(staff, filter.school()))
                        .orElseThrow(() -> new NotFoundException("No school " + filter.school() + "."));
        DistrictCalendar calendar = calendars.calendarOf(districtId, filter.school());
        Set<LocalDate> schoolDays = new HashSet<>();
        int withoutCalendar = 0;
        for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            Optional<Integer> counted = calendar.schoolDaysBetween(day.minusDays(1), day);
            if (counted.isEmpty()) {
                // no calendar loaded for that school year: Monday to Friday
                withoutCalendar++;
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    schoolDays.add(day);
                }
            } else if (counted.get() == 1) {
                schoolDays.add(day);
            }
        }
        List<Line> lines = lines(filter);
        Map<String, List<ServicesOwed.Session>> sessions = sessions(filter);
        List<Row> rows = new ArrayList<>();
        for (Line line : lines) {
            String serviceId = line.planId() + "." + line.number();
            ServicesOwed.Result result = ServicesOwed.compute(
                    new ServicesOwed.Service(
                            line.minutes(), Frequency.valueOf(line.frequency()), line.startsOn(), line.endsOn()),
                    filter.from(),
                    filter.to(),
                    schoolDays::contains,
                    sessions.getOrDefault(serviceId, List.of()));
            rows.add(new Row(
                    line.caseId(),
                    line.studentLocalId(),
                    serviceId,
                    line.planVersion(),
                    line.service(),
                    line.providerRole(),
                    line.minutes(),
                    line.frequency(),
                    line.startsOn(),
                    line.endsOn(),
                    result.prescribed(),
                    result.delivered(),
                    result.madeUp(),
                    result.excused(),
                    result.owed(),
                    result.weeks()));
        }
        rows.sort(Comparator.comparingInt(Row::owed)
                .reversed()
                .thenComparing(Row::caseId)
                .thenComparing(Row::serviceId));
        Totals totals = new Totals(
                rows.stream().mapToInt(Row::prescribed).sum(),
                rows.stream().mapToInt(Row::delivered).sum(),
                rows.stream().mapToInt(Row::madeUp).sum(),
                rows.stream().mapToInt(Row::excused).sum(),
                rows.stream().mapToInt(Row::owed).sum());
        return new Report(
                filter.school(), filter.from(), filter.to(), filter.providerRole(), withoutCalendar, totals, rows);
    }

    /** The services of the school's IEP versions implemented in the period, each within its version's dates. */
    private List<Line> lines(Filter filter) {
        String sql = "select c.id, st.local_id, p.id, p.plan_version, ps.position, ps.service, ps.provider_role,"
                + " ps.minutes, ps.frequency, ps.starts_on, ps.ends_on,"
                + " coalesce(p.effective_from, p.starts_on), coalesce(p.effective_to, p.ends_on)"
                + " from support_case c join student st on st.id = c.student_id"
                + " join support_plan p on p.case_id = c.id join plan_service ps on ps.plan_id = p.id"
                + " where c.school_id = ? and p.kind = 'IEP' and p.status in ('IN_EFFECT', 'SUPERSEDED', 'ENDED')"
                + " and coalesce(p.effective_from, p.starts_on) <= ? and coalesce(p.effective_to, p.ends_on) >= ?"
                + " and ps.starts_on <= ? and ps.ends_on >= ?"
                + (filter.providerRole() == null ? "" : " and ps.provider_role = ?");
        List<Object> args = new ArrayList<>(List.of(
                filter.school(),
                Date.valueOf(filter.to()),
                Date.valueOf(filter.from()),
                Date.valueOf(filter.to()),
                Date.valueOf(filter.from())));
        if (filter.providerRole() != null) {
            args.add(filter.providerRole());
        }
        return jdbc.query(
                sql,
                (rs, i) -> {
                    LocalDate serviceFrom = rs.getDate(10).toLocalDate();
                    LocalDate serviceTo = rs.getDate(11).toLocalDate();
                    LocalDate planFrom = rs.getDate(12).toLocalDate();
                    LocalDate planTo = rs.getDate(13).toLocalDate();
                    return new Line(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getInt(4),
                            rs.getInt(5) + 1,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getInt(8),
                            rs.getString(9),
                            serviceFrom.isAfter(planFrom) ? serviceFrom : planFrom,
                            serviceTo.isBefore(planTo) ? serviceTo : planTo);
                },
                args.toArray());
    }

    /**
     * The period's sessions at the school (each session keeps the school of its case when it was logged), read from
     * the index alone ({@code ix_service_session_school_date}, V16_4): a quarter of a school of 6,700 cases in 172 ms
     * at 10.5 million sessions, where joining the school's cases scanned the whole table (README "Performance").
     */
    private Map<String, List<ServicesOwed.Session>> sessions(Filter filter) {
        Map<String, List<ServicesOwed.Session>> sessions = new HashMap<>();
        jdbc.query(
                "select ss.plan_id, ss.service_number, ss.session_date, ss.status, ss.missed_reason, ss.make_up,"
                        + " ss.minutes from service_session ss"
                        + " where ss.school_id = ? and ss.session_date between ? and ?",
                rs -> {
                    String reason = rs.getString(5);
                    sessions.computeIfAbsent(rs.getLong(1) + "." + rs.getInt(2), id -> new ArrayList<>())
                            .add(new ServicesOwed.Session(
                                    rs.getDate(3).toLocalDate(),
                                    rs.getInt(7),
                                    SessionStatus.valueOf(rs.getString(4)),
                                    reason == null ? null : MissedReason.valueOf(reason),
                                    rs.getBoolean(6)));
                },
                filter.school(),
                Date.valueOf(filter.from()),
                Date.valueOf(filter.to()));
        return sessions;
    }
}

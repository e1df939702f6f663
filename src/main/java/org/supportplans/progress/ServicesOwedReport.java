package org.supportplans.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.deadlines.DistrictCalendar;
import org.supportplans.deadlines.SchoolCalendars;
import org.supportplans.people.Role;
import org.supportplans.people.SchoolTenants;
import org.supportplans.progress.ServicesOwed.Frequency;
import org.supportplans.progress.ServicesOwed.Logged;
import org.supportplans.progress.ServicesOwed.SchoolDays;
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
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ServicesOwed.Week> weeks) {}

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

    /**
     * The report: the totals and {@code rowCount} cover every service of the school in the period; {@code rows} are
     * all of them, or the page asked for ({@code page}, {@code size}), most owed first.
     */
    record Report(
            String school,
            LocalDate from,
            LocalDate to,
            String providerRole,
            int daysWithoutCalendar,
            Totals totals,
            int rowCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer size,
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

    /** A page of the rows, most owed first: {@code page} from 0, {@code size} rows. */
    record Page(int page, int size) {

        static final int MAX_SIZE = 500;

        /** The page asked for, or none (every row) when neither is given. */
        static Page of(String page, String size) {
            if (size == null || size.isBlank()) {
                if (page != null && !page.isBlank()) {
                    throw new InvalidFilter("page: give size too (rows per page, 1 to " + MAX_SIZE + ").");
                }
                return null;
            }
            int rows = number("size", size, 1, MAX_SIZE);
            int number = page == null || page.isBlank() ? 0 : number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
            return new Page(number, rows);
        }

        private static int number(String name, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new InvalidFilter(name + " \"" + value + "\" is not a whole number from " + min + " to " + max + ".");
        }
    }

    @Transactional(readOnly = true)
    public Report report(Filter filter, CurrentStaff staff) {
        return report(filter, staff, true, null);
    }

    /** The report; without {@code withWeeks} each row's weeks are left out (its period's figures are the same). */
    @Transactional(readOnly = true)
    public Report report(Filter filter, CurrentStaff staff, boolean withWeeks) {
        return report(filter, staff, withWeeks, null);
    }

    /**
     * The report, every row or a page of them ({@code page} null: every row). A page is worked out in two passes:
     * every service for the period alone (which orders them and gives the totals), then the weeks of the page's
     * services only; the figures are the same either way.
     */
    @Transactional(readOnly = true)
    public Report report(Filter filter, CurrentStaff staff, boolean withWeeks, Page page) {
        String districtId =
                jdbc.queryForList("select district_id from school where id = ?", String.class, filter.school()).stream()
                        .findFirst()
                        .filter(found ->
                                staff.isMemberOf(Groups.CAMUNDA_ADMIN) || schools.maySee(staff, filter.school()))
                        .orElseThrow(() -> new NotFoundException("No school " + filter.school() + "."));
        DistrictCalendar calendar = calendars.calendarOf(districtId, filter.school());
        int[] withoutCalendar = {0};
        SchoolDays schoolDays = SchoolDays.of(filter.from(), filter.to(), day -> {
            Optional<Integer> counted = calendar.schoolDaysBetween(day.minusDays(1), day);
            if (counted.isEmpty()) {
                // no calendar loaded for that school year: Monday to Friday
                withoutCalendar[0]++;
                return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            }
            return counted.get() == 1;
        });
        List<Line> lines = lines(filter);
        List<Row> rows = rows(filter, schoolDays, lines, withWeeks && page == null, false);
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
        List<Row> shown = rows;
        if (page != null) {
            int first = (int) Math.min((long) page.page() * page.size(), rows.size());
            shown = rows.subList(first, Math.min(first + page.size(), rows.size()));
            if (withWeeks) {
                shown = withTheirWeeks(filter, schoolDays, lines, shown);
            }
        }
        return new Report(
                filter.school(),
                filter.from(),
                filter.to(),
                filter.providerRole(),
                withoutCalendar[0],
                totals,
                rows.size(),
                page == null ? null : page.page(),
                page == null ? null : page.size(),
                List.copyOf(shown));
    }

    /**
     * A row for each of the lines, worked out from what was logged for them over the period: for every service of the
     * school's report, or ({@code theseOnly}) for these lines alone (a page), whose plans the queries then name.
     */
    private List<Row> rows(
            Filter filter, SchoolDays schoolDays, List<Line> lines, boolean withWeeks, boolean theseOnly) {
        Map<Long, Logged> logged = new HashMap<>(lines.size() * 2);
        for (Line line : lines) {
            logged.put(key(line.planId(), line.number()), new Logged(filter.from(), filter.to()));
        }
        Plans plans = theseOnly ? Plans.of(lines) : Plans.ALL;
        delivered(filter, lines, logged, withWeeks, plans);
        missed(filter, logged, plans);
        List<Row> rows = new ArrayList<>(lines.size());
        for (Line line : lines) {
            ServicesOwed.Result result = ServicesOwed.compute(
                    service(line), schoolDays, logged.get(key(line.planId(), line.number())), withWeeks);
            rows.add(new Row(
                    line.caseId(),
                    line.studentLocalId(),
                    line.planId() + "." + line.number(),
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
        return rows;
    }

    /** The rows of a page again, each with its weeks (the same figures), in the page's order. */
    private List<Row> withTheirWeeks(Filter filter, SchoolDays schoolDays, List<Line> lines, List<Row> page) {
        Map<String, Line> byId = new HashMap<>(lines.size() * 2);
        for (Line line : lines) {
            byId.put(line.planId() + "." + line.number(), line);
        }
        List<Line> shown = page.stream().map(row -> byId.get(row.serviceId())).toList();
        Map<String, Row> again = new HashMap<>(page.size() * 2);
        for (Row row : rows(filter, schoolDays, shown, true, true)) {
            again.put(row.serviceId(), row);
        }
        return page.stream().map(row -> again.get(row.serviceId())).toList();
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

    /** The plans whose sessions a query reads: every plan of the school, or those named. */
    private record Plans(List<Long> ids) {

        static final Plans ALL = new Plans(null);

        static Plans of(List<Line> lines) {
            return new Plans(lines.stream().map(Line::planId).distinct().toList());
        }

        /** The condition to add to a query's {@code where}, its values added to {@code args}. */
        String where(List<Object> args) {
            if (ids == null) {
                return "";
            }
            if (ids.isEmpty()) {
                return " and 1 = 0";
            }
            args.addAll(ids);
            return " and plan_id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        }
    }

    /**
     * The minutes delivered of each service, per week (or, without the weeks, for the period): for the period's whole
     * weeks (Monday to Sunday) from the sums kept per service and week ({@code service_minutes_week}, V18_1, written
     * with each session: {@link ServiceWeeks}), and for the days of a week cut by the period's first or last day
     * from the sessions, added up by the database from {@code ix_service_session_school_status} alone (V18_3; each
     * session and each week keeps the school of its case when it was logged). A year of a school of 6,650 services
     * is about 345,000 service-weeks, where it was about 700,000 sessions (README "Performance"). Only the sessions
     * on a service's days count: a service whose minutes reach outside them (a version of the IEP ended after they
     * were logged) has its sessions read one by one instead.
     */
    private void delivered(Filter filter, List<Line> lines, Map<Long, Logged> logged, boolean withWeeks, Plans plans) {
        Map<Long, Line> byService = new HashMap<>(lines.size() * 2);
        for (Line line : lines) {
            byService.put(key(line.planId(), line.number()), line);
        }
        List<Line> outside = new ArrayList<>();
        RowCallbackHandler add = rs -> {
            long key = key(rs.getLong(1), rs.getInt(2));
            Line line = byService.get(key);
            if (line == null) {
                return; // not a service of the school's cases for this provider
            }
            if (rs.getDate(5).toLocalDate().isBefore(line.startsOn())
                    || rs.getDate(6).toLocalDate().isAfter(line.endsOn())) {
                outside.add(line);
            } else if (withWeeks) {
                logged.get(key).delivered(rs.getInt(7), rs.getLong(3), rs.getLong(4));
            } else {
                logged.get(key).deliveredInPeriod(rs.getLong(3), rs.getLong(4));
            }
        };
        Date monday = Date.valueOf(ServicesOwed.monday(filter.from()));
        LocalDate firstMonday = filter.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = filter.to()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .minusDays(6);
        if (firstMonday.isAfter(lastMonday)) {
            sessions(filter.school(), filter.from(), filter.to(), withWeeks ? monday : null, plans, add);
        } else {
            weeks(filter.school(), firstMonday, lastMonday, withWeeks ? monday : null, plans, add);
            if (filter.from().isBefore(firstMonday)) {
                sessions(
                        filter.school(),
                        filter.from(),
                        firstMonday.minusDays(1),
                        withWeeks ? monday : null,
                        plans,
                        add);
            }
            if (filter.to().isAfter(lastMonday.plusDays(6))) {
                sessions(filter.school(), lastMonday.plusDays(7), filter.to(), withWeeks ? monday : null, plans, add);
            }
        }
        for (Line line : new LinkedHashSet<>(outside)) {
            Logged service = ServicesOwed.logged(
                    service(line),
                    filter.from(),
                    filter.to(),
                    jdbc.query(
                            "select session_date, minutes, make_up from service_session where plan_id = ?"
                                    + " and service_number = ? and school_id = ? and session_date between ? and ?"
                                    + " and status = 'DELIVERED'",
                            (rs, i) -> new ServicesOwed.Session(
                                    rs.getDate(1).toLocalDate(),
                                    rs.getInt(2),
                                    SessionStatus.DELIVERED,
                                    null,
                                    rs.getBoolean(3)),
                            line.planId(),
                            line.number(),
                            filter.school(),
                            Date.valueOf(filter.from()),
                            Date.valueOf(filter.to())));
            logged.put(key(line.planId(), line.number()), service);
        }
    }

    /**
     * The sums kept per service and week for the weeks from {@code firstMonday} to {@code lastMonday}: each week
     * numbered from {@code monday}, or (null) added up per service. Columns as {@link #sessions} gives them. For every
     * service of the school, its weeks of the period (the key's order); for the services of a page, their weeks by
     * service ({@code ix_service_minutes_week_service}), a week of another school (the student's before a move) left
     * out as the whole report leaves it: with the school in the query PostgreSQL's generic plan, which it takes for a
     * statement prepared again and again, reads every week of the school instead (267 ms against 20 for a year, the
     * services-owed bench).
     */
    private void weeks(
            String school,
            LocalDate firstMonday,
            LocalDate lastMonday,
            Date monday,
            Plans plans,
            RowCallbackHandler add) {
        List<Object> args = new ArrayList<>();
        String where;
        RowCallbackHandler handler = add;
        if (plans.ids() == null) {
            where = " from service_minutes_week where school_id = ? and week_of between ? and ?";
            args.addAll(List.of(school, Date.valueOf(firstMonday), Date.valueOf(lastMonday)));
        } else {
            where = " from service_minutes_week where week_of between ? and ?";
            args.addAll(List.of(Date.valueOf(firstMonday), Date.valueOf(lastMonday)));
            where += plans.where(args);
            handler = rs -> {
                if (school.equals(rs.getString(8))) {
                    add.processRow(rs);
                }
            };
        }
        if (monday != null) {
            args.add(0, monday);
            jdbc.query(
                    "select plan_id, service_number, delivered, made_up, first_day, last_day,"
                            + " cast(week_of - cast(? as date) as integer) / 7, school_id" + where,
                    handler,
                    args.toArray());
        } else {
            jdbc.query(
                    "select plan_id, service_number, sum(delivered), sum(made_up), min(first_day), max(last_day), 0,"
                            + " school_id" + where + " group by plan_id, service_number, school_id",
                    handler,
                    args.toArray());
        }
    }

    /**
     * The minutes of the sessions delivered from {@code from} to {@code to}, added up per service and week (numbered
     * from {@code monday}) or (null) per service: plan, service, minutes, of them made up, first and last day, week.
     */
    private void sessions(
            String school, LocalDate from, LocalDate to, Date monday, Plans plans, RowCallbackHandler add) {
        List<Object> args = new ArrayList<>();
        if (monday != null) {
            args.add(monday);
        }
        args.addAll(List.of(school, Date.valueOf(from), Date.valueOf(to)));
        String only = plans.where(args);
        jdbc.query(
                "select plan_id, service_number, sum(minutes), sum(case when make_up then minutes else 0 end),"
                        + " min(session_date), max(session_date), week_number"
                        + " from (select plan_id, service_number, minutes, make_up, session_date,"
                        + (monday != null ? " cast(session_date - cast(? as date) as integer) / 7" : " 0")
                        + " as week_number"
                        + " from service_session where school_id = ? and session_date between ? and ?"
                        + " and status = 'DELIVERED'" + only + ") delivered"
                        + " group by plan_id, service_number, week_number",
                add,
                args.toArray());
    }

    /** The period's missed sessions whose reason may excuse them, one by one: the rule needs their day. */
    private void missed(Filter filter, Map<Long, Logged> logged, Plans plans) {
        List<String> excusing = Arrays.stream(MissedReason.values())
                .filter(MissedReason::excuses)
                .map(Enum::name)
                .toList();
        List<Object> args =
                new ArrayList<>(List.of(filter.school(), Date.valueOf(filter.from()), Date.valueOf(filter.to())));
        args.addAll(excusing);
        String only = plans.where(args);
        jdbc.query(
                "select ss.plan_id, ss.service_number, ss.session_date, ss.missed_reason, ss.minutes"
                        + " from service_session ss where ss.school_id = ? and ss.session_date between ? and ?"
                        + " and ss.status = 'MISSED' and ss.missed_reason in ("
                        + String.join(", ", Collections.nCopies(excusing.size(), "?")) + ")" + only,
                rs -> {
                    Logged service = logged.get(key(rs.getLong(1), rs.getInt(2)));
                    if (service != null) {
                        service.missed(new ServicesOwed.Session(
                                rs.getDate(3).toLocalDate(),
                                rs.getInt(5),
                                SessionStatus.MISSED,
                                MissedReason.valueOf(rs.getString(4)),
                                false));
                    }
                },
                args.toArray());
    }

    private static ServicesOwed.Service service(Line line) {
        return new ServicesOwed.Service(
                line.minutes(), Frequency.valueOf(line.frequency()), line.startsOn(), line.endsOn());
    }

    private static long key(long planId, int serviceNumber) {
        return planId * 100_000 + serviceNumber;
    }
}

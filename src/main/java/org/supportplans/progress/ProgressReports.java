package org.supportplans.progress;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportplans.deadlines.DistrictCalendar;
import org.supportplans.deadlines.SchoolCalendars;
import org.supportplans.people.Role;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotExpectedNow;
import org.supportplans.system.NotFoundException;
import org.supportplans.system.RuleViolation;

/**
 * Progress reports to the parents (34 CFR 300.320(a)(3)(ii)): one per case with an IEP in effect and per reporting
 * period the district names, opened when the period ends as the task "Write the progress report" (process
 * {@value #PROCESS_KEY}), due the period's end plus the district's number of school days, prefilled with each goal's
 * figures; locked when final.
 */
@Service
public class ProgressReports {

    public static final String PROCESS_KEY = "progress-report";

    /** The process's variables. */
    public static final class Variables {
        public static final String CASE_ID = "caseId";
        public static final String SCHOOL_ID = "schoolId";
        public static final String REPORT_ID = "progressReportId";
        public static final String DUE_DATE = "reportDueDate";
        public static final String PERIOD_NAME = "periodName";
        public static final String PERIOD_ENDS_ON = "periodEndsOn";
        public static final String GOALS_SUMMARY = "goalsSummary";
        public static final String COMMENTS = "progressComments";
        public static final String OFF_TRACK_TWICE = "offTrackTwice";
        /** The form's list of the period's measurements not yet recorded: goal, measuredOn, value, note. */
        public static final String NEW_DATA_POINTS = "newDataPoints";

        private Variables() {}
    }

    /** A goal's figures as reported: null figures where the goal has no measurement or no data yet. */
    public record ReportedGoal(
            int number,
            String goal,
            String unit,
            BigDecimal baseline,
            BigDecimal target,
            BigDecimal latest,
            LocalDate latestOn,
            BigDecimal expected,
            Boolean onTrack,
            int dataPoints) {

        /** The goal in a sentence, with its figures: what the parents read, not only a word. */
        public String sentence() {
            if (unit == null) {
                return "Goal " + number + ": no measurement set yet.";
            }
            String line =
                    "Goal " + number + ": baseline " + plain(baseline) + ", target " + plain(target) + " " + unit + ".";
            if (latest == null) {
                return line + " No data taken yet.";
            }
            return line + " Latest " + plain(latest) + " on " + latestOn + "; the line from baseline to target"
                    + " expects " + plain(expected) + " that day: " + (onTrack ? "on track" : "not on track") + " ("
                    + dataPoints + (dataPoints == 1 ? " measurement)." : " measurements).");
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** A report and its goals. */
    public record Report(
            long id,
            String caseId,
            long planId,
            String periodName,
            LocalDate periodEndsOn,
            LocalDate dueOn,
            String status,
            String comments,
            LocalDate goalsFrom,
            LocalDate goalsTo,
            List<ReportedGoal> goals,
            List<List<Goals.DataPoint>> data) {

        /** What the line from the goal's baseline (on the IEP's first day) to its target (its last) gives that day. */
        public BigDecimal expectedOn(ReportedGoal goal, LocalDate day) {
            return GoalProgress.expectedOn(day, goalsFrom, goalsTo, goal.baseline(), goal.target());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProgressReports.class);

    private final JdbcTemplate jdbc;
    private final Goals goals;
    private final ReportingPeriods periods;
    private final SchoolCalendars calendars;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ProgressReports(
            JdbcTemplate jdbc,
            Goals goals,
            ReportingPeriods periods,
            SchoolCalendars calendars,
            RuntimeService runtime,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.goals = goals;
        this.periods = periods;
        this.calendars = calendars;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Opens the reports of every period that has ended, up to {@code today} in each district, for the cases with an
     * IEP in effect on the period's last day: one report per case and period (a unique row: two nodes opening at
     * once open it once). Returns how many were opened.
     */
    public int openDue() {
        int opened = 0;
        for (String districtId : jdbc.queryForList("select id from district", String.class)) {
            ZoneId zone = ZoneId.of(
                    jdbc.queryForObject("select time_zone from district where id = ?", String.class, districtId));
            LocalDate today = LocalDate.now(clock.withZone(zone));
            int days = periods.reportDueSchoolDays(districtId);
            for (ReportingPeriods.Period period : periods.endedBy(districtId, today)) {
                List<Map<String, Object>> cases = jdbc.queryForList(
                        "select c.id case_id, c.school_id, p.id plan_id from support_case c"
                                + " join school s on s.id = c.school_id"
                                + " join support_plan p on p.case_id = c.id"
                                + " where s.district_id = ? and p.kind = 'IEP' and p.status = 'IN_EFFECT'"
                                + " and coalesce(p.effective_from, p.starts_on) <= ?"
                                + " and coalesce(p.effective_to, p.ends_on) >= ?"
                                + " and not exists (select 1 from progress_report r where r.case_id = c.id"
                                + " and r.period_ends_on = ?)",
                        districtId,
                        Date.valueOf(period.endsOn()),
                        Date.valueOf(period.endsOn()),
                        Date.valueOf(period.endsOn()));
                for (Map<String, Object> row : cases) {
                    String caseId = (String) row.get("case_id");
                    String schoolId = (String) row.get("school_id");
                    LocalDate due = dueOn(calendars.calendarOf(districtId, schoolId), period.endsOn(), days);
                    try {
                        if (Boolean.TRUE.equals(
                                transactions.execute(status -> open(caseId, schoolId, row, period, due, zone)))) {
                            opened++;
                        }
                    } catch (DuplicateKeyException e) {
                        // opened meanwhile by another node: its transaction alone rolled back
                    }
                }
            }
        }
        return opened;
    }

    private boolean open(
            String caseId,
            String schoolId,
            Map<String, Object> row,
            ReportingPeriods.Period period,
            LocalDate due,
            ZoneId zone) {
        long reportId = new SimpleJdbcInsert(jdbc)
                .withTableName("progress_report")
                .usingColumns("case_id", "plan_id", "period_name", "period_ends_on", "due_on", "status")
                .usingGeneratedKeyColumns("id")
                .executeAndReturnKey(new MapSqlParameterSource()
                        .addValue("case_id", caseId)
                        .addValue("plan_id", ((Number) row.get("plan_id")).longValue())
                        .addValue("period_name", period.name())
                        .addValue("period_ends_on", Date.valueOf(period.endsOn()))
                        .addValue("due_on", Date.valueOf(due))
                        .addValue("status", "OPEN"))
                .longValue();
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(caseId)
                .setVariable(Variables.CASE_ID, caseId)
                .setVariable(Variables.SCHOOL_ID, schoolId)
                .setVariable(Variables.REPORT_ID, reportId)
                .setVariable(Variables.PERIOD_NAME, period.name())
                .setVariable(Variables.PERIOD_ENDS_ON, period.endsOn().toString())
                .setVariable(
                        Variables.DUE_DATE,
                        java.util.Date.from(due.atTime(17, 0).atZone(zone).toInstant()))
                .execute();
        log.info("Progress report {} opened for case {} ({})", reportId, caseId, period.name());
        return true;
    }

    /**
     * The day {@code schoolDays} school days after the period's end (the period's end itself for none); Monday to
     * Friday where the school year's calendar is not loaded.
     */
    static LocalDate dueOn(DistrictCalendar calendar, LocalDate periodEnd, int schoolDays) {
        LocalDate day = periodEnd;
        int counted = 0;
        while (counted < schoolDays) {
            day = day.plusDays(1);
            Optional<Integer> school = calendar.schoolDaysBetween(day.minusDays(1), day);
            boolean counts = school.map(n -> n == 1)
                    .orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
            if (counts) {
                counted++;
            }
        }
        return day;
    }

    /** The report with each goal's figures: as locked when final, else as the data stands up to the period's end. */
    @Transactional(readOnly = true)
    public Report report(long reportId) {
        Map<String, Object> row = jdbc
                .queryForList(
                        "select case_id, plan_id, period_name, period_ends_on, due_on, status, comments"
                                + " from progress_report where id = ?",
                        reportId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId + "."));
        String caseId = (String) row.get("case_id");
        long planId = ((Number) row.get("plan_id")).longValue();
        LocalDate endsOn = ((Date) row.get("period_ends_on")).toLocalDate();
        List<ReportedGoal> reported = new ArrayList<>();
        List<List<Goals.DataPoint>> data = new ArrayList<>();
        List<Goals.GoalView> views = goals.ofVersion(caseId, planId);
        LocalDate goalsFrom = views.isEmpty() ? null : views.get(0).from();
        LocalDate goalsTo = views.isEmpty() ? null : views.get(0).to();
        for (Goals.GoalView goal : views) {
            List<Goals.DataPoint> points = goal.dataPoints().stream()
                    .filter(p -> !p.measuredOn().isAfter(endsOn))
                    .toList();
            data.add(points);
            Goals.Measurement m = goal.measurement();
            if (m == null) {
                reported.add(new ReportedGoal(goal.number(), goal.goal(), null, null, null, null, null, null, null, 0));
            } else if (points.isEmpty()) {
                reported.add(new ReportedGoal(
                        goal.number(), goal.goal(), m.unit(), m.baseline(), m.target(), null, null, null, null, 0));
            } else {
                Goals.DataPoint latest = points.get(points.size() - 1);
                GoalProgress progress = GoalProgress.of(
                        latest.measuredOn(), latest.value(), goal.from(), goal.to(), m.baseline(), m.target());
                reported.add(new ReportedGoal(
                        goal.number(),
                        goal.goal(),
                        m.unit(),
                        m.baseline(),
                        m.target(),
                        latest.value(),
                        latest.measuredOn(),
                        progress.expected(),
                        progress.onTrack(),
                        points.size()));
            }
        }
        if ("FINAL".equals(row.get("status"))) {
            reported = locked(reportId);
        }
        return new Report(
                reportId,
                caseId,
                planId,
                (String) row.get("period_name"),
                endsOn,
                ((Date) row.get("due_on")).toLocalDate(),
                (String) row.get("status"),
                (String) row.get("comments"),
                goalsFrom,
                goalsTo,
                reported,
                data);
    }

    /** The goals' figures in sentences, for the task's form. */
    @Transactional(readOnly = true)
    public String summary(long reportId) {
        Report report = report(reportId);
        StringBuilder text = new StringBuilder();
        for (ReportedGoal goal : report.goals()) {
            text.append(goal.goal()).append("\n").append(goal.sentence()).append("\n\n");
        }
        return text.toString().strip();
    }

    /** A measurement written on the report's form: goal {@code goal} of the report's IEP version. */
    public record NewDataPoint(int goal, LocalDate measuredOn, BigDecimal value, String note) {}

    /**
     * Records the measurements the case manager writes on "Write the progress report" (from Tasklist), each as a data
     * point of its goal (34 CFR 300.320(a)(3)(i)), under the API's rules: a goal with its measurement set, a day of the
     * IEP not after today, and here not after the period's end (a later one belongs to the next report). The task is
     * offered to the school's special education teachers, who record any goal's data: whoever completes it records as
     * one (the engine checked they may complete it).
     */
    @Transactional
    public void recordData(long reportId, List<NewDataPoint> points, String actor) {
        if (points.isEmpty()) {
            return;
        }
        Report report = report(reportId);
        if (!"OPEN".equals(report.status())) {
            throw new NotExpectedNow("Progress report " + reportId + " is already final.");
        }
        CurrentStaff recorder = new CurrentStaff(actor, List.of(Role.SPECIAL_EDUCATION_TEACHER.groupId()));
        for (NewDataPoint point : points) {
            if (point.goal() < 1 || point.goal() > report.goals().size()) {
                throw new RuleViolation("Goal " + point.goal() + ": the IEP's goals are numbered 1 to "
                        + report.goals().size() + ".");
            }
            if (point.measuredOn().isAfter(report.periodEndsOn())) {
                throw new RuleViolation("Goal " + point.goal() + ": measured on " + point.measuredOn() + ", after the"
                        + " period's end (" + report.periodEndsOn() + "); it belongs to the next report.");
            }
            goals.record(
                    report.caseId(),
                    report.planId() + "." + point.goal(),
                    new Goals.DataPointRequest(point.measuredOn(), point.value(), point.note()),
                    recorder);
        }
    }

    /**
     * Locks the report: each goal's figures as they are now, the case manager's comments; published as {@link
     * ProgressReportFinalised} (the documents module seals it for the family). Answers whether a goal is off track
     * in this report and in the case's report of the period before (same goal of the same IEP version).
     */
    @Transactional
    public boolean finalise(long reportId, String comments, String actor) {
        Report report = report(reportId);
        if (!"OPEN".equals(report.status())) {
            throw new NotExpectedNow("Progress report " + reportId + " is already final.");
        }
        for (ReportedGoal goal : report.goals()) {
            jdbc.update(
                    "insert into progress_report_goal (report_id, goal_number, goal, unit, baseline, target, latest,"
                            + " latest_on, expected, on_track, data_points) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    reportId,
                    goal.number(),
                    goal.goal(),
                    goal.unit(),
                    goal.baseline(),
                    goal.target(),
                    goal.latest(),
                    goal.latestOn() == null ? null : Date.valueOf(goal.latestOn()),
                    goal.expected(),
                    goal.onTrack(),
                    goal.dataPoints());
        }
        jdbc.update(
                "update progress_report set status = 'FINAL', comments = ?, finalised_by = ?, finalised_at = ?"
                        + " where id = ? and status = 'OPEN'",
                comments,
                actor,
                Timestamp.from(clock.instant()),
                reportId);
        events.publishEvent(new ProgressReportFinalised(report.caseId(), reportId, actor));
        Integer twice = jdbc.queryForObject(
                "select count(*) from progress_report_goal g"
                        + " join progress_report r on r.id = g.report_id"
                        + " join progress_report previous on previous.case_id = r.case_id and previous.plan_id ="
                        + " r.plan_id and previous.status = 'FINAL' and previous.period_ends_on = (select"
                        + " max(p.period_ends_on) from progress_report p where p.case_id = r.case_id and"
                        + " p.status = 'FINAL' and p.period_ends_on < r.period_ends_on)"
                        + " join progress_report_goal before on before.report_id = previous.id"
                        + " and before.goal_number = g.goal_number"
                        + " where r.id = ? and g.on_track = false and before.on_track = false",
                Integer.class,
                reportId);
        return twice != null && twice > 0;
    }

    /** The case's final reports, oldest first. */
    @Transactional(readOnly = true)
    public List<Report> finalReports(String caseId) {
        return jdbc
                .queryForList(
                        "select id from progress_report where case_id = ? and status = 'FINAL' order by"
                                + " period_ends_on",
                        Long.class,
                        caseId)
                .stream()
                .map(this::report)
                .toList();
    }

    private List<ReportedGoal> locked(long reportId) {
        return jdbc.query(
                "select goal_number, goal, unit, baseline, target, latest, latest_on, expected, on_track, data_points"
                        + " from progress_report_goal where report_id = ? order by goal_number",
                (rs, i) -> new ReportedGoal(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getBigDecimal(8),
                        (Boolean) rs.getObject(9),
                        rs.getInt(10)),
                reportId);
    }
}

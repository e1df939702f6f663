package org.supportplans.progress;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.CaseView.PlanView;
import org.supportplans.cases.PlanKind;
import org.supportplans.cases.PlanStatus;
import org.supportplans.cases.PlanVersions;
import org.supportplans.people.Role;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.NotAllowedException;
import org.supportplans.system.NotExpectedNow;
import org.supportplans.system.NotFoundException;
import org.supportplans.system.RuleViolation;

/**
 * The measurable annual goals of a case's IEP (34 CFR 300.320(a)(2)), how each is measured, and the data taken on
 * it. A goal is a line of the annual goals of a plan version; its measurement (baseline, target, unit, how and how
 * often) is recorded once, when data collection starts, and is fixed from then on: a different target is a change
 * of the IEP, a new version with its own goals.
 */
@Service
public class Goals {

    /** How often a goal is measured. */
    public enum MeasuredEvery {
        DAILY,
        WEEKLY,
        EVERY_TWO_WEEKS,
        MONTHLY
    }

    public record Measurement(
            BigDecimal baseline,
            BigDecimal target,
            String unit,
            String measuredHow,
            MeasuredEvery measuredEvery,
            String providerRole,
            String setBy,
            java.time.Instant setAt) {}

    public record DataPoint(long id, LocalDate measuredOn, BigDecimal value, String note, String recordedBy) {}

    public record GoalView(
            String id,
            long planId,
            int planVersion,
            int number,
            String goal,
            LocalDate from,
            LocalDate to,
            Measurement measurement,
            List<DataPoint> dataPoints,
            GoalProgress progress) {}

    private final JdbcTemplate jdbc;
    private final PlanVersions versions;
    private final CaseDirectory directory;
    private final Clock clock;

    Goals(JdbcTemplate jdbc, PlanVersions versions, CaseDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.directory = directory;
        this.clock = clock;
    }

    /** The goal lines of an annual-goals text: one goal a line, blank lines skipped. */
    static List<String> lines(String annualGoals) {
        if (annualGoals == null) {
            return List.of();
        }
        return Arrays.stream(annualGoals.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** The goals of the IEP versions in effect, with their measurement and data, oldest data first. */
    @Transactional(readOnly = true)
    public List<GoalView> inEffect(String caseId) {
        List<GoalView> goals = new ArrayList<>();
        for (PlanView plan : versions.versions(caseId)) {
            if (plan.kind() == PlanKind.IEP && plan.status() == PlanStatus.IN_EFFECT) {
                goals.addAll(of(plan));
            }
        }
        return goals;
    }

    /** The goals of one IEP version of the case, whatever its status. */
    @Transactional(readOnly = true)
    public List<GoalView> ofVersion(String caseId, long planId) {
        return versions.versions(caseId).stream()
                .filter(plan -> plan.id() == planId && plan.kind() == PlanKind.IEP)
                .findFirst()
                .map(this::of)
                .orElseThrow(() -> new NotFoundException("No IEP version " + planId + " in case " + caseId + "."));
    }

    private List<GoalView> of(PlanView plan) {
        List<GoalView> goals = new ArrayList<>();
        Map<Integer, Measurement> measurements = measurements(plan.id());
        Map<Integer, List<DataPoint>> data = dataPoints(plan.id());
        List<String> lines = lines(plan.annualGoals());
        for (int n = 1; n <= lines.size(); n++) {
            Measurement measurement = measurements.get(n);
            List<DataPoint> points = data.getOrDefault(n, List.of());
            GoalProgress progress = null;
            if (measurement != null && !points.isEmpty()) {
                DataPoint latest = points.get(points.size() - 1);
                progress = GoalProgress.of(
                        latest.measuredOn(),
                        latest.value(),
                        from(plan),
                        to(plan),
                        measurement.baseline(),
                        measurement.target());
            }
            goals.add(new GoalView(
                    new PlanItem(plan.id(), n).toString(),
                    plan.id(),
                    plan.version(),
                    n,
                    lines.get(n - 1),
                    from(plan),
                    to(plan),
                    measurement,
                    points,
                    progress));
        }
        return goals;
    }

    record MeasurementRequest(
            BigDecimal baseline,
            BigDecimal target,
            String unit,
            String measuredHow,
            MeasuredEvery measuredEvery,
            String providerRole) {}

    /** Records how a goal is measured; once only (409 after). Coordinators and special education teachers. */
    @Transactional
    public GoalView measure(String caseId, String goalId, MeasurementRequest request, CurrentStaff staff) {
        if (!staff.isMemberOf(Role.COORDINATOR.groupId())
                && !staff.isMemberOf(Role.SPECIAL_EDUCATION_TEACHER.groupId())
                && !staff.isMemberOf(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) {
            throw new NotAllowedException(
                    "Only coordinators and special education teachers set how a goal is" + " measured.");
        }
        Goal goal = goal(caseId, goalId);
        if (Role.ofGroupId(request.providerRole()).isEmpty()) {
            throw new RuleViolation("providerRole: \"" + request.providerRole() + "\" is not one of our roles.");
        }
        if (request.baseline().compareTo(request.target()) == 0) {
            throw new RuleViolation("target: the same as the baseline; a goal measures a change.");
        }
        if (measurements(goal.plan().id()).containsKey(goal.item().number())) {
            throw new NotExpectedNow("Goal " + goalId + " already has its measurement; a different baseline, target"
                    + " or unit is a change of the IEP (an amendment or the annual review).");
        }
        jdbc.update(
                "insert into goal_measurement (plan_id, goal_number, case_id, baseline, target, unit, measured_how,"
                        + " measured_every, provider_role, set_by, set_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                goal.plan().id(),
                goal.item().number(),
                caseId,
                request.baseline(),
                request.target(),
                request.unit().strip(),
                request.measuredHow().strip(),
                request.measuredEvery().name(),
                request.providerRole(),
                staff.userId(),
                Timestamp.from(clock.instant()));
        return view(caseId, goalId);
    }

    record DataPointRequest(LocalDate measuredOn, BigDecimal value, String note) {}

    /**
     * Records a data point: on a day of the plan version, not after today in the district; by the provider the
     * goal's measurement names (a member of that role), a coordinator or a special education teacher.
     */
    @Transactional
    public DataPoint record(String caseId, String goalId, DataPointRequest request, CurrentStaff staff) {
        Goal goal = goal(caseId, goalId);
        Measurement measurement = Optional.ofNullable(
                        measurements(goal.plan().id()).get(goal.item().number()))
                .orElseThrow(() -> new NotExpectedNow("Goal " + goalId + " has no measurement yet: set its"
                        + " baseline, target and unit first (PUT .../goals/" + goalId + "/measurement)."));
        if (!staff.isMemberOf(measurement.providerRole())
                && !staff.isMemberOf(Role.COORDINATOR.groupId())
                && !staff.isMemberOf(Role.SPECIAL_EDUCATION_TEACHER.groupId())
                && !staff.isMemberOf(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) {
            throw new NotAllowedException("The goal's data is recorded by its provider (" + measurement.providerRole()
                    + "), a coordinator or a special education teacher.");
        }
        LocalDate today = LocalDate.now(clock.withZone(directory.facts(caseId).timeZone()));
        if (request.measuredOn().isAfter(today)) {
            throw new RuleViolation("measuredOn: " + request.measuredOn() + " is after today (" + today + ").");
        }
        if (request.measuredOn().isBefore(from(goal.plan()))
                || request.measuredOn().isAfter(to(goal.plan()))) {
            throw new RuleViolation("measuredOn: " + request.measuredOn() + " is outside the IEP's dates ("
                    + from(goal.plan()) + " to " + to(goal.plan()) + ").");
        }
        long id = new SimpleJdbcInsert(jdbc)
                .withTableName("goal_data_point")
                .usingColumns(
                        "plan_id",
                        "goal_number",
                        "case_id",
                        "measured_on",
                        "amount",
                        "note",
                        "recorded_by",
                        "recorded_at")
                .usingGeneratedKeyColumns("id")
                .executeAndReturnKey(new MapSqlParameterSource()
                        .addValue("plan_id", goal.plan().id())
                        .addValue("goal_number", goal.item().number())
                        .addValue("case_id", caseId)
                        .addValue("measured_on", Date.valueOf(request.measuredOn()))
                        .addValue("amount", request.value())
                        .addValue("note", request.note())
                        .addValue("recorded_by", staff.userId())
                        .addValue("recorded_at", Timestamp.from(clock.instant())))
                .longValue();
        return new DataPoint(id, request.measuredOn(), request.value(), request.note(), staff.userId());
    }

    private GoalView view(String caseId, String goalId) {
        return inEffect(caseId).stream()
                .filter(g -> g.id().equals(goalId))
                .findFirst()
                .orElseThrow();
    }

    record Goal(PlanView plan, PlanItem item, String text) {}

    /** A goal of an IEP version in effect of the case, or "not found". */
    Goal goal(String caseId, String goalId) {
        PlanItem item = PlanItem.parse(goalId, "goal");
        PlanView plan = versions.versions(caseId).stream()
                .filter(p -> p.id() == item.planId() && p.kind() == PlanKind.IEP)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No goal " + goalId + " in case " + caseId + "."));
        List<String> lines = lines(plan.annualGoals());
        if (item.number() > lines.size()) {
            throw new NotFoundException("No goal " + goalId + " in case " + caseId + ".");
        }
        if (plan.status() != PlanStatus.IN_EFFECT) {
            throw new NotExpectedNow("Goal " + goalId + " belongs to version " + plan.version() + " of the IEP, which"
                    + " is not in effect (" + plan.status() + "): data is taken on the goals of the IEP in effect.");
        }
        return new Goal(plan, item, lines.get(item.number() - 1));
    }

    static LocalDate from(PlanView plan) {
        return plan.effectiveFrom() != null ? plan.effectiveFrom() : plan.startsOn();
    }

    static LocalDate to(PlanView plan) {
        return plan.effectiveTo() != null ? plan.effectiveTo() : plan.endsOn();
    }

    private Map<Integer, Measurement> measurements(long planId) {
        return jdbc
                .query(
                        "select goal_number, baseline, target, unit, measured_how, measured_every, provider_role,"
                                + " set_by, set_at from goal_measurement where plan_id = ?",
                        (rs, i) -> Map.entry(
                                rs.getInt(1),
                                new Measurement(
                                        rs.getBigDecimal(2),
                                        rs.getBigDecimal(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        MeasuredEvery.valueOf(rs.getString(6)),
                                        rs.getString(7),
                                        rs.getString(8),
                                        rs.getTimestamp(9).toInstant())),
                        planId)
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<Integer, List<DataPoint>> dataPoints(long planId) {
        return jdbc
                .query(
                        "select goal_number, id, measured_on, amount, note, recorded_by from goal_data_point"
                                + " where plan_id = ? order by measured_on, id",
                        (rs, i) -> Map.entry(
                                rs.getInt(1),
                                new DataPoint(
                                        rs.getLong(2),
                                        rs.getDate(3).toLocalDate(),
                                        rs.getBigDecimal(4),
                                        rs.getString(5),
                                        rs.getString(6))),
                        planId)
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(
                                Map.Entry::getValue, Collectors.collectingAndThen(Collectors.toList(), list -> {
                                    list.sort(Comparator.comparing(DataPoint::measuredOn)
                                            .thenComparing(DataPoint::id));
                                    return list;
                                }))));
    }
}

package org.supportplans.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.PlanKind;
import org.supportplans.reporting.CaseTimeline.StepKind;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;

/**
 * How long each step of the cases took, in calendar days: the median, the 90th percentile and the maximum,
 * per step and group (school, plan kind or the month the step ended). A case's step dates, as its timeline
 * gives them: the first referral, the first evaluation consent given, the first eligibility decision, the
 * first plan meeting held, the first plan in effect. A step counts when both its dates are known and its
 * end lies in the period. A twice-exceptional case (an ALP beside an IEP) counts in both plan kinds' groups.
 */
@Service
@Transactional(readOnly = true)
class StepDurations {

    enum GroupBy {
        SCHOOL,
        PLAN_KIND,
        MONTH
    }

    record Report(List<Row> rows) {}

    /** The group is null when the report is not grouped. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(String group, String step, int cases, double medianDays, double p90Days, int maxDays) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseScopes scopes;

    StepDurations(NamedParameterJdbcTemplate jdbc, CaseScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** The dates of a case's steps; null where the case has not got there. */
    record CaseDates(
            String caseId,
            String schoolId,
            LocalDate referral,
            LocalDate consent,
            LocalDate eligibility,
            LocalDate meeting,
            LocalDate planInEffect) {

        LocalDate from(StepKind step) {
            return switch (step) {
                case REFERRAL_TO_CONSENT, REFERRAL_TO_PLAN_IN_EFFECT -> referral;
                case CONSENT_TO_ELIGIBILITY -> consent;
                case ELIGIBILITY_TO_MEETING -> eligibility;
                case MEETING_TO_PLAN_IN_EFFECT -> meeting;
            };
        }

        CaseDates with(String step, LocalDate day) {
            return switch (step) {
                case "REFERRAL" -> new CaseDates(caseId, schoolId, day, consent, eligibility, meeting, planInEffect);
                case "CONSENT" -> new CaseDates(caseId, schoolId, referral, day, eligibility, meeting, planInEffect);
                case "ELIGIBILITY" -> new CaseDates(caseId, schoolId, referral, consent, day, meeting, planInEffect);
                case "MEETING" -> new CaseDates(caseId, schoolId, referral, consent, eligibility, day, planInEffect);
                case "PLAN_IN_EFFECT" -> new CaseDates(caseId, schoolId, referral, consent, eligibility, meeting, day);
                default -> throw new IllegalArgumentException("no step date " + step);
            };
        }

        LocalDate to(StepKind step) {
            return switch (step) {
                case REFERRAL_TO_CONSENT -> consent;
                case CONSENT_TO_ELIGIBILITY -> eligibility;
                case ELIGIBILITY_TO_MEETING -> meeting;
                case MEETING_TO_PLAN_IN_EFFECT, REFERRAL_TO_PLAN_IN_EFFECT -> planInEffect;
            };
        }
    }

    Report report(ReportFilter filter, GroupBy groupBy, CurrentStaff staff) {
        List<CaseDates> cases = caseDates(filter, staff);
        Map<String, Set<PlanKind>> planKinds = groupBy == GroupBy.PLAN_KIND ? planKinds(filter, staff) : Map.of();

        // group (null when not grouped) -> step -> days of each case
        Map<String, Map<StepKind, List<Integer>>> days =
                new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (CaseDates dates : cases) {
            for (StepKind step : StepKind.values()) {
                LocalDate from = dates.from(step);
                LocalDate to = dates.to(step);
                if (from == null || !filter.includes(to)) {
                    continue;
                }
                int took = Math.toIntExact(ChronoUnit.DAYS.between(from, to));
                for (String group : groups(groupBy, dates, to, planKinds)) {
                    days.computeIfAbsent(group, g -> new TreeMap<>())
                            .computeIfAbsent(step, s -> new ArrayList<>())
                            .add(took);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        days.forEach((group, steps) -> steps.forEach((step, took) -> {
            Percentiles durations = Percentiles.of(took);
            rows.add(new Row(
                    group,
                    step.name(),
                    durations.count(),
                    Percentiles.oneDecimal(durations.median()),
                    Percentiles.oneDecimal(durations.percentile(0.9)),
                    durations.max()));
        }));
        return new Report(rows);
    }

    private static List<String> groups(
            GroupBy groupBy, CaseDates dates, LocalDate end, Map<String, Set<PlanKind>> planKinds) {
        if (groupBy == null) {
            return Collections.singletonList(null);
        }
        return switch (groupBy) {
            case SCHOOL -> List.of(dates.schoolId());
            case MONTH -> List.of("%04d-%02d".formatted(end.getYear(), end.getMonthValue()));
            // a case of no plan kind yet is in no plan kind's group
            case PLAN_KIND ->
                planKinds.getOrDefault(dates.caseId(), Set.of()).stream()
                        .sorted()
                        .map(Enum::name)
                        .toList();
        };
    }

    /**
     * The step dates of the filter's cases: one SQL reading each record table once, the first date of each kind
     * per case (the dates are put together here; the period is applied to the steps' ends after).
     */
    private List<CaseDates> caseDates(ReportFilter filter, CurrentStaff staff) {
        CaseScope scope = scopes.of(filter, staff);
        Map<String, CaseDates> cases = new HashMap<>();
        jdbc.query("""
                select x.case_id, sc.school_id, x.step, min(x.step_on) as step_on
                from (select case_id, 'REFERRAL' as step, received_on as step_on from referral
                      union all
                      select case_id, 'CONSENT', decided_on from consent_request
                      where kind = 'EVALUATION_CONSENT' and decision = 'GIVEN'
                      union all
                      select case_id, 'ELIGIBILITY', decided_on from eligibility_decision
                      union all
                      select case_id, 'MEETING', held_on from meeting where purpose = 'PLAN' and held_on is not null
                      union all
                      select case_id, 'PLAN_IN_EFFECT', in_effect_on from support_plan where in_effect_on is not null) x
                join support_case sc on sc.id = x.case_id
                join school s on s.id = sc.school_id
                %s
                group by x.case_id, sc.school_id, x.step
                """.formatted(scope.where()), scope.params, rs -> {
            String caseId = rs.getString("case_id");
            CaseDates dates = cases.getOrDefault(
                    caseId, new CaseDates(caseId, rs.getString("school_id"), null, null, null, null, null));
            cases.put(caseId, dates.with(rs.getString("step"), rs.getObject("step_on", LocalDate.class)));
        });
        return List.copyOf(cases.values());
    }

    /** The plan kinds of the filter's cases. */
    private Map<String, Set<PlanKind>> planKinds(ReportFilter filter, CurrentStaff staff) {
        CaseScope scope = scopes.of(filter, staff);
        Map<String, Set<PlanKind>> kinds = new HashMap<>();
        jdbc.query("""
                select k.case_id, k.plan_kind
                from case_plan_kind k
                join support_case sc on sc.id = k.case_id
                join school s on s.id = sc.school_id
                %s
                """.formatted(scope.where()), scope.params, rs -> {
            kinds.computeIfAbsent(rs.getString("case_id"), id -> EnumSet.noneOf(PlanKind.class))
                    .add(PlanKind.valueOf(rs.getString("plan_kind")));
        });
        return kinds;
    }

    static GroupBy groupBy(String value) {
        String group = ReportFilter.blankToNull(value);
        if (group == null) {
            return null;
        }
        return switch (group) {
            case "school" -> GroupBy.SCHOOL;
            case "planKind" -> GroupBy.PLAN_KIND;
            case "month" -> GroupBy.MONTH;
            default -> throw new InvalidFilter("groupBy \"" + group + "\" is not one of: school, planKind, month.");
        };
    }
}

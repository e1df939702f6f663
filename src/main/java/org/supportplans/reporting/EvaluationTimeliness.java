package org.supportplans.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.ClockKind;
import org.supportplans.deadlines.ClockStatus;
import org.supportplans.deadlines.ReasonCode;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;

/**
 * Evaluation timeliness, the state's SPP/APR Indicator 11: of the children whose parents consented to an
 * initial evaluation in the period, how many were evaluated, and eligibility decided, within the timeline.
 *
 * <p>Each initial-evaluation clock whose case received the parents' consent (the first evaluation consent
 * given) in the period counts once. Clocks with a reason code of 34 CFR 300.301(d) or 300.309(c) (the parents
 * did not produce the child, a transfer, a written extension for a specific learning disability) are
 * excluded, counted apart. Of the others: met (within the timeline), met late, or not yet completed (of
 * which overdue: past the due date). A clock cancelled because the case ended before the decision (consent
 * revoked, moved away) is not counted: no evaluation was owed any more. Percent = within the timeline /
 * counted consents × 100, one decimal.
 */
@Service
@Transactional(readOnly = true)
class EvaluationTimeliness {

    enum GroupBy {
        SCHOOL,
        MONTH
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(
            LocalDate from,
            LocalDate to,
            long consentsReceived,
            Map<String, Long> excluded,
            long countedConsents,
            long completedWithinTimeline,
            long completedLate,
            long notYetCompleted,
            long overdue,
            Double percentWithinTimeline,
            List<Late> late,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Group> groups) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Late(
            String caseId,
            String studentLocalId,
            String schoolId,
            LocalDate consentOn,
            LocalDate dueOn,
            LocalDate completedOn,
            Long daysLate,
            String reasonCode,
            String reasonText) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Group(
            String group,
            long consentsReceived,
            long countedConsents,
            long completedWithinTimeline,
            Double percentWithinTimeline) {}

    static final List<ReasonCode> EXCUSED = Arrays.stream(ReasonCode.values())
            .filter(ReasonCode::isExcusedByRule)
            .toList();

    // the first evaluation consent the parents gave (ec, the earliest; no earlier one exists): the consent date of
    // Indicator 11. Found per case of the scope through the index on consent_request (case_id, kind), not by
    // grouping every consent of every district first, so the report's time follows the district's size
    private static final String FROM = """
            from clock_deadline c
            join support_case sc on sc.id = c.case_id
            join school s on s.id = sc.school_id
            join consent_request ec on ec.case_id = c.case_id
                 and ec.kind = 'EVALUATION_CONSENT' and ec.decision = 'GIVEN'
                 and not exists (select 1 from consent_request earlier
                                 where earlier.case_id = ec.case_id
                                   and earlier.kind = 'EVALUATION_CONSENT' and earlier.decision = 'GIVEN'
                                   and (earlier.decided_on < ec.decided_on
                                        or (earlier.decided_on = ec.decided_on and earlier.id < ec.id)))
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseScopes scopes;

    EvaluationTimeliness(NamedParameterJdbcTemplate jdbc, CaseScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** The figures; groups by school or consent month when asked (null: no groups). */
    Report report(ReportFilter filter, GroupBy groupBy, CurrentStaff staff) {
        Counts total = new Counts();
        Map<String, Counts> groups = new TreeMap<>();
        CaseScope scope = clocks(filter, staff);
        String today = scope.today();
        jdbc.query("""
                select school_id, consent_year, consent_month, status, reason_code, missed, count(*) as clocks
                from (select sc.school_id, extract(year from ec.decided_on) as consent_year,
                             extract(month from ec.decided_on) as consent_month, c.status, c.reason_code,
                             case when c.status = 'OVERDUE'
                                       or (c.status in ('RUNNING', 'PAUSED')
                                           and c.due_on < %s)
                                  then 1 else 0 end as missed
                      %s
                      %s) x
                group by school_id, consent_year, consent_month, status, reason_code, missed
                """.formatted(today, FROM, scope.where()), scope.params, rs -> {
            ClockStatus status = ClockStatus.valueOf(rs.getString("status"));
            String reason = rs.getString("reason_code");
            boolean missed = rs.getInt("missed") == 1;
            long clocks = rs.getLong("clocks");
            total.add(status, reason, missed, clocks);
            if (groupBy != null) {
                String group = groupBy == GroupBy.SCHOOL
                        ? rs.getString("school_id")
                        : "%04d-%02d".formatted(rs.getInt("consent_year"), rs.getInt("consent_month"));
                groups.computeIfAbsent(group, g -> new Counts()).add(status, reason, missed, clocks);
            }
        });
        return new Report(
                filter.from(),
                filter.to(),
                total.consents,
                total.excluded,
                total.counted(),
                total.within,
                total.late,
                total.notYetCompleted,
                total.overdue,
                Percentiles.percent(total.within, total.counted()),
                late(filter, staff),
                groupBy == null
                        ? null
                        : groups.entrySet().stream()
                                .map(group -> new Group(
                                        group.getKey(),
                                        group.getValue().consents,
                                        group.getValue().counted(),
                                        group.getValue().within,
                                        Percentiles.percent(
                                                group.getValue().within,
                                                group.getValue().counted())))
                                .toList());
    }

    /** The evaluations completed late and not excused, first consent first. */
    private List<Late> late(ReportFilter filter, CurrentStaff staff) {
        CaseScope scope = clocks(filter, staff);
        scope.and("c.status = 'MET_LATE'");
        scope.and("c.reason_code is null or c.reason_code not in ("
                + scope.param(EXCUSED.stream().map(Enum::name).toList()) + ")");
        return jdbc.query("""
                select c.case_id, st.local_id, sc.school_id, ec.decided_on as consent_on,
                       c.due_on, c.stopped_on, c.reason_code, c.reason_text
                %s
                join student st on st.id = sc.student_id
                %s
                order by ec.decided_on, c.case_id, c.id
                """.formatted(FROM, scope.where()), scope.params, (rs, n) -> {
            LocalDate due = rs.getObject("due_on", LocalDate.class);
            LocalDate completed = rs.getObject("stopped_on", LocalDate.class);
            return new Late(
                    rs.getString("case_id"),
                    rs.getString("local_id"),
                    rs.getString("school_id"),
                    rs.getObject("consent_on", LocalDate.class),
                    due,
                    completed,
                    due == null || completed == null ? null : ChronoUnit.DAYS.between(due, completed),
                    rs.getString("reason_code"),
                    rs.getString("reason_text"));
        });
    }

    /** The initial-evaluation clocks of the filter's cases whose consent came in the period. */
    private CaseScope clocks(ReportFilter filter, CurrentStaff staff) {
        CaseScope scope = scopes.of(filter, staff);
        scope.and("c.kind = " + scope.param(ClockKind.INITIAL_EVALUATION.name()));
        scope.and("c.status <> 'CANCELLED'");
        scope.dateWithin("ec.decided_on", filter);
        return scope;
    }

    /** Clocks counted by outcome. */
    private static final class Counts {
        long consents;
        final Map<String, Long> excluded = new LinkedHashMap<>();
        long within;
        long late;
        long notYetCompleted;
        long overdue;

        Counts() {
            EXCUSED.forEach(code -> excluded.put(code.name(), 0L));
        }

        void add(ClockStatus status, String reasonCode, boolean missed, long clocks) {
            consents += clocks;
            if (reasonCode != null && excluded.containsKey(reasonCode)) {
                excluded.merge(reasonCode, clocks, Long::sum);
                return;
            }
            switch (status) {
                case MET -> within += clocks;
                case MET_LATE -> late += clocks;
                case RUNNING, PAUSED, OVERDUE -> {
                    notYetCompleted += clocks;
                    if (missed) {
                        overdue += clocks;
                    }
                }
                case CANCELLED -> throw new IllegalStateException("cancelled clocks are not counted");
            }
        }

        long counted() {
            return consents
                    - excluded.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static GroupBy groupBy(String value) {
        String group = ReportFilter.blankToNull(value);
        if (group == null) {
            return null;
        }
        return switch (group) {
            case "school" -> GroupBy.SCHOOL;
            case "month" -> GroupBy.MONTH;
            default -> throw new InvalidFilter("groupBy \"" + group + "\" is not one of: school, month.");
        };
    }
}

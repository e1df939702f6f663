package org.supportplans.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.InvalidFilter;

/**
 * The reports of {@code /api/reports}: JSON by default, CSV with {@code Accept: text/csv}. Every report takes
 * the filters {@code district}, {@code school}, {@code planKind} and (but the caseloads) {@code from},
 * {@code to}; staff see the cases of the schools they work at, administrators all.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ReportController {

    private final EvaluationTimeliness timeliness;
    private final StepDurations stepDurations;
    private final Caseloads caseloads;
    private final ClockOutcomes clocks;

    ReportController(
            EvaluationTimeliness timeliness, StepDurations stepDurations, Caseloads caseloads, ClockOutcomes clocks) {
        this.timeliness = timeliness;
        this.stepDurations = stepDurations;
        this.caseloads = caseloads;
        this.clocks = clocks;
    }

    @GetMapping("/evaluation-timeliness")
    @Operation(
            summary = "Evaluation timeliness, the state's Indicator 11, of the consents received from `from` to `to`",
            description = "Consents received; the exclusions of 34 CFR 300.301(d) and 300.309(c) counted apart;"
                    + " evaluations completed within the timeline, late (listed with days late and reason) and"
                    + " not yet (of which overdue); percent within = within / (consents - excluded) x 100, one"
                    + " decimal, null when nothing is counted. groupBy=school|month adds groups. CSV: the late"
                    + " rows, or the groups when grouped.")
    EvaluationTimeliness.Report evaluationTimeliness(
            @Parameter(description = "a district id") @RequestParam(required = false) String district,
            @Parameter(description = "a school id") @RequestParam(required = false) String school,
            @Parameter(description = "IEP, SECTION_504 or ALP") @RequestParam(required = false) String planKind,
            @Parameter(description = "consents from this day (YYYY-MM-DD)") @RequestParam(required = false) String from,
            @Parameter(description = "consents up to this day") @RequestParam(required = false) String to,
            @Parameter(description = "school or month (of the consent)") @RequestParam(required = false)
                    String groupBy) {
        return timeliness.report(
                ReportFilter.of(district, school, planKind, from, to),
                EvaluationTimeliness.groupBy(groupBy),
                CurrentStaff.require());
    }

    @GetMapping(path = "/evaluation-timeliness", produces = Csv.TEXT_CSV)
    ResponseEntity<String> evaluationTimelinessCsv(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        EvaluationTimeliness.Report report = evaluationTimeliness(district, school, planKind, from, to, groupBy);
        return report.groups() == null
                ? Csv.of("evaluation-timeliness", EvaluationTimeliness.Late.class, report.late())
                : Csv.of("evaluation-timeliness", EvaluationTimeliness.Group.class, report.groups());
    }

    @GetMapping("/step-durations")
    @Operation(
            summary = "Median, 90th percentile and maximum calendar days of each step, of the steps ending from"
                    + " `from` to `to`",
            description = "Steps: REFERRAL_TO_CONSENT, CONSENT_TO_ELIGIBILITY, ELIGIBILITY_TO_MEETING,"
                    + " MEETING_TO_PLAN_IN_EFFECT, REFERRAL_TO_PLAN_IN_EFFECT. Percentiles interpolate linearly"
                    + " (PostgreSQL's percentile_cont). groupBy=school|planKind|month (of the step's end).")
    StepDurations.Report stepDurations(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind,
            @Parameter(description = "steps ending from this day") @RequestParam(required = false) String from,
            @Parameter(description = "steps ending up to this day") @RequestParam(required = false) String to,
            @Parameter(description = "school, planKind or month") @RequestParam(required = false) String groupBy) {
        return stepDurations.report(
                ReportFilter.of(district, school, planKind, from, to),
                StepDurations.groupBy(groupBy),
                CurrentStaff.require());
    }

    @GetMapping(path = "/step-durations", produces = Csv.TEXT_CSV)
    ResponseEntity<String> stepDurationsCsv(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        return Csv.of(
                "step-durations",
                StepDurations.Row.class,
                stepDurations(district, school, planKind, from, to, groupBy).rows());
    }

    @GetMapping("/caseloads")
    @Operation(
            summary = "Open cases by school and phase; open tasks and open clocks by staff member",
            description = "openTasks: the open tasks of open cases assigned to the staff member, or offered to"
                    + " them or to one of their roles and not claimed, at the schools where they work;"
                    + " runningClocks: the open clocks (RUNNING, PAUSED, OVERDUE) of the cases of those tasks."
                    + " CSV: the staff rows, or the case rows with table=cases.")
    Caseloads.Report caseloads(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind) {
        return caseloads.report(ReportFilter.of(district, school, planKind, null, null), CurrentStaff.require());
    }

    @GetMapping(path = "/caseloads", produces = Csv.TEXT_CSV)
    ResponseEntity<String> caseloadsCsv(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind,
            @Parameter(description = "staff (default) or cases") @RequestParam(required = false) String table) {
        String rows = ReportFilter.blankToNull(table);
        if (rows != null && !rows.equals("staff") && !rows.equals("cases")) {
            throw new InvalidFilter("table \"" + rows + "\" is not one of: staff, cases.");
        }
        Caseloads.Report report = caseloads(district, school, planKind);
        return "cases".equals(rows)
                ? Csv.of("caseloads-cases", Caseloads.CaseRow.class, report.cases())
                : Csv.of("caseloads-staff", Caseloads.StaffRow.class, report.staff());
    }

    @GetMapping("/clocks")
    @Operation(
            summary = "Clocks met, met late, missed, running and cancelled, per clock and period of the due date",
            description = "The due date that counts: an extension, else the counted date; `from`, `to` and the"
                    + " period (groupBy=month|quarter) filter it. Missed: overdue, or running or paused past the"
                    + " due date.")
    ClockOutcomes.Report clocks(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind,
            @Parameter(description = "due from this day") @RequestParam(required = false) String from,
            @Parameter(description = "due up to this day") @RequestParam(required = false) String to,
            @Parameter(description = "month or quarter") @RequestParam(required = false) String groupBy) {
        return clocks.report(
                ReportFilter.of(district, school, planKind, from, to),
                ClockOutcomes.groupBy(groupBy),
                CurrentStaff.require());
    }

    @GetMapping(path = "/clocks", produces = Csv.TEXT_CSV)
    ResponseEntity<String> clocksCsv(
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String planKind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        return Csv.of(
                "clocks",
                ClockOutcomes.Row.class,
                clocks(district, school, planKind, from, to, groupBy).rows());
    }
}

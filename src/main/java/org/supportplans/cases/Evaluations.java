package org.supportplans.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation and the eligibility decision ({@code evaluation-eligibility}): the areas the team evaluates,
 * each area's report, and the team's decision (34 CFR 300.306), which stops the evaluation clock and starts
 * the plan's.
 */
@Service
@Transactional
public class Evaluations {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;

    Evaluations(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
    }

    /** The areas to evaluate; returns the day the evaluation is due. */
    public LocalDate planEvaluation(String caseId, List<EvaluationArea> areas, String actor) {
        SupportCase supportCase = cases.open(caseId);
        if (areas.isEmpty()) {
            throw new CaseRuleViolation("Choose at least one area to evaluate.");
        }
        Evaluation evaluation = current(supportCase);
        evaluation.plan(areas);
        timeline.record(
                supportCase,
                days.today(supportCase),
                CaseEventKind.EVALUATION_PLANNED,
                "Evaluation planned: "
                        + areas.stream().map(EvaluationArea::label).collect(Collectors.joining(", ")),
                actor);
        return evaluation.getDueOn();
    }

    public void reportArea(String caseId, EvaluationArea area, LocalDate completedOn, String findings, String actor) {
        SupportCase supportCase = cases.open(caseId);
        Evaluation evaluation = current(supportCase);
        AreaEvaluation report = evaluation
                .area(area)
                .orElseThrow(
                        () -> new CaseRuleViolation("The area " + area.label() + " is not part of this evaluation."));
        CaseDates.requireBetween(
                completedOn,
                evaluation.getConsentOn(),
                "the parents' consent",
                days.today(supportCase),
                "The report date");
        report.report(completedOn, findings, actor);
        if (evaluation.getAreas().stream().allMatch(AreaEvaluation::isDone)) {
            // the written report is complete with its last area (Texas counts to it: Tex. Educ. Code 29.004(a))
            clocks.stop(
                    caseId, ClockKind.INITIAL_EVALUATION, ClockStop.EVALUATION_REPORT_WRITTEN, reportDate(evaluation));
        }
        timeline.record(
                supportCase,
                completedOn,
                CaseEventKind.EVALUATION_AREA_COMPLETED,
                area.label() + " evaluation completed",
                actor);
    }

    public record Eligibility(
            Set<PlanKind> plans, LocalDate decidedOn, LocalDate planMeetingDueOn, Set<IdeaCategory> categories) {}

    /**
     * The team's decision (34 CFR 300.306): by the group of qualified professionals and the parents ({@code team}),
     * with the written report of 300.311 when the category is a specific learning disability ({@code sldReport},
     * else ignored).
     */
    public Eligibility decideEligibility(
            String caseId,
            LocalDate meetingOn,
            EligibilityOutcome outcome,
            Set<IdeaCategory> categories,
            String rationale,
            EligibilityTeam team,
            SldReport sldReport,
            String actor) {
        SupportCase supportCase = cases.open(caseId);
        Evaluation evaluation = current(supportCase);
        CaseDates.requireBetween(
                meetingOn,
                evaluation.getConsentOn(),
                "the parents' consent",
                days.today(supportCase),
                "The eligibility meeting date");
        List<String> missing = evaluation.getAreas().stream()
                .filter(area -> !area.isDone())
                .map(area -> area.getArea().label())
                .toList();
        if (!missing.isEmpty()) {
            throw new CaseRuleViolation("These evaluation reports are missing: " + String.join(", ", missing) + ".");
        }
        Set<IdeaCategory> recorded = outcome.needs(PlanKind.IEP) ? categories : Set.of();
        if (outcome.needs(PlanKind.IEP) && recorded.isEmpty()) {
            // 34 CFR 300.306(a)(1), 300.8: eligibility under IDEA is eligibility in a category
            throw new CaseRuleViolation("An IEP needs at least one IDEA disability category.");
        }
        if (team == null) {
            throw new CaseRuleViolation(
                    "Name the team that decided: the qualified professionals and the parents (34 CFR 300.306(a)(1)).");
        }
        team.check();
        boolean learningDisability = recorded.contains(IdeaCategory.SPECIFIC_LEARNING_DISABILITY);
        if (learningDisability && sldReport == null) {
            throw new CaseRuleViolation("A specific learning disability needs the team's written report (34 CFR"
                    + " 300.311): the observation, the areas, the basis and the other factors.");
        }
        if (learningDisability) {
            sldReport.check();
        }
        EvaluationClock.of(supportCase)
                .ifPresent(kind -> clocks.stop(caseId, kind, ClockStop.ELIGIBILITY_DECIDED, meetingOn));
        if (!outcome.needs(PlanKind.IEP)) {
            clocks.stop(caseId, ClockKind.STATE_EVALUATION_TIMELINE, ClockStop.NOT_ELIGIBLE, meetingOn);
        }
        evaluation.complete(meetingOn, actor);
        EligibilityDecision decision =
                new EligibilityDecision(caseId, evaluation.getId(), meetingOn, outcome, recorded, rationale, actor);
        decision.decidedBy(team);
        if (learningDisability) {
            decision.reported(sldReport);
        }
        supportCase.add(decision);
        Set<PlanKind> plansToWrite = outcome.plans();
        LocalDate planMeetingDueOn = null;
        if (!plansToWrite.isEmpty()) {
            supportCase.planFor(plansToWrite);
            if (plansToWrite.contains(PlanKind.IEP)) {
                // 34 CFR 300.323(c)(1): the meeting to develop the IEP within 30 days
                planMeetingDueOn = clocks.start(caseId, ClockKind.IEP_MEETING, ClockStart.ELIGIBILITY, meetingOn)
                        .or(() -> clocks.dueOf(caseId, ClockKind.IEP_MEETING))
                        .orElse(null);
            }
            if (plansToWrite.contains(PlanKind.ALP)) {
                LocalDate alpDue = clocks.start(caseId, ClockKind.ALP_DEVELOPMENT, ClockStart.IDENTIFICATION, meetingOn)
                        .orElse(null);
                planMeetingDueOn = planMeetingDueOn == null ? alpDue : planMeetingDueOn;
            }
            supportCase.moveTo(CasePhase.PLAN_DEVELOPMENT);
        }
        String what = plansToWrite.isEmpty()
                ? "Eligibility decided: not eligible"
                : "Eligibility decided: "
                        + plansToWrite.stream().map(Enum::name).collect(Collectors.joining(" and "))
                        + (recorded.isEmpty()
                                ? ""
                                : " ("
                                        + recorded.stream()
                                                .map(IdeaCategory::label)
                                                .collect(Collectors.joining(", ")) + ")");
        timeline.record(supportCase, meetingOn, CaseEventKind.ELIGIBILITY_DECIDED, what, actor);
        return new Eligibility(plansToWrite, meetingOn, planMeetingDueOn, recorded);
    }

    private static LocalDate reportDate(Evaluation evaluation) {
        return evaluation.getAreas().stream()
                .map(AreaEvaluation::getCompletedOn)
                .max(LocalDate::compareTo)
                .orElseThrow();
    }

    /** The evaluation under way (or the last one); none before the parents consented. */
    static Evaluation current(SupportCase supportCase) {
        return supportCase
                .currentEvaluation()
                .orElseThrow(
                        () -> new NotAwaitedException("No evaluation is under way: the parents have not consented."));
    }
}

package org.supportplans.cases;

import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan in effect ({@code plan-in-effect}): the annual review (34 CFR 300.324(b)(1)) and the reevaluation at
 * least every three years (300.303(b)(2)), each restarting its clock.
 */
@Service
@Transactional
public class Reviews {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;

    Reviews(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
    }

    /** Records the annual review; returns the next review's due date. */
    public LocalDate annualReviewHeld(String caseId, LocalDate heldOn, String notes, String actor) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate inEffectSince = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .map(SupportPlan::getInEffectOn)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new NotAwaitedException("The case has no plan in effect to review."));
        CaseDates.requireBetween(
                heldOn, inEffectSince, "the plan took effect", days.today(supportCase), "The review date");
        supportCase.add(Meeting.annualReview(caseId, heldOn, notes, actor));
        clocks.stop(caseId, ClockKind.ANNUAL_REVIEW, ClockStop.ANNUAL_REVIEW_HELD, heldOn);
        // the review revisits the IEP, its transition plan included
        clocks.stop(caseId, ClockKind.TRANSITION, ClockStop.ANNUAL_REVIEW_HELD, heldOn);
        LocalDate next = clocks.start(caseId, ClockKind.ANNUAL_REVIEW, ClockStart.PLAN_MEETING, heldOn)
                .orElseThrow();
        timeline.record(
                supportCase,
                heldOn,
                CaseEventKind.ANNUAL_REVIEW_HELD,
                "Annual review held; next due by " + next,
                actor);
        return next;
    }

    /** The parents refused to let the school reevaluate: the plan stays (34 CFR 300.300(c)(1)(ii)). Returns when to ask again. */
    public LocalDate reevaluationRefused(String caseId) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        timeline.record(
                supportCase,
                today,
                CaseEventKind.REEVALUATION_REFUSED,
                "Parents refused the reevaluation; the plan stays in effect",
                null);
        return today.plusYears(1);
    }

    /** Records the reevaluation; returns the next one's due date, or null when the student is no longer eligible. */
    public LocalDate reevaluationCompleted(
            String caseId, LocalDate completedOn, boolean stillEligible, String summary, String actor) {
        SupportCase supportCase = cases.open(caseId);
        Evaluation evaluation = Evaluations.current(supportCase);
        if (evaluation.getKind() != EvaluationKind.REEVALUATION || evaluation.getCompletedOn() != null) {
            throw new NotAwaitedException("No reevaluation is under way.");
        }
        CaseDates.requireBetween(
                completedOn,
                evaluation.getConsentOn(),
                "the parents' consent",
                days.today(supportCase),
                "The reevaluation date");
        evaluation.completeReevaluation(completedOn, stillEligible, summary, actor);
        clocks.stop(caseId, ClockKind.REEVALUATION, ClockStop.REEVALUATION_COMPLETED, completedOn);
        LocalDate next = stillEligible
                ? clocks.start(caseId, ClockKind.REEVALUATION, ClockStart.EVALUATION, completedOn)
                        .orElseThrow()
                : null;
        timeline.record(
                supportCase,
                completedOn,
                CaseEventKind.REEVALUATION_COMPLETED,
                stillEligible ? "Reevaluation completed: still eligible" : "Reevaluation completed: no longer eligible",
                actor);
        return next;
    }
}

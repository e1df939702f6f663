package org.supportplans.workflow;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.supportplans.cases.DistrictDay;
import org.supportplans.cases.Reviews;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** Annual reviews and reevaluations while a plan is in effect ({@code plan-in-effect}). */
final class ReviewSteps {

    private ReviewSteps() {}

    // the review task opens a month before the anniversary, so that the meeting can be held in time
    static final int ANNUAL_REVIEW_LEAD_DAYS = 30;
    // the reevaluation starts three months before it is due: consent, then 60 days to evaluate
    static final int REEVALUATION_LEAD_DAYS = 90;

    static void scheduleAnnualReview(DelegateExecution execution, DistrictDay days, String caseId, LocalDate dueOn) {
        execution.setVariable(Variables.ANNUAL_REVIEW_DUE_ON, CaseSteps.iso(dueOn));
        execution.setVariable(
                Variables.ANNUAL_REVIEW_DUE_AT,
                CaseSteps.timerDate(days.morningOf(caseId, dueOn.minusDays(ANNUAL_REVIEW_LEAD_DAYS))));
    }

    static void scheduleReevaluation(
            DelegateExecution execution, DistrictDay days, String caseId, LocalDate dueOn, LocalDate startOn) {
        execution.setVariable(Variables.REEVALUATION_DUE_ON, CaseSteps.iso(dueOn));
        execution.setVariable(Variables.REEVALUATION_DUE_AT, CaseSteps.timerDate(days.morningOf(caseId, startOn)));
    }

    /** "Hold the annual review". */
    @Component("annualReviewRecorder")
    static class AnnualReviewRecorder extends CaseSteps.Recorder {

        private final Reviews reviews;
        private final DistrictDay days;

        AnnualReviewRecorder(FormSchemas forms, Reviews reviews, DistrictDay days) {
            super(forms);
            this.reviews = reviews;
            this.days = days;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate heldOn = input.date("annualReviewHeldOn");
            String notes = input.text("annualReviewNotes");
            LocalDate next = reviews.annualReviewHeld(caseId, heldOn, notes, actor);
            scheduleAnnualReview(task.getExecution(), days, caseId, next);
        }
    }

    /** "Record the refusal and keep the plan": the school asks again in a year. */
    @Component("reevaluationRefusal")
    static class ReevaluationRefusal extends CaseSteps.Step {

        private final Reviews reviews;
        private final DistrictDay days;

        ReevaluationRefusal(Reviews reviews, DistrictDay days) {
            this.reviews = reviews;
            this.days = days;
        }

        @Override
        void run(DelegateExecution execution, String caseId) {
            LocalDate askAgainOn = reviews.reevaluationRefused(caseId);
            execution.setVariable(
                    Variables.REEVALUATION_DUE_AT, CaseSteps.timerDate(days.morningOf(caseId, askAgainOn)));
        }
    }

    /** "Reevaluate and decide continued eligibility". */
    @Component("reevaluationRecorder")
    static class ReevaluationRecorder extends CaseSteps.Recorder {

        private final Reviews reviews;
        private final DistrictDay days;

        ReevaluationRecorder(FormSchemas forms, Reviews reviews, DistrictDay days) {
            super(forms);
            this.reviews = reviews;
            this.days = days;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate completedOn = input.date("reevaluationCompletedOn");
            boolean stillEligible = input.option("continuedEligibility", YesNo.class) == YesNo.YES;
            String summary = input.text("reevaluationSummary");
            LocalDate next = reviews.reevaluationCompleted(caseId, completedOn, stillEligible, summary, actor);
            task.setVariable(Variables.STILL_ELIGIBLE, stillEligible);
            if (next != null) {
                scheduleReevaluation(task.getExecution(), days, caseId, next, next.minusDays(REEVALUATION_LEAD_DAYS));
            }
        }
    }

    enum YesNo {
        YES,
        NO
    }
}

package org.supportplans.workflow;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.supportplans.cases.DistrictDay;
import org.supportplans.cases.PlanContent;
import org.supportplans.cases.PlanService;
import org.supportplans.cases.Reviews;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** Annual reviews and reevaluations while a plan is in effect ({@code plan-in-effect}). */
final class ReviewSteps {

    private ReviewSteps() {}

    // the review task opens a month before the review is due, so that the meeting can be held in time: before the
    // anniversary of the last IEP meeting, or before the day after the IEP ends when that comes first (the clock's
    // due date, Reviews.startReviewClock)
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

    // set when the review's task opens: whether the review writes an IEP (the form then asks for it)
    static final String REVIEW_WRITES_IEP = "reviewWritesIep";
    // the form's heading and the words under it: an annual review, or the review after a reevaluation
    static final String REVIEW_TITLE = "reviewTitle";
    static final String REVIEW_WHY = "reviewWhy";

    /**
     * When "Hold the annual review" opens: its form is filled in with the IEP in effect (present levels, goals,
     * services, and the rest), for the team to change what the review changes; the new dates are left to fill.
     */
    @Component("annualReviewForm")
    static class AnnualReviewForm implements TaskListener {

        private final Reviews reviews;
        private final DistrictDay days;

        AnnualReviewForm(Reviews reviews, DistrictDay days) {
            this.reviews = reviews;
            this.days = days;
        }

        @Override
        public void notify(DelegateTask task) {
            String caseId = (String) task.getVariable(Variables.CASE_ID);
            boolean afterReevaluation = SupportCaseProcess.PlanInEffect.TASK_REVIEW_PLAN_AFTER_REEVALUATION.equals(
                    task.getTaskDefinitionKey());
            task.setVariableLocal(REVIEW_TITLE, afterReevaluation ? "Review after the reevaluation" : "Annual review");
            task.setVariableLocal(
                    REVIEW_WHY,
                    afterReevaluation
                            ? "The reevaluation is done and the student is still eligible. Meet with the parents and"
                                    + " revise the plan to address its results (IEP: 34 CFR 300.324(b)(1)(ii)(B); the"
                                    + " parents are invited as for any IEP meeting, 300.322). This meeting is the plan's"
                                    + " review: the next one is due a year from it (a Section 504 plan or an ALP alone:"
                                    + " as the district sets)."
                            : "Review whether the goals are being met and revise the plan where needed, at least once"
                                    + " a year (IEP: 34 CFR 300.324(b); the parents are invited as for any IEP meeting,"
                                    + " 300.322).");
            PlanContent.Iep iep = reviews.iepInEffect(caseId).orElse(null);
            task.setVariable(REVIEW_WRITES_IEP, iep != null);
            if (iep == null) {
                return;
            }
            LocalDate nextIepBy = iep.endsOn().plusDays(1);
            if (!afterReevaluation
                    && CaseSteps.iso(nextIepBy).equals(task.getVariable(Variables.ANNUAL_REVIEW_DUE_ON))) {
                // the review is due when the IEP in effect ends (the anniversary, or earlier for a shorter IEP)
                task.setVariableLocal(
                        REVIEW_WHY,
                        task.getVariableLocal(REVIEW_WHY) + " Due by " + nextIepBy + ": the IEP in effect ends on "
                                + iep.endsOn() + " and the new one must start by the day after, so that the"
                                + " student is never without an IEP (34 CFR 300.323(a)).");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("currentIepStartsOn", CaseSteps.iso(iep.startsOn()));
            values.put("currentIepEndsOn", CaseSteps.iso(iep.endsOn()));
            values.put("presentLevels", iep.presentLevels());
            values.put("annualGoals", iep.annualGoals());
            values.put("accommodations", iep.accommodations());
            values.put("placement", iep.placement());
            values.put("transitionPlan", iep.transitionPlan());
            PlanContent.IepElements elements = iep.elements();
            values.put("progressReporting", elements.progressReporting());
            values.put("nondisabledPeers", elements.nondisabledPeers());
            values.put("assessmentParticipation", elements.assessmentParticipation());
            values.put("alternateAssessmentWhy", elements.alternateAssessmentWhy());
            values.put("shortTermObjectives", elements.shortTermObjectives());
            values.put("specialFactors", elements.specialFactors());
            values.put("extendedSchoolYear", elements.extendedSchoolYear());
            values.put("transferOfRights", elements.transferOfRights());
            values.put(Variables.TRANSITION_REQUIRED, reviews.transitionRequired(caseId, days.today(caseId)));
            values.forEach(task::setVariable);
            List<Map<String, Object>> services =
                    iep.services().stream().map(ReviewSteps::row).toList();
            task.setVariable("services", SpinValues.jsonValue(json(services)).create());
        }
    }

    private static Map<String, Object> row(PlanService service) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service", service.service());
        row.put("providerRole", service.providerRole());
        row.put("minutes", service.minutes());
        row.put("frequency", service.frequency());
        row.put("setting", service.setting());
        // the dates of the coming year's services are the team's to set
        return row;
    }

    private static String json(List<Map<String, Object>> rows) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Hold the annual review". */
    @Component("annualReviewRecorder")
    static class AnnualReviewRecorder extends CaseSteps.Recorder {

        final Reviews reviews;
        private final DistrictDay days;

        AnnualReviewRecorder(FormSchemas forms, Reviews reviews, DistrictDay days) {
            super(forms);
            this.reviews = reviews;
            this.days = days;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            // the IEP the team wrote at the review, when a review writes one (the form asked for it)
            Reviews.Revision revision = Boolean.TRUE.equals(task.getVariable(REVIEW_WRITES_IEP))
                    ? new Reviews.Revision(
                            PlanSteps.IepWriter.read(input),
                            input.text("changeReasons"),
                            input.text("optionsConsidered"))
                    : null;
            LocalDate next =
                    held(caseId, input.date("annualReviewHeldOn"), input.text("annualReviewNotes"), revision, actor);
            scheduleAnnualReview(task.getExecution(), days, caseId, next);
        }

        /** Records the review; returns the next one's due date. */
        LocalDate held(String caseId, LocalDate heldOn, String notes, Reviews.Revision revision, String actor) {
            return reviews.annualReviewHeld(caseId, heldOn, notes, revision, actor);
        }
    }

    /**
     * "Review the plan with the reevaluation's results" (the annual review's form): the plan revised to address the
     * reevaluation (34 CFR 300.324(b)(1)(ii)(B)), a version of its own; the next review counts from this meeting.
     */
    @Component("reevaluationReviewRecorder")
    static class ReevaluationReviewRecorder extends AnnualReviewRecorder {

        ReevaluationReviewRecorder(FormSchemas forms, Reviews reviews, DistrictDay days) {
            super(forms, reviews, days);
        }

        @Override
        LocalDate held(String caseId, LocalDate heldOn, String notes, Reviews.Revision revision, String actor) {
            return reviews.reviewedAfterReevaluation(caseId, heldOn, notes, revision, actor);
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

    /**
     * "Review the existing data: is more needed?" (34 CFR 300.305(a)): more data, and the parents' consent is asked
     * next; none, and the reevaluation is done from the existing data, with notice to the parents (300.305(d)).
     */
    @Component("existingDataReviewRecorder")
    static class ExistingDataReviewRecorder extends CaseSteps.Recorder {

        private final Reviews reviews;
        private final DistrictDay days;

        ExistingDataReviewRecorder(FormSchemas forms, Reviews reviews, DistrictDay days) {
            super(forms);
            this.reviews = reviews;
            this.days = days;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            LocalDate reviewedOn = input.date("existingDataReviewedOn");
            String existingData = input.text("existingDataSummary");
            boolean moreDataNeeded = input.option("moreDataNeeded", YesNo.class) == YesNo.YES;
            if (!moreDataNeeded) {
                LocalDate next = reviews.reevaluatedFromExistingData(
                        caseId, reviewedOn, existingData, input.text("noMoreDataReasons"), actor);
                scheduleReevaluation(task.getExecution(), days, caseId, next, next.minusDays(REEVALUATION_LEAD_DAYS));
            }
            task.setVariable(Variables.MORE_DATA_NEEDED, moreDataNeeded);
        }
    }

    enum YesNo {
        YES,
        NO
    }
}

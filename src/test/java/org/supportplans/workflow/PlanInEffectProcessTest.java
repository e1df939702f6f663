package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While the plan is in effect: an annual review every year, a reevaluation every three years with the parents'
 * consent (the real parent-consent process, answered as our API answers it), until the student is no longer
 * eligible.
 */
@Deployment(
        resources = {
            "processes/plan-in-effect.bpmn",
            "processes/parent-consent.bpmn",
            "forms/annual-review.form",
            "forms/reevaluation.form",
            "forms/review-existing-data.form",
            "forms/record-parent-answer.form"
        })
class PlanInEffectProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .excludeProcessDefinitionKeys("parent-consent")
            .build();

    private static final String CASE_ID = "case-maya";
    private static final String FIRST_ANNUAL_REVIEW_AT = "2026-12-01T08:00:00";
    private static final String FIRST_REEVALUATION_AT = "2028-11-10T08:00:00";

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("taskDeadlines", new TaskDeadlinesStub());
        Mocks.register("teacherNotifier", (JavaDelegate) execution -> steps.add("teachers told of the new plan"));
        Mocks.register("annualReviewForm", (TaskListener) task -> {
            steps.add("review form filled in with the IEP in effect");
            task.setVariable("reviewWritesIep", true);
        });
        Mocks.register("annualReviewRecorder", (TaskListener) task -> {
            steps.add("annual review held");
            nextDate(task, "annualReviewDueAt", 1); // 34 CFR 300.324(b)(1)(i)
        });
        Mocks.register("reevaluationReviewRecorder", (TaskListener) task -> {
            steps.add("plan revised with the reevaluation's results");
            nextDate(task, "annualReviewDueAt", 1); // the meeting reviewed the IEP: 34 CFR 300.324(b)(1)(i)
        });
        Mocks.register("reevaluationRecorder", (TaskListener) task -> {
            boolean stillEligible = "YES".equals(task.getVariable("continuedEligibility"));
            steps.add(stillEligible ? "still eligible" : "no longer eligible");
            task.setVariable("stillEligible", stillEligible);
            nextDate(task, "reevaluationDueAt", 3); // 34 CFR 300.303(b)(2)
        });
        Mocks.register("reevaluationRefusal", (JavaDelegate) execution -> {
            steps.add("refusal recorded, plan kept");
            nextDate(execution, "reevaluationDueAt", 1);
        });
        Mocks.register("existingDataReviewRecorder", (TaskListener) task -> {
            boolean more = "YES".equals(task.getVariable("moreDataNeeded"));
            steps.add(more ? "more data needed" : "reevaluated from the existing data, notice sent");
            task.setVariable("moreDataNeeded", more);
            if (!more) {
                nextDate(task, "reevaluationDueAt", 3); // 34 CFR 300.303(b)(2)
            }
        });
        Mocks.register("consentRequester", (JavaDelegate) execution -> steps.add("consent to reevaluate asked"));
        Mocks.register("consentReminder", (JavaDelegate) execution -> steps.add("parents reminded"));
        Mocks.register("parentAnswerRecorder", (TaskListener) task -> {
            task.setVariable("consentDecision", task.getVariable("parentDecision"));
        });
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @Test
    void theTeamReviewsThePlanEveryYear() {
        ProcessInstance plan = planInEffect();

        assertThat(plan).isWaitingAt("Gateway_WhatIsDue");
        Assertions.assertThat(job("TimerEvent_AnnualReviewDue", plan).getDuedate())
                .isEqualTo(instant(FIRST_ANNUAL_REVIEW_AT));
        Assertions.assertThat(job("TimerEvent_ReevaluationDue", plan).getDuedate())
                .isEqualTo(instant(FIRST_REEVALUATION_AT));

        execute(job("TimerEvent_AnnualReviewDue", plan));

        assertThat(plan).isWaitingAt("Task_HoldAnnualReview");
        assertThat(task(plan)).hasCandidateGroup("coordinator").hasName("Hold the annual review");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("annual-review");
        complete(task(plan), annualReviewHeld("2026-11-20"));
        assertThat(plan).isWaitingAt("ServiceTask_NotifyTeachersOfNewPlan");
        execute(job("ServiceTask_NotifyTeachersOfNewPlan", plan));

        assertThat(plan).isWaitingAt("Gateway_WhatIsDue");
        Assertions.assertThat(job("TimerEvent_AnnualReviewDue", plan).getDuedate())
                .isEqualTo(instant("2027-12-01T08:00:00"));

        execute(job("TimerEvent_AnnualReviewDue", plan));
        complete(task(plan), annualReviewHeld("2027-11-18"));
        execute(job("ServiceTask_NotifyTeachersOfNewPlan", plan));

        assertThat(plan).isWaitingAt("Gateway_WhatIsDue");
        Assertions.assertThat(job("TimerEvent_AnnualReviewDue", plan).getDuedate())
                .isEqualTo(instant("2028-12-01T08:00:00"));
        Assertions.assertThat(job("TimerEvent_ReevaluationDue", plan).getDuedate())
                .isEqualTo(instant(FIRST_REEVALUATION_AT));
        Assertions.assertThat(steps)
                .containsExactly(
                        "review form filled in with the IEP in effect",
                        "annual review held",
                        "teachers told of the new plan",
                        "review form filled in with the IEP in effect",
                        "annual review held",
                        "teachers told of the new plan");
    }

    @Test
    void aStudentStillEligibleAtTheReevaluationHasThePlanRevisedWithItsResults() {
        ProcessInstance plan = planInEffect();

        execute(job("TimerEvent_ReevaluationDue", plan));

        assertThat(plan).isWaitingAt("Task_ReviewExistingData");
        assertThat(task(plan))
                .hasCandidateGroup("school-psychologist")
                .hasName("Review the existing data: is more needed?");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("review-existing-data");
        complete(task(plan), moreDataNeeded("YES"));

        assertThat(plan).isWaitingAt("CallActivity_ReevaluationConsent");
        assertThat(plan)
                .calledProcessInstance("parent-consent")
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsOnlyKeys("caseId", "schoolId", "studentName", "schoolName", "consentKind")
                .containsEntry("consentKind", "REEVALUATION_CONSENT");
        parentsAnswerThroughTheApi("GIVEN");

        assertThat(plan).isWaitingAt("Task_Reevaluate");
        assertThat(task(plan))
                .hasCandidateGroup("school-psychologist")
                .hasName("Reevaluate and decide continued eligibility");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("reevaluation");
        complete(task(plan), reevaluated("YES"));

        // 34 CFR 300.324(b)(1)(ii)(B): the team revises the IEP to address the reevaluation's results
        assertThat(plan).hasPassed("Gateway_StillEligible").isWaitingAt("Task_ReviewPlanAfterReevaluation");
        assertThat(task(plan))
                .hasCandidateGroup("coordinator")
                .hasName("Review the plan with the reevaluation's results");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("annual-review");
        complete(task(plan));
        execute(job("ServiceTask_NotifyTeachersAfterReevaluation", plan));

        assertThat(plan).isWaitingAt("Gateway_WhatIsDue");
        Assertions.assertThat(job("TimerEvent_ReevaluationDue", plan).getDuedate())
                .isEqualTo(instant("2031-11-10T08:00:00"));
        Assertions.assertThat(steps)
                .containsExactly(
                        "more data needed",
                        "consent to reevaluate asked",
                        "still eligible",
                        "review form filled in with the IEP in effect",
                        "plan revised with the reevaluation's results",
                        "teachers told of the new plan");
    }

    @Test
    void aStudentNoLongerEligibleLeavesThePlan() {
        ProcessInstance plan = planInEffect();

        execute(job("TimerEvent_ReevaluationDue", plan));
        complete(task(plan), moreDataNeeded("YES"));
        parentsAnswerThroughTheApi("GIVEN");
        complete(task(plan), reevaluated("NO"));

        assertThat(plan)
                .hasPassedInOrder(
                        "TimerEvent_ReevaluationDue",
                        "Task_ReviewExistingData",
                        "Gateway_MoreDataNeeded",
                        "CallActivity_ReevaluationConsent",
                        "Gateway_ReevaluationConsent",
                        "Task_Reevaluate",
                        "Gateway_StillEligible",
                        "EndEvent_NoLongerEligible")
                .isEnded();
        assertThat(plan).variables().containsEntry("stillEligible", false);
    }

    @Test
    void parentsWhoRefuseTheReevaluationKeepThePlan() {
        ProcessInstance plan = planInEffect();

        execute(job("TimerEvent_ReevaluationDue", plan));
        complete(task(plan), moreDataNeeded("YES"));
        // the parents answer on paper and the coordinator records it
        complete(
                task("Task_RecordParentAnswer", calledConsent()),
                withVariables("parentDecision", "REFUSED", "parentDecisionDate", "2028-10-30"));

        assertThat(plan)
                .hasPassedInOrder("Gateway_ReevaluationConsent", "ServiceTask_KeepPlan")
                .hasNotPassed("Task_Reevaluate")
                .isWaitingAt("Gateway_WhatIsDue");
        Assertions.assertThat(job("TimerEvent_ReevaluationDue", plan).getDuedate())
                .isEqualTo(instant("2029-11-10T08:00:00"));
        Assertions.assertThat(steps)
                .containsExactly("more data needed", "consent to reevaluate asked", "refusal recorded, plan kept");

        // the plan goes on: the next annual review is still due
        execute(job("TimerEvent_AnnualReviewDue", plan));
        assertThat(plan).isWaitingAt("Task_HoldAnnualReview");
    }

    /**
     * 34 CFR 300.305(d): the existing data are enough; no consent is asked (there is nothing to assess), the parents
     * get notice, and the next reevaluation is three years on.
     */
    @Test
    void aReevaluationFromTheExistingDataAsksNoConsentAndKeepsThePlan() {
        ProcessInstance plan = planInEffect();

        execute(job("TimerEvent_ReevaluationDue", plan));
        complete(task(plan), moreDataNeeded("NO"));

        assertThat(plan)
                .hasPassedInOrder("Task_ReviewExistingData", "Gateway_MoreDataNeeded", "Gateway_NextReview")
                .hasNotPassed("CallActivity_ReevaluationConsent")
                .isWaitingAt("Gateway_WhatIsDue");
        Assertions.assertThat(job("TimerEvent_ReevaluationDue", plan).getDuedate())
                .isEqualTo(instant("2031-11-10T08:00:00"));
        Assertions.assertThat(steps).containsExactly("reevaluated from the existing data, notice sent");
    }

    private static Map<String, Object> moreDataNeeded(String answer) {
        Map<String, Object> values = withVariables(
                "existingDataReviewedOn", "2028-10-20",
                "existingDataSummary", "The 2025 evaluation, this year's reading probes, the parents' report.",
                "moreDataNeeded", answer);
        if (answer.equals("NO")) {
            values.put("noMoreDataReasons", "The reading data of this year show the same need, served by the IEP.");
        }
        return values;
    }

    private static ProcessInstance planInEffect() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "plan-in-effect",
                        CASE_ID,
                        Map.of(
                                "caseId",
                                CASE_ID,
                                "studentName",
                                "Maya Lopez",
                                "schoolName",
                                "Lincoln Elementary",
                                "needsIep",
                                true,
                                "plansInEffect",
                                true,
                                "annualReviewDueAt",
                                FIRST_ANNUAL_REVIEW_AT,
                                "reevaluationDueAt",
                                FIRST_REEVALUATION_AT));
    }

    private static Map<String, Object> annualReviewHeld(String heldOn) {
        return withVariables(
                "annualReviewHeldOn", heldOn, "annualReviewNotes", "Goals reviewed; reading goal met, new goal set.");
    }

    private static Map<String, Object> reevaluated(String continuedEligibility) {
        return withVariables(
                "reevaluationCompletedOn", "2028-11-01",
                "continuedEligibility", continuedEligibility,
                "reevaluationSummary", "Reviewed existing data, new testing in reading.");
    }

    private static ProcessInstance calledConsent() {
        return runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("parent-consent")
                .processInstanceBusinessKey(CASE_ID)
                .singleResult();
    }

    /** What our API does when the parents answer through the portal: it records the answer, then tells the case. */
    private static void parentsAnswerThroughTheApi(String decision) {
        runtimeService()
                .createMessageCorrelation("ParentAnswerReceived")
                .processInstanceBusinessKey(CASE_ID)
                .setVariable("consentDecision", decision)
                .correlate();
    }

    private static void nextDate(VariableScope scope, String variable, int years) {
        LocalDateTime due = LocalDateTime.parse((String) scope.getVariable(variable));
        scope.setVariable(variable, due.plusYears(years).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    private static String formOf(Task task) {
        return formService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
    }

    private static Date instant(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime)
                .atZone(ZoneId.systemDefault())
                .toInstant());
    }
}

package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plan meeting and the plans: each plan the student needs is drafted side by side before the meeting, which
 * finalises them; an IEP takes effect only with the parents' consent for services (the real parent-consent process,
 * answered as our API answers it).
 */
@Deployment(
        resources = {
            "processes/plan-development.bpmn",
            "processes/parent-consent.bpmn",
            "forms/schedule-plan-meeting.form",
            "forms/hold-plan-meeting.form",
            "forms/write-iep.form",
            "forms/write-504-plan.form",
            "forms/write-alp.form",
            "forms/record-parent-answer.form"
        })
class PlanDevelopmentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .excludeProcessDefinitionKeys("parent-consent")
            .build();

    private static final String CASE_ID = "case-maya";

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("taskDeadlines", new TaskDeadlinesStub());
        Mocks.register("meetingScheduler", (TaskListener) task -> steps.add("meeting scheduled"));
        Mocks.register("meetingNoticeSender", (JavaDelegate) execution -> steps.add("meeting notice sent"));
        Mocks.register("meetingRecorder", (TaskListener) task -> steps.add("meeting held"));
        Mocks.register("iepWriter", (TaskListener) task -> steps.add("IEP written"));
        Mocks.register("section504PlanWriter", (TaskListener) task -> steps.add("Section 504 plan written"));
        Mocks.register("alpWriter", (TaskListener) task -> steps.add("ALP written"));
        Mocks.register("plansActivator", (JavaDelegate) this::putThePlansInEffect);
        Mocks.register("teacherNotifier", (JavaDelegate) execution -> steps.add("teachers told"));
        Mocks.register("consentRequester", (JavaDelegate) execution -> steps.add("consent for services asked"));
        Mocks.register("consentReminder", (JavaDelegate) execution -> steps.add("parents reminded"));
        Mocks.register("parentAnswerRecorder", (TaskListener) task -> {
            task.setVariable("consentDecision", task.getVariable("parentDecision"));
        });
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    /** As the real activator decides: an IEP needs the parents' consent for services, other plans do not ... */
    private void putThePlansInEffect(DelegateExecution execution) {
        // ... and a transferred student's new IEP takes effect without consent for initial services
        boolean iep = (Boolean) execution.getVariable("needsIep")
                && ("GIVEN".equals(execution.getVariable("consentDecision"))
                        || execution.getVariable("transferFrom") != null);
        boolean inEffect =
                iep || (Boolean) execution.getVariable("needs504") || (Boolean) execution.getVariable("needsAlp");
        execution.setVariable("plansInEffect", inEffect);
        if (inEffect) {
            execution.setVariable("annualReviewDueAt", "2026-12-01T08:00:00");
            execution.setVariable("reevaluationDueAt", "2028-11-10T08:00:00");
        }
        steps.add(inEffect ? "plans in effect" : "no plan in effect");
    }

    @Test
    void anIepTakesEffectOnceTheParentsConsentToServices() {
        ProcessInstance plan = eligibleFor(true, false, false);

        assertThat(plan).isWaitingAt("Task_SchedulePlanMeeting");
        assertThat(task(plan)).hasCandidateGroup("coordinator").hasName("Schedule the plan meeting");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("schedule-plan-meeting");
        complete(task(plan), withVariables("planMeetingOn", "2025-12-01", "planMeetingLocation", "Room 12"));

        assertThat(plan).hasPassed("ServiceTask_SendMeetingNotice").isWaitingAtExactly("Task_WriteIep");
        assertThat(task(plan)).hasCandidateGroup("special-education-teacher").hasName("Draft the IEP");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("write-iep");
        complete(task(plan));

        assertThat(plan).hasPassed("Gateway_PlansWritten").isWaitingAtExactly("Task_HoldPlanMeeting");
        assertThat(task(plan)).hasCandidateGroup("coordinator");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("hold-plan-meeting");
        complete(task(plan), meetingHeld());

        assertThat(plan).isWaitingAt("CallActivity_ServicesConsent");
        assertThat(plan)
                .calledProcessInstance("parent-consent")
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsOnlyKeys("caseId", "schoolId", "studentName", "schoolName", "consentKind")
                .containsEntry("consentKind", "SERVICES_CONSENT");
        parentsAnswerThroughTheApi("GIVEN");
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan)
                .hasPassedInOrder(
                        "Gateway_IepConsent",
                        "CallActivity_ServicesConsent",
                        "Gateway_ConsentAsked",
                        "ServiceTask_PutPlansInEffect",
                        "Gateway_AnyPlanInEffect",
                        "ServiceTask_NotifyTeachers",
                        "EndEvent_PlansInEffect")
                .isEnded();
        assertThat(plan).variables().containsEntry("plansInEffect", true).containsKey("annualReviewDueAt");
        Assertions.assertThat(steps)
                .containsExactly(
                        "meeting scheduled",
                        "meeting notice sent",
                        "IEP written",
                        "meeting held",
                        "consent for services asked",
                        "plans in effect",
                        "teachers told");
    }

    @Test
    void aSection504PlanTakesEffectWithoutAskingConsentForServices() {
        ProcessInstance plan = meetingScheduledFor(false, true, false);

        assertThat(plan).isWaitingAtExactly("Task_Write504Plan");
        assertThat(task(plan)).hasCandidateGroup("section-504-coordinator");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("write-504-plan");
        complete(task(plan));
        holdTheMeeting(plan);
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan)
                .hasPassed("Gateway_PlansWritten", "Gateway_IepConsent", "EndEvent_PlansInEffect")
                .hasNotPassed("CallActivity_ServicesConsent")
                .isEnded();
        Assertions.assertThat(steps).contains("Section 504 plan written", "plans in effect", "teachers told");
    }

    @Test
    void anAlpTakesEffectWithoutAskingConsentForServices() {
        ProcessInstance plan = meetingScheduledFor(false, false, true);

        assertThat(plan).isWaitingAtExactly("Task_WriteAlp");
        assertThat(task(plan)).hasCandidateGroup("gifted-coordinator");
        Assertions.assertThat(formOf(task(plan))).isEqualTo("write-alp");
        complete(task(plan));
        holdTheMeeting(plan);
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan)
                .hasPassed("EndEvent_PlansInEffect")
                .hasNotPassed("CallActivity_ServicesConsent")
                .isEnded();
    }

    @Test
    void aTwiceExceptionalStudentGetsAnIepAndAnAlpWrittenSideBySide() {
        ProcessInstance plan = meetingScheduledFor(true, false, true);

        assertThat(plan).isWaitingAtExactly("Task_WriteIep", "Task_WriteAlp");
        complete(task("Task_WriteAlp", plan));
        assertThat(plan).isWaitingAt("Task_WriteIep").isNotWaitingAt("Task_WriteAlp", "Task_HoldPlanMeeting");
        complete(task("Task_WriteIep", plan));
        holdTheMeeting(plan);

        assertThat(plan).isWaitingAt("CallActivity_ServicesConsent");
        parentsAnswerThroughTheApi("GIVEN");
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan).hasPassed("EndEvent_PlansInEffect").isEnded();
        Assertions.assertThat(steps).contains("ALP written", "IEP written", "plans in effect");
    }

    @Test
    void aTwiceExceptionalStudentGetsASection504PlanAndAnAlpWrittenSideBySide() {
        ProcessInstance plan = meetingScheduledFor(false, true, true);

        assertThat(plan).isWaitingAtExactly("Task_Write504Plan", "Task_WriteAlp");
        complete(task("Task_Write504Plan", plan));
        complete(task("Task_WriteAlp", plan));
        holdTheMeeting(plan);
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan)
                .hasPassed("EndEvent_PlansInEffect")
                .hasNotPassed("CallActivity_ServicesConsent")
                .isEnded();
    }

    @Test
    void parentsWhoRefuseServicesLeaveNoPlanInEffectWhenTheIepWasTheOnlyPlan() {
        ProcessInstance plan = meetingScheduledFor(true, false, false);
        complete(task("Task_WriteIep", plan));
        holdTheMeeting(plan);

        assertThat(plan).isWaitingAt("CallActivity_ServicesConsent");
        // this time the parents answer on paper and the coordinator records it
        Task recordAnswer = task("Task_RecordParentAnswer", calledConsent());
        complete(recordAnswer, withVariables("parentDecision", "REFUSED", "parentDecisionDate", "2025-12-05"));

        assertThat(plan)
                .hasPassedInOrder("ServiceTask_PutPlansInEffect", "Gateway_AnyPlanInEffect", "EndEvent_NoPlanInEffect")
                .hasNotPassed("ServiceTask_NotifyTeachers")
                .isEnded();
        assertThat(plan).variables().containsEntry("plansInEffect", false);
        Assertions.assertThat(steps).contains("no plan in effect").doesNotContain("teachers told");
    }

    @Test
    void parentsWhoRefuseServicesStillGetTheAlpInEffect() {
        ProcessInstance plan = meetingScheduledFor(true, false, true);
        complete(task("Task_WriteIep", plan));
        complete(task("Task_WriteAlp", plan));
        holdTheMeeting(plan);

        parentsAnswerThroughTheApi("REFUSED");
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan)
                .hasPassed("ServiceTask_NotifyTeachers", "EndEvent_PlansInEffect")
                .isEnded();
        assertThat(plan).variables().containsEntry("consentDecision", "REFUSED").containsEntry("plansInEffect", true);
    }

    @Test
    void aStudentWhoTransferredInWithAnIepIsNotAskedConsentForInitialServicesAgain() {
        ProcessInstance plan = runtimeService()
                .startProcessInstanceByKey(
                        "plan-development",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("needsIep", true)
                                .putValue("needs504", false)
                                .putValue("needsAlp", false)
                                .putValue("transferFrom", "IN_STATE"));
        complete(task(plan), withVariables("planMeetingOn", "2025-12-01", "planMeetingLocation", "Room 12"));
        complete(task("Task_WriteIep", plan));
        holdTheMeeting(plan);
        theTeachersAreToldInTheBackground(plan);

        assertThat(plan)
                .hasPassed("Gateway_IepConsent", "EndEvent_PlansInEffect")
                .hasNotPassed("CallActivity_ServicesConsent")
                .isEnded();
    }

    /** Teachers are told in a job of its own, retried when the mail server is down. */
    private static void theTeachersAreToldInTheBackground(ProcessInstance plan) {
        assertThat(plan).isWaitingAt("ServiceTask_NotifyTeachers");
        execute(job("ServiceTask_NotifyTeachers", plan));
    }

    private static ProcessInstance eligibleFor(boolean needsIep, boolean needs504, boolean needsAlp) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "plan-development",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("studentName", "Maya Lopez")
                                .putValue("schoolName", "Lincoln Elementary")
                                .putValue("consentDecision", "GIVEN") // the consent to evaluate, given earlier
                                .putValue("needsIep", needsIep)
                                .putValue("needs504", needs504)
                                .putValue("needsAlp", needsAlp));
    }

    /** Scheduled, the notice sent: the drafts are open. */
    private static ProcessInstance meetingScheduledFor(boolean needsIep, boolean needs504, boolean needsAlp) {
        ProcessInstance plan = eligibleFor(needsIep, needs504, needsAlp);
        complete(task(plan), withVariables("planMeetingOn", "2025-12-01", "planMeetingLocation", "Room 12"));
        return plan;
    }

    /** Every draft written, the team meets and finalises them. */
    private static void holdTheMeeting(ProcessInstance plan) {
        assertThat(plan).isWaitingAtExactly("Task_HoldPlanMeeting");
        complete(task("Task_HoldPlanMeeting", plan), meetingHeld());
    }

    private static Map<String, Object> meetingHeld() {
        return withVariables(
                "planMeetingHeldOn",
                "2025-12-01",
                "meetingParticipants",
                SpinValues.jsonValue(Spin.JSON("[\"PARENT\", \"coordinator\", \"special-education-teacher\"]")));
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

    private static String formOf(Task task) {
        return formService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
    }
}

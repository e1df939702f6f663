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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The coordinator triages a referral: evaluate, interventions first (and triage again later), or decline. */
@Deployment(resources = {"processes/referral-triage.bpmn", "forms/triage-referral.form"})
class ReferralTriageProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private static final String CASE_ID = "case-maya";
    private static final String FOLLOW_UP_AT = "2025-11-03T07:30:00";
    /** Where the state counts from the referral to the decision (Illinois 14 school days, Texas 15, ...). */
    private static final String DECISION_DUE_AT = "2025-10-03T07:00:00";

    private final List<String> triageOutcomesRecorded = new ArrayList<>();
    private final List<Object> noticesSent = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("taskDeadlines", new TaskDeadlinesStub().due("referral-decision", instant(DECISION_DUE_AT)));
        Mocks.register("triageRecorder", (TaskListener) task -> {
            String outcome = (String) task.getVariable("triageOutcome");
            triageOutcomesRecorded.add(outcome);
            if ("INTERVENTIONS_FIRST".equals(outcome)) {
                // the real recorder turns the follow-up day of the form into the timer's instant
                task.setVariable("interventionFollowUpAt", FOLLOW_UP_AT);
            }
        });
        Mocks.register("parentNoticeSender", (JavaDelegate)
                execution -> noticesSent.add(execution.getVariableLocal("noticeKinds")));
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EVALUATE_IDEA", "CONSIDER_504", "GIFTED_IDENTIFICATION"})
    void aReferralTheCoordinatorSendsToEvaluationLeavesTriage(String outcome) {
        ProcessInstance triage = referralOfMaya();

        assertThat(triage).isWaitingAt("Task_TriageReferral");
        assertThat(task(triage))
                .hasCandidateGroup("coordinator")
                .hasName("Triage the referral")
                .hasDueDate(instant(DECISION_DUE_AT));
        Assertions.assertThat(formOf(task(triage))).isEqualTo("triage-referral");

        complete(task(triage), triage(outcome));

        assertThat(triage)
                .hasPassedInOrder(
                        "StartEvent_TriageNeeded",
                        "Gateway_TriageAgain",
                        "Task_TriageReferral",
                        "Gateway_TriageOutcome",
                        "EndEvent_ReferredForEvaluation")
                .isEnded();
        Assertions.assertThat(triageOutcomesRecorded).containsExactly(outcome);
        Assertions.assertThat(noticesSent).isEmpty();
    }

    @Test
    void interventionsFirstBringTheReferralBackToTriageOnTheFollowUpDate() {
        ProcessInstance triage = referralOfMaya();

        complete(
                task(triage),
                withVariables(
                        "triageOutcome", "INTERVENTIONS_FIRST",
                        "triageRationale", "Try six weeks of small-group reading first.",
                        "interventionFollowUpOn", "2025-11-03",
                        "parentAgreedToInterventions", true));

        assertThat(triage).hasPassed("Gateway_TriageOutcome").isWaitingAt("TimerEvent_FollowUpReached");
        Assertions.assertThat(job(triage).getDuedate()).isEqualTo(instant(FOLLOW_UP_AT));
        // the parents asked for an evaluation: not evaluating now is a refusal, with prior written notice
        assertThat(triage).hasPassedInOrder("Gateway_ParentsAsked", "ServiceTask_SendInterventionsNotice");
        Assertions.assertThat(noticesSent).containsExactly("PRIOR_WRITTEN_NOTICE");

        execute(job(triage));

        assertThat(triage).hasPassed("TimerEvent_FollowUpReached").isWaitingAt("Task_TriageReferral");
        assertThat(task(triage)).hasCandidateGroup("coordinator");

        complete(task(triage), triage("EVALUATE_IDEA"));

        assertThat(triage).hasPassed("EndEvent_ReferredForEvaluation").isEnded();
        Assertions.assertThat(triageOutcomesRecorded).containsExactly("INTERVENTIONS_FIRST", "EVALUATE_IDEA");
    }

    @Test
    void interventionsFirstForAReferralWithoutTheParentsRequestSendNoNotice() {
        ProcessInstance triage = runtimeService()
                .startProcessInstanceByKey(
                        "referral-triage", CASE_ID, Map.of("caseId", CASE_ID, "parentRequestedEvaluation", false));

        complete(
                task(triage),
                withVariables(
                        "triageOutcome", "INTERVENTIONS_FIRST",
                        "triageRationale", "Try six weeks of small-group reading first.",
                        "interventionFollowUpOn", "2025-11-03"));

        assertThat(triage)
                .hasPassedInOrder("Gateway_ParentsAsked", "Gateway_Interventions")
                .hasNotPassed("ServiceTask_SendInterventionsNotice")
                .isWaitingAt("TimerEvent_FollowUpReached");
        Assertions.assertThat(noticesSent).isEmpty();
    }

    @Test
    void aDeclinedReferralSendsTheParentsPriorWrittenNoticeOfTheRefusal() {
        ProcessInstance triage = referralOfMaya();

        complete(task(triage), triage("DECLINE"));

        assertThat(triage)
                .hasPassedInOrder("Gateway_TriageOutcome", "ServiceTask_SendRefusalNotice", "EndEvent_Declined")
                .hasNotPassed("EndEvent_ReferredForEvaluation")
                .isEnded();
        Assertions.assertThat(noticesSent).containsExactly("PRIOR_WRITTEN_NOTICE");
    }

    private static ProcessInstance referralOfMaya() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "referral-triage",
                        CASE_ID,
                        Map.of(
                                "caseId", CASE_ID,
                                "studentName", "Maya Lopez",
                                "schoolName", "Lincoln Elementary",
                                "referralReceivedOn", "2025-09-15",
                                "concernsText", "Academic, Communication",
                                "referralReason", "Reading well below grade level",
                                "parentRequestedEvaluation", true));
    }

    private static Map<String, Object> triage(String outcome) {
        return withVariables("triageOutcome", outcome, "triageRationale", "Reading two years below grade level.");
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

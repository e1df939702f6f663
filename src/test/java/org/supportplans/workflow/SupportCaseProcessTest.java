package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A student's case from referral to exit. The five called processes have tests of their own: here each is
 * a stub that waits until the test ends it with the results the real one leaves (its {@code out} variables).
 */
@Deployment(resources = {"processes/support-case.bpmn", "forms/transfer-in.form"})
class SupportCaseProcessTest {

    private static final String[] CALLED_PROCESSES = {
        "referral-triage", "parent-consent", "evaluation-eligibility", "plan-development", "plan-in-effect"
    };

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .excludeProcessDefinitionKeys(CALLED_PROCESSES)
            .build();

    private static final String CASE_ID = "case-maya";

    private final CaseClosing caseClosing = new CaseClosing();
    private String stubDeploymentId;

    @BeforeEach
    void deployStubsOfTheCalledProcessesAndRegisterTheBeans() {
        DeploymentBuilder stubs = repositoryService().createDeployment().name("stubs of the called processes");
        for (String key : CALLED_PROCESSES) {
            stubs.addModelInstance(
                    key + ".bpmn",
                    Bpmn.createExecutableProcess(key)
                            .camundaHistoryTimeToLive(1)
                            .startEvent()
                            .userTask("Task_Stub")
                            .name("Stub of " + key)
                            .endEvent()
                            .done());
        }
        stubDeploymentId = stubs.deploy().getId();
        Mocks.register("caseClosing", caseClosing);
        Mocks.register("transferDecisionRecorder", (TaskListener) task -> {
            if ("DEVELOP_NEW_IEP".equals(task.getVariable("transferDecision"))) {
                task.setVariable("needsIep", true);
                task.setVariable("needs504", false);
                task.setVariable("needsAlp", false);
            }
        });
        Mocks.register("transferredIepAdopter", (JavaDelegate) execution -> {
            execution.setVariable("planKindsText", "IEP");
            execution.setVariable("annualReviewDueOn", "2026-03-01");
            execution.setVariable("annualReviewDueAt", "2026-01-30T07:00:00");
            execution.setVariable("reevaluationDueOn", "2027-05-10");
            execution.setVariable("reevaluationDueAt", "2027-02-09T07:00:00");
        });
    }

    @AfterEach
    void removeTheStubsAndTheBeans() {
        repositoryService().deleteDeployment(stubDeploymentId, true);
        Mocks.reset();
    }

    @Test
    void aReferralTheTeamDeclinesToEvaluateClosesTheCase() {
        ProcessInstance supportCase = referralOfMaya();

        assertThat(supportCase).isWaitingAt("CallActivity_ReferralTriage");
        assertThat(supportCase)
                .calledProcessInstance("referral-triage")
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsEntry("studentName", "Maya Lopez");

        calledProcessEnds("referral-triage", withVariables("triageOutcome", "DECLINE"));

        assertThat(supportCase)
                .hasPassed("Gateway_EvaluateOrNot", "EndEvent_Declined")
                .isEnded();
        Assertions.assertThat(caseClosing.reasons).containsExactly("EVALUATION_DECLINED");
    }

    @Test
    void parentsWhoRefuseConsentToEvaluateCloseTheCase() {
        ProcessInstance supportCase = referralOfMaya();
        calledProcessEnds("referral-triage", withVariables("triageOutcome", "EVALUATE_IDEA"));

        assertThat(supportCase).isWaitingAt("CallActivity_EvaluationConsent");
        assertThat(supportCase)
                .calledProcessInstance("parent-consent")
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsEntry("consentKind", "EVALUATION_CONSENT")
                .containsEntry("studentName", "Maya Lopez");

        calledProcessEnds("parent-consent", withVariables("consentDecision", "REFUSED"));

        assertThat(supportCase)
                .hasPassed("Gateway_ConsentGiven", "EndEvent_ConsentRefused")
                .isEnded();
        Assertions.assertThat(caseClosing.reasons).containsExactly("CONSENT_REFUSED");
    }

    @Test
    void aStudentFoundNotEligibleClosesTheCase() {
        ProcessInstance supportCase = evaluationOfMaya();

        calledProcessEnds("evaluation-eligibility", eligibility(false, false, false));

        assertThat(supportCase)
                .hasPassed("Gateway_Eligible", "EndEvent_NotEligible")
                .isEnded();
        Assertions.assertThat(caseClosing.reasons).containsExactly("NOT_ELIGIBLE");
    }

    @Test
    void parentsWhoRefuseServicesWithNoOtherPlanCloseTheCase() {
        ProcessInstance supportCase = evaluationOfMaya();
        calledProcessEnds("evaluation-eligibility", eligibility(true, false, false));

        assertThat(supportCase).isWaitingAt("CallActivity_PlanDevelopment");
        calledProcessEnds("plan-development", withVariables("consentDecision", "REFUSED", "plansInEffect", false));

        assertThat(supportCase)
                .hasPassed("Gateway_PlanInEffect", "EndEvent_ServicesRefused")
                .isEnded();
        Assertions.assertThat(caseClosing.reasons).containsExactly("SERVICES_REFUSED");
    }

    @Test
    void aStudentWithAPlanInEffectExitsWhenNoLongerEligible() {
        ProcessInstance supportCase = planInEffectForMaya();

        assertThat(supportCase)
                .calledProcessInstance("plan-in-effect")
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsEntry("planKindsText", "IEP")
                .containsEntry("annualReviewDueAt", "2026-10-20T07:00:00");

        calledProcessEnds("plan-in-effect", withVariables("stillEligible", false));

        assertThat(supportCase)
                .hasPassedInOrder(
                        "StartEvent_ReferralReceived",
                        "CallActivity_ReferralTriage",
                        "Gateway_EvaluateOrNot",
                        "CallActivity_EvaluationConsent",
                        "Gateway_ConsentGiven",
                        "CallActivity_EvaluationEligibility",
                        "Gateway_Eligible",
                        "CallActivity_PlanDevelopment",
                        "Gateway_PlanInEffect",
                        "CallActivity_PlanInEffect",
                        "EndEvent_Exited")
                .isEnded();
        Assertions.assertThat(caseClosing.reasons).containsExactly("NO_LONGER_ELIGIBLE");
    }

    /**
     * Each phase gets the case (id, school, student) and what its steps and forms show; it gives back only what
     * the case's later gateways and phases read. What staff entered in a phase's forms stays in that phase (and
     * in our tables): copying every variable in and out of every phase made the engine write each of them again
     * at every step.
     */
    @Test
    void eachPhaseGetsTheCaseAndItsInputsAndGivesBackOnlyItsResults() {
        ProcessInstance supportCase = referralOfMaya();
        String[] theCase = {"caseId", "schoolId", "studentName", "schoolName"};

        assertThat(supportCase)
                .calledProcessInstance("referral-triage")
                .variables()
                .containsOnlyKeys(with(
                        theCase, "referralReceivedOn", "concernsText", "referralReason", "parentRequestedEvaluation"));
        calledProcessEnds(
                "referral-triage",
                withVariables("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level"));

        assertThat(supportCase)
                .calledProcessInstance("parent-consent")
                .variables()
                .containsOnlyKeys(with(theCase, "consentKind"))
                .containsEntry("consentKind", "EVALUATION_CONSENT");
        calledProcessEnds(
                "parent-consent",
                withVariables(
                        "consentDecision", "GIVEN",
                        "consentDate", "2025-09-22",
                        "evaluationDueOn", "2025-11-21",
                        "parentDecisionDate", "2025-09-22"));

        assertThat(supportCase)
                .calledProcessInstance("evaluation-eligibility")
                .variables()
                .containsOnlyKeys(with(theCase, "consentDate", "evaluationDueOn", "concernsText"))
                .containsEntry("evaluationDueOn", "2025-11-21");
        Map<String, Object> eligible = new HashMap<>(eligibility(true, false, true));
        eligible.putAll(withVariables(
                "eligibilityDecidedOn", "2025-11-10",
                "planMeetingDueOn", "2025-12-10",
                "ideaCategoriesText", "Specific learning disability",
                "eligibilityRationale", "A specific learning disability in basic reading skills"));
        calledProcessEnds("evaluation-eligibility", eligible);

        assertThat(supportCase)
                .calledProcessInstance("plan-development")
                .variables()
                .containsOnlyKeys(with(
                        theCase,
                        "needsIep",
                        "needs504",
                        "needsAlp",
                        "eligibilityDecidedOn",
                        "planMeetingDueOn",
                        "ideaCategoriesText",
                        "transferFrom"))
                .containsEntry("needsAlp", true)
                .containsEntry("transferFrom", null);
        Map<String, Object> planned = new HashMap<>(planInEffect());
        planned.put("presentLevels", "Decodes at a first-grade level");
        calledProcessEnds("plan-development", planned);

        assertThat(supportCase)
                .calledProcessInstance("plan-in-effect")
                .variables()
                .containsOnlyKeys(with(
                        theCase,
                        "planKindsText",
                        "annualReviewDueOn",
                        "annualReviewDueAt",
                        "reevaluationDueOn",
                        "reevaluationDueAt"));
        assertThat(supportCase)
                .variables()
                .doesNotContainKeys("triageRationale", "parentDecisionDate", "eligibilityRationale", "presentLevels");
    }

    // ---- a student who transfers in with an IEP (34 CFR 300.323(e), (f)) ----

    @Test
    void aTransferredIepFromTheSameStateIsAdoptedAndReviewedAsAnyIep() {
        ProcessInstance supportCase = transferOfMaya("IN_STATE");

        assertThat(supportCase).isWaitingAt("Task_DecideTransferredIep").hasNotPassed("CallActivity_ReferralTriage");
        assertThat(task(supportCase)).hasCandidateGroup("coordinator").hasName("Decide on the transferred IEP");
        complete(task(supportCase), withVariables("transferDecision", "ADOPT_IEP"));

        assertThat(supportCase)
                .hasPassedInOrder(
                        "Gateway_TransferIn",
                        "Task_DecideTransferredIep",
                        "Gateway_TransferDecision",
                        "ServiceTask_AdoptTransferredIep",
                        "Gateway_JoinPlanInEffect")
                .isWaitingAt("CallActivity_PlanInEffect");
        assertThat(supportCase)
                .calledProcessInstance("plan-in-effect")
                .variables()
                .containsEntry("annualReviewDueAt", "2026-01-30T07:00:00");
        calledProcessEnds("plan-in-effect", withVariables("stillEligible", false));
        assertThat(supportCase).hasPassed("EndEvent_Exited").isEnded();
    }

    @Test
    void aNewIepForATransferredStudentIsDevelopedAtAPlanMeeting() {
        ProcessInstance supportCase = transferOfMaya("IN_STATE");
        complete(task(supportCase), withVariables("transferDecision", "DEVELOP_NEW_IEP"));

        assertThat(supportCase)
                .hasPassed("Gateway_JoinPlanDevelopment")
                .hasNotPassed("CallActivity_EvaluationConsent")
                .isWaitingAt("CallActivity_PlanDevelopment");
        assertThat(supportCase)
                .calledProcessInstance("plan-development")
                .variables()
                .containsEntry("needsIep", true)
                .containsEntry("transferFrom", "IN_STATE");
        calledProcessEnds("plan-development", planInEffect());
        assertThat(supportCase).hasPassed("Gateway_JoinPlanInEffect").isWaitingAt("CallActivity_PlanInEffect");
    }

    @Test
    void aStudentFromAnotherStateIsEvaluatedFirst() {
        ProcessInstance supportCase = transferOfMaya("OUT_OF_STATE");
        complete(task(supportCase), withVariables("transferDecision", "EVALUATE"));

        assertThat(supportCase).hasPassed("Gateway_JoinConsent").isWaitingAt("CallActivity_EvaluationConsent");
        calledProcessEnds("parent-consent", withVariables("consentDecision", "GIVEN"));
        calledProcessEnds("evaluation-eligibility", eligibility(true, false, false));
        assertThat(supportCase).hasPassed("Gateway_JoinPlanDevelopment").isWaitingAt("CallActivity_PlanDevelopment");
    }

    private static ProcessInstance transferOfMaya(String from) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "support-case",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("studentName", "Maya Lopez")
                                .putValue("schoolId", "lincoln-elementary")
                                .putValue("schoolName", "Lincoln Elementary")
                                .putValue("referralReceivedOn", "2025-09-15")
                                .putValue("transferFrom", from)
                                .putValue("transferPreviousDistrict", "Adams 12 Five Star Schools"));
    }

    private static String[] with(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void parentsWhoRevokeConsentEndTheServicesAndCloseTheCase() {
        ProcessInstance supportCase = planInEffectForMaya();

        runtimeService()
                .createMessageCorrelation("ConsentRevoked")
                .processInstanceBusinessKey(CASE_ID)
                .correlate();

        assertThat(supportCase)
                .hasPassedInOrder("StartEvent_ConsentRevoked", "ServiceTask_EndServices", "EndEvent_ConsentRevoked")
                .hasNotPassed("EndEvent_Exited")
                .isEnded();
        Assertions.assertThat(runningInstancesOf("plan-in-effect")).isZero();
        Assertions.assertThat(caseClosing.reasons).containsExactly("CONSENT_REVOKED");
    }

    @Test
    void aStudentWhoTransfersOutDuringTheEvaluationClosesTheCase() {
        ProcessInstance supportCase = evaluationOfMaya();

        runtimeService()
                .createMessageCorrelation("StudentTransferredOut")
                .processInstanceBusinessKey(CASE_ID)
                .correlate();

        assertThat(supportCase)
                .hasPassedInOrder(
                        "StartEvent_TransferredOut", "ServiceTask_CloseTransferred", "EndEvent_TransferredOut")
                .isEnded();
        Assertions.assertThat(runningInstancesOf("evaluation-eligibility")).isZero();
        Assertions.assertThat(caseClosing.reasons).containsExactly("TRANSFERRED_OUT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GRADUATED", "MOVED", "NO_LONGER_ELIGIBLE", "AGED_OUT"})
    void aStudentWhoExitsClosesTheCaseWithTheReason(String exitReason) {
        ProcessInstance supportCase = planInEffectForMaya();

        runtimeService()
                .createMessageCorrelation("CaseExited")
                .processInstanceBusinessKey(CASE_ID)
                .setVariable("exitReason", exitReason)
                .correlate();

        assertThat(supportCase)
                .hasPassedInOrder("StartEvent_CaseExit", "ServiceTask_CloseExited", "EndEvent_CaseExited")
                .hasNotPassed("EndEvent_Exited")
                .isEnded();
        Assertions.assertThat(runningInstancesOf("plan-in-effect")).isZero();
        Assertions.assertThat(caseClosing.reasons).containsExactly(exitReason);
    }

    private static ProcessInstance referralOfMaya() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "support-case",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("studentName", "Maya Lopez")
                                .putValue("studentLocalId", "S-1042")
                                .putValue("studentDateOfBirth", "2016-04-02")
                                .putValue("schoolId", "lincoln-elementary")
                                .putValue("schoolName", "Lincoln Elementary")
                                .putValue("referralReceivedOn", "2025-09-15")
                                .putValue("referredByRole", "general-education-teacher")
                                .putValue("concernsText", "Academic, Communication")
                                .putValue("parentRequestedEvaluation", true)
                                .putValue("referralReason", "Reading well below grade level"));
    }

    private static ProcessInstance evaluationOfMaya() {
        ProcessInstance supportCase = referralOfMaya();
        calledProcessEnds("referral-triage", withVariables("triageOutcome", "EVALUATE_IDEA"));
        calledProcessEnds("parent-consent", withVariables("consentDecision", "GIVEN"));
        assertThat(supportCase).isWaitingAt("CallActivity_EvaluationEligibility");
        return supportCase;
    }

    private static ProcessInstance planInEffectForMaya() {
        ProcessInstance supportCase = evaluationOfMaya();
        calledProcessEnds("evaluation-eligibility", eligibility(true, false, false));
        calledProcessEnds("plan-development", planInEffect());
        assertThat(supportCase).isWaitingAt("CallActivity_PlanInEffect");
        return supportCase;
    }

    private static Map<String, Object> eligibility(boolean needsIep, boolean needs504, boolean needsAlp) {
        return withVariables("needsIep", needsIep, "needs504", needs504, "needsAlp", needsAlp);
    }

    /** What plan development leaves when the parents consent to an IEP: the plan and its review dates. */
    private static Map<String, Object> planInEffect() {
        return withVariables(
                "consentDecision", "GIVEN",
                "plansInEffect", true,
                "planKindsText", "IEP",
                "annualReviewDueOn", "2026-10-20",
                "annualReviewDueAt", "2026-10-20T07:00:00",
                "reevaluationDueOn", "2028-10-20",
                "reevaluationDueAt", "2028-08-21T07:00:00");
    }

    /** The called process (a stub here) ends, leaving these variables as the real one would. */
    private static void calledProcessEnds(String processKey, Map<String, Object> results) {
        complete(taskQuery().processDefinitionKey(processKey).singleResult(), results);
    }

    private static long runningInstancesOf(String processKey) {
        return runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .count();
    }

    /** Stands in for the {@code caseClosing} bean: remembers why each case was closed. */
    public static class CaseClosing {
        final List<String> reasons = new ArrayList<>();

        public void close(DelegateExecution execution, String reason) {
            reasons.add(reason);
        }
    }
}

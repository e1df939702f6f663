package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
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
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The team plans the evaluation, each specialist evaluates an area, and the eligibility meeting decides. */
@Deployment(
        resources = {
            "processes/evaluation-eligibility.bpmn",
            "forms/plan-evaluation.form",
            "forms/evaluation-area-report.form",
            "forms/eligibility-decision.form"
        })
class EvaluationEligibilityProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private static final String CASE_ID = "case-maya";
    /** 60 days after the consent of 2025-09-22 (34 CFR 300.301(c)). */
    private static final String EVALUATION_DUE_AT = "2025-11-21T16:00:00";

    private final EvaluationRoles evaluationRoles = new EvaluationRoles();
    private final List<Object> areasReported = new ArrayList<>();
    private final List<Object> noticesSent = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("evaluationRoles", evaluationRoles);
        // the evaluation's tasks are due when its clock is (34 CFR 300.301(c))
        Mocks.register(
                "taskDeadlines",
                new TaskDeadlinesStub().due("initial-evaluation,section-504-evaluation", instant(EVALUATION_DUE_AT)));
        Mocks.register("evaluationPlanner", (TaskListener) task -> {
            // the real planner turns the form's checklist into the list the areas are evaluated over
            SpinJsonNode areas = (SpinJsonNode) task.getVariable("evaluationAreas");
            task.setVariable(
                    "evaluationAreaList",
                    areas.elements().stream().map(SpinJsonNode::stringValue).toList());
        });
        Mocks.register(
                "evaluationAreaRecorder", (TaskListener) task -> areasReported.add(task.getVariable("evaluationArea")));
        Mocks.register("eligibilityRecorder", (TaskListener) task -> {
            String outcome = (String) task.getVariable("eligibilityOutcome");
            task.setVariable("needsIep", outcome.startsWith("IEP"));
            task.setVariable("needs504", outcome.startsWith("SECTION_504"));
            task.setVariable("needsAlp", outcome.endsWith("ALP"));
        });
        Mocks.register("parentNoticeSender", (JavaDelegate)
                execution -> noticesSent.add(execution.getVariableLocal("noticeKinds")));
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @Test
    void eachSpecialistEvaluatesAnAreaAndTheMeetingFindsATwiceExceptionalStudent() {
        ProcessInstance evaluation = consentToEvaluateGiven();

        assertThat(evaluation).isWaitingAt("Task_PlanEvaluation");
        assertThat(task(evaluation)).hasCandidateGroup("coordinator").hasName("Plan the evaluation");
        Assertions.assertThat(formOf(task(evaluation))).isEqualTo("plan-evaluation");

        complete(
                task(evaluation),
                withVariables(
                        "evaluationAreas",
                        SpinValues.jsonValue(Spin.JSON("[\"COGNITIVE\", \"ACADEMIC\", \"SPEECH_LANGUAGE\"]"))));

        assertThat(evaluation).isWaitingAt("Task_EvaluateArea");
        List<Task> areaTasks =
                taskQuery().taskDefinitionKey("Task_EvaluateArea").list();
        Assertions.assertThat(areaTasks)
                .extracting(EvaluationEligibilityProcessTest::candidateGroupOf)
                .containsExactlyInAnyOrder(
                        "school-psychologist", "special-education-teacher", "speech-language-pathologist");
        Assertions.assertThat(areaTasks)
                .allSatisfy(task -> Assertions.assertThat(task.getDueDate()).isEqualTo(instant(EVALUATION_DUE_AT)))
                .allSatisfy(task -> Assertions.assertThat(formOf(task)).isEqualTo("evaluation-area-report"));

        for (Task areaTask : areaTasks) {
            assertThat(evaluation).isWaitingAt("Task_EvaluateArea");
            complete(
                    areaTask,
                    withVariables(
                            "areaCompletedOn", "2025-10-20",
                            "areaFindings", "Standard scores and observations for the area."));
        }
        Assertions.assertThat(areasReported).containsExactlyInAnyOrder("COGNITIVE", "ACADEMIC", "SPEECH_LANGUAGE");

        assertThat(evaluation).isWaitingAt("Task_DecideEligibility");
        assertThat(task(evaluation)).hasCandidateGroup("coordinator");
        Assertions.assertThat(formOf(task(evaluation))).isEqualTo("eligibility-decision");

        complete(task(evaluation), eligibilityMeeting("IEP_AND_ALP"));

        assertThat(evaluation)
                .hasPassedInOrder(
                        "Task_DecideEligibility", "ServiceTask_SendEvaluationReport", "EndEvent_EligibilityDecided")
                .isEnded();
        assertThat(evaluation)
                .variables()
                .containsEntry("needsIep", true)
                .containsEntry("needs504", false)
                .containsEntry("needsAlp", true);
        Assertions.assertThat(noticesSent).containsExactly("EVALUATION_REPORT,PRIOR_WRITTEN_NOTICE");
    }

    @Test
    void aStudentFoundNotEligibleStillGetsTheReportAndPriorWrittenNotice() {
        ProcessInstance evaluation = consentToEvaluateGiven();
        complete(
                task(evaluation),
                withVariables("evaluationAreas", SpinValues.jsonValue(Spin.JSON("[\"OBSERVATION\"]"))));

        assertThat(task(evaluation)).hasCandidateGroup("general-education-teacher");
        complete(task(evaluation), withVariables("areaCompletedOn", "2025-10-01", "areaFindings", "Observed twice."));
        complete(task(evaluation), eligibilityMeeting("NOT_ELIGIBLE"));

        assertThat(evaluation).hasPassed("EndEvent_EligibilityDecided").isEnded();
        assertThat(evaluation)
                .variables()
                .containsEntry("needsIep", false)
                .containsEntry("needs504", false)
                .containsEntry("needsAlp", false);
        Assertions.assertThat(noticesSent).containsExactly("EVALUATION_REPORT,PRIOR_WRITTEN_NOTICE");
    }

    private static ProcessInstance consentToEvaluateGiven() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "evaluation-eligibility",
                        CASE_ID,
                        Map.of(
                                "caseId", CASE_ID,
                                "studentName", "Maya Lopez",
                                "schoolName", "Lincoln Elementary",
                                "concernsText", "Academic, Communication",
                                "consentDecision", "GIVEN"));
    }

    private static Map<String, Object> eligibilityMeeting(String outcome) {
        return withVariables(
                "eligibilityMeetingOn", "2025-11-10",
                "eligibilityOutcome", outcome,
                "eligibilityRationale", "Discussed the evaluation with the parents and the team.");
    }

    private static String candidateGroupOf(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId())
                .findFirst()
                .orElse(null);
    }

    private static String formOf(Task task) {
        return formService().getTaskFormData(task.getId()).getCamundaFormRef().getKey();
    }

    private static Date instant(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime)
                .atZone(ZoneId.systemDefault())
                .toInstant());
    }

    /** Stands in for the {@code evaluationRoles} bean: who evaluates which area. */
    public static class EvaluationRoles {
        private static final Map<String, String> ROLES = Map.of(
                "COGNITIVE", "school-psychologist",
                "ACADEMIC", "special-education-teacher",
                "SPEECH_LANGUAGE", "speech-language-pathologist",
                "OBSERVATION", "general-education-teacher");

        public String roleFor(String area) {
            return ROLES.get(area);
        }

        public void label(org.camunda.bpm.engine.delegate.DelegateTask task) {
            task.setVariableLocal("evaluationAreaLabel", "Area " + task.getVariable("evaluationArea"));
        }
    }
}

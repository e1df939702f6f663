package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * The school asks the parents' consent (to evaluate, for services, to reevaluate) and waits for their answer:
 * recorded by the coordinator, or arriving through the API; reminders while it does not come.
 */
@Deployment(resources = {"processes/parent-consent.bpmn", "forms/record-parent-answer.form"})
class ParentConsentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private static final String CASE_ID = "case-maya";

    private final List<Object> consentRequestsSent = new ArrayList<>();
    private final List<Object> answersRecorded = new ArrayList<>();
    private final List<Object> remindersSent = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("consentRequester", (JavaDelegate)
                execution -> consentRequestsSent.add(execution.getVariable("consentKind")));
        Mocks.register("parentAnswerRecorder", (TaskListener) task -> {
            // the real recorder checks the form's answer and keeps it as the consent decision
            answersRecorded.add(task.getVariable("parentDecision"));
            task.setVariable("consentDecision", task.getVariable("parentDecision"));
        });
        Mocks.register(
                "consentReminder", (JavaDelegate) execution -> remindersSent.add(execution.getVariable("consentKind")));
    }

    @AfterEach
    void forgetTheBeansAndTheClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EVALUATION_CONSENT", "SERVICES_CONSENT", "REEVALUATION_CONSENT"})
    void parentsWhoSignTheConsentFormAreRecordedByTheCoordinator(String consentKind) {
        ProcessInstance consent = consentNeeded(consentKind);

        assertThat(consent).hasPassed("ServiceTask_SendConsentRequest").isWaitingAt("Task_RecordParentAnswer");
        Assertions.assertThat(consentRequestsSent).containsExactly(consentKind);
        assertThat(task(consent)).hasCandidateGroup("coordinator").hasName("Record the parents' answer");
        Assertions.assertThat(formOf(task(consent))).isEqualTo("record-parent-answer");

        complete(task(consent), withVariables("parentDecision", "GIVEN", "parentDecisionDate", "2025-09-22"));

        assertThat(consent)
                .hasPassedInOrder("Task_RecordParentAnswer", "Gateway_AnswerIn", "Gateway_ConsentDecision")
                .hasPassed("EndEvent_ConsentGiven")
                .isEnded();
        Assertions.assertThat(answersRecorded).containsExactly("GIVEN");
    }

    @Test
    void parentsWhoRefuseOnPaperAreRecordedByTheCoordinator() {
        ProcessInstance consent = consentNeeded("EVALUATION_CONSENT");

        complete(task(consent), withVariables("parentDecision", "REFUSED", "parentDecisionDate", "2025-09-22"));

        assertThat(consent)
                .hasPassed("Task_RecordParentAnswer", "EndEvent_ConsentRefused")
                .hasNotPassed("EndEvent_ConsentGiven")
                .isEnded();
    }

    @Test
    void aParentWhoConsentsThroughThePortalIsRecordedThroughTheApi() {
        ProcessInstance consent = consentNeeded("SERVICES_CONSENT");

        parentsAnswerThroughTheApi("GIVEN");

        assertThat(consent)
                .hasPassedInOrder("BoundaryEvent_AnswerReceived", "Gateway_AnswerIn", "EndEvent_ConsentGiven")
                .isEnded();
        Assertions.assertThat(answersRecorded)
                .as("the API recorded the answer, not the coordinator")
                .isEmpty();
    }

    @Test
    void aParentWhoRefusesByMailIsRecordedThroughTheApi() {
        ProcessInstance consent = consentNeeded("REEVALUATION_CONSENT");

        parentsAnswerThroughTheApi("REFUSED");

        assertThat(consent)
                .hasPassed("BoundaryEvent_AnswerReceived", "EndEvent_ConsentRefused")
                .hasNotPassed("EndEvent_ConsentGiven")
                .isEnded();
    }

    @Test
    void parentsWhoDoNotAnswerAreRemindedEveryTenDaysThreeTimesAtMost() {
        Instant asked = Instant.parse("2025-09-15T14:00:00Z");
        ClockUtil.setCurrentTime(Date.from(asked));
        ProcessInstance consent = consentNeeded("EVALUATION_CONSENT");

        for (int reminder = 1; reminder <= 3; reminder++) {
            Job noAnswer = job("BoundaryEvent_NoAnswer", consent);
            Assertions.assertThat(noAnswer.getDuedate().toInstant())
                    .isEqualTo(asked.plus(Duration.ofDays(10L * reminder)));

            // the job executor picks the reminder up a moment after it falls due
            ClockUtil.setCurrentTime(Date.from(noAnswer.getDuedate().toInstant().plusSeconds(60)));
            execute(noAnswer);

            assertThat(consent)
                    .hasPassed("ServiceTask_RemindParents", "EndEvent_ReminderSent")
                    .isWaitingAt("Task_RecordParentAnswer");
            Assertions.assertThat(remindersSent).hasSize(reminder);
        }
        Assertions.assertThat(jobQuery().processInstanceId(consent.getId()).count())
                .as("no fourth reminder")
                .isZero();

        complete(task(consent), withVariables("parentDecision", "GIVEN", "parentDecisionDate", "2025-10-20"));

        assertThat(consent).hasPassed("EndEvent_ConsentGiven").isEnded();
    }

    private static ProcessInstance consentNeeded(String consentKind) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "parent-consent",
                        CASE_ID,
                        Map.of(
                                "caseId",
                                CASE_ID,
                                "studentName",
                                "Maya Lopez",
                                "schoolName",
                                "Lincoln Elementary",
                                "consentKind",
                                consentKind));
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

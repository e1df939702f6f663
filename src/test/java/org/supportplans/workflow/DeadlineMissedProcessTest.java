package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A clock the sweep found overdue: the coordinator records why; a clock cancelled meanwhile needs no reason. */
@Deployment(resources = {"processes/deadline-missed.bpmn", "forms/clock-late-reason.form"})
class DeadlineMissedProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register(
                "clockLateReasonFacts", (TaskListener) task -> task.setVariableLocal("clockDueOn", "2026-11-09"));
        Mocks.register("clockLateReasonRecorder", (TaskListener)
                task -> steps.add("reason " + task.getVariable("lateReasonCode")));
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @Test
    void theCoordinatorRecordsWhyTheDeadlineWasMissed() {
        ProcessInstance missed = clockFoundOverdue();

        assertThat(missed).isWaitingAt("Task_RecordLateReason");
        assertThat(task(missed)).hasCandidateGroup("coordinator").hasName("Deadline missed: record why");
        Assertions.assertThat(taskService().getVariablesLocal(task(missed).getId()))
                .as("what the form shows, given to the task as it opens")
                .containsEntry("clockDueOn", "2026-11-09");
        complete(
                task(missed),
                withVariables("lateReasonCode", "SCHOOL_ERROR", "lateReasonText", "The psychologist was on leave."));

        assertThat(missed).hasPassed("EndEvent_ReasonRecorded").isEnded();
        Assertions.assertThat(steps).containsExactly("reason SCHOOL_ERROR");
    }

    @Test
    void aClockCancelledNeedsNoReason() {
        ProcessInstance missed = clockFoundOverdue();

        runtimeService()
                .createMessageCorrelation("ClockStopped")
                .processInstanceVariableEquals("clockId", 7L)
                .correlateAll();

        assertThat(missed)
                .hasPassed("StartEvent_ClockCancelled", "EndEvent_NoReasonNeeded")
                .hasNotPassed("EndEvent_ReasonRecorded")
                .isEnded();
        Assertions.assertThat(steps).isEmpty();
    }

    private static ProcessInstance clockFoundOverdue() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "deadline-missed",
                        "case-maya",
                        Map.of("clockId", 7L, "caseId", "case-maya", "schoolId", "lincoln-elementary"));
    }
}

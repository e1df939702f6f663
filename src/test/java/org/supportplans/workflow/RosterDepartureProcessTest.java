package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
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
import org.supportplans.roster.RosterDeparture;

/**
 * A student with an open case left the district's roster: the coordinator of the case's school is asked what
 * happened, with the case's facts on the form, and the answer goes to the case (closing it or not is the
 * recorder's, {@link RosterDepartureSteps}).
 */
@Deployment(resources = {"processes/roster-departure.bpmn", "forms/roster-departure.form"})
class RosterDepartureProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("rosterDepartureFacts", (TaskListener) task -> steps.add("facts on the task"));
        Mocks.register("rosterDepartureDecision", (TaskListener)
                task -> steps.add("answer recorded: " + task.getVariable("departureDecision")));
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @Test
    void theCoordinatorOfTheCasesSchoolIsAskedAndTheirAnswerRecorded() {
        ProcessInstance departure =
                runtimeService().startProcessInstanceByKey(RosterDeparture.PROCESS_KEY, "case-maya");

        assertThat(departure).isWaitingAtExactly("Task_DecideDeparture");
        assertThat(task(departure))
                .hasCandidateGroup("coordinator")
                .hasName("Student left the roster: transfer or exit?");
        Assertions.assertThat(formService()
                        .getTaskFormData(task(departure).getId())
                        .getCamundaFormRef()
                        .getKey())
                .isEqualTo("roster-departure");
        complete(task(departure), withVariables("departureDecision", "MOVED_AWAY"));

        assertThat(departure).isEnded().hasPassed("EndEvent_Decided");
        Assertions.assertThat(steps).containsExactly("facts on the task", "answer recorded: MOVED_AWAY");
    }
}

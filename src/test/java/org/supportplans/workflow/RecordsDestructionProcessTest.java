package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supportplans.workflow.SupportCaseProcess.RecordsDestruction;

/** A district's records past retention: destroyed only once a district administrator confirms, or kept for now. */
@Deployment(resources = {"processes/records-destruction.bpmn", "forms/records-destruction.form"})
class RecordsDestructionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private final List<String> decided = new ArrayList<>();
    private final List<Object> destroyed = new ArrayList<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("recordsDecisionRecorder", (TaskListener)
                task -> decided.add((String) task.getVariable("recordsDecision")));
        Mocks.register("recordsDestruction", (JavaDelegate)
                execution -> destroyed.add(execution.getVariable(RecordsDestructionSteps.REVIEW_ID)));
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @Test
    void confirmedWithTheParentsInformedTheRecordsAreDestroyed() {
        ProcessInstance review = listed();
        assertThat(review).isWaitingAt(RecordsDestruction.TASK_CONFIRM);
        assertThat(task()).hasCandidateGroup("district-admin").hasName("Confirm the destruction of records");
        complete(task(), withVariables("recordsDecision", "DESTROY", "parentsInformedOn", "2026-11-02"));
        assertThat(review).hasPassed(RecordsDestruction.TASK_DESTROY).isEnded();
        Assertions.assertThat(decided).containsExactly("DESTROY");
        Assertions.assertThat(destroyed).containsExactly(7L);
    }

    @Test
    void keptForNowNothingIsDestroyed() {
        ProcessInstance review = listed();
        complete(task(review), withVariables("recordsDecision", "KEEP"));
        assertThat(review)
                .hasNotPassed(RecordsDestruction.TASK_DESTROY)
                .hasPassed("EndEvent_Kept")
                .isEnded();
        Assertions.assertThat(destroyed).isEmpty();
    }

    private static ProcessInstance listed() {
        return runtimeService()
                .startProcessInstanceByKey(
                        RecordsDestruction.KEY,
                        Map.of(
                                RecordsDestructionSteps.REVIEW_ID,
                                7L,
                                RecordsDestructionSteps.DISTRICT_ID,
                                "demo-district",
                                "listedCount",
                                2,
                                "caseIds",
                                "c-1, c-2"));
    }
}

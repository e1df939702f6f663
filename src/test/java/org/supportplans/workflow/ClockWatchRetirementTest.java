package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database of the watch-process-per-clock design: its watches waiting at a timer are ended at start, a watch
 * asking the coordinator why a deadline was missed stays until answered.
 */
@Deployment(resources = {"retired/clock-watch.bpmn", "forms/clock-late-reason.form"})
class ClockWatchRetirementTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @BeforeEach
    void theBeansTheRetiredDiagramNamed() {
        Mocks.register("clockWatch", new Dates());
        Mocks.register("clockReminder", (JavaDelegate) execution -> {});
        Mocks.register("clockOverdueCheck", (JavaDelegate) execution -> {
            execution.setVariable("overdue", true);
            execution.setVariable("clockEnded", false);
        });
        Mocks.register("clockLateReasonFacts", (TaskListener) task -> {});
        Mocks.register("clockLateReasonRecorder", (TaskListener) task -> {});
    }

    @AfterEach
    void forgetTheBeans() {
        Mocks.reset();
    }

    @Test
    void watchesAtATimerEndAndAWatchAskingWhyStays() {
        ProcessInstance waiting = watch(7L);
        ProcessInstance asksWhy = watch(8L);
        execute(job("TimerEvent_FirstWarning", asksWhy));
        execute(job("TimerEvent_FinalWarning", asksWhy));
        execute(job("TimerEvent_DuePassed", asksWhy));
        assertThat(asksWhy).isWaitingAt("Task_RecordLateReason");

        new ClockWatchRetirement(runtimeService()).retire();

        assertThat(waiting).isEnded();
        assertThat(asksWhy).isWaitingAt("Task_RecordLateReason");
    }

    private static ProcessInstance watch(long clockId) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "clock-watch",
                        "case-" + clockId,
                        Map.of("clockId", clockId, "caseId", "case-" + clockId, "schoolId", "lincoln-elementary"));
    }

    /** The timer dates the retired bean read from the clock record. */
    public static class Dates {
        public Date firstWarningAt(Long clockId) {
            return Date.from(Instant.parse("2026-10-30T14:00:00Z"));
        }

        public Date finalWarningAt(Long clockId) {
            return Date.from(Instant.parse("2026-11-06T14:00:00Z"));
        }

        public Date overdueAt(Long clockId) {
            return Date.from(Instant.parse("2026-11-10T14:00:00Z"));
        }
    }
}

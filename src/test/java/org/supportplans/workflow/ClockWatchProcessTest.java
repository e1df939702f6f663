package org.supportplans.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
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

/** A clock's watch: two reminders before the due date, escalation after it, and an end when the clock stops. */
@Deployment(resources = {"processes/clock-watch.bpmn", "forms/clock-late-reason.form"})
class ClockWatchProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    private final List<String> steps = new ArrayList<>();
    private final Deque<String> overdueAnswers = new ArrayDeque<>();

    @BeforeEach
    void registerTheBeansTheDiagramNames() {
        Mocks.register("clockWatch", new Dates());
        Mocks.register("clockReminder", (JavaDelegate) execution -> steps.add("reminded"));
        Mocks.register("clockOverdueCheck", (JavaDelegate) execution -> {
            String answer = overdueAnswers.isEmpty() ? "overdue" : overdueAnswers.pop();
            steps.add(answer);
            execution.setVariable("overdue", answer.equals("overdue"));
            execution.setVariable("clockEnded", answer.equals("ended"));
        });
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
    void remindsTwiceThenEscalatesAMissedDeadlineToTheCoordinator() {
        ProcessInstance watch = clockStarted();

        assertThat(watch).isWaitingAt("TimerEvent_FirstWarning");
        execute(job("TimerEvent_FirstWarning", watch));
        assertThat(watch).isWaitingAt("TimerEvent_FinalWarning");
        execute(job("TimerEvent_FinalWarning", watch));
        assertThat(watch).isWaitingAt("TimerEvent_DuePassed");
        execute(job("TimerEvent_DuePassed", watch));

        assertThat(watch).isWaitingAt("Task_RecordLateReason");
        assertThat(task(watch)).hasCandidateGroup("coordinator").hasName("Deadline missed: record why");
        Assertions.assertThat(taskService().getVariablesLocal(task(watch).getId()))
                .as("what the form shows, given to the task as it opens")
                .containsEntry("clockDueOn", "2026-11-09");
        complete(
                task(watch),
                withVariables("lateReasonCode", "SCHOOL_ERROR", "lateReasonText", "The psychologist was on leave."));

        assertThat(watch).hasPassed("EndEvent_ReasonRecorded").isEnded();
        Assertions.assertThat(steps).containsExactly("reminded", "reminded", "overdue", "reason SCHOOL_ERROR");
    }

    @Test
    void aClockMovedLaterIsWaitedForAgain() {
        overdueAnswers.add("not overdue");
        overdueAnswers.add("overdue");
        ProcessInstance watch = clockStarted();
        execute(job("TimerEvent_FirstWarning", watch));
        execute(job("TimerEvent_FinalWarning", watch));

        execute(job("TimerEvent_DuePassed", watch));
        assertThat(watch).isWaitingAt("TimerEvent_DuePassed");
        execute(job("TimerEvent_DuePassed", watch));

        assertThat(watch).isWaitingAt("Task_RecordLateReason");
        Assertions.assertThat(steps).containsExactly("reminded", "reminded", "not overdue", "overdue");
    }

    @Test
    void aClockFoundMetWhenItsDueDatePassesEndsTheWatch() {
        overdueAnswers.add("ended");
        ProcessInstance watch = clockStarted();
        execute(job("TimerEvent_FirstWarning", watch));
        execute(job("TimerEvent_FinalWarning", watch));
        execute(job("TimerEvent_DuePassed", watch));

        assertThat(watch)
                .hasPassed("EndEvent_ClockEnded")
                .hasNotPassed("Task_RecordLateReason")
                .isEnded();
        Assertions.assertThat(steps).containsExactly("reminded", "reminded", "ended");
    }

    @Test
    void aClockMetOrCancelledEndsTheWatch() {
        ProcessInstance watch = clockStarted();
        execute(job("TimerEvent_FirstWarning", watch));

        runtimeService()
                .createMessageCorrelation("ClockStopped")
                .processInstanceVariableEquals("clockId", 7L)
                .correlateAll();

        assertThat(watch)
                .hasPassed("StartEvent_ClockStopped", "EndEvent_ClockStopped")
                .isEnded();
        Assertions.assertThat(steps).containsExactly("reminded");
    }

    private static ProcessInstance clockStarted() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "clock-watch",
                        "case-maya",
                        Map.of("clockId", 7L, "caseId", "case-maya", "schoolId", "lincoln-elementary"));
    }

    /** The timer dates the real bean reads from the clock record. */
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

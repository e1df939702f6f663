package org.supportplans.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.supportplans.deadlines.LateClocks;
import org.supportplans.deadlines.ReasonCode;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/** The listeners of the coordinator's "Deadline missed: record why" ({@code deadline-missed}). */
final class DeadlineMissedSteps {

    private DeadlineMissedSteps() {}

    static Long clockId(DelegateTask task) {
        return ((Number) task.getExecution().getVariable(Variables.CLOCK_ID)).longValue();
    }

    /** "Deadline missed: record why", as it opens: what its form shows of the clock and the case, on the task. */
    @Component("clockLateReasonFacts")
    static class ClockLateReasonFacts implements TaskListener {

        private final LateClocks clocks;
        private final ClockTasks clockTasks;

        ClockLateReasonFacts(LateClocks clocks, ClockTasks clockTasks) {
            this.clocks = clocks;
            this.clockTasks = clockTasks;
        }

        @Override
        public void notify(DelegateTask task) {
            clocks.state(clockId(task)).ifPresent(clock -> task.setVariablesLocal(clockTasks.lateReasonFacts(clock)));
        }
    }

    /** "Deadline missed: record why": the reason code and what happened, checked by the form's rules and the clock's. */
    @Component("clockLateReasonRecorder")
    static class ClockLateReasonRecorder extends CaseSteps.Recorder {

        private final LateClocks clocks;

        ClockLateReasonRecorder(FormSchemas forms, LateClocks clocks) {
            super(forms);
            this.clocks = clocks;
        }

        @Override
        void record(DelegateTask task, TaskInputs input, String caseId, String actor) {
            clocks.explainLate(
                    clockId(task), input.option("lateReasonCode", ReasonCode.class), input.text("lateReasonText"));
        }
    }
}

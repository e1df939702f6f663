package org.supportplans.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.supportplans.engine.TaskInputRejected;
import org.supportplans.system.NotExpectedNow;
import org.supportplans.system.RuleViolation;

/** What the delegates and task listeners of the case processes share. */
final class CaseSteps {

    private CaseSteps() {}

    static String caseId(VariableScope scope) {
        Object caseId = scope.getVariable(SupportCaseProcess.Variables.CASE_ID);
        if (caseId == null) {
            throw new IllegalStateException("the process has no caseId variable");
        }
        return caseId.toString();
    }

    /** The timer instant for a day: in the morning of that day, in the district's time zone. */
    static Date timerDate(Instant morning) {
        return Date.from(morning);
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /**
     * A task listener on "complete" that reads the form's values, with the rules of the task's deployed form,
     * and records them. A broken rule becomes a {@link TaskInputRejected}: the completion is rolled back and
     * the person is told why.
     */
    abstract static class Recorder implements TaskListener {

        private final FormSchemas forms;

        Recorder(FormSchemas forms) {
            this.forms = forms;
        }

        @Override
        public final void notify(DelegateTask task) {
            try {
                record(task, new TaskInputs(forms.of(task), task), caseId(task), actor(task));
            } catch (RuleViolation | NotExpectedNow e) {
                throw new TaskInputRejected(e.getMessage());
            }
        }

        abstract void record(DelegateTask task, TaskInputs input, String caseId, String actor);

        /** Who completes the task: its assignee, or the signed-in user completing it unclaimed. */
        private static String actor(DelegateTask task) {
            if (task.getAssignee() != null) {
                return task.getAssignee();
            }
            Authentication authentication =
                    task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            return authentication == null ? "system" : authentication.getUserId();
        }
    }

    /** A service task that calls one use case of the case. */
    abstract static class Step implements JavaDelegate {

        @Override
        public final void execute(DelegateExecution execution) {
            run(execution, caseId(execution));
        }

        abstract void run(DelegateExecution execution, String caseId);
    }
}

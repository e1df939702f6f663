package org.supportplans.workflow;

import static org.supportplans.workflow.SupportCaseProcess.DeadlineMissed.KEY;
import static org.supportplans.workflow.SupportCaseProcess.DeadlineMissed.TASK_RECORD_LATE_REASON;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.deadlines.ClockEvent;
import org.supportplans.deadlines.ClockState;
import org.supportplans.deadlines.ClockStatus;
import org.supportplans.deadlines.TaskDeadlines;
import org.supportplans.system.AsApplication;
import org.supportplans.workflow.SupportCaseProcess.Messages;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/**
 * The tasks a clock bears on: the due dates of the step's tasks move with the clock (on its {@link ClockEvent}s),
 * and a clock the morning sweep found overdue gets the coordinator's "Deadline missed: record why" (a {@code
 * deadline-missed} instance), which stays until answered, also when the clock is then met late, and ends when
 * the clock is cancelled. Nothing else is scheduled per clock: the sweep reads the clocks each morning.
 */
@Component("clockTasks")
public class ClockTasks {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AsApplication asApplication;
    private final CaseDirectory cases;
    private final TaskDeadlines taskDeadlines;

    ClockTasks(
            RuntimeService runtimeService,
            TaskService taskService,
            AsApplication asApplication,
            CaseDirectory cases,
            TaskDeadlines taskDeadlines) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.asApplication = asApplication;
        this.cases = cases;
        this.taskDeadlines = taskDeadlines;
    }

    /**
     * Opens the coordinator's "Deadline missed: record why" for a clock found overdue, unless one is open already
     * (a clock extended after it was missed, and missed again). Started with the ids it needs (the school for its
     * tenant, see {@link Variables#SCHOOL_ID}); what the form shows is given to the task as it opens.
     *
     * @return true when a task was opened
     */
    boolean openLateReasonTask(ClockState clock) {
        if (!lateReasonTasksOf(clock).isEmpty()) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CLOCK_ID, clock.id());
        variables.put(Variables.CASE_ID, clock.caseId());
        variables.put(Variables.SCHOOL_ID, clock.schoolId());
        runtimeService.startProcessInstanceByKey(KEY, clock.caseId(), variables);
        return true;
    }

    /** A clock cancelled (the case closed) ends its "record why"; a clock met late keeps it until answered. */
    @EventListener
    void stopped(ClockEvent.Stopped event) {
        ClockState clock = event.clock();
        if (clock.status() != ClockStatus.CANCELLED) {
            return;
        }
        asApplication.call(() -> {
            for (ProcessInstance missed : runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(KEY)
                    .processInstanceBusinessKey(clock.caseId())
                    .variableValueEquals(Variables.CLOCK_ID, clock.id())
                    .list()) {
                runtimeService
                        .createMessageCorrelation(Messages.CLOCK_STOPPED)
                        .processInstanceId(missed.getId())
                        .correlateWithResult();
            }
            return null;
        });
    }

    /** The clock's dates changed: the step's tasks take the new due date; an open "record why" shows it. */
    @EventListener
    void moved(ClockEvent.Moved event) {
        ClockState clock = event.clock();
        asApplication.call(() -> {
            Date due = clock.due() == null ? null : taskDeadlines.at(clock.caseId(), clock.due());
            for (Task task : taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(clock.caseId())
                    .taskDefinitionKeyIn(taskDeadlines.tasksOf(clock.kind()).toArray(String[]::new))
                    .list()) {
                task.setDueDate(due);
                taskService.saveTask(task);
            }
            for (Task missed : lateReasonTasksOf(clock)) {
                taskService.setVariableLocal(missed.getId(), "clockDueOn", dueOn(clock));
            }
            return null;
        });
    }

    private List<Task> lateReasonTasksOf(ClockState clock) {
        return taskService
                .createTaskQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(clock.caseId())
                .taskDefinitionKey(TASK_RECORD_LATE_REASON)
                .processVariableValueEquals(Variables.CLOCK_ID, clock.id())
                .list();
    }

    /** What the "Deadline missed: record why" form shows of the clock and its case. */
    Map<String, Object> lateReasonFacts(ClockState clock) {
        CaseDirectory.CaseFacts facts = cases.facts(clock.caseId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.STUDENT_NAME, facts.studentName());
        variables.put(Variables.SCHOOL_NAME, facts.schoolName());
        variables.put("clockLabel", clock.kind().label());
        variables.put("clockRule", clock.ruleText());
        variables.put("clockDueOn", dueOn(clock));
        return variables;
    }

    private static String dueOn(ClockState clock) {
        return clock.due() == null ? "not known yet" : clock.due().toString();
    }
}

package org.supportplans.workflow;

import static org.supportplans.workflow.SupportCaseProcess.ClockWatch.KEY;
import static org.supportplans.workflow.SupportCaseProcess.ClockWatch.TASK_RECORD_LATE_REASON;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.deadlines.ClockEvent;
import org.supportplans.deadlines.ClockState;
import org.supportplans.deadlines.ClockStatus;
import org.supportplans.deadlines.TaskDeadlines;
import org.supportplans.deadlines.WatchedClocks;
import org.supportplans.people.District;
import org.supportplans.system.AsApplication;
import org.supportplans.workflow.SupportCaseProcess.Messages;
import org.supportplans.workflow.SupportCaseProcess.Variables;

/**
 * The {@code clock-watch} process of each clock: started with the clock, ended when it stops, and its
 * timers recomputed when the clock moves, on the clocks' {@link ClockEvent}s. The diagram's timers read
 * their dates here, from the clock as it stands: {@code ${clockWatch.firstWarningAt(clockId)}}.
 */
@Component("clockWatch")
public class ClockWatches {

    // while a due date is not known (a calendar not loaded, a pause), the watch looks again a week later
    private static final int RECHECK_DAYS = 7;

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final AsApplication asApplication;
    private final WatchedClocks clocks;
    private final CaseDirectory cases;
    private final TaskDeadlines taskDeadlines;
    private final java.time.Clock time;

    ClockWatches(
            RuntimeService runtimeService,
            ManagementService managementService,
            TaskService taskService,
            AsApplication asApplication,
            WatchedClocks clocks,
            CaseDirectory cases,
            TaskDeadlines taskDeadlines,
            java.time.Clock time) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.asApplication = asApplication;
        this.clocks = clocks;
        this.cases = cases;
        this.taskDeadlines = taskDeadlines;
        this.time = time;
    }

    /**
     * Starts the clock's watch with the ids it needs (the school for its tenant, see {@link Variables#SCHOOL_ID});
     * what the coordinator's "record why" form shows is given to that task only when the clock is missed
     * ({@link #lateReasonFacts}), so a watch writes three variables, not eight.
     */
    @EventListener
    void started(ClockEvent.Started event) {
        ClockState clock = event.clock();
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CLOCK_ID, clock.id());
        variables.put(Variables.CASE_ID, clock.caseId());
        variables.put(Variables.SCHOOL_ID, clock.schoolId());
        asApplication.call(() -> runtimeService.startProcessInstanceByKey(KEY, clock.caseId(), variables));
    }

    /** Ends the watch; a clock met late keeps its "record why" task until the coordinator answers. */
    @EventListener
    void stopped(ClockEvent.Stopped event) {
        ClockState clock = event.clock();
        asApplication.call(() -> {
            for (ProcessInstance watch : watchesOf(clock)) {
                boolean waitsForReason = runtimeService
                                .createExecutionQuery()
                                .processInstanceId(watch.getId())
                                .activityId(TASK_RECORD_LATE_REASON)
                                .count()
                        > 0;
                if (waitsForReason && clock.status() == ClockStatus.MET_LATE) {
                    continue;
                }
                runtimeService
                        .createMessageCorrelation(Messages.CLOCK_STOPPED)
                        .processInstanceId(watch.getId())
                        .correlateWithResult();
            }
            return null;
        });
    }

    /** The clock's dates changed: the waiting timer takes its new date, the step's tasks their new due date. */
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
            for (ProcessInstance watch : watchesOf(clock)) {
                for (Task missed : taskService
                        .createTaskQuery()
                        .processInstanceId(watch.getId())
                        .taskDefinitionKey(TASK_RECORD_LATE_REASON)
                        .list()) {
                    taskService.setVariableLocal(missed.getId(), "clockDueOn", dueOn(clock));
                }
                for (Job timer : managementService
                        .createJobQuery()
                        .processInstanceId(watch.getId())
                        .timers()
                        .list()) {
                    managementService.recalculateJobDuedate(timer.getId(), false);
                }
            }
            return null;
        });
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

    private List<ProcessInstance> watchesOf(ClockState clock) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(KEY)
                .processInstanceBusinessKey(clock.caseId())
                .variableValueEquals(Variables.CLOCK_ID, clock.id())
                .list();
    }

    // ---- the timers' dates --------------------------------------------------------------------------

    public Date firstWarningAt(Long clockId) {
        return morningOf(clockId, ClockState::firstWarningOn);
    }

    public Date finalWarningAt(Long clockId) {
        return morningOf(clockId, ClockState::finalWarningOn);
    }

    /** The morning after the due date: a clock not met by the end of its due date is overdue. */
    public Date overdueAt(Long clockId) {
        return morningOf(
                clockId,
                clock -> clock.status() == ClockStatus.PAUSED || clock.due() == null
                        ? null
                        : clock.due().plusDays(1));
    }

    private Date morningOf(Long clockId, Function<ClockState, LocalDate> day) {
        ClockState clock = clocks.state(clockId).orElseThrow();
        ZoneId zone = cases.facts(clock.caseId()).timeZone();
        LocalDate date = day.apply(clock);
        if (date == null) {
            date = LocalDate.now(time.withZone(zone)).plusDays(RECHECK_DAYS);
        }
        return Date.from(District.morningOf(date, zone));
    }
}

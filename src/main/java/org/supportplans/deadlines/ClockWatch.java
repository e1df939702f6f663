package org.supportplans.deadlines;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.engine.CaseTenants;
import org.supportplans.people.District;
import org.supportplans.system.AsApplication;

/**
 * The {@code clock-watch} process of each clock: started with the clock, ended when it stops, and its
 * timers recomputed when the clock moves. The diagram's timers read their dates here, from the clock
 * record: {@code ${clockWatch.firstWarningAt(clockId)}}.
 */
@Component("clockWatch")
public class ClockWatch {

    public static final String PROCESS_KEY = "clock-watch";
    public static final String MESSAGE_CLOCK_STOPPED = "ClockStopped";
    public static final String TASK_RECORD_LATE_REASON = "Task_RecordLateReason";
    static final String CLOCK_ID = "clockId";
    // while a due date is not known (a calendar not loaded, a pause), the watch looks again a week later
    private static final int RECHECK_DAYS = 7;

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final AsApplication asApplication;
    private final ClockRepository clocks;
    private final CaseDirectory cases;
    private final java.time.Clock time;
    private final TaskService taskService;
    private final TaskDeadlines taskDeadlines;

    ClockWatch(
            RuntimeService runtimeService,
            ManagementService managementService,
            AsApplication asApplication,
            @Lazy ClockRepository clocks,
            CaseDirectory cases,
            java.time.Clock time,
            TaskService taskService,
            TaskDeadlines taskDeadlines) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.asApplication = asApplication;
        this.clocks = clocks;
        this.cases = cases;
        this.time = time;
        this.taskService = taskService;
        this.taskDeadlines = taskDeadlines;
    }

    /**
     * Starts the clock's watch with the ids it needs (the school for its tenant, see {@link CaseTenants}); what
     * the coordinator's "record why" form shows is given to that task only when the clock is missed
     * ({@link #lateReasonFacts}), so a watch writes three variables, not eight.
     */
    void started(Clock clock) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CLOCK_ID, clock.getId());
        variables.put("caseId", clock.getCaseId());
        variables.put(CaseTenants.SCHOOL_ID_VARIABLE, clock.getSchoolId());
        asApplication.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, clock.getCaseId(), variables));
    }

    /** What the "Deadline missed: record why" form shows of the clock and its case. */
    Map<String, Object> lateReasonFacts(Clock clock) {
        CaseDirectory.CaseFacts facts = cases.facts(clock.getCaseId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("studentName", facts.studentName());
        variables.put("schoolName", facts.schoolName());
        variables.put("clockLabel", clock.getKind().label());
        variables.put("clockRule", clock.getRuleText());
        variables.put("clockDueOn", dueOn(clock));
        return variables;
    }

    private static String dueOn(Clock clock) {
        return clock.effectiveDue() == null
                ? "not known yet"
                : clock.effectiveDue().toString();
    }

    /** Ends the watch; a clock met late keeps its "record why" task until the coordinator answers. */
    void stopped(Clock clock) {
        asApplication.call(() -> {
            for (ProcessInstance watch : watchesOf(clock)) {
                boolean waitsForReason = runtimeService
                                .createExecutionQuery()
                                .processInstanceId(watch.getId())
                                .activityId(TASK_RECORD_LATE_REASON)
                                .count()
                        > 0;
                if (waitsForReason && clock.getStatus() == ClockStatus.MET_LATE) {
                    continue;
                }
                runtimeService
                        .createMessageCorrelation(MESSAGE_CLOCK_STOPPED)
                        .processInstanceId(watch.getId())
                        .correlateWithResult();
            }
            return null;
        });
    }

    /** The clock's dates changed: the waiting timer takes its new date, the step's tasks their new due date. */
    void moved(Clock clock) {
        asApplication.call(() -> {
            Date due = clock.effectiveDue() == null ? null : taskDeadlines.at(clock.getCaseId(), clock.effectiveDue());
            for (Task task : taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(clock.getCaseId())
                    .taskDefinitionKeyIn(taskDeadlines.tasksOf(clock.getKind()).toArray(String[]::new))
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

    private java.util.List<ProcessInstance> watchesOf(Clock clock) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(clock.getCaseId())
                .variableValueEquals(CLOCK_ID, clock.getId())
                .list();
    }

    // ---- the timers' dates --------------------------------------------------------------------------

    public Date firstWarningAt(Long clockId) {
        return morningOf(clockId, clock -> clock.getFirstWarningOn());
    }

    public Date finalWarningAt(Long clockId) {
        return morningOf(clockId, clock -> clock.getFinalWarningOn());
    }

    /** The morning after the due date: a clock not met by the end of its due date is overdue. */
    public Date overdueAt(Long clockId) {
        return morningOf(
                clockId,
                clock -> clock.getStatus() == ClockStatus.PAUSED || clock.effectiveDue() == null
                        ? null
                        : clock.effectiveDue().plusDays(1));
    }

    private Date morningOf(Long clockId, java.util.function.Function<Clock, LocalDate> day) {
        Clock clock = clocks.findById(clockId).orElseThrow();
        ZoneId zone = cases.facts(clock.getCaseId()).timeZone();
        LocalDate date = day.apply(clock);
        if (date == null) {
            date = LocalDate.now(time.withZone(zone)).plusDays(RECHECK_DAYS);
        }
        return Date.from(District.morningOf(date, zone));
    }
}

package org.supportplans.deadlines;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.people.District;

/**
 * A task's due date in Tasklist is the due date of the clock its step runs against; the diagrams ask
 * for it: {@code camunda:dueDate="${taskDeadlines.due(execution, 'initial-evaluation,section-504-evaluation')}"}
 * (the first open clock of those kinds). When a clock moves, its tasks' due dates move with it.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    /** The user tasks that run against each clock, by task definition key. */
    static final Map<ClockKind, List<String>> TASKS = Map.of(
            ClockKind.INITIAL_EVALUATION, List.of("Task_PlanEvaluation", "Task_EvaluateArea", "Task_DecideEligibility"),
            ClockKind.SECTION_504_EVALUATION,
                    List.of("Task_PlanEvaluation", "Task_EvaluateArea", "Task_DecideEligibility"),
            ClockKind.IEP_MEETING, List.of("Task_SchedulePlanMeeting", "Task_HoldPlanMeeting", "Task_WriteIep"),
            ClockKind.ALP_DEVELOPMENT, List.of("Task_SchedulePlanMeeting", "Task_HoldPlanMeeting", "Task_WriteAlp"),
            ClockKind.ANNUAL_REVIEW, List.of("Task_HoldAnnualReview"),
            ClockKind.REEVALUATION, List.of("Task_Reevaluate"));

    private final ClockRepository clocks;
    private final CaseDirectory cases;

    TaskDeadlines(ClockRepository clocks, CaseDirectory cases) {
        this.clocks = clocks;
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public Date due(DelegateExecution execution, String clockKinds) {
        String caseId = execution.getProcessBusinessKey();
        for (String id : clockKinds.split(",")) {
            Optional<LocalDate> due = ClockKind.ofId(id.strip())
                    .flatMap(kind ->
                            clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(caseId, kind, ClockService.OPEN))
                    .map(Clock::effectiveDue);
            if (due.isPresent()) {
                return at(caseId, due.get());
            }
        }
        return null;
    }

    Date at(String caseId, LocalDate day) {
        return Date.from(District.morningOf(day, cases.facts(caseId).timeZone()));
    }
}

package org.supportplans.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.ClockKind;
import org.supportplans.people.District;

/**
 * A task's due date in Tasklist is the due date of the clock its step runs against; the diagrams ask
 * for it: {@code camunda:dueDate="${taskDeadlines.due(execution, 'initial-evaluation,section-504-evaluation')}"}
 * (the first open clock of those kinds). When a clock moves, its tasks' due dates move with it: which tasks
 * those are is read from the same attribute of the diagrams, so the diagrams are the only list.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private static final Pattern DUE_EXPRESSION =
            Pattern.compile("taskDeadlines\\.due\\(\\s*execution\\s*,\\s*'([^']*)'\\s*\\)");

    private final ClockRepository clocks;
    private final CaseDirectory cases;
    private final Map<ClockKind, List<String>> tasks;

    TaskDeadlines(ClockRepository clocks, CaseDirectory cases) {
        this.clocks = clocks;
        this.cases = cases;
        this.tasks = tasksByClock(diagrams());
    }

    @Transactional(readOnly = true)
    public Date due(DelegateExecution execution, String clockKinds) {
        String caseId = execution.getProcessBusinessKey();
        for (ClockKind kind : kinds(clockKinds)) {
            Optional<LocalDate> due = clocks.findFirstByCaseIdAndKindAndStatusInOrderByIdDesc(
                            caseId, kind, ClockService.OPEN)
                    .map(Clock::effectiveDue);
            if (due.isPresent()) {
                return at(caseId, due.get());
            }
        }
        return null;
    }

    /** The user tasks (definition keys) whose due date is this clock's. */
    public List<String> tasksOf(ClockKind kind) {
        return tasks.getOrDefault(kind, List.of());
    }

    /** The morning of the day in the case's time zone: when a task due that day falls due. */
    public Date at(String caseId, LocalDate day) {
        return Date.from(District.morningOf(day, cases.facts(caseId).timeZone()));
    }

    /**
     * For each clock, the user tasks whose {@code camunda:dueDate} asks for its due date. A clock name that is no
     * {@link ClockKind} fails here, when the service starts, not when a case reaches the task.
     */
    static Map<ClockKind, List<String>> tasksByClock(Collection<BpmnModelInstance> diagrams) {
        Map<ClockKind, Set<String>> tasks = new EnumMap<>(ClockKind.class);
        for (BpmnModelInstance diagram : diagrams) {
            for (UserTask task : diagram.getModelElementsByType(UserTask.class)) {
                Matcher due = DUE_EXPRESSION.matcher(task.getCamundaDueDate() == null ? "" : task.getCamundaDueDate());
                while (due.find()) {
                    for (ClockKind kind : kinds(due.group(1))) {
                        tasks.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(task.getId());
                    }
                }
            }
        }
        Map<ClockKind, List<String>> lists = new EnumMap<>(ClockKind.class);
        tasks.forEach((kind, ids) -> lists.put(kind, List.copyOf(ids)));
        return lists;
    }

    private static List<ClockKind> kinds(String clockKinds) {
        return Arrays.stream(clockKinds.split(","))
                .map(String::strip)
                .map(id -> ClockKind.ofId(id)
                        .orElseThrow(() -> new IllegalStateException("A task's due date names no clock \"" + id
                                + "\"; the clocks are "
                                + Arrays.stream(ClockKind.values())
                                        .map(ClockKind::id)
                                        .toList())))
                .toList();
    }

    /** The diagrams the service deploys (pom.xml copies {@code processes/} into the jar). */
    private static List<BpmnModelInstance> diagrams() {
        try {
            List<BpmnModelInstance> diagrams = new ArrayList<>();
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    diagrams.add(Bpmn.readModelFromStream(in));
                }
            }
            return diagrams;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

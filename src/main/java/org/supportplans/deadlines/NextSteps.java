package org.supportplans.deadlines;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The next steps of the cases on a page of deadlines: their open Camunda tasks (name, assignee, candidate groups,
 * due date and a link that opens the task in Tasklist), read in one SQL over the engine's runtime tables.
 */
@Component
class NextSteps {

    private final NamedParameterJdbcTemplate jdbc;

    NextSteps(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The open tasks of the cases of these clocks, by case id, oldest first; their due dates in the case's zone. */
    Map<String, List<DeadlineView.NextStep>> of(List<DeadlineList.ClockRow> clocks, Map<String, ZoneId> zones) {
        Map<String, ZoneId> zoneOfCase = new HashMap<>();
        clocks.forEach(clock -> zoneOfCase.put(clock.caseId(), zones.get(clock.districtId())));
        if (zoneOfCase.isEmpty()) {
            return Map.of();
        }
        record TaskRow(
                String caseId, String taskId, String name, String assignee, Timestamp due, List<String> groups) {}
        Map<String, TaskRow> tasks = new LinkedHashMap<>();
        jdbc.query("""
                select e.business_key_ as case_id, t.id_ as task_id, t.name_ as name, t.assignee_ as assignee,
                       t.due_date_ as due, l.group_id_ as group_id
                from act_ru_execution e
                join act_ru_task t on t.proc_inst_id_ = e.id_
                left join act_ru_identitylink l
                       on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                where e.business_key_ in (:cases)
                order by t.create_time_, t.id_, l.group_id_
                """, new MapSqlParameterSource("cases", zoneOfCase.keySet()), rs -> {
            TaskRow task = tasks.get(rs.getString("task_id"));
            if (task == null) {
                task = new TaskRow(
                        rs.getString("case_id"),
                        rs.getString("task_id"),
                        rs.getString("name"),
                        rs.getString("assignee"),
                        rs.getTimestamp("due"),
                        new ArrayList<>());
                tasks.put(task.taskId(), task);
            }
            String group = rs.getString("group_id");
            if (group != null) {
                task.groups().add(group);
            }
        });
        Map<String, List<DeadlineView.NextStep>> byCase = new HashMap<>();
        for (TaskRow task : tasks.values()) {
            byCase.computeIfAbsent(task.caseId(), id -> new ArrayList<>())
                    .add(new DeadlineView.NextStep(
                            task.taskId(),
                            task.name(),
                            task.assignee(),
                            List.copyOf(task.groups()),
                            task.due() == null
                                    ? null
                                    : LocalDate.ofInstant(task.due().toInstant(), zoneOfCase.get(task.caseId())),
                            DeadlineList.TASKLIST_TASK + task.taskId()));
        }
        return byCase;
    }
}

package org.supportplans.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case a task, process instance, execution or clock belongs to: one indexed look-up each. Tasks and
 * process instances are found in the engine's history (full history: a task's row exists from its
 * creation), so a completed task or an ended instance still leads to its case.
 */
@Component
class CaseIds {

    private final JdbcTemplate jdbc;

    CaseIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> ofTask(String taskId) {
        return first(
                "select p.business_key_ from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_"
                        + " where t.id_ = ?",
                taskId);
    }

    Optional<String> ofProcessInstance(String processInstanceId) {
        return first("select business_key_ from act_hi_procinst where id_ = ?", processInstanceId);
    }

    Optional<String> ofExecution(String executionId) {
        return first(
                "select p.business_key_ from act_ru_execution e join act_ru_execution p on p.id_ = e.proc_inst_id_"
                        + " where e.id_ = ?",
                executionId);
    }

    Optional<String> ofClock(String clockId) {
        long id;
        try {
            id = Long.parseLong(clockId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbc.queryForList("select case_id from clock where id = ?", String.class, id).stream()
                .findFirst();
    }

    private Optional<String> first(String sql, String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        List<String> keys = jdbc.queryForList(sql, String.class, id);
        return keys.stream().filter(key -> key != null).findFirst();
    }
}

package org.supportplans.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportplans.audit.AuditEvent.Action;
import org.supportplans.audit.AuditEvent.Interface;
import org.supportplans.audit.AuditEvent.Resource;

/** Which engine and web-app calls touch a student's record, told from the path alone. */
class EngineCallsTest {

    private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/";
    private static final String COCKPIT = "http://localhost:8080/camunda/app/cockpit/default/";

    private static Optional<EngineCalls.Call> call(
            String method, String path, Map<String, String> query, String referer) {
        return EngineCalls.of(method, path, query::get, referer);
    }

    @Test
    void tasklistOpeningAndSubmittingATaskIsRecordedWithTheTask() {
        EngineCalls.Call form = call(
                        "GET", "/camunda/api/engine/engine/default/task/t-1/deployed-form", Map.of(), TASKLIST)
                .orElseThrow();
        EngineCalls.Call submit = call(
                        "POST", "/camunda/api/engine/engine/default/task/t-1/submit-form", Map.of(), TASKLIST)
                .orElseThrow();
        EngineCalls.Call variable = call(
                        "PUT", "/camunda/api/engine/engine/default/task/t-1/variables/studentNote", Map.of(), TASKLIST)
                .orElseThrow();

        assertThat(form.action()).isEqualTo(Action.READ);
        assertThat(form.resource()).isEqualTo(Resource.TASK_FORM);
        assertThat(form.via()).isEqualTo(Interface.TASKLIST);
        assertThat(form.template()).isEqualTo("/camunda/api/engine/engine/default/task/{id}/deployed-form");
        assertThat(form.taskIds()).containsExactly("t-1");
        assertThat(submit.action()).isEqualTo(Action.COMPLETE);
        assertThat(submit.resource()).isEqualTo(Resource.TASK);
        assertThat(variable.action()).isEqualTo(Action.UPDATE);
        assertThat(variable.resource()).isEqualTo(Resource.TASK_VARIABLES);
        assertThat(variable.template()).isEqualTo("/camunda/api/engine/engine/default/task/{id}/variables/{name}");
    }

    @Test
    void cockpitReadsOfAProcessInstanceAndItsHistoryAreRecordedWithTheInstance() {
        EngineCalls.Call called = call(
                        "GET",
                        "/camunda/api/cockpit/plugin/base/default/process-instance/p-1/called-process-instances",
                        Map.of(),
                        COCKPIT)
                .orElseThrow();
        EngineCalls.Call history = call(
                        "GET",
                        "/camunda/api/engine/engine/default/history/activity-instance",
                        Map.of("processInstanceId", "p-2"),
                        COCKPIT)
                .orElseThrow();
        EngineCalls.Call instance = call("GET", "/engine-rest/history/process-instance/p-3", Map.of(), null)
                .orElseThrow();

        assertThat(called.via()).isEqualTo(Interface.COCKPIT);
        assertThat(called.resource()).isEqualTo(Resource.PROCESS_INSTANCE);
        assertThat(called.processInstanceIds()).containsExactly("p-1");
        assertThat(called.template())
                .isEqualTo("/camunda/api/cockpit/plugin/base/default/process-instance/{id}/called-process-instances");
        assertThat(history.resource()).isEqualTo(Resource.HISTORY);
        assertThat(history.processInstanceIds()).containsExactly("p-2");
        assertThat(instance.via()).isEqualTo(Interface.ENGINE_REST);
        assertThat(instance.processInstanceIds()).containsExactly("p-3");
        assertThat(instance.template()).isEqualTo("/engine-rest/history/process-instance/{id}");
    }

    @Test
    void aTaskListNamesItsCaseOnlyWhenTheQueryDoes() {
        EngineCalls.Call byCase = call("GET", "/engine-rest/task", Map.of("processInstanceBusinessKey", "case-1"), null)
                .orElseThrow();
        EngineCalls.Call filter = call("POST", "/camunda/api/engine/engine/default/filter/f-1/list", Map.of(), TASKLIST)
                .orElseThrow();

        assertThat(byCase.resource()).isEqualTo(Resource.TASKS);
        assertThat(byCase.caseIds()).containsExactly("case-1");
        assertThat(filter.resource()).isEqualTo(Resource.TASKS);
        assertThat(filter.caseIds()).isEmpty();
        assertThat(filter.template()).isEqualTo("/camunda/api/engine/engine/default/filter/{id}/list");
    }

    @Test
    void callsWithoutStudentDataAreNotRecorded() {
        for (String path : new String[] {
            "/camunda/api/engine/engine/",
            "/camunda/api/engine/engine/default/user/coordinator/profile",
            "/camunda/api/engine/engine/default/filter",
            "/camunda/api/engine/engine/default/filter/f-1/count",
            "/camunda/api/engine/engine/default/task/count",
            "/camunda/api/engine/engine/default/process-definition/pd-1/xml",
            "/camunda/api/admin/auth/user/default",
            "/engine-rest/deployment",
            "/engine-rest/group",
            "/engine-rest/history/process-instance/count",
            "/camunda/app/tasklist/default/"
        }) {
            assertThat(call("GET", path, Map.of(), TASKLIST)).as(path).isEmpty();
        }
    }

    @Test
    void aWebAppCallWithoutAReferrerIsAWebAppCall() {
        assertThat(call("GET", "/camunda/api/engine/engine/default/task/t-1", Map.of(), null)
                        .orElseThrow()
                        .via())
                .isEqualTo(Interface.WEBAPP);
        assertThat(call("DELETE", "/engine-rest/process-instance/p-1", Map.of(), null)
                        .orElseThrow()
                        .action())
                .isEqualTo(Action.DELETE);
    }
}

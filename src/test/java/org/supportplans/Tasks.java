package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Tasks of a case, found and completed through the engine REST API as Tasklist does it. */
public final class Tasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tasks() {}

    /** The one open task of that name for the case, as the staff member sees it. */
    public static JsonNode open(Http staff, String caseId, String name) {
        JsonNode tasks = staff.get("/engine-rest/task?processInstanceBusinessKey=" + caseId)
                .json();
        List<JsonNode> named = stream(tasks).stream()
                .filter(task -> name.equals(task.path("name").asText()))
                .toList();
        assertThat(named)
                .as("open tasks named '" + name + "' of case " + caseId + ": " + tasks)
                .hasSize(1);
        return named.get(0);
    }

    public static List<JsonNode> all(Http staff, String caseId) {
        return stream(staff.get("/engine-rest/task?processInstanceBusinessKey=" + caseId)
                .json());
    }

    public static Http.Response complete(Http staff, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, typed(value)));
        return staff.post(
                "/engine-rest/task/" + task.path("id").asText() + "/submit-form", Map.of("variables", variables));
    }

    /** Completes and expects success. */
    public static void done(Http staff, String caseId, String name, Map<String, Object> values) {
        Http.Response response = complete(staff, open(staff, caseId, name), values);
        assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(204);
    }

    /** Lists (checklists, dynamic lists) go as JSON variables, as Camunda Forms submit them. */
    private static Map<String, Object> typed(Object value) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return Map.of("value", JSON.writeValueAsString(value), "type", "Json");
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        return value == null ? Map.of("type", "Null") : Map.of("value", value);
    }

    /** Waits (at most a minute) until the condition holds. */
    public static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }

    private static List<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}

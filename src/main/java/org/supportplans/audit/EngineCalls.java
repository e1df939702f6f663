package org.supportplans.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.supportplans.audit.AuditEvent.Action;
import org.supportplans.audit.AuditEvent.Interface;
import org.supportplans.audit.AuditEvent.Resource;

/**
 * Which calls of the engine REST API ({@code /engine-rest/...}) and of the web apps' REST APIs ({@code
 * /camunda/api/engine/engine/default/...} for Tasklist, Cockpit and Admin, {@code
 * /camunda/api/cockpit/plugin/...}) touch a student's record: tasks, their forms and variables, process
 * instances and their variables, their history, messages to a case. Decided from the path alone, so that
 * the others (static files, the signed-in user, filters, definitions, deployments, users) cost nothing.
 * The record of a task or process instance is tied to its case afterwards ({@link CaseIds}): the business
 * key of every process instance of a case is the case id.
 */
final class EngineCalls {

    /** What a call is, with the ids in its path or query that lead to its case. */
    record Call(
            Action action,
            Resource resource,
            Interface via,
            String engine,
            String template,
            List<String> taskIds,
            List<String> processInstanceIds,
            List<String> executionIds,
            List<String> caseIds) {}

    private static final String ENGINE_REST = "/engine-rest/";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/";
    private static final String COCKPIT_PLUGIN = "/camunda/api/cockpit/plugin/";
    private static final String TASKLIST_PLUGIN = "/camunda/api/tasklist/plugin/";

    /** Path words after {@code /process-instance/} that are not an id. */
    private static final Set<String> PROCESS_INSTANCE_WORDS = Set.of(
            "count",
            "suspended",
            "suspended-async",
            "delete",
            "delete-historic-query-based",
            "job-retries",
            "job-retries-historic-query-based",
            "variables-async",
            "message-async",
            "set-removal-time",
            "report");

    private static final Set<String> HISTORY_OF_CASES = Set.of(
            "process-instance",
            "task",
            "variable-instance",
            "activity-instance",
            "detail",
            "user-operation",
            "identity-link-log",
            "incident",
            "external-task-log",
            "job-log");

    private EngineCalls() {}

    /**
     * @param path the path within the application
     * @param parameter a query parameter's value, or null
     * @param referer the Referer header: which web app made a call to the shared engine API
     */
    static Optional<Call> of(String method, String path, Function<String, String> parameter, String referer) {
        String prefix;
        String engine;
        Interface via;
        if (path.startsWith(ENGINE_REST)) {
            prefix = "/engine-rest";
            engine = "default";
            via = Interface.ENGINE_REST;
        } else if (path.startsWith(WEBAPP_ENGINE)) {
            String rest = path.substring(WEBAPP_ENGINE.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return Optional.empty(); // the list of engines
            }
            engine = rest.substring(0, slash);
            prefix = WEBAPP_ENGINE + engine;
            via = webApp(referer);
        } else if (path.startsWith(COCKPIT_PLUGIN) || path.startsWith(TASKLIST_PLUGIN)) {
            // /camunda/api/cockpit/plugin/{plugin}/{engine}/...
            boolean cockpit = path.startsWith(COCKPIT_PLUGIN);
            String rest = path.substring((cockpit ? COCKPIT_PLUGIN : TASKLIST_PLUGIN).length());
            String[] parts = rest.split("/", 3);
            if (parts.length < 3) {
                return Optional.empty();
            }
            engine = parts[1];
            prefix = (cockpit ? COCKPIT_PLUGIN : TASKLIST_PLUGIN) + parts[0] + "/" + engine;
            via = cockpit ? Interface.COCKPIT : Interface.TASKLIST;
        } else {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        List<String> segments =
                Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        return new Parser(method, segments, parameter, via, engine, prefix).parse();
    }

    private static Interface webApp(String referer) {
        if (referer == null) {
            return Interface.WEBAPP;
        }
        if (referer.contains("/app/tasklist/")) {
            return Interface.TASKLIST;
        }
        if (referer.contains("/app/cockpit/")) {
            return Interface.COCKPIT;
        }
        if (referer.contains("/app/admin/")) {
            return Interface.ADMIN;
        }
        return Interface.WEBAPP;
    }

    private static final class Parser {
        private final String method;
        private final List<String> segments;
        private final Function<String, String> parameter;
        private final Interface via;
        private final String engine;
        private final String prefix;
        private final boolean reading;
        private final List<String> template = new ArrayList<>();
        private final List<String> taskIds = new ArrayList<>();
        private final List<String> processInstanceIds = new ArrayList<>();
        private final List<String> executionIds = new ArrayList<>();
        private final List<String> caseIds = new ArrayList<>();

        Parser(
                String method,
                List<String> segments,
                Function<String, String> parameter,
                Interface via,
                String engine,
                String prefix) {
            this.method = method;
            this.segments = segments;
            this.parameter = parameter;
            this.via = via;
            this.engine = engine;
            this.prefix = prefix;
            this.reading = method.equals("GET") || method.equals("HEAD");
            this.template.addAll(segments);
        }

        private String segment(int index) {
            return index < segments.size() ? segments.get(index) : null;
        }

        private void asId(int index, String name) {
            template.set(index, "{" + name + "}");
        }

        private Optional<Call> call(Action action, Resource resource) {
            return Optional.of(new Call(
                    action,
                    resource,
                    via,
                    engine,
                    prefix + "/" + String.join("/", template),
                    taskIds,
                    processInstanceIds,
                    executionIds,
                    caseIds));
        }

        private void fromQuery() {
            addSingle(taskIds, parameter.apply("taskId"));
            addSingle(processInstanceIds, parameter.apply("processInstanceId"));
            addSingle(processInstanceIds, parameter.apply("processInstanceIdIn"));
            addSingle(caseIds, parameter.apply("processInstanceBusinessKey"));
            addSingle(caseIds, parameter.apply("businessKey"));
        }

        private static void addSingle(List<String> ids, String value) {
            if (value != null && !value.isBlank() && !value.contains(",")) {
                ids.add(value);
            }
        }

        Optional<Call> parse() {
            String root = segments.get(0);
            return switch (root) {
                case "task" -> task();
                case "process-instance" -> processInstance();
                case "execution" -> execution();
                case "variable-instance" -> variableInstance();
                case "history" -> history();
                case "filter" -> filter();
                case "message" -> method.equals("POST") ? call(Action.UPDATE, Resource.MESSAGE) : Optional.empty();
                case "modification" ->
                    method.equals("POST") ? call(Action.UPDATE, Resource.PROCESS_INSTANCES) : Optional.empty();
                case "process-definition" -> processDefinition();
                default -> Optional.empty();
            };
        }

        private Optional<Call> task() {
            String id = segment(1);
            if (id == null) {
                fromQuery();
                return reading || method.equals("POST") ? call(Action.READ, Resource.TASKS) : Optional.empty();
            }
            if (id.equals("count") || id.equals("report")) {
                return Optional.empty();
            }
            if (id.equals("create")) {
                return call(Action.CREATE, Resource.TASK);
            }
            asId(1, "id");
            taskIds.add(id);
            String sub = segment(2);
            if (sub == null) {
                return switch (method) {
                    case "GET", "HEAD" -> call(Action.READ, Resource.TASK);
                    case "DELETE" -> call(Action.DELETE, Resource.TASK);
                    default -> call(Action.UPDATE, Resource.TASK);
                };
            }
            return switch (sub) {
                case "form", "deployed-form", "rendered-form", "form-variables" ->
                    call(Action.READ, Resource.TASK_FORM);
                case "variables", "localVariables" -> {
                    if (segment(3) != null) {
                        asId(3, "name");
                    }
                    yield call(reading ? Action.READ : Action.UPDATE, Resource.TASK_VARIABLES);
                }
                case "complete", "submit-form" -> call(Action.COMPLETE, Resource.TASK);
                case "comment", "attachment" -> {
                    if (segment(3) != null) {
                        asId(3, "id");
                    }
                    yield call(reading ? Action.READ : Action.CREATE, Resource.TASK);
                }
                default -> call(reading ? Action.READ : Action.UPDATE, Resource.TASK);
            };
        }

        private Optional<Call> processInstance() {
            String id = segment(1);
            if (id == null) {
                fromQuery();
                return reading || method.equals("POST")
                        ? call(Action.READ, Resource.PROCESS_INSTANCES)
                        : Optional.empty();
            }
            if (id.equals("count") || id.equals("report")) {
                return Optional.empty();
            }
            if (PROCESS_INSTANCE_WORDS.contains(id)) {
                return call(
                        method.equals("DELETE") || id.startsWith("delete") ? Action.DELETE : Action.UPDATE,
                        Resource.PROCESS_INSTANCES);
            }
            asId(1, "id");
            processInstanceIds.add(id);
            String sub = segment(2);
            if (sub == null) {
                return switch (method) {
                    case "GET", "HEAD" -> call(Action.READ, Resource.PROCESS_INSTANCE);
                    case "DELETE" -> call(Action.DELETE, Resource.PROCESS_INSTANCE);
                    default -> call(Action.UPDATE, Resource.PROCESS_INSTANCE);
                };
            }
            if (sub.equals("variables")) {
                if (segment(3) != null) {
                    asId(3, "name");
                }
                return call(reading ? Action.READ : Action.UPDATE, Resource.PROCESS_INSTANCE_VARIABLES);
            }
            // activity-instances, called-process-instances (Cockpit), comment, modification, suspended, ...
            return call(
                    reading || method.equals("POST") && sub.contains("instances") ? Action.READ : Action.UPDATE,
                    Resource.PROCESS_INSTANCE);
        }

        private Optional<Call> execution() {
            String id = segment(1);
            if (id == null || id.equals("count")) {
                return Optional.empty();
            }
            asId(1, "id");
            executionIds.add(id);
            String sub = segment(2);
            if (sub != null && (sub.equals("localVariables") || sub.equals("variables"))) {
                if (segment(3) != null) {
                    asId(3, "name");
                }
                return call(reading ? Action.READ : Action.UPDATE, Resource.PROCESS_INSTANCE_VARIABLES);
            }
            return call(reading ? Action.READ : Action.UPDATE, Resource.PROCESS_INSTANCE);
        }

        private Optional<Call> variableInstance() {
            String id = segment(1);
            if ("count".equals(id)) {
                return Optional.empty();
            }
            if (id != null) {
                asId(1, "id");
            }
            fromQuery();
            return reading || method.equals("POST") ? call(Action.READ, Resource.VARIABLES) : Optional.empty();
        }

        private Optional<Call> history() {
            String kind = segment(1);
            if (kind == null || !HISTORY_OF_CASES.contains(kind)) {
                return Optional.empty();
            }
            String id = segment(2);
            if ("count".equals(id) || "report".equals(id) || "duration".equals(id)) {
                return Optional.empty();
            }
            if (id != null && !id.startsWith("delete") && !id.equals("set-removal-time")) {
                asId(2, "id");
                switch (kind) {
                    case "process-instance" -> processInstanceIds.add(id);
                    case "task" -> taskIds.add(id);
                    default -> {}
                }
            }
            fromQuery();
            return call(
                    method.equals("DELETE") || id != null && id.startsWith("delete") ? Action.DELETE : Action.READ,
                    Resource.HISTORY);
        }

        private Optional<Call> filter() {
            // the task list of a filter (Tasklist's list); the filters themselves hold no student data
            if (segment(1) != null && "list".equals(segment(2))) {
                asId(1, "id");
                return call(Action.READ, Resource.TASKS);
            }
            return Optional.empty();
        }

        private Optional<Call> processDefinition() {
            String last = segments.get(segments.size() - 1);
            if (segments.size() >= 2 && !segments.get(1).equals("key")) {
                asId(1, "id");
            }
            if (method.equals("POST") && (last.equals("start") || last.equals("submit-form"))) {
                return call(Action.CREATE, Resource.PROCESS_INSTANCE);
            }
            if (last.equals("process-instance")) {
                // Cockpit's list of a definition's instances
                return call(Action.READ, Resource.PROCESS_INSTANCES);
            }
            return Optional.empty();
        }
    }
}

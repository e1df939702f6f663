package org.supportplans.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated staff member, signed in as the demo user of their role, working until the end of the
 * run as Tasklist and our API let them: list the tasks offered to their role (oldest first, a page of
 * 50), open one (its form and values), open its case (and now and then its timeline and the deadlines),
 * complete the task with valid values; coordinators also receive new referrals. With nothing to do they
 * look at their deadlines and check again a second later.
 */
final class StaffMember implements Runnable {

    static final String LIST_TASKS = "list my tasks";
    static final String TASK_FORM = "open a task: its form";
    static final String TASK_VARIABLES = "open a task: its values";
    static final String OPEN_CASE = "open the case";
    static final String TIMELINE = "the case's timeline";
    static final String DEADLINES = "deadlines";
    static final String COMPLETE = "complete a task";
    static final String RELOAD = "reload a task after 409";
    static final String REFER = "new referral";
    static final List<String> KINDS =
            List.of(LIST_TASKS, TASK_FORM, TASK_VARIABLES, OPEN_CASE, TIMELINE, DEADLINES, COMPLETE, RELOAD, REFER);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE_MILLIS = 1000;

    private final LoadClient client;
    private final LoadResults results;
    private final String user;
    private final long endNanos;
    private final long thinkMillis;

    StaffMember(LoadClient client, LoadResults results, String user, long endNanos, long thinkMillis) {
        this.client = client;
        this.results = results;
        this.user = user;
        this.endNanos = endNanos;
        this.thinkMillis = thinkMillis;
    }

    @Override
    public void run() {
        while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
            long pause = thinkMillis;
            try {
                if (!workOneTask()) {
                    pause = Math.max(pause, IDLE_MILLIS);
                }
            } catch (RuntimeException e) {
                results.error("driver", user + ": " + e);
            }
            pause(pause);
        }
    }

    /** One round; false when there was nothing to do. */
    private boolean workOneTask() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (user.equals("coordinator") && random.nextInt(100) < 12) {
            LoadClient.Reply referred = client.post(REFER, user, "/api/referrals", TaskForms.referral());
            expect(REFER, referred, 201, 200);
        }
        LoadClient.Reply list = client.get(
                LIST_TASKS,
                user,
                "/engine-rest/task?candidateGroup=" + user
                        + "&sortBy=created&sortOrder=asc&firstResult=0&maxResults=50");
        if (!expect(LIST_TASKS, list, 200)) {
            return true;
        }
        List<JsonNode> workable = new ArrayList<>();
        list.json().forEach(task -> {
            if (TaskForms.works(task.path("taskDefinitionKey").asText())) {
                workable.add(task);
            }
        });
        if (workable.isEmpty()) {
            deadlines();
            return false;
        }
        JsonNode task = workable.get(random.nextInt(workable.size()));
        String taskId = task.path("id").asText();
        String taskKey = task.path("taskDefinitionKey").asText();

        LoadClient.Reply form = client.get(TASK_FORM, user, "/engine-rest/task/" + taskId + "/deployed-form");
        if (lostRace(TASK_FORM, form) || !expect(TASK_FORM, form, 200)) {
            return true;
        }
        LoadClient.Reply shown = client.get(TASK_VARIABLES, user, "/engine-rest/task/" + taskId + "/form-variables");
        if (lostRace(TASK_VARIABLES, shown) || !expect(TASK_VARIABLES, shown, 200)) {
            return true;
        }
        JsonNode variables = shown.json();
        String caseId = variables.path("caseId").path("value").asText();
        expect(OPEN_CASE, client.get(OPEN_CASE, user, "/api/cases/" + caseId), 200);
        if (random.nextInt(100) < 30) {
            expect(TIMELINE, client.get(TIMELINE, user, "/api/cases/" + caseId + "/timeline"), 200);
        }
        if (random.nextInt(100) < 25) {
            deadlines();
        }

        LoadClient.Reply done = client.post(
                COMPLETE,
                user,
                "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", typed(TaskForms.valuesFor(taskKey, variables))));
        if (done.is(204)) {
            results.succeeded(COMPLETE);
            results.completed(taskKey, caseId);
        } else if (done.is(404)) {
            results.lostRace(COMPLETE);
        } else if (done.is(409)) {
            // told to reload: the race is lost if the task is gone; still there, nobody else completed it
            LoadClient.Reply reloaded = client.get(RELOAD, user, "/engine-rest/task/" + taskId);
            if (reloaded.is(404)) {
                results.succeeded(RELOAD);
                results.lostRace(COMPLETE);
            } else {
                results.succeeded(RELOAD);
                results.error(
                        COMPLETE,
                        taskKey + " of case " + caseId + ": " + done.summary() + " and the task is still open ("
                                + reloaded.status() + ")");
            }
        } else {
            results.error(COMPLETE, taskKey + " of case " + caseId + ": " + done.summary());
        }
        return true;
    }

    private void deadlines() {
        String path = user.equals("coordinator") ? "/api/deadlines?dueWithinDays=7" : "/api/deadlines?assignee=" + user;
        expect(DEADLINES, client.get(DEADLINES, user, path), 200);
    }

    /** A task that someone else completed since the list was read. */
    private boolean lostRace(String kind, LoadClient.Reply reply) {
        if (reply.is(404)) {
            results.lostRace(kind);
            return true;
        }
        return false;
    }

    private boolean expect(String kind, LoadClient.Reply reply, int... statuses) {
        if (reply.failure() == null && reply.is(statuses)) {
            results.succeeded(kind);
            return true;
        }
        results.error(kind, user + ": " + reply.summary());
        return false;
    }

    /** As Camunda Forms submit them: lists (checklists, dynamic lists) as JSON variables. */
    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                try {
                    variables.put(name, Map.of("value", JSON.writeValueAsString(value), "type", "Json"));
                } catch (Exception e) {
                    throw new IllegalArgumentException(e);
                }
            } else {
                variables.put(name, Map.of("value", value));
            }
        });
        return variables;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

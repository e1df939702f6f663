package org.supportplans.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated staff member, signed in as a user of their role, working until the end of the run as Tasklist
 * and our API let them: list the unclaimed tasks offered to their role (oldest first, a page of 50), claim one
 * (Tasklist's "Claim", so that colleagues see it is taken), open it (its form and values) and its case (now
 * and then its timeline and the deadlines), read it for a think time, and complete it with valid values;
 * coordinators also receive new referrals. With nothing to do they look at their deadlines and check again
 * after a think time (a second without one). Requests are counted where the client counts them now ({@link
 * LoadClient#results()}), so that the ramp-up, the measured window and the last tasks are apart.
 */
final class StaffMember implements Runnable {

    static final String LIST_TASKS = "list my tasks";
    static final String CLAIM = "claim a task";
    static final String TASK_FORM = "open a task: its form";
    static final String TASK_VARIABLES = "open a task: its values";
    static final String OPEN_CASE = "open the case";
    static final String TIMELINE = "the case's timeline";
    static final String DEADLINES = "deadlines";
    static final String COMPLETE = "complete a task";
    static final String RELOAD = "reload a task after 409";
    static final String REFER = "new referral";
    static final List<String> KINDS = List.of(
            LIST_TASKS, CLAIM, TASK_FORM, TASK_VARIABLES, OPEN_CASE, TIMELINE, DEADLINES, COMPLETE, RELOAD, REFER);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE_MILLIS = 1000;

    /**
     * How long a staff member reads a task before completing it: {@code min} to {@code max} milliseconds, drawn
     * anew for each pause; {@code load.think-millis} is {@code 0}, a number, or a range such as {@code
     * 10000-30000}.
     */
    record ThinkTime(long min, long max) {

        static ThinkTime parse(String text) {
            String[] bounds = text.strip().split("\\s*-\\s*");
            long min = Long.parseLong(bounds[0]);
            long max = bounds.length > 1 ? Long.parseLong(bounds[1]) : min;
            if (bounds.length > 2 || min < 0 || max < min) {
                throw new IllegalArgumentException("load.think-millis is a number or a range min-max: " + text);
            }
            return new ThinkTime(min, max);
        }

        long draw(Random random) {
            return min == max ? min : min + (long) (random.nextDouble() * (max - min + 1));
        }

        @Override
        public String toString() {
            return min == max ? min + " ms" : min / 1000.0 + "–" + max / 1000.0 + " s, uniform";
        }
    }

    private final LoadClient client;
    private final String user;
    private final String role;
    private final String school;
    private final long startNanos;
    private final long endNanos;
    private final ThinkTime think;
    private final Random random;

    /**
     * {@code school} is where a coordinator's new referrals go (null: any demo school); the member starts at
     * {@code startNanos} and takes no new task after {@code endNanos}; {@code random} (seeded) draws the think
     * times and the choices.
     */
    StaffMember(
            LoadClient client,
            String user,
            String role,
            String school,
            long startNanos,
            long endNanos,
            ThinkTime think,
            Random random) {
        this.client = client;
        this.user = user;
        this.role = role;
        this.school = school;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.think = think;
        this.random = random;
    }

    @Override
    public void run() {
        pause((startNanos - System.nanoTime()) / 1_000_000);
        while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
            try {
                if (!workOneTask()) {
                    pause(Math.max(think.draw(random), IDLE_MILLIS));
                }
            } catch (RuntimeException e) {
                client.results().error("driver", user + ": " + e);
            }
        }
    }

    private LoadResults results() {
        return client.results();
    }

    /** One round; false when there was nothing to do. */
    private boolean workOneTask() {
        if (role.equals("coordinator") && random.nextInt(100) < 12) {
            LoadClient.Reply referred = client.post(REFER, user, "/api/referrals", TaskForms.referral(school));
            expect(REFER, referred, 201, 200);
        }
        LoadClient.Reply list = client.get(
                LIST_TASKS,
                user,
                "/engine-rest/task?candidateGroup=" + role
                        + "&unassigned=true&sortBy=created&sortOrder=asc&firstResult=0&maxResults=50");
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

        LoadClient.Reply claimed =
                client.post(CLAIM, user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
        if (claimedBySomeoneElse(claimed) || !expect(CLAIM, claimed, 204)) {
            return true;
        }
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
        // reading the task and the case, filling in the form
        pause(think.draw(random));

        Map<String, Object> values = TaskForms.valuesFor(taskKey, variables);
        LoadClient.Reply done = client.post(
                COMPLETE, user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typed(values)));
        if (done.is(204)) {
            results().succeeded(COMPLETE);
            results().completed(taskKey, caseId);
        } else if (done.is(404)) {
            results().lostRace(COMPLETE);
        } else if (done.is(409)) {
            // told to reload: the race is lost if the task is gone; still there, nobody else completed it
            LoadClient.Reply reloaded = client.get(RELOAD, user, "/engine-rest/task/" + taskId);
            if (reloaded.is(404)) {
                results().succeeded(RELOAD);
                results().lostRace(COMPLETE);
            } else {
                results().succeeded(RELOAD);
                results()
                        .error(
                                COMPLETE,
                                taskKey + " of case " + caseId + ": " + done.summary() + " and the task is still open ("
                                        + reloaded.status() + ")");
            }
        } else {
            results().error(COMPLETE, taskKey + " of case " + caseId + ": " + done.summary());
        }
        return true;
    }

    /**
     * A task claimed (or completed) by a colleague since the list was read: gone (404), or claimed a moment before
     * or at the same moment (409, {@code TaskAlreadyClaimedException} or a lost race; Camunda's own answer would be a
     * 500, which the service turns into 409: {@code EngineRestConfiguration}).
     */
    private boolean claimedBySomeoneElse(LoadClient.Reply reply) {
        if (reply.is(404, 409)) {
            results().lostRace(CLAIM);
            return true;
        }
        return false;
    }

    private void deadlines() {
        String path = role.equals("coordinator") ? "/api/deadlines?dueWithinDays=7" : "/api/deadlines?assignee=" + user;
        expect(DEADLINES, client.get(DEADLINES, user, path), 200);
    }

    /** A task that someone else completed since the list was read. */
    private boolean lostRace(String kind, LoadClient.Reply reply) {
        if (reply.is(404)) {
            results().lostRace(kind);
            return true;
        }
        return false;
    }

    private boolean expect(String kind, LoadClient.Reply reply, int... statuses) {
        if (reply.failure() == null && reply.is(statuses)) {
            results().succeeded(kind);
            return true;
        }
        results().error(kind, user + ": " + reply.summary());
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

package org.supportplans;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;

/**
 * The morning sweep's hourly timer ({@code deadline-sweep}) brought forward in a test, as an administrator can in
 * Cockpit ("the top of the hour has come"), through the engine's REST API; the job executor of whichever node then
 * runs it.
 */
public final class DeadlineSweepJob {

    private DeadlineSweepJob() {}

    /** Makes the sweep's timer due now; answers its job's id (the run's next hour is a new job). */
    public static String dueNow(Http admin) {
        JsonNode jobs = admin.get("/engine-rest/job?processDefinitionKey=deadline-sweep&timers=true")
                .json();
        if (jobs.size() != 1) {
            throw new AssertionError("one timer of the deadline sweep expected: " + jobs);
        }
        String id = jobs.get(0).path("id").asText();
        Http.Response moved = admin.put(
                "/engine-rest/job/" + id + "/duedate",
                Map.of("duedate", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date())));
        if (moved.status() != 204) {
            throw new AssertionError("the sweep's timer not moved: " + moved.status() + " " + moved.body());
        }
        return id;
    }

    /** Waits until the job executor has run the sweep's job. */
    public static void awaitRun(Http admin, String jobId) {
        Tasks.await(
                "the deadline sweep ran",
                () -> admin.get("/engine-rest/job/" + jobId).status() == 404);
    }
}

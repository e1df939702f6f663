package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service killed with SIGKILL in the middle of two cases and started again on the same database:
 * every task, clock and timer is still there, and a timer that fell due while the service was down
 * fires once after the start.
 *
 * <p>The engine's clock cannot be moved in another process, so the timer that must fire after the restart is the
 * morning deadline sweep's hourly timer made due by an administrator (the engine's REST API, as Cockpit does), and
 * the case's dates make that sweep give a warning (a records request made 40 days ago starts a 45-day clock whose
 * first warning was five days ago); the first run has its job executor switched off: it is killed with that timer
 * due and not yet fired, as a node that dies before its job executor gets to it.
 */
@Tag("slow") // starts the built jar twice, kills the first: Failsafe's execution "slow" (pom.xml)
class KillAndRestartIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_kill";

    /** A job of the engine as the database holds it. */
    record JobRow(String id, String processInstanceId, String activityId, java.sql.Timestamp due) {}

    @Test
    void tasksClocksAndTimersSurviveAKillAndEachDueTimerFiresOnce() {
        FreshPostgresDatabase.recreate(DATABASE);
        String url = FreshPostgresDatabase.url(DATABASE);
        JdbcTemplate db = new JdbcTemplate(
                new DriverManagerDataSource(url, FreshPostgresDatabase.USER, FreshPostgresDatabase.PASSWORD));
        LocalDate today = Referrals.today();
        String waitingForConsent;
        String inEvaluation;
        long clockId;
        List<String> tasksBefore;
        List<JobRow> jobsBefore;
        String clockBefore;

        ServiceProcess first = ServiceProcess.start("restart-first", url, "--camunda.bpm.job-execution.enabled=false");
        try {
            first.awaitUp(Duration.ofMinutes(5));
            Http coordinator = Http.as(first.port(), "coordinator");

            // a case waiting for the parents' consent: its task and the reminder timer (in 10 days); the
            // parents asked to see the records 40 days ago: the 45-day clock's first warning is due, its final
            // warning in 2 days
            waitingForConsent = refer(coordinator);
            triage(coordinator, waitingForConsent);
            Http.Response started = coordinator.post(
                    "/api/cases/" + waitingForConsent + "/clocks",
                    Map.of(
                            "kind",
                            "records-request",
                            "start",
                            today.minusDays(40).toString()));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            clockId = started.json().path("clock").path("id").asLong();

            // a case in evaluation: its task, its 60-day clock and the clock's timers
            inEvaluation = refer(coordinator);
            triage(coordinator, inEvaluation);
            Http.Response consent = coordinator.post(
                    "/api/cases/" + inEvaluation + "/parent-responses",
                    Map.of("kind", "EVALUATION_CONSENT", "decision", "GIVEN", "date", today.toString()));
            assertThat(consent.status()).as(consent.body()).isEqualTo(202);
            clockBefore = clock(coordinator, clockId);
            assertThat(clockBefore).contains("\"status\":\"RUNNING\"");
            // the top of the hour comes while the job executor is off
            DeadlineSweepJob.dueNow(Http.as(first.port(), "demo"));

            tasksBefore = tasks(db);
            jobsBefore = jobs(db);
            assertThat(tasksBefore)
                    .as("open tasks at the kill")
                    .anyMatch(task -> task.endsWith("Record the parents' answer"))
                    .anyMatch(task -> task.endsWith("Plan the evaluation"));
            assertThat(jobsBefore)
                    .as("timers at the kill: the consent reminder, the deadline sweep's (due)")
                    .extracting(JobRow::activityId)
                    .contains("BoundaryEvent_NoAnswer", "TimerStartEvent_EveryHour");
            assertThat(remindersSent(db, clockId)).isZero();
        } finally {
            first.kill();
        }
        assertThat(first.isAlive()).isFalse();

        try (ServiceProcess second = ServiceProcess.start("restart-second", url)) {
            second.awaitUp(Duration.ofMinutes(5));
            Http coordinator = Http.as(second.port(), "coordinator");

            Tasks.await(
                    "the due sweep gives the first warning after the restart", () -> remindersSent(db, clockId) == 1);
            Tasks.await(
                    "the sweep waits for the next hour",
                    () -> jobs(db).stream()
                            .anyMatch(job -> job.activityId().equals("TimerStartEvent_EveryHour")
                                    && job.due().toInstant().isAfter(Instant.now())));
            assertThat(remindersSent(db, clockId))
                    .as("the first warning fired once")
                    .isOne();

            assertThat(tasks(db)).as("every task is still there").containsExactlyInAnyOrderElementsOf(tasksBefore);
            Instant now = Instant.now();
            List<JobRow> due = jobsBefore.stream()
                    .filter(job -> job.due().toInstant().isBefore(now))
                    .toList();
            List<JobRow> notDue = jobsBefore.stream()
                    .filter(job -> !job.due().toInstant().isBefore(now))
                    .toList();
            assertThat(due)
                    .as("due at the kill: the deadline sweep")
                    .extracting(JobRow::activityId)
                    .containsExactly("TimerStartEvent_EveryHour");
            // the engine's job log: the due timer's job ran once, successfully, and is gone, so that no job
            // executor can run it again (no waiting "long enough" to see that nothing fires twice)
            assertThat(successfulRuns(db, due.get(0).id()))
                    .as("the sweep's timer job succeeded once")
                    .isOne();
            assertThat(db.queryForObject(
                            "select count(*) from act_ru_job where id_ = ?",
                            Integer.class,
                            due.get(0).id()))
                    .isZero();
            List<JobRow> jobsAfter = jobs(db);
            assertThat(jobsAfter)
                    .as("every timer not yet due is still there, due when it was")
                    .containsAll(notDue)
                    .doesNotContainAnyElementsOf(due);
            assertThat(clock(coordinator, clockId))
                    .as("the clock as it was, reminded once")
                    .isEqualTo(clockBefore.replace("\"remindersSent\":0", "\"remindersSent\":1"));
            assertThat(consentRemindersSent(db, waitingForConsent))
                    .as("the consent reminder is not due yet")
                    .isZero();
            assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class))
                    .isZero();

            // and the cases go on
            Tasks.done(
                    coordinator,
                    inEvaluation,
                    "Plan the evaluation",
                    Map.of("evaluationAreas", List.of("COGNITIVE", "ACADEMIC")));
            assertThat(Tasks.all(coordinator, inEvaluation).stream()
                            .filter(task -> task.path("name").asText().equals("Evaluate an area"))
                            .count())
                    .isEqualTo(2);
        }
    }

    private static String refer(Http coordinator) {
        Http.Response referred = coordinator.post("/api/referrals", Referrals.of(Referrals.newStudentId()));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        return referred.json().path("caseId").asText();
    }

    private static void triage(Http coordinator, String caseId) {
        Tasks.done(
                coordinator,
                caseId,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
    }

    private static String clock(Http coordinator, long clockId) {
        return coordinator.get("/api/clocks/" + clockId).json().path("clock").toString();
    }

    private static List<String> tasks(JdbcTemplate db) {
        return db.queryForList("select id_ || ' ' || proc_inst_id_ || ' ' || name_ from act_ru_task", String.class);
    }

    private static List<JobRow> jobs(JdbcTemplate db) {
        return db.query(
                "select job.id_, job.process_instance_id_, definition.act_id_, job.duedate_ from act_ru_job job"
                        + " join act_ru_jobdef definition on definition.id_ = job.job_def_id_ where job.type_ = 'timer'",
                (row, i) -> new JobRow(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4)));
    }

    /** How often the engine's history ({@code ACT_HI_JOB_LOG}) saw the job succeed. */
    private static int successfulRuns(JdbcTemplate db, String jobId) {
        return db.queryForObject(
                "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2", Integer.class, jobId);
    }

    private static int remindersSent(JdbcTemplate db, long clockId) {
        return db.queryForObject("select reminders_sent from clock where id = ?", Integer.class, clockId);
    }

    private static int consentRemindersSent(JdbcTemplate db, String caseId) {
        return db.queryForObject("select reminders_sent from consent_request where case_id = ?", Integer.class, caseId);
    }
}

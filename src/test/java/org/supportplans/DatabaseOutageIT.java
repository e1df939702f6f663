package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL goes down and comes back while the service runs: the service reports itself DOWN while the
 * database is gone, UP again on its own once it is back (same process, no restart), the work committed
 * before is there, and new work, the job executor's included, succeeds. Uses a PostgreSQL server of its
 * own ({@link PrivatePostgres}), never the shared one.
 */
@Tag("slow") // starts the built jar and a PostgreSQL server of its own: Failsafe's execution "slow" (pom.xml)
class DatabaseOutageIT {

    @Test
    void theServiceReportsTheOutageRecoversByItselfAndLosesNothing() {
        try (PrivatePostgres postgres = PrivatePostgres.start();
                ServiceProcess service = ServiceProcess.start("outage", postgres.url())) {
            service.awaitUp(Duration.ofMinutes(5));
            Http coordinator = Http.as(service.port(), "coordinator");
            Http.Response referred = coordinator.post("/api/referrals", Referrals.of(Referrals.newStudentId()));
            assertThat(referred.status()).as(referred.body()).isEqualTo(201);
            String before = referred.json().path("caseId").asText();

            postgres.stopServer();
            awaitHealth(service, "DOWN", Duration.ofSeconds(60));
            assertThat(coordinator.get("/api/cases/" + before).status())
                    .as("a request while the database is gone fails, it does not hang")
                    .isGreaterThanOrEqualTo(500);

            postgres.startServer();
            awaitHealth(service, "UP", Duration.ofSeconds(90));
            assertThat(service.isAlive()).isTrue();

            Http.Response again = coordinator.get("/api/cases/" + before);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().path("phase").asText()).isEqualTo("TRIAGE");
            Tasks.done(
                    coordinator,
                    before,
                    "Triage the referral",
                    Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
            Http.Response after = coordinator.post("/api/referrals", Referrals.of(Referrals.newStudentId()));
            assertThat(after.status()).as(after.body()).isEqualTo(201);

            // the job executor works again: a clock whose first warning is due is warned by the morning sweep
            Http.Response started = coordinator.post(
                    "/api/cases/" + before + "/clocks",
                    Map.of(
                            "kind",
                            "records-request",
                            "start",
                            Referrals.today().minusDays(40).toString()));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            long clockId = started.json().path("clock").path("id").asLong();
            JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(postgres.url(), "postgres", ""));
            // the demo district not swept yet today; the top of the hour comes: the job executor runs the sweep
            db.update("delete from deadline_sweep");
            DeadlineSweepJob.dueNow(Http.as(service.port(), "demo"));
            Tasks.await(
                    "the job executor runs the sweep, which gives the due warning",
                    () -> db.queryForObject("select reminders_sent from clock where id = ?", Integer.class, clockId)
                            == 1);
            assertThat(db.queryForObject("select count(*) from support_case", Integer.class))
                    .isEqualTo(2);
        }
    }

    private static void awaitHealth(ServiceProcess service, String status, Duration timeout) {
        try {
            Awaitility.await("health " + status)
                    .atMost(timeout)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> status.equals(service.health()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "health still " + service.health() + ", not " + status + ", after " + timeout + ":\n"
                            + service.logTail(),
                    e);
        }
    }
}

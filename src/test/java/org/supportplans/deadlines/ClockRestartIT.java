package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.FreshPostgresDatabase;
import org.supportplans.Http;
import org.supportplans.Referrals;
import org.supportplans.SupportPlansApplication;
import org.supportplans.Tasks;
import org.supportplans.workflow.SupportCaseProcess;

/**
 * A clock survives a restart of the application on PostgreSQL: its record and the morning sweep's one timer are
 * there after the restart (not a second timer), and the days the service was down are caught up: the new
 * application's sweep gives the warning those days reached, once. Runs in a JVM of its own (Failsafe execution "embedded-default"), on its own database.
 */
@Tag("embedded-default") // Failsafe's execution "embedded-default": a JVM of its own (pom.xml)
class ClockRestartIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_restart";

    @Test
    void aRunningClockSurvivesARestartAndTheDaysDownAreCaughtUp() {
        FreshPostgresDatabase.recreate(DATABASE);
        String caseId;
        long clockId;
        Date timerDue;
        LocalDate firstWarningOn;
        try (ConfigurableApplicationContext first = start()) {
            Http coordinator = Http.as(port(first), "coordinator");
            caseId = coordinator
                    .post("/api/referrals", Referrals.of(Referrals.newStudentId()))
                    .json()
                    .path("caseId")
                    .asText();
            Tasks.done(
                    coordinator,
                    caseId,
                    "Triage the referral",
                    Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
            Http.Response consent = coordinator.post(
                    "/api/cases/" + caseId + "/parent-responses",
                    Map.of(
                            "kind",
                            "EVALUATION_CONSENT",
                            "decision",
                            "GIVEN",
                            "date",
                            Referrals.today().toString()));
            assertThat(consent.status()).as(consent.body()).isEqualTo(202);
            JsonNode clock = coordinator
                    .get("/api/cases/" + caseId)
                    .json()
                    .path("clocks")
                    .get(0);
            clockId = clock.path("id").asLong();
            firstWarningOn = LocalDate.parse(clock.path("firstWarningOn").asText());
            timerDue = sweepTimer(first).getDuedate();
        }

        try (ConfigurableApplicationContext second = start()) {
            JsonNode clock = Http.as(port(second), "coordinator")
                    .get("/api/clocks/" + clockId)
                    .json()
                    .path("clock");
            assertThat(clock.path("status").asText()).isEqualTo("RUNNING");
            assertThat(clock.path("dueDate").asText())
                    .isEqualTo(Referrals.today().plusDays(60).toString());
            assertThat(second.getBean(ManagementService.class)
                            .createJobQuery()
                            .processDefinitionKey(SupportCaseProcess.DeadlineSweepProcess.KEY)
                            .count())
                    .as("one hourly timer, not one more for each start")
                    .isOne();
            assertThat(sweepTimer(second).getDuedate()).as("the next full hour").isAfterOrEqualTo(timerDue);

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            try {
                // the service "down" from before the first warning until two days after it: the next run catches up
                ClockUtil.setCurrentTime(Date.from(firstWarningOn
                        .plusDays(2)
                        .atTime(12, 0)
                        .atZone(Referrals.DEMO_ZONE)
                        .toInstant()));
                Awaitility.await("the missed warning is given after the restart")
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> jdbc.queryForObject(
                                        "select reminders_sent from clock where id = ?", Integer.class, clockId)
                                > 0);
            } finally {
                ClockUtil.reset();
            }
            assertThat(jdbc.queryForObject("select reminders_sent from clock where id = ?", Integer.class, clockId))
                    .as("once")
                    .isOne();
            assertThat(jdbc.queryForList(
                            "select i.what from deadline_digest_item i where i.clock_id = ?", String.class, clockId))
                    .as("in the digests of the day it was given")
                    .isNotEmpty()
                    .containsOnly("FIRST_WARNING");
            assertThat(second.getBean(RuntimeService.class)
                            .createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseId, "support-case")
                            .count())
                    .isOne();
        }
    }

    private static Job sweepTimer(ConfigurableApplicationContext context) {
        return context.getBean(ManagementService.class)
                .createJobQuery()
                .processDefinitionKey(SupportCaseProcess.DeadlineSweepProcess.KEY)
                .timers()
                .singleResult();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SupportPlansApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + FreshPostgresDatabase.url(DATABASE),
                        "--spring.datasource.username=" + FreshPostgresDatabase.USER,
                        "--spring.datasource.password=" + FreshPostgresDatabase.PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

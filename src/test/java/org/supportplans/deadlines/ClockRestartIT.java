package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
 * A clock survives a restart of the application on PostgreSQL: its record, its watch process and the
 * watch's timer are there after the restart, and the job executor of the new application fires the
 * reminder once. Runs in a JVM of its own (Failsafe execution "embedded-default"), on its own database.
 */
@Tag("embedded-default") // Failsafe's execution "embedded-default": a JVM of its own (pom.xml)
class ClockRestartIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_restart";

    @Test
    void aRunningClockAndItsTimerSurviveARestart() {
        FreshPostgresDatabase.recreate(DATABASE);
        String caseId;
        long clockId;
        Date timerDue;
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
            timerDue = watchTimer(first, clockId).getDuedate();
        }

        try (ConfigurableApplicationContext second = start()) {
            JsonNode clock = Http.as(port(second), "coordinator")
                    .get("/api/clocks/" + clockId)
                    .json()
                    .path("clock");
            assertThat(clock.path("status").asText()).isEqualTo("RUNNING");
            assertThat(clock.path("dueDate").asText())
                    .isEqualTo(Referrals.today().plusDays(60).toString());
            Job timer = watchTimer(second, clockId);
            assertThat(timer.getDuedate()).isEqualTo(timerDue);

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            try {
                ClockUtil.setCurrentTime(Date.from(timerDue.toInstant().plus(Duration.ofHours(1))));
                Awaitility.await("the reminder fires after the restart")
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
            assertThat(second.getBean(RuntimeService.class)
                            .createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseId, "support-case")
                            .count())
                    .isOne();
        }
    }

    private static Job watchTimer(ConfigurableApplicationContext context, long clockId) {
        String watch = context.getBean(RuntimeService.class)
                .createProcessInstanceQuery()
                .processDefinitionKey(SupportCaseProcess.ClockWatch.KEY)
                .variableValueEquals("clockId", clockId)
                .singleResult()
                .getId();
        return context.getBean(ManagementService.class)
                .createJobQuery()
                .processInstanceId(watch)
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

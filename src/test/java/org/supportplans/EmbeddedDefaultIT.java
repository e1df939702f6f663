package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportplans.people.Role;

/**
 * The embedded default, as a newcomer's {@code ./mvnw spring-boot:run} runs it: the application's own
 * configuration (no test profile), an H2 file database, the demo district, and nothing lost when the
 * service is stopped and started again.
 */
@Tag("embedded-default") // Failsafe's execution "embedded-default": a JVM of its own (pom.xml)
class EmbeddedDefaultIT {

    // 30 school days after 1 September 2026 on the demo district's 2026-2027 calendar (DemoCalendars)
    static final String ALP_DUE_ON_DEMO_CALENDAR = "2026-10-15";

    private static final Path DATA = Path.of("target", "embedded-default-it");

    @BeforeAll
    static void startFromNothing() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theDemoDistrictIsThereOnFirstStartAndEverythingSurvivesARestart() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            IdentityService identity = first.getBean(IdentityService.class);
            for (Role role : Role.values()) {
                assertThat(identity.checkPassword(role.groupId(), role.groupId()))
                        .as(role.groupId())
                        .isTrue();
            }
            assertThat(identity.checkPassword("demo", "demo")).isTrue();

            Http.Response health = Http.as(port, "demo").get("/actuator/health");
            assertThat(health.json().at("/components/db/details/database").asText())
                    .isEqualTo("H2");
            assertThat(Http.as(port, "coordinator").get("/api/schools").json()).hasSize(3);
            // the demo calendars are stored on H2, and the clocks count on them
            Http.Response preview = Http.as(port, "coordinator")
                    .get("/api/deadlines/preview?district=demo-district&clock=alp-development&start=2026-09-01");
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().path("dueDate").asText()).isEqualTo(ALP_DUE_ON_DEMO_CALENDAR);

            Http.Response referred =
                    Http.as(port, "coordinator").post("/api/referrals", Referrals.of(Referrals.newStudentId()));
            assertThat(referred.status()).as(referred.body()).isEqualTo(201);
            caseId = referred.json().path("caseId").asText();
        }

        try (ConfigurableApplicationContext second = start()) {
            RuntimeService runtime = second.getBean(RuntimeService.class);
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(caseId, "support-case")
                            .count())
                    .isEqualTo(1);
            assertThat(Http.as(port(second), "coordinator")
                            .get("/api/cases/" + caseId)
                            .json()
                            .path("phase")
                            .asText())
                    .isEqualTo("TRIAGE");
            assertThat(second.getBean(TaskService.class)
                            .createTaskQuery()
                            .processInstanceBusinessKey(caseId)
                            .taskName("Triage the referral")
                            .count())
                    .isOne();
            // the demo data is loaded once, not again at every start
            assertThat(second.getBean(IdentityService.class).createUserQuery().count())
                    .isEqualTo(Role.values().length + 1);
            assertThat(Http.as(port(second), "coordinator").get("/api/schools").json())
                    .hasSize(3);

            // a clock on H2: written with its case's school, and listed by it
            Http coordinator = Http.as(port(second), "coordinator");
            Http.Response started = coordinator.post(
                    "/api/cases/" + caseId + "/clocks",
                    Map.of("kind", "records-request", "start", Referrals.today().toString()));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            Http.Response listed = coordinator.get("/api/deadlines?school=lincoln-elementary&clock=records-request");
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.json().path("content")).anySatisfy(row -> {
                assertThat(row.path("caseId").asText()).isEqualTo(caseId);
                assertThat(row.path("schoolId").asText()).isEqualTo("lincoln-elementary");
            });
        }
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments, as a person would give them: they win over application.yml
        return new SpringApplicationBuilder(SupportPlansApplication.class)
                .run(
                        "--server.port=0",
                        // beside the integration tests' engine in the same JVM
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--spring.datasource.url=jdbc:h2:file:./" + DATA.resolve("support-plans")
                                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

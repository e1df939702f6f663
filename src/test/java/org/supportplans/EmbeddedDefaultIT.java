package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.people.Role;

/**
 * The embedded default, as a newcomer's {@code ./mvnw spring-boot:run} runs it: the application's own
 * configuration (no test profile), an H2 file database, the demo district at work (its demo cases at every phase,
 * some late), what a coordinator sees on first signing in to Tasklist, and nothing lost (nor seeded twice) when
 * the service is stopped and started again.
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

            theDemoDistrictIsAtWork(port, first.getBean(TaskService.class));
            theMinutesOwedAddUpOnH2(port, first.getBean(JdbcTemplate.class));
            aCoordinatorSignsInToTasklistAndSeesWhatIsDueFirst(port, first.getBean(TaskService.class));
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
            // the demo cases too: seeded on the first start only (the open cases, this test's referral among them)
            assertThat(runtime.createProcessInstanceQuery()
                            .processDefinitionKey("support-case")
                            .count())
                    .isEqualTo(openDemoCases);

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

    /** Open demo cases after the first start, counted again after the second. */
    private long openDemoCases;

    /**
     * Some 40 demo cases (demo/stories.json) at every phase of the path, as the dashboard and the reports show them:
     * cases waiting at each step, plans in effect, clocks overdue and the coordinator asked why.
     */
    private void theDemoDistrictIsAtWork(int port, TaskService tasks) {
        Http.Response caseloads = Http.as(port, "district-admin").get("/api/reports/caseloads");
        assertThat(caseloads.status()).as(caseloads.body()).isEqualTo(200);
        Map<String, Long> openByPhase = new java.util.TreeMap<>();
        caseloads
                .json()
                .path("cases")
                .forEach(row -> openByPhase.merge(
                        row.path("phase").asText(), row.path("openCases").asLong(), Long::sum));
        assertThat(openByPhase)
                .as("open demo cases by phase")
                .containsKeys("TRIAGE", "CONSENT_TO_EVALUATE", "EVALUATION", "PLAN_DEVELOPMENT", "PLAN_IN_EFFECT");
        openDemoCases = openByPhase.values().stream().mapToLong(Long::longValue).sum();
        assertThat(openDemoCases).as("open demo cases").isBetween(30L, 45L);

        Http.Response overdue = Http.as(port, "coordinator").get("/api/deadlines?status=OVERDUE");
        assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
        assertThat(overdue.json().path("content")).as("overdue clocks").isNotEmpty();
        Http.Response clocks = Http.as(port, "district-admin").get("/api/reports/clocks");
        assertThat(clocks.status()).as(clocks.body()).isEqualTo(200);
        long metLate = 0;
        for (var row : clocks.json().path("rows")) {
            metLate += row.path("metLate").asLong();
        }
        assertThat(metLate).as("clocks met late, in the clocks report").isPositive();
        assertThat(tasks.createTaskQuery()
                        .taskName("Deadline missed: record why")
                        .taskCandidateGroup("coordinator")
                        .count())
                .as("the coordinator asked why a deadline was missed")
                .isPositive();
    }

    /**
     * A session logged for a service of a demo IEP in effect is added to its week (V18_1 on H2), and the
     * services-owed report reads it, a page with its weeks as every row without them.
     */
    private void theMinutesOwedAddUpOnH2(int port, JdbcTemplate jdbc) {
        LocalDate today = LocalDate.now(ZoneId.of("America/Denver"));
        Map<String, Object> service = jdbc.queryForMap(
                "select p.case_id, c.school_id, p.id, ps.position, ps.starts_on from support_plan p"
                        + " join support_case c on c.id = p.case_id join plan_service ps on ps.plan_id = p.id"
                        + " where p.kind = 'IEP' and p.status = 'IN_EFFECT' and ps.starts_on <= ? and ps.ends_on >= ?"
                        + " order by p.id fetch first 1 row only",
                java.sql.Date.valueOf(today.minusDays(14)),
                java.sql.Date.valueOf(today));
        String serviceId = service.get("ID") + "." + (((Number) service.get("POSITION")).intValue() + 1);
        // a Tuesday of the last whole week: its week read from the sums, the days after it from the sessions
        LocalDate day = today.minusWeeks(1).with(java.time.DayOfWeek.TUESDAY);
        Http coordinator = Http.as(port, "coordinator");
        Http.Response logged = coordinator.post(
                "/api/cases/" + service.get("CASE_ID") + "/services/" + serviceId + "/sessions",
                Map.of("date", day.toString(), "minutes", 37, "status", "DELIVERED"));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select delivered from service_minutes_week where plan_id = ? and week_of = ?",
                        Integer.class,
                        service.get("ID"),
                        java.sql.Date.valueOf(day.minusDays(1))))
                .isGreaterThanOrEqualTo(37);
        String report = "/api/reports/services-owed?school=" + service.get("SCHOOL_ID") + "&from=" + today.minusDays(13)
                + "&to=" + today;
        JsonNode everyRow = coordinator.get(report + "&weeks=false").json();
        JsonNode page = coordinator.get(report + "&size=500").json();
        assertThat(page.path("rowCount").asInt())
                .isEqualTo(everyRow.path("rows").size());
        assertThat(page.path("totals")).isEqualTo(everyRow.path("totals"));
        JsonNode row = null;
        for (JsonNode candidate : page.path("rows")) {
            if (candidate.path("serviceId").asText().equals(serviceId)) {
                row = candidate;
            }
        }
        assertThat(row).as("the service's row").isNotNull();
        assertThat(row.path("delivered").asInt()).isGreaterThanOrEqualTo(37);
        int weeksDelivered = 0;
        for (JsonNode week : row.path("weeks")) {
            weeksDelivered += week.path("delivered").asInt();
        }
        assertThat(weeksDelivered).isEqualTo(row.path("delivered").asInt());
    }

    /**
     * On first sign-in, a coordinator's "Due this week" lists real work, soonest due first, under no end-of-life
     * banner and with nothing to start by hand. Screenshot: {@code target/screenshots/tasklist-first-hour.png}.
     */
    private void aCoordinatorSignsInToTasklistAndSeesWhatIsDueFirst(int port, TaskService tasks) {
        LocalDate today = LocalDate.now(ZoneId.of("America/Denver"));
        List<Task> dueThisWeek = tasks.createTaskQuery()
                .taskCandidateGroup("coordinator")
                .dueBefore(Date.from(today.plusDays(8)
                        .atStartOfDay(ZoneId.of("America/Denver"))
                        .toInstant()))
                .list();
        assertThat(dueThisWeek).as("demo tasks due within a week").isNotEmpty();

        try (Browser browser = Browser.open()) {
            browser.signInToCamunda(
                    "http://localhost:" + port + "/camunda/app/tasklist/", "coordinator", "coordinator");
            browser.click(
                    By.xpath("//*[contains(@class,'task-filter')]//a[normalize-space(text())=\"Due this week\"]"));
            browser.await(
                    "tasks listed, sorted by due date",
                    page -> String.valueOf(((JavascriptExecutor) page).executeScript("return window.location.hash"))
                                    .contains("dueDate")
                            && !page.findElements(By.cssSelector(".tasks-list a[href^='#/?task=']"))
                                    .isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .noneMatch(WebElement::isDisplayed);
            assertThat(browser.driver().findElements(By.cssSelector("li.start-process-action, li.create-task-action")))
                    .noneMatch(WebElement::isDisplayed);
            List<Date> listed =
                    browser.driver().findElements(By.cssSelector(".tasks-list a[href^='#/?task=']")).stream()
                            .map(link -> link.getAttribute("href").replaceFirst(".*task=", ""))
                            .map(id -> tasks.createTaskQuery()
                                    .taskId(id)
                                    .singleResult()
                                    .getDueDate())
                            .toList();
            assertThat(listed)
                    .as("due dates as listed")
                    .isNotEmpty()
                    .doesNotContainNull()
                    .isSorted();
            browser.screenshot("tasklist-first-hour");
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

package org.supportplans.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Browser;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/**
 * A coordinator opens the dashboard in a real browser (Debian's headless Chromium): signs in with the
 * Tasklist user id and password, sees the overdue clock on top of the week's list with its next step and
 * a link to the task in Tasklist, sees the charts drawn, and opens a case's timeline as a picture, by a
 * row and by its id. Two cases of a school of the test's own, so that other tests' cases do not change
 * what it sees: one evaluated within the timeline (our API and the engine REST API, as the staff would),
 * one waiting for its evaluation plan with an IEP-meeting clock three days overdue (written straight into
 * the table). Screenshots: {@code target/screenshots/dashboard-*.png}.
 */
@Tag("slow") // drives a browser: Failsafe's execution "slow" (pom.xml)
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final List<String> CHARTS = List.of(
            "chart-durations-month", "chart-durations-school", "chart-timeliness-month", "chart-timeliness-school");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String district = "dashboard-" + suffix;
    final String school = "dashboard-school-" + suffix;
    final String schoolName = "Dashboard Elementary " + suffix;
    final String wrongPasswordUser = "dashboard-user-" + suffix;

    String evaluatedCase;
    String waitingCase;
    long overdueClock;
    String planTheEvaluationTask;

    private Browser browser;

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeAll
    void aSchoolWithACaseEvaluatedInTimeAndOneOverdue() {
        Http admin = Http.as(port, "demo");
        Http.Response created = admin.post(
                "/api/districts",
                Map.of("id", district, "name", "Dashboard District", "state", "CO", "timeZone", "America/Denver"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Response schoolCreated =
                admin.post("/api/districts/" + district + "/schools", Map.of("id", school, "name", schoolName));
        assertThat(schoolCreated.status()).as(schoolCreated.body()).isEqualTo(201);
        for (String staff : List.of("coordinator", "school-psychologist")) {
            jdbc.update("insert into school_staff (school_id, user_id) values (?, ?)", school, staff);
        }
        User user = identityService.newUser(wrongPasswordUser);
        user.setPassword(wrongPasswordUser);
        identityService.saveUser(user);

        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();

        // referred three days ago, consent today, evaluated and found eligible today: within the timeline
        evaluatedCase = refer(coordinator, "Jordan", "Whitfield");
        CaseDriver.overHttp(port)
                .theCase(evaluatedCase)
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE")
                .areaEvaluated("school-psychologist", today, "Average reasoning, weak decoding.")
                .eligible(today);

        // consent today, the evaluation not planned yet; an IEP-meeting clock three days overdue
        waitingCase = refer(coordinator, "Ava", "Okafor");
        CaseDriver.overHttp(port).theCase(waitingCase).triaged().consented(today);
        Tasks.await(
                "the evaluation of " + waitingCase + " is to be planned",
                () -> Tasks.all(coordinator, waitingCase).stream()
                        .anyMatch(task -> task.path("name").asText().equals("Plan the evaluation")));
        planTheEvaluationTask = Tasks.open(coordinator, waitingCase, "Plan the evaluation")
                .path("id")
                .asText();
        jdbc.update("""
                insert into clock (case_id, school_id, kind, legal_basis, jurisdiction, start_event, start_date,
                                   rule_count, rule_unit, rule_direction, rule_exclusion, rule_text, due_date, status,
                                   reminders_sent, version)
                select id, school_id, 'IEP_MEETING', '34 CFR 300.323(c)(1)', 'CO', 'ELIGIBILITY', ?, 30,
                       'CALENDAR_DAYS', 'AFTER', 'NONE', '30 calendar days after eligibility', ?, 'RUNNING', 0, 0
                from support_case where id = ?
                """, Date.valueOf(today.minusDays(33)), Date.valueOf(today.minusDays(3)), waitingCase);
        overdueClock = jdbc.queryForObject(
                "select max(id) from clock where case_id = ? and kind = 'IEP_MEETING'", Long.class, waitingCase);
    }

    @AfterAll
    void removeWhatWasWrittenStraightIntoTheTables() {
        jdbc.update("delete from clock where id = ?", overdueClock);
        jdbc.update("delete from school_staff where school_id = ?", school);
        identityService.deleteUser(wrongPasswordUser);
    }

    @BeforeEach
    void openABrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void aCoordinatorSeesTheWeekTheChartsAndACasesTimeline() {
        browser.visit("http://localhost:" + port + "/dashboard");
        WebElement userId =
                browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("user-id")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard/");
        assertThat(pageText()).doesNotContain("Whitfield", "Okafor");
        browser.screenshot("dashboard-1-sign-in");

        // a wrong password: the API's words, and still signed out
        signIn(wrongPasswordUser, "not-the-password");
        WebElement error = browser.await(
                "the sign-in error", ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).isEqualTo("Sign in with your staff user id and password.");
        assertThat(storedAuthorization()).isNull();
        assertThat(userId.isDisplayed()).isTrue();

        signIn("coordinator", "coordinator");
        awaitReady();
        assertThat(browser.driver().findElement(By.id("who-name")).getText()).contains("Coordinator");
        assertThat(storedAuthorization()).startsWith("Basic ");

        // the week: the overdue clock first, with the next step, who holds it and the link to Tasklist
        WebElement overdueRow = browser.await(
                "the overdue clock's row",
                ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#deadlines-overdue tr[data-clock-id='" + overdueClock + "']")));
        assertThat(overdueRow.getText())
                .contains("Overdue", "Ava Okafor", schoolName, "IEP meeting after eligibility", "3 days late")
                .contains("Plan the evaluation", "offered to Coordinator");
        WebElement taskLink = overdueRow.findElement(By.linkText("Plan the evaluation"));
        assertThat(taskLink.getDomProperty("href"))
                .isEqualTo(
                        "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + planTheEvaluationTask);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#deadlines-table tbody tr[data-case-id]"))
                        .getDomAttribute("class"))
                .as("overdue clocks come first")
                .isEqualTo("late");
        assertThat(Integer.parseInt(
                        browser.driver().findElement(By.id("tile-overdue")).getText()))
                .isPositive();

        // the charts of the test's school: drawn, not just in the page
        new Select(browser.driver().findElement(By.id("filter-school"))).selectByVisibleText(schoolName);
        browser.click(By.cssSelector("#filters button[type=submit]"));
        awaitReady();
        for (String chart : CHARTS) {
            assertDrawn(chart);
        }
        assertThat(browser.driver().findElement(By.id("tile-timely")).getText())
                .as("two consents counted: one evaluated within the timeline, one not yet")
                .isEqualTo("50%");
        browser.screenshot("dashboard-2-week");

        // the overdue case's timeline, from its row: the clock late, in red and in words
        browser.click(By.cssSelector("#deadlines-overdue tr[data-clock-id='" + overdueClock + "'] button"));
        awaitTimelineOf("Ava Okafor");
        assertDrawn("timeline-chart");
        assertThat(chartLabels("timeline-chart"))
                .contains("Referral → consent")
                .anyMatch(label -> label.contains("IEP meeting after eligibility") && label.contains("3 days late"));
        assertThat(redPixels("timeline-chart")).as("red for late").isGreaterThan(50);
        browser.screenshot("dashboard-3-timeline-overdue");

        // the evaluated case's timeline, by its id
        WebElement caseId = browser.driver().findElement(By.id("case-id"));
        caseId.clear();
        caseId.sendKeys(evaluatedCase);
        browser.click(By.cssSelector("#timeline-form button[type=submit]"));
        awaitTimelineOf("Jordan Whitfield");
        assertThat(chartLabels("timeline-chart"))
                .contains("Referral → consent", "Consent → eligibility")
                .anyMatch(label -> label.contains("Initial evaluation and eligibility"));
        assertDrawn("timeline-chart");
        browser.screenshot("dashboard-4-timeline");

        // the whole page, for the record
        browser.driver().manage().window().setSize(new Dimension(1400, 2600));
        browser.screenshot("dashboard-5-page");

        // signing out forgets the sign-in and takes the students off the page
        browser.click(By.id("sign-out"));
        browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("user-id")));
        assertThat(storedAuthorization()).isNull();
        assertThat(pageText()).doesNotContain("Whitfield", "Okafor");
    }

    private String refer(Http coordinator, String firstName, String lastName) {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        @SuppressWarnings("unchecked")
        Map<String, Object> student = (Map<String, Object>) referral.get("student");
        student.put("firstName", firstName);
        student.put("lastName", lastName);
        referral.put("schoolId", school);
        return CaseDriver.overHttp(port).aCase(referral).id();
    }

    private void signIn(String user, String password) {
        WebElement userId = browser.driver().findElement(By.id("user-id"));
        userId.clear();
        userId.sendKeys(user);
        WebElement passwordField = browser.driver().findElement(By.id("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
    }

    private void awaitReady() {
        browser.await(
                "the dashboard loaded",
                page -> "ready".equals(script("return document.body.dataset.state")) ? Boolean.TRUE : null);
    }

    private void awaitTimelineOf(String student) {
        browser.await(
                "the timeline of " + student,
                ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-who"), student));
        browser.await(
                "the timeline's chart",
                page -> Boolean.TRUE.equals(script("const chart = Chart.getChart('timeline-chart');"
                                + " return !!chart && chart.data.labels.length > 0;"))
                        ? Boolean.TRUE
                        : null);
    }

    /**
     * The chart has data, and its canvas has pixels in colour: the axes and labels are grey, so coloured
     * pixels are the bars, lines and points themselves.
     */
    private void assertDrawn(String canvasId) {
        Long elements = (Long) script(
                "const chart = Chart.getChart(arguments[0]);"
                        + " return chart ? chart.data.datasets.reduce((n, d, i) => n + chart.getDatasetMeta(i).data"
                        + ".filter(e => !e.skip).length, 0) : 0;",
                canvasId);
        assertThat(elements).as("data drawn on %s", canvasId).isPositive();
        List<?> pixels = (List<?>) script("""
                const canvas = document.getElementById(arguments[0]);
                const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
                let painted = 0, coloured = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] === 0) continue;
                  painted++;
                  const r = data[i], g = data[i + 1], b = data[i + 2];
                  if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
                }
                return [painted, coloured];
                """, canvasId);
        assertThat((Long) pixels.get(0)).as("painted pixels of %s", canvasId).isGreaterThan(1000);
        assertThat((Long) pixels.get(1)).as("coloured pixels of %s", canvasId).isGreaterThan(20);
    }

    private long redPixels(String canvasId) {
        return (Long) script("""
                const canvas = document.getElementById(arguments[0]);
                const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
                let red = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 200 && data[i] > 180 && data[i + 1] < 130 && data[i + 2] < 130) red++;
                }
                return red;
                """, canvasId);
    }

    @SuppressWarnings("unchecked")
    private List<String> chartLabels(String canvasId) {
        return (List<String>) script("return Chart.getChart(arguments[0]).data.labels;", canvasId);
    }

    private String storedAuthorization() {
        return (String) script("return sessionStorage.getItem('support-plans.dashboard.authorization');");
    }

    private String pageText() {
        return browser.driver().findElement(By.tagName("body")).getText()
                + browser.driver().getPageSource();
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, arguments);
    }
}

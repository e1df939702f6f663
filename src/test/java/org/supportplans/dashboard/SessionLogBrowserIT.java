package org.supportplans.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Browser;
import org.supportplans.Http;
import org.supportplans.IepInEffect;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;

/**
 * Between reviews in a real browser (Debian's headless Chromium): a speech-language pathologist logs a session on the
 * phone-sized page {@code /dashboard/sessions} (390 x 844, as an iPhone 14) and sees the minutes owed that week go
 * down; a coordinator sees the student among those owed the most minutes on the dashboard. Both pages pass axe-core
 * (WCAG 2.1 A and AA, no serious or critical violation). A school of the test's own in the demo district (its
 * 2026-2027 calendar), so that other tests' cases do not change what it sees.
 *
 * <p>The IEP starts on Wednesday 16 September 2026; speech-language therapy 30 minutes WEEKLY. The week of Monday
 * 14 September: the service is in effect Wednesday, Thursday, Friday, three school days of five, so 3 x 30/5 = 18
 * minutes prescribed (README "Between reviews": a weekly service carries a fifth of its minutes each school day).
 * A 15-minute session on the 16th leaves 18 - 15 = 3 owed. Screenshots: {@code target/screenshots/sessions-*.png}.
 */
@Tag("slow") // drives a browser: Failsafe's execution "slow" (pom.xml)
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLogBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String school = "sessions-school-" + suffix;
    final String schoolName = "Sessions Elementary " + suffix;

    String caseId;
    String studentLocalId;
    String speech;

    private Browser browser;

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeAll
    void aCaseInEffectAtASchoolOfTheTestsOwn() {
        Http admin = Http.as(port, "demo");
        Http.Response created =
                admin.post("/api/districts/demo-district/schools", Map.of("id", school, "name", schoolName));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        for (String staff : List.of(
                "coordinator", "school-psychologist", "special-education-teacher", "speech-language-pathologist")) {
            jdbc.update("insert into school_staff (school_id, user_id) values (?, ?)", school, staff);
        }
        studentLocalId = Referrals.newStudentId();
        Map<String, Object> referral = Referrals.of(studentLocalId);
        referral.put("schoolId", school);
        caseId = IepInEffect.of(port, referral, "Reads second-grade text at 60 words correct per minute by June.");
        Http coordinator = Http.as(port, "coordinator");
        long planId = IepInEffect.planId(coordinator, caseId);
        speech = planId + ".1";
        // Friday of the IEP's first week
        PinnedToday.moveTo(LocalDate.of(2026, 9, 18));
    }

    @AfterAll
    void removeWhatWasWrittenStraightIntoTheTables() {
        jdbc.update("delete from school_staff where school_id = ?", school);
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
    void aProviderLogsASessionOnAPhoneAndSeesTheMinutesOwedGoDown() {
        phoneSized();
        browser.visit("http://localhost:" + port + "/dashboard/sessions");
        browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("user-id")));
        accessible("sign-in");
        signIn("speech-language-pathologist", "speech-language-pathologist");
        awaitReady();

        // the day of the session: its week's services of this provider
        WebElement date = browser.driver().findElement(By.id("session-date"));
        script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                date,
                "2026-09-16");
        awaitReady();
        assertThat(browser.driver().findElement(By.id("week-title")).getText()).isEqualTo("The week of Sep 14, 2026");
        Select service = new Select(browser.driver().findElement(By.id("session-service")));
        String option = caseId + "|" + speech;
        service.selectByValue(option);
        assertThat(service.getFirstSelectedOption().getText())
                .isEqualTo(studentLocalId + " · Speech-language therapy, 30 min a week");
        awaitText("owed-week", "18 min");
        assertThat(text("prescribed-week")).isEqualTo("18 min");
        assertThat(text("week-status")).contains("No session logged this week yet.");
        assertThat(horizontalOverflow()).as("nothing wider than the phone").isZero();
        accessible("session form");
        browser.screenshot("sessions-1-phone-form");

        // missed without a reason: said in words, nothing saved
        int before = sessions();
        browser.click(By.cssSelector("label[for=status-missed]"));
        typeMinutes("30");
        browser.click(By.id("session-save"));
        WebElement error = browser.await(
                "the form's error", ExpectedConditions.visibilityOfElementLocated(By.id("session-error")));
        assertThat(error.getText()).isEqualTo("Say why the session was missed.");
        assertThat(browser.driver().findElement(By.id("session-reason")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(sessions()).isEqualTo(before);

        // delivered, 15 minutes: 18 - 15 = 3 owed
        browser.click(By.cssSelector("label[for=status-delivered]"));
        typeMinutes("15");
        browser.click(By.id("session-save"));
        awaitText("session-saved", "Saved: 15 min on Sep 16, 2026 for " + studentLocalId + ".");
        awaitText("owed-week", "3 min");
        assertThat(text("delivered-week")).isEqualTo("15 min");
        assertThat(sessions()).isEqualTo(before + 1);
        WebElement row = browser.driver().findElement(By.cssSelector("#week-rows tr"));
        assertThat(row.getText()).contains("Sep 16, 2026", "15 min", "delivered");
        assertThat(jdbc.queryForObject(
                        "select provider_id from service_session where case_id = ?", String.class, caseId))
                .isEqualTo("speech-language-pathologist");
        assertThat(horizontalOverflow()).isZero();
        accessible("session saved");
        browser.screenshot("sessions-2-phone-saved");
    }

    @Test
    void aCoordinatorSeesTheStudentOwedTheMostMinutesOnTheDashboard() {
        browser.visit("http://localhost:" + port + "/dashboard");
        browser.await("the sign-in form", ExpectedConditions.visibilityOfElementLocated(By.id("user-id")));
        signIn("coordinator", "coordinator");
        awaitReady();
        new Select(browser.driver().findElement(By.id("filter-school"))).selectByVisibleText(schoolName);
        browser.click(By.cssSelector("#filters button[type=submit]"));
        awaitReady();

        WebElement row = browser.await(
                "the student's row",
                ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#owed-rows tr[data-case-id='" + caseId + "']")));
        // the page's period is its own today's (the browser's clock, not the test's pinned one): the same figure
        // as the report for those days, every service of the case added up
        String from = row.getDomAttribute("data-from");
        String to = row.getDomAttribute("data-to");
        int owed = 0;
        for (var line : Http.as(port, "coordinator")
                .get("/api/reports/services-owed?school=" + school + "&from=" + from + "&to=" + to)
                .json()
                .path("rows")) {
            owed += line.path("owed").asInt();
        }
        assertThat(owed).isPositive();
        assertThat(row.getText()).contains(studentLocalId, schoolName, owed + " min", "Specialized reading");
        assertThat(row.getText()).doesNotContain("Maya", "Lopez");

        // the student's id opens the case's timeline
        row.findElement(By.tagName("button")).click();
        browser.await(
                "the case's timeline",
                ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-who"), studentLocalId));
        accessible("dashboard");
        browser.screenshot("sessions-3-dashboard-owed");
    }

    /** 390 x 844 CSS pixels, a phone's, touch and all. */
    private void phoneSized() {
        ((ChromiumDriver) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
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

    private void typeMinutes(String minutes) {
        WebElement field = browser.driver().findElement(By.id("session-minutes"));
        field.clear();
        field.sendKeys(minutes);
    }

    private void awaitReady() {
        browser.await(
                "the page loaded",
                page -> "ready".equals(script("return document.body.dataset.state")) ? Boolean.TRUE : null);
    }

    private void awaitText(String id, String expected) {
        browser.await(
                "\"" + expected + "\" in #" + id,
                page -> expected.equals(page.findElement(By.id(id)).getText()) ? Boolean.TRUE : null);
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private int sessions() {
        return jdbc.queryForObject("select count(*) from service_session where case_id = ?", Integer.class, caseId);
    }

    private long horizontalOverflow() {
        return (Long) script(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
    }

    /** axe-core on the page as it stands: no serious or critical violation (WCAG 2.1 A and AA rules). */
    private void accessible(String page) {
        assertThat(browser.seriousAccessibilityViolations())
                .as("axe-core on the page " + page)
                .isEmpty();
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, arguments);
    }
}

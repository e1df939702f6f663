package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Browser;
import org.supportplans.Http;
import org.supportplans.IepInEffect;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.progress.ProgressReports;

/**
 * The progress report's chart as a teacher sees it before sending it (Debian's headless Chromium): on Tasklist's form
 * "Write the progress report" the special education teacher follows the link to the report as the parents will
 * receive it, drawn as a page, and each goal's chart shows each measurement and what the line from the baseline to the
 * target expected that day, as bars of the lengths the figures give, beside the figures in words and in the table
 * that is the chart's text alternative. axe-core finds no serious or critical WCAG 2.1 A/AA violation. Screenshot:
 * {@code target/screenshots/progress-report-chart.png}.
 *
 * <p>Worked by hand. The IEP runs from 16 September 2026 to 30 June 2027 ({@link IepInEffect}): 287 days, so the
 * line expects, d days in, baseline + (target - baseline) x d/287, to the cent (README "Between reviews"). Quarter 1
 * ends on Friday 16 October.
 *
 * <table>
 *   <caption>The measurements and the bars (a bar's length is its figure over the chart's top, the largest of the
 *   baseline, the target and the measurements; whole per cent)</caption>
 *   <tr><th>goal (baseline → target, top)</th><th>day (d)</th><th>measured</th><th>expected</th><th>bars</th></tr>
 *   <tr><td>1 reading (40 → 60 wcpm, 60)</td><td>1 Oct (15)</td><td>42</td><td>40 + 20 x 15/287 = 41.05</td>
 *       <td>70%, 68%</td></tr>
 *   <tr><td></td><td>8 Oct (22)</td><td>39</td><td>40 + 20 x 22/287 = 41.53</td><td>65%, 69%: below the line</td></tr>
 *   <tr><td></td><td>15 Oct (29)</td><td>44.5</td><td>40 + 20 x 29/287 = 42.02</td><td>74%, 70%</td></tr>
 *   <tr><td>2 writing (1 → 4 paragraphs, 4)</td><td>1 Oct (15)</td><td>2</td><td>1 + 3 x 15/287 = 1.16</td>
 *       <td>50%, 29%</td></tr>
 *   <tr><td></td><td>15 Oct (29)</td><td>1</td><td>1 + 3 x 29/287 = 1.30</td><td>25%, 33%: below the line</td></tr>
 * </table>
 *
 * The latest measurement decides: reading on track (44.5 against 42.02), writing not yet (1 against 1.30).
 */
@Tag("slow") // drives a browser: Failsafe's execution "slow" (pom.xml)
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class ProgressReportChartBrowserIT {

    private static final String TEACHER = "special-education-teacher";
    private static final By PREVIEW_LINK =
            By.cssSelector("[cam-tasklist-task] form.fjs-form a[href*='/documents/preview']");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgressReports reports;

    private Browser browser;

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeEach
    void openABrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.close();
    }

    @Test
    void theTeacherOpensTheReportFromTasklistAndEachBarIsWhereItsFigurePutsIt() {
        Http coordinator = Http.as(port, "coordinator");
        Http teacher = Http.as(port, TEACHER);
        String caseId = IepInEffect.of(port, Referrals.of(Referrals.newStudentId()), IepInEffect.READING_AND_WRITING);
        try {
            Http.Response quarters = Http.as(port, "district-admin")
                    .put(
                            "/api/districts/demo-district/reporting-periods/2026-2027",
                            Map.of(
                                    "reportDueSchoolDays",
                                    5,
                                    "periods",
                                    List.of(Map.of("name", "Quarter 1", "endsOn", "2026-10-16"))));
            assertThat(quarters.status()).as(quarters.body()).isEqualTo(200);

            PinnedToday.moveTo(LocalDate.of(2026, 10, 16));
            List<String> goals = IepInEffect.readingAndWritingMeasured(coordinator, caseId);
            String reading = goals.get(0);
            String writing = goals.get(1);
            IepInEffect.dataPoint(teacher, caseId, reading, "2026-10-01", 42);
            IepInEffect.dataPoint(teacher, caseId, reading, "2026-10-08", 39);
            IepInEffect.dataPoint(teacher, caseId, reading, "2026-10-15", 44.5);
            IepInEffect.dataPoint(teacher, caseId, writing, "2026-10-01", 2);
            IepInEffect.dataPoint(teacher, caseId, writing, "2026-10-15", 1);

            // Quarter 1 ended: "Write the progress report" opens on the Monday after
            PinnedToday.moveTo(LocalDate.of(2026, 10, 19));
            reports.openDue();
            JsonNode task = Tasks.open(teacher, caseId, "Write the progress report");
            long reportId = jdbc.queryForObject(
                    "select id from progress_report where case_id = ? and status = 'OPEN'", Long.class, caseId);

            String base = "http://localhost:" + port;
            browser.signInToCamunda(base + "/camunda/app/tasklist/", TEACHER, TEACHER);
            browser.visit(base + "/camunda/app/tasklist/default/#/?task="
                    + task.path("id").asText());
            WebElement link = browser.await(
                    "the link to the report on the form", ExpectedConditions.visibilityOfElementLocated(PREVIEW_LINK));
            assertThat(link.getText()).contains("Preview the progress report");
            String href = link.getDomProperty("href");
            assertThat(href)
                    .isEqualTo(base + "/api/cases/" + caseId + "/documents/preview?kind=PROGRESS_REPORT&report="
                            + reportId + "&format=html");

            // the browser follows it, signed in to the API as the teacher (what its sign-in dialog sends)
            signedInToTheApi(TEACHER);
            browser.visit(href);
            browser.await(
                    "the progress report as a page",
                    ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Progress report"));
            browser.screenshot("progress-report-chart");
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(page)
                    .contains("Draft: not sent to the family.")
                    .contains("Reporting period: Quarter 1")
                    .contains("Where your child started: 40 words correct per minute. The goal by the end of the IEP:"
                            + " 60 words correct per minute. Latest measurement: 44.5 on 2026-10-15. To reach the"
                            + " goal on time, 42.02 was expected that day. Your child is on track (3 measurements so"
                            + " far).")
                    .contains("Where your child started: 1 paragraphs of 5 meeting the rubric. The goal by the end of"
                            + " the IEP: 4 paragraphs of 5 meeting the rubric. Latest measurement: 1 on 2026-10-15. To"
                            + " reach the goal on time, 1.3 was expected that day. Your child is not on track yet (2"
                            + " measurements so far).");

            List<List<Map<String, Object>>> charts = charts();
            assertThat(charts).hasSize(2);
            // the text alternative: each measurement's day, figure and what the line expected, as the bars show them
            assertThat(charts.get(0))
                    .extracting(row -> List.of(row.get("date"), row.get("value"), row.get("expected")))
                    .containsExactly(
                            List.of("October 1, 2026", "42", "41.05"),
                            List.of("October 8, 2026", "39", "41.53"),
                            List.of("October 15, 2026", "44.5", "42.02"));
            assertThat(charts.get(1))
                    .extracting(row -> List.of(row.get("date"), row.get("value"), row.get("expected")))
                    .containsExactly(List.of("October 1, 2026", "2", "1.16"), List.of("October 15, 2026", "1", "1.3"));
            // each bar as long as its figure over the chart's top (60 for reading, 4 for writing)
            bars(charts.get(0).get(0), 42 / 60.0, 41.05 / 60);
            bars(charts.get(0).get(1), 39 / 60.0, 41.53 / 60);
            bars(charts.get(0).get(2), 44.5 / 60, 42.02 / 60);
            bars(charts.get(1).get(0), 2 / 4.0, 1.16 / 4);
            bars(charts.get(1).get(1), 1 / 4.0, 1.30 / 4);
            // above the line, the child's bar reaches past the line's; below it, it stops short
            assertThat(List.of(
                            beyondTheLine(charts.get(0).get(0)),
                            beyondTheLine(charts.get(0).get(1)),
                            beyondTheLine(charts.get(0).get(2)),
                            beyondTheLine(charts.get(1).get(0)),
                            beyondTheLine(charts.get(1).get(1))))
                    .containsExactly(true, false, true, true, false);
            // drawn with the document's own colours: the page's policy let its style sheet through
            assertThat(charts.get(0).get(0))
                    .containsEntry("measuredColour", "rgb(31, 78, 121)")
                    .containsEntry("expectedColour", "rgb(157, 195, 230)");

            assertThat(browser.seriousAccessibilityViolations())
                    .as("axe-core on the progress report")
                    .isEmpty();

            // the page runs no script and loads nothing: its styles only, by their hashes
            Http.Response served = teacher.get(
                    "/api/cases/" + caseId + "/documents/preview?kind=PROGRESS_REPORT&report=" + reportId
                            + "&format=html",
                    "text/html");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Content-Security-Policy"))
                    .startsWith("default-src 'none'; style-src 'unsafe-hashes' 'sha256-")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("script-src");
            // another case's report, or a report with another kind: refused
            assertThat(teacher.get("/api/cases/" + caseId + "/documents/preview?kind=PROGRESS_REPORT&report="
                                    + (reportId + 1_000_000) + "&format=html")
                            .status())
                    .isEqualTo(404);
            Http.Response notAReport = teacher.get(
                    "/api/cases/" + caseId + "/documents/preview?kind=IEP&report=" + reportId + "&format=html");
            assertThat(notAReport.status()).isEqualTo(400);
            assertThat(notAReport.contentType()).startsWith("application/problem+json");
        } finally {
            jdbc.update("delete from reporting_period where district_id = 'demo-district'");
            jdbc.update("delete from progress_reporting_rule where district_id = 'demo-district'");
        }
    }

    /** Every call of the browser from now on carries the staff member's HTTP Basic sign-in. */
    private void signedInToTheApi(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        ChromiumDriver chromium = (ChromiumDriver) browser.driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    /**
     * Each chart's rows: the table's figures, and each bar's length as a share of the cell's width (inside its
     * padding), where it starts and ends, and its colour.
     */
    @SuppressWarnings("unchecked")
    private List<List<Map<String, Object>>> charts() {
        return (List<List<Map<String, Object>>>) ((JavascriptExecutor) browser.driver()).executeScript("""
                return [...document.querySelectorAll('table.chart')].map(table => [...table.tBodies[0].rows].map(row => {
                  const cell = row.cells[3];
                  const style = getComputedStyle(cell);
                  const inside = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  const measured = cell.querySelector('.bar.measured');
                  const expected = cell.querySelector('.bar.expected');
                  const m = measured.getBoundingClientRect();
                  const e = expected.getBoundingClientRect();
                  return {
                    date: row.cells[0].innerText.trim(),
                    value: row.cells[1].innerText.trim(),
                    expected: row.cells[2].innerText.trim(),
                    measuredShare: m.width / inside,
                    expectedShare: e.width / inside,
                    measuredLeft: m.left, expectedLeft: e.left, measuredRight: m.right, expectedRight: e.right,
                    measuredHeight: m.height,
                    measuredColour: getComputedStyle(measured).backgroundColor,
                    expectedColour: getComputedStyle(expected).backgroundColor,
                  };
                }));
                """);
    }

    /** The row's two bars start at the chart's zero and are as long as the figures (to the whole per cent drawn). */
    private static void bars(Map<String, Object> row, double measured, double expected) {
        assertThat(number(row, "measuredHeight")).as("a bar to see").isGreaterThan(4);
        assertThat(number(row, "measuredLeft")).isCloseTo(number(row, "expectedLeft"), within(0.5));
        assertThat(number(row, "measuredShare")).as("the measurement's bar").isCloseTo(measured, within(0.008));
        assertThat(number(row, "expectedShare")).as("the line's bar").isCloseTo(expected, within(0.008));
    }

    private static boolean beyondTheLine(Map<String, Object> row) {
        return number(row, "measuredRight") > number(row, "expectedRight");
    }

    private static double number(Map<String, Object> row, String name) {
        return ((Number) row.get(name)).doubleValue();
    }
}

package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Browser;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;

/**
 * The special education teacher opens "Draft the IEP" in Tasklist, in a real browser: the form links to the
 * draft of the IEP the parents will receive, for this case; the browser follows the link (signed in to the API
 * as the same staff member) and gets the draft PDF, in the family's language, marked as a draft. Screenshot:
 * {@code target/screenshots/documents-preview-link.png}.
 */
@Tag("slow") // drives a browser: Failsafe's execution "slow" (pom.xml)
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class DocumentPreviewBrowserIT {

    private static final String TEACHER = "special-education-teacher";
    private static final By FORM = By.cssSelector("[cam-tasklist-task] form.fjs-form");
    private static final By PREVIEW_LINK =
            By.cssSelector("[cam-tasklist-task] form.fjs-form a[href*='/documents/preview']");

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

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
    void theWriteTheIepFormLinksToTheDraftIepOfItsCase() throws Exception {
        LocalDate today = today();
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("parentLanguage", "es");
        Http.Response referred = Http.as(port, "coordinator").post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        CaseDriver.overHttp(port)
                .theCase(caseId)
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE", "ACADEMIC")
                .evaluated(today)
                .eligible(today)
                .meetingScheduled(today);
        // the IEP is drafted before the meeting, which finalises it
        Task writeTheIep = Awaitility.await("the task \"Draft the IEP\"")
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> taskService
                                .createTaskQuery()
                                .processInstanceBusinessKey(caseId)
                                .taskName("Draft the IEP")
                                .active()
                                .singleResult(),
                        task -> task != null);

        browser.signInToCamunda("http://localhost:" + port + "/camunda/app/tasklist/", TEACHER, TEACHER);
        browser.click(
                By.xpath("//*[contains(@class,'task-filter')]//a[normalize-space(text())=\"My school's open tasks\"]"));
        browser.click(By.cssSelector(".tasks-list a[href='#/?task=" + writeTheIep.getId() + "']"));
        browser.await(ExpectedConditions.visibilityOfElementLocated(FORM));
        WebElement link = browser.await(
                "the link to the draft IEP on the form", ExpectedConditions.visibilityOfElementLocated(PREVIEW_LINK));
        browser.screenshot("documents-preview-link");

        String href = link.getDomProperty("href");
        assertThat(href).isEqualTo("http://localhost:" + port + "/api/cases/" + caseId + "/documents/preview?kind=IEP");
        assertThat(link.getText()).contains("Preview the IEP");

        // the browser follows the link, signed in to the API as the teacher (the sign-in dialog's answer)
        String token = Base64.getEncoder().encodeToString((TEACHER + ":" + TEACHER).getBytes(StandardCharsets.UTF_8));
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0], {headers: {Authorization: 'Basic ' + arguments[1]}})
                          .then(r => r.arrayBuffer().then(b => {
                            let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c));
                            done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + btoa(s));
                          }))
                          .catch(e => done('failed ' + e));
                        """, href, token);
        String[] parts = answer.toString().split(" ", 3);
        assertThat(parts[0]).as(answer.toString()).isEqualTo("200");
        assertThat(parts[1]).isEqualTo("application/pdf");
        String text = DocumentRenderingTest.text(Base64.getDecoder().decode(parts[2]));
        assertThat(text)
                .contains("Programa de Educación Individualizado (IEP)")
                .contains("Borrador: no se ha enviado a la familia.");
    }
}

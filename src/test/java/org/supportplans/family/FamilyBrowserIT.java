package org.supportplans.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Browser;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;

/**
 * A parent on a phone (390 x 844 CSS pixels): opens the link, asks for a code by e-mail, signs in, reads a paper
 * on the page, gives consent; the case moves on and the evaluation clock starts that day. The same in Spanish. A
 * parent who consented on paper revokes; the problem pages in both languages. Every page passes axe-core 4.14.1 (vendored in
 * {@code src/test/resources/axe}, MPL-2.0) with no serious or critical violation.
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class FamilyBrowserIT {

    private static final LocalDate BIRTH_DATE = LocalDate.of(2016, 4, 2);

    @LocalServerPort
    int port;

    Browser browser;

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeEach
    void openPhone() {
        browser = Browser.open();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aParentConsentsFromAPhoneAndTheClockStartsThatDay() {
        consentFromThePhone("en", "Sign in", "Continue", "Sign and send", "Thank you");
    }

    @Test
    void aSpanishSpeakingParentConsentsFromAPhone() {
        consentFromThePhone("es", "Entrar", "Continuar", "Firmar y enviar", "Gracias");
    }

    @Test
    void theUnusableLinkPageIsAccessible() {
        browser.visit("http://localhost:" + port + "/family/i/" + FamilyCodes.newToken());
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
        accessible("unusable");
        browser.click(By.cssSelector("header nav a"));
        browser.await(ExpectedConditions.textToBe(By.tagName("h1"), "Este enlace no funciona"));
        accessible("unusable-es");
    }

    @Test
    void theProblemPagesAreAccessibleInBothLanguages() {
        browser.visit("http://localhost:" + port + "/family/nothing-here");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("We cannot find this page");
        accessible("not-found");
        browser.click(By.cssSelector("header nav a"));
        browser.await(ExpectedConditions.textToBe(By.tagName("h1"), "No encontramos esta página"));
        accessible("not-found-es");
        browser.visit("http://localhost:" + port + "/family/problem/expired?lang=en");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("This page was open too long");
        accessible("expired");
        browser.visit("http://localhost:" + port + "/family/problem/failed?lang=es");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Algo salió mal de nuestro lado");
        accessible("failed-es");
    }

    @Test
    void aParentWhoConsentedOnPaperRevokesFromAPhone() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();
        String caseId = CaseDriver.overHttp(port)
                .aCase()
                .triaged()
                .consented(today)
                .evaluationPlanned("COGNITIVE", "ACADEMIC")
                .evaluated(today)
                .eligible(today)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today)
                .id();
        coordinator.post(
                "/api/cases/" + caseId + "/parent-responses",
                Map.of("kind", "SERVICES_CONSENT", "decision", "GIVEN", "date", today.toString()));
        JsonNode invitation = coordinator
                .post(
                        "/api/cases/" + caseId + "/parent-invitations",
                        Map.of("kind", "SERVICES_CONSENT", "purpose", "REVOCATION"))
                .json();

        browser.visit(invitation.path("url").asText());
        browser.driver()
                .findElement(By.id("letterCode"))
                .sendKeys(invitation.path("letterCode").asText());
        browser.driver().findElement(By.id("birthMonth")).sendKeys(String.valueOf(BIRTH_DATE.getMonthValue()));
        browser.driver().findElement(By.id("birthDay")).sendKeys(String.valueOf(BIRTH_DATE.getDayOfMonth()));
        browser.driver().findElement(By.id("birthYear")).sendKeys(String.valueOf(BIRTH_DATE.getYear()));
        browser.click(By.id("sign-in"));

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("revokeName")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Your consent for special education services");
        accessible("consented");
        browser.driver().findElement(By.id("revokeName")).sendKeys("Ana Lopez");
        browser.click(By.id("revoke"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("confirm-revoke")));
        accessible("revoke");
        browser.click(By.id("confirm-revoke"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("You took back your consent");
        accessible("revoked");
    }

    private void consentFromThePhone(
            String language, String signIn, String continueLabel, String confirmLabel, String thanks) {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = today();
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("parentLanguage", language);
        String caseId = CaseDriver.overHttp(port).aCase(referral).triaged().id();
        JsonNode invitation = coordinator
                .post("/api/cases/" + caseId + "/parent-invitations", Map.of("kind", "EVALUATION_CONSENT"))
                .json();

        browser.visit(invitation.path("url").asText());
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo(language);
        assertThat(browser.driver().findElement(By.id("sign-in")).getText()).isEqualTo(signIn);
        assertThat(browser.driver().getPageSource()).doesNotContain("Maya", "Lopez");
        accessible("sign-in-" + language);
        // the second way in: a code by e-mail (the page says the same whether or not an address is on record)
        browser.click(By.id("send-code"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
        accessible("code-sent-" + language);
        browser.driver()
                .findElement(By.id("letterCode"))
                .sendKeys(invitation.path("letterCode").asText());
        browser.driver().findElement(By.id("birthMonth")).sendKeys(String.valueOf(BIRTH_DATE.getMonthValue()));
        browser.driver().findElement(By.id("birthDay")).sendKeys(String.valueOf(BIRTH_DATE.getDayOfMonth()));
        browser.driver().findElement(By.id("birthYear")).sendKeys(String.valueOf(BIRTH_DATE.getYear()));
        browser.click(By.id("sign-in"));

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("decision-given")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("Maya");
        accessible("request-" + language);
        browser.screenshot("family-request-" + language);
        // a paper read on the page, beside its PDF
        browser.click(By.cssSelector(".papers a[href$='/read']"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.reading")));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("article.reading"))
                        .getText())
                .contains("Maya");
        accessible("reading-" + language);
        assertThat(((Number) ((JavascriptExecutor) browser.driver())
                                .executeScript("return document.documentElement.scrollWidth"))
                        .intValue())
                .isLessThanOrEqualTo(390);
        browser.screenshot("family-reading-" + language);
        browser.click(By.cssSelector(".back a"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("decision-given")));
        // a phone's width: nothing wider than the screen
        assertThat(((Number) ((JavascriptExecutor) browser.driver())
                                .executeScript("return document.documentElement.scrollWidth"))
                        .intValue())
                .isLessThanOrEqualTo(390);
        browser.click(By.cssSelector("label[for=decision-given]"));
        browser.driver().findElement(By.id("signedName")).sendKeys("Ana Lopez");
        assertThat(browser.driver().findElement(By.id("continue")).getText()).isEqualTo(continueLabel);
        browser.click(By.id("continue"));

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        accessible("review-" + language);
        assertThat(browser.driver().findElement(By.id("confirm")).getText()).isEqualTo(confirmLabel);
        browser.click(By.id("confirm"));

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith(thanks);
        accessible("answered-" + language);
        browser.screenshot("family-receipt-" + language);

        // the case moved on, the clock started today: 60 calendar days in Colorado (34 CFR 300.301(c)(1))
        JsonNode after = coordinator.get("/api/cases/" + caseId).json();
        JsonNode consent = StreamSupport.stream(after.path("consents").spliterator(), false)
                .filter(c -> c.path("kind").asText().equals("EVALUATION_CONSENT"))
                .findFirst()
                .orElseThrow();
        assertThat(consent.path("decision").asText()).isEqualTo("GIVEN");
        assertThat(consent.path("decidedOn").asText()).isEqualTo(today.toString());
        assertThat(after.path("phase").asText()).isEqualTo("EVALUATION");
        assertThat(after.path("due").path("evaluation").asText())
                .isEqualTo(today.plusDays(60).toString());
    }

    /** axe-core on the page as it stands: no serious or critical violation (WCAG 2.1 A and AA rules). */
    private void accessible(String page) {
        assertThat(browser.seriousAccessibilityViolations())
                .as("axe-core on the page " + page)
                .isEmpty();
    }
}

package org.supportplans.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import district.provider.TestIdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportplans.Browser;
import org.supportplans.Http;
import org.supportplans.IepInEffect;
import org.supportplans.PinnedToday;
import org.supportplans.Referrals;
import org.supportplans.SupportPlansApplication;

/**
 * Single sign-on against a real OpenID Connect provider ({@link TestIdentityProvider}, Spring Authorization Server
 * in this JVM): a coordinator signs in to Tasklist through the provider in a real browser, with the roles and
 * schools of their token, and finds the dashboard signed in too; signing out ends the session at the provider too; a person the roster does not know gets
 * the page that says whom to ask; the API and the engine REST API take the provider's tokens (and refuse forged
 * ones), and HTTP Basic still works beside them.
 */
@Tag("embedded-default") // starts the service itself, with the provider: Failsafe's execution "embedded-default"
class SingleSignOnIT {

    private static final Path DATA = Path.of("target", "single-sign-on-it");

    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext service;
    private static int port;
    private static String issuer;

    @BeforeAll
    static void startTheProviderAndTheService() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        provider = TestIdentityProvider.start(port);
        issuer = TestIdentityProvider.issuer(provider);
        service = new SpringApplicationBuilder(SupportPlansApplication.class)
                .run(
                        "--server.port=" + port,
                        // the engine "default", as the web apps and /engine-rest address it (the other tests of this
                        // JVM give theirs unique names)
                        "--spring.datasource.url=jdbc:h2:file:./" + DATA.resolve("support-plans")
                                + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--support-plans.demo.cases=false",
                        "--support-plans.sso.help-contact=the Special Education Office (303-555-0100)",
                        "--spring.security.oauth2.client.registration.district.client-id="
                                + TestIdentityProvider.CLIENT_ID,
                        "--spring.security.oauth2.client.registration.district.client-secret="
                                + TestIdentityProvider.CLIENT_SECRET,
                        "--spring.security.oauth2.client.registration.district.scope=openid,profile",
                        "--spring.security.oauth2.client.provider.district.issuer-uri=" + issuer,
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aCoordinatorSignsInToTasklistThroughTheDistrictsProviderAndOutAgain() {
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/";
        try (Browser browser = Browser.open()) {
            browser.visit(tasklist);
            signInAtTheProvider(browser, "coordinator");
            browser.await(
                    "Tasklist, signed in by the provider",
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
            assertThat(browser.driver().getCurrentUrl()).startsWith(tasklist);
            // the demo coordinator's name in Tasklist's header, and the engine answering as them
            browser.await(
                    "the coordinator's name in Tasklist's header",
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "Coordinator (demo)"));
            assertThat(taskCount(browser))
                    .as("the engine's answer to the signed-in coordinator")
                    .contains("count");
            browser.screenshot("single-sign-on-tasklist");

            // the token's schools are the coordinator's schools now
            Http.Response me = Http.as(port, "coordinator").get("/api/me");
            assertThat(me.json().path("schools")).hasSize(1);
            assertThat(me.json().path("schools").get(0).path("id").asText()).isEqualTo("lincoln-elementary");

            // the dashboard, in the same browser: signed in by the provider's session, no password asked
            browser.visit("http://localhost:" + port + "/dashboard/");
            browser.await(
                    "the dashboard signed in by the provider",
                    page -> "ready".equals(page.findElement(By.tagName("body")).getDomAttribute("data-state")));
            assertThat(browser.driver().findElement(By.id("who-name")).getText())
                    .contains("Coordinator");
            browser.screenshot("single-sign-on-dashboard");

            // signing out of the dashboard ends the session here and at the provider: it asks for a password again
            browser.click(By.id("sign-out"));
            browser.await(
                    "the provider's sign-in form after signing out",
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
            assertThat(browser.driver().getCurrentUrl()).startsWith(issuer);
        }
    }

    @Test
    void somebodyTheRosterDoesNotKnowIsToldWhomToAsk() {
        try (Browser browser = Browser.open()) {
            browser.visit("http://localhost:" + port + "/camunda/app/tasklist/");
            signInAtTheProvider(browser, "stranger");
            WebElement page = browser.await(
                    "the page for people the roster does not know",
                    ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
            assertThat(page.getText())
                    .contains("not as a member of a school team")
                    .contains("the Special Education Office (303-555-0100)");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/sso/unknown");
            browser.visit("http://localhost:" + port + "/camunda/api/engine/engine/default/task/count");
            assertThat(browser.driver().getPageSource()).doesNotContain("\"count\"");
        }
    }

    @Test
    void theApiAndTheEngineTakeTheProvidersTokensAndRefuseOthers() throws Exception {
        assertThat(get("/api/me", TestIdentityProvider.token(issuer, "coordinator"))
                        .body())
                .contains("\"userId\":\"coordinator\"");
        HttpResponse<String> engine = get("/engine-rest/task/count", TestIdentityProvider.token(issuer, "coordinator"));
        assertThat(engine.statusCode()).as(engine.body()).isEqualTo(200);

        assertThat(get("/api/me", TestIdentityProvider.token(issuer, "stranger"))
                        .statusCode())
                .as("a person the roster does not know")
                .isEqualTo(401);
        assertThat(get("/api/me", TestIdentityProvider.forgedToken(issuer, "coordinator"))
                        .statusCode())
                .as("a token the provider did not sign")
                .isEqualTo(401);
        assertThat(get("/engine-rest/task/count", TestIdentityProvider.forgedToken(issuer, "coordinator"))
                        .statusCode())
                .isEqualTo(401);

        // HTTP Basic with our own users, beside single sign-on
        assertThat(Http.as(port, "school-psychologist").get("/api/me").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/api/me").status()).isEqualTo(401);
    }

    /**
     * Signed in only through the district's provider (in Tasklist), the page "Log a session" saves: each change sends
     * the session's CSRF token, which the page asks for. The same change with the session cookie alone, as another
     * site's page could make the browser send it, or with a made-up token, is refused and saves nothing.
     */
    @Test
    void signedInOnlyThroughTheProviderTheSessionLogSavesWithTheSessionsTokenAndNotWithoutIt() throws Exception {
        try {
            String studentLocalId = Referrals.newStudentId();
            String caseId = IepInEffect.of(
                    port,
                    Referrals.of(studentLocalId),
                    "Reads second-grade text at 60 words correct per minute by June.");
            // the Friday of the IEP's first week; speech-language therapy is its first service
            PinnedToday.moveTo(IepInEffect.STARTS.plusDays(2));
            Http coordinator = Http.as(port, "coordinator");
            long planId = IepInEffect.planId(coordinator, caseId);
            String sessions = "/api/cases/" + caseId + "/services/" + planId + ".1/sessions";
            String logged = "/api/cases/" + caseId + "/sessions";
            String session = "{\"date\":\"2026-09-17\",\"minutes\":20,\"status\":\"DELIVERED\"}";
            try (Browser browser = Browser.open()) {
                // not signed in yet: the page offers the district's sign-in, and its own form takes the typing (the
                // page's question "signed in already?" opened no sign-in dialog of the browser's)
                browser.visit("http://localhost:" + port + "/dashboard/sessions");
                browser.await(
                        "the district's sign-in on the session log",
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sign-in-provider a")));
                browser.await("the page's question to /api/me answered", page -> (Boolean) ((JavascriptExecutor) page)
                        .executeScript("return performance.getEntriesByType('resource')"
                                + ".some(e => e.name.endsWith('/api/me') && e.responseEnd > 0)"));
                WebElement userId = browser.driver().findElement(By.id("user-id"));
                userId.sendKeys("coordinator");
                assertThat(userId.getDomProperty("value")).isEqualTo("coordinator");
                browser.visit("http://localhost:" + port + "/camunda/app/tasklist/");
                signInAtTheProvider(browser, "coordinator");
                browser.await(
                        "Tasklist, signed in by the provider",
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
                String cookie = "JSESSIONID="
                        + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

                // the session cookie alone, or with a made-up token: 403, nothing saved
                HttpResponse<String> alone = post(sessions, session, cookie);
                assertThat(alone.statusCode()).as(alone.body()).isEqualTo(403);
                assertThat(alone.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(alone.body()).contains("CSRF token").contains("nothing was saved");
                HttpResponse<String> madeUp = post(sessions, session, cookie, "X-XSRF-TOKEN", "made-up");
                assertThat(madeUp.statusCode()).as(madeUp.body()).isEqualTo(403);
                assertThat(coordinator.get(logged).json()).isEmpty();

                // the session's own token, as the page asks for it: saved
                HttpResponse<String> token = get("/api/csrf-token", null, cookie);
                assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
                JsonNode csrf = new ObjectMapper().readTree(token.body());
                assertThat(csrf.path("headerName").asText()).isEqualTo("X-XSRF-TOKEN");
                HttpResponse<String> saved = post(
                        sessions,
                        session,
                        cookie,
                        "X-XSRF-TOKEN",
                        csrf.path("token").asText());
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
                // only a session has a token: HTTP Basic needs none
                assertThat(coordinator.get("/api/csrf-token").status()).isEqualTo(404);

                // the page, signed in by the provider's session (no password asked), logs a session of the 16th
                browser.visit("http://localhost:" + port + "/dashboard/sessions");
                browser.await(
                        "the session log signed in by the provider",
                        page -> "ready"
                                .equals(page.findElement(By.tagName("body")).getDomAttribute("data-state")));
                JavascriptExecutor page = (JavascriptExecutor) browser.driver();
                page.executeScript(
                        "arguments[0].value = '2026-09-16'; arguments[0].dispatchEvent(new Event('change'));",
                        browser.driver().findElement(By.id("session-date")));
                browser.await(
                        "the week's services",
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("#session-service option[value='" + caseId + "|" + planId + ".1']")));
                new Select(browser.driver().findElement(By.id("session-service")))
                        .selectByValue(caseId + "|" + planId + ".1");
                WebElement minutes = browser.driver().findElement(By.id("session-minutes"));
                minutes.clear();
                minutes.sendKeys("15");
                browser.click(By.id("session-save"));
                browser.await(
                        "the page's word that it saved",
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("session-saved"), "Saved: 15 min on Sep 16, 2026 for " + studentLocalId + "."));
                browser.screenshot("single-sign-on-session-saved");
                assertThat(coordinator.get(logged).json())
                        .extracting(row -> row.path("date").asText() + " "
                                + row.path("minutes").asInt())
                        .containsExactlyInAnyOrder("2026-09-17 20", "2026-09-16 15");
            }
        } finally {
            ClockUtil.reset();
        }
    }

    private static void signInAtTheProvider(Browser browser, String username) {
        WebElement form = browser.await(
                "the provider's sign-in form", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form")));
        assertThat(browser.driver().getCurrentUrl()).startsWith(issuer);
        form.findElement(By.cssSelector("input[name=username]")).sendKeys(username);
        form.findElement(By.cssSelector("input[name=password]")).sendKeys(TestIdentityProvider.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** What the engine answers the browser's session (the web apps' engine API, as Tasklist calls it). */
    private static String taskCount(Browser browser) {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("const request = new XMLHttpRequest();"
                        + " request.open('GET', '/camunda/api/engine/engine/default/task/count', false);"
                        + " request.setRequestHeader('Accept', 'application/json');"
                        + " request.send(); return request.status + ' ' + request.responseText;"));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return get(path, token, null);
    }

    /** A GET with the provider's token, or with a session cookie. */
    private static HttpResponse<String> get(String path, String token, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of JSON with the session cookie and the headers given (name, value, ...). */
    private static HttpResponse<String> post(String path, String json, String cookie, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Cookie", cookie);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient()
                .send(
                        request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

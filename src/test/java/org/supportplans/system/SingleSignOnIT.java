package org.supportplans.system;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportplans.Browser;
import org.supportplans.Http;
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
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

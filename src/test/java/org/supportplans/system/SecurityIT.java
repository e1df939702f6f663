package org.supportplans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/**
 * Nothing is anonymous: the engine REST API, our API and its documentation need a staff sign-in; the
 * web apps (Tasklist, Cockpit, Admin) sign people in with their own form.
 */
@PostgresIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @ParameterizedTest
    @ValueSource(
            strings = {"/engine-rest/process-definition", "/engine-rest/task", "/api/me", "/api/schools", "/v3/api-docs"
            })
    void anonymousCallersAreAskedToSignIn(String path) {
        Http.Response response = Http.anonymous(port).get(path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/process-definition", "/api/me"})
    void aWrongPasswordIsRefusedWithoutSayingWhy(String path) {
        // a user of its own: Camunda locks a user for a few seconds after a wrong password
        String userId = "wrong-password-" + Math.abs(path.hashCode());
        User user = identityService.newUser(userId);
        user.setPassword("the-right-one");
        identityService.saveUser(user);

        Http.Response wrongPassword = Http.as(port, userId, "not-the-password").get(path);
        Http.Response unknownUser = Http.as(port, "nobody-here", "nobody-here").get(path);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        // the same answer for an unknown user and a wrong password: nothing to learn from it
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo(unknownUser.header("WWW-Authenticate"));
        assertThat(wrongPassword.body()).doesNotContain(userId).doesNotContain("Exception");
    }

    @Test
    void ourApiAnswersUnauthorizedAsProblemJson() {
        Http.Response response = Http.anonymous(port).get("/api/me");

        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.json().path("detail").asText()).isEqualTo("Sign in with your staff user id and password.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/engine-rest/process-definition",
                "/engine-rest/task",
                "/api/me",
                "/v3/api-docs",
                "/swagger-ui/index.html"
            })
    void theDemoAdministratorGetsIn(String path) {
        assertThat(Http.as(port, "demo", "demo").get(path).status()).isEqualTo(200);
    }

    @Test
    void engineRestIsGuardedByTheEnginesOwnSignIn() {
        // the engine REST API is a servlet of its own (/engine-rest/*): its chain must match it, so that
        // Camunda's ProcessEngineAuthenticationFilter answers (realm "default", the engine's name), not
        // the HTTP Basic of our API
        Http.Response response = Http.anonymous(port).get("/engine-rest/task");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"default\"");
        assertThat(response.contentType()).doesNotStartWith("application/problem+json");
    }

    /**
     * The web apps sign people in with their own form and session. Their own REST APIs ({@code
     * /camunda/api/admin/*}, {@code /camunda/api/tasklist/*}, ..., servlets of their own) and the
     * {@code GET /camunda-welcome} of their login page must never answer with a Basic challenge: a
     * browser would open its own sign-in dialog over the page, and Tasklist would not load.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/camunda/api/admin/auth/user/default",
                "/camunda/api/engine/engine",
                "/camunda-welcome",
                "/camunda/app/tasklist/"
            })
    void theWebAppsNeverAskForBasicCredentials(String path) {
        Http.Response response = Http.anonymous(port).get(path);

        assertThat(response.header("WWW-Authenticate"))
                .as("WWW-Authenticate of %s (status %s)", path, response.status())
                .isNull();
    }

    /**
     * The dashboard's page, its scripts and Chart.js hold no data: anyone may load them, without a Basic
     * challenge (a browser would open its own sign-in dialog over the page's form). The data stays behind
     * the sign-in of our API, and the page may only run its own scripts.
     */
    @Test
    void theDashboardsFilesAreServedWithoutSigningInItsDataIsNot() {
        Http anonymous = Http.anonymous(port);

        Http.Response redirect = anonymous.get("/dashboard");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).endsWith("/dashboard/");
        for (String path : List.of(
                "/dashboard/",
                "/dashboard/dashboard.js",
                "/dashboard/dashboard.css",
                "/webjars/chart.js/dist/chart.umd.min.js")) {
            Http.Response file = anonymous.get(path);
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.header("WWW-Authenticate")).as(path).isNull();
        }
        Http.Response page = anonymous.get("/dashboard/");
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<form id=\"sign-in-form\"");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");

        assertThat(anonymous.post("/dashboard/", "{}").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/deadlines?dueWithinDays=7").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/reports/step-durations").status()).isEqualTo(401);
    }

    @Test
    void aPersonSignedInToTasklistReachesTheWebAppsOwnApi() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;

        // as Tasklist's login page does: a first request hands out the CSRF token as a cookie...
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isNotEqualTo(401);
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));

        // ...which the sign-in sends back as a header
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrfToken)
                        .POST(HttpRequest.BodyPublishers.ofString("username=coordinator&password=coordinator"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("sign-in: %s", login.body()).isEqualTo(200);

        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"userId\":\"coordinator\"");
    }

    @Test
    void engineRestAppliesCamundaAuthorizationsToTheSignedInUser() {
        // a general education teacher may read process definitions, not other people's process instances
        Http teacher = Http.as(port, "general-education-teacher");

        assertThat(teacher.get("/engine-rest/process-definition/key/support-case")
                        .status())
                .isEqualTo(200);
        assertThat(teacher.get("/engine-rest/authorization/check?permissionName=CREATE_INSTANCE"
                                + "&resourceName=ProcessDefinition&resourceType=6&resourceId=support-case")
                        .json()
                        .path("authorized")
                        .asBoolean())
                .isFalse();
        assertThat(Http.as(port, "coordinator")
                        .get("/engine-rest/authorization/check?permissionName=CREATE_INSTANCE"
                                + "&resourceName=ProcessDefinition&resourceType=6&resourceId=support-case")
                        .json()
                        .path("authorized")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void healthSaysOnlyUpOrDownToAnonymousCallers() {
        Http.Response anonymous = Http.anonymous(port).get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
    }

    @Test
    void healthIsUpWithTheDatabaseAndTheEngine() {
        Http.Response response = Http.as(port, "demo").get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(response.json().at("/components/db/details/database").asText())
                .isEqualTo("PostgreSQL");
    }

    @Test
    void otherActuatorEndpointsNeedASignIn() {
        assertThat(Http.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
    }
}

package org.supportplans.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/** Nothing is anonymous: the engine REST API, our API and its documentation need a staff sign-in. */
@PostgresIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/process-definition", "/api/me", "/api/schools", "/v3/api-docs"})
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
    @ValueSource(strings = {"/engine-rest/process-definition", "/api/me", "/v3/api-docs", "/swagger-ui/index.html"})
    void theDemoAdministratorGetsIn(String path) {
        assertThat(Http.as(port, "demo").get(path).status()).isEqualTo(200);
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

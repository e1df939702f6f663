package org.supportplans.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.people.SchoolTenants;

/**
 * Staff see and act on the cases of their own schools only, wherever they look: our API, the engine REST
 * API (Tasklist's and Cockpit's data) and the web apps' own engine API. Two districts of the test's own:
 * North with schools A and B, South with school C; a coordinator at each school, a district administrator
 * of North who works at A; a case referred at each school.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    SchoolTenants schoolTenants;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String north = "access-north-" + suffix;
    final String south = "access-south-" + suffix;
    final String schoolA = "access-a-" + suffix;
    final String schoolB = "access-b-" + suffix;
    final String schoolC = "access-c-" + suffix;
    final String coordinatorA = "coordinator-a-" + suffix;
    final String coordinatorB = "coordinator-b-" + suffix;
    final String coordinatorC = "coordinator-c-" + suffix;
    final String northAdmin = "north-admin-" + suffix;

    String caseA;
    String caseB;
    String caseC;

    @BeforeAll
    void twoDistrictsThreeSchoolsACaseAtEach() {
        Http demo = Http.as(port, "demo");
        for (String district : List.of(north, south)) {
            Http.Response created = demo.post(
                    "/api/districts",
                    Map.of("id", district, "name", district, "state", "CO", "timeZone", "America/Denver"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        school(demo, north, schoolA);
        school(demo, north, schoolB);
        school(demo, south, schoolC);

        staff(coordinatorA, "coordinator", schoolA);
        staff(coordinatorB, "coordinator", schoolB);
        staff(coordinatorC, "coordinator", schoolC);
        staff(northAdmin, "district-admin", schoolA);

        caseA = refer(coordinatorA, schoolA);
        caseB = refer(coordinatorB, schoolB);
        caseC = refer(coordinatorC, schoolC);
    }

    // ---- the engine: every process instance of a case in its school's tenant ------------------------------

    @Test
    void everyProcessInstanceOfACaseBelongsToItsSchool() {
        List<ProcessInstance> instances = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseA)
                .list();

        assertThat(instances).isNotEmpty();
        assertThat(instances).extracting(ProcessInstance::getTenantId).containsOnly(schoolA);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(caseA)
                        .list())
                .extracting(Task::getTenantId)
                .containsOnly(schoolA);
    }

    // ---- Tasklist's data: the engine REST API ----------------------------------------------------------------

    @Test
    void aCoordinatorsTaskListShowsTheirSchoolsTasksOnly() {
        Http coordinator = Http.as(port, coordinatorA);

        JsonNode tasks = coordinator.get("/engine-rest/task?maxResults=1000").json();

        assertThat(tasks).isNotEmpty();
        assertThat(values(tasks, "tenantId")).containsOnly(schoolA);
        assertThat(Tasks.all(coordinator, caseA))
                .extracting(t -> t.path("name").asText())
                .contains("Triage the referral");
        assertThat(Tasks.all(coordinator, caseB)).isEmpty();
        assertThat(coordinator
                        .get("/engine-rest/task/count")
                        .json()
                        .path("count")
                        .asLong())
                .isEqualTo(tasks.size());
    }

    @Test
    void anotherSchoolsTaskCannotBeReadClaimedOrCompleted() {
        Http coordinator = Http.as(port, coordinatorA);
        Task other = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseB)
                .taskName("Triage the referral")
                .singleResult();
        String path = "/engine-rest/task/" + other.getId();

        Http.Response read = coordinator.get(path);
        Http.Response claim = coordinator.post(path + "/claim", Map.of("userId", coordinatorA));
        Http.Response assign = coordinator.post(path + "/assignee", Map.of("userId", coordinatorA));
        Http.Response complete = coordinator.post(path + "/complete", Map.of("variables", Map.of()));
        Http.Response submit = coordinator.post(path + "/submit-form", Map.of("variables", Map.of()));
        Http.Response variables = coordinator.get(path + "/variables");

        for (Http.Response refused : List.of(read, claim, assign, complete, submit, variables)) {
            assertThat(refused.status()).as(refused.body()).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("Lopez");
        }
        Task after = taskService.createTaskQuery().taskId(other.getId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(other.getId()))
                .noneMatch(link -> coordinatorA.equals(link.getUserId()));
    }

    // ---- Cockpit's data: process instances and their history ------------------------------------------------

    @Test
    void processInstancesAndTheirHistoryShowTheirSchoolOnly() {
        Http coordinator = Http.as(port, coordinatorA);

        assertThat(coordinator
                        .get("/engine-rest/process-instance?businessKey=" + caseA)
                        .json())
                .isNotEmpty();
        assertThat(coordinator
                        .get("/engine-rest/process-instance?businessKey=" + caseB)
                        .json())
                .isEmpty();
        assertThat(values(coordinator.get("/engine-rest/process-instance").json(), "tenantId"))
                .containsOnly(schoolA);
        assertThat(coordinator
                        .get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseA)
                        .json())
                .isNotEmpty();
        assertThat(coordinator
                        .get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseB)
                        .json())
                .isEmpty();
        // every case's process (it has the case id as business key) of school A only; the service-wide
        // deadline-sweep (no business key, no tenant: it holds no student's data) is the one other process
        JsonNode history =
                coordinator.get("/engine-rest/history/process-instance").json();
        List<String> caseTenants = new ArrayList<>();
        history.forEach(instance -> {
            if (instance.hasNonNull("businessKey")) {
                caseTenants.add(instance.path("tenantId").asText(null));
            } else {
                assertThat(instance.path("processDefinitionKey").asText()).isEqualTo("deadline-sweep");
            }
        });
        assertThat(caseTenants).containsOnly(schoolA);
        assertThat(coordinator
                        .get("/engine-rest/history/task?processInstanceBusinessKey=" + caseB)
                        .json())
                .isEmpty();
        String otherInstance = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseB, "support-case")
                .singleResult()
                .getId();
        assertThat(coordinator
                        .get("/engine-rest/process-instance/" + otherInstance)
                        .status())
                .isEqualTo(404);
        assertThat(coordinator
                        .get("/engine-rest/process-instance/" + otherInstance + "/variables")
                        .status())
                .isIn(403, 404);
    }

    // ---- our API ---------------------------------------------------------------------------------------------

    @Test
    void ourApiDoesNotRevealAnotherSchoolsCase() {
        Http coordinator = Http.as(port, coordinatorA);

        assertThat(coordinator.get("/api/cases/" + caseA).status()).isEqualTo(200);
        Http.Response other = coordinator.get("/api/cases/" + caseB);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(coordinator.get("/api/cases/" + caseB + "/timeline").status())
                .isEqualTo(404);
        assertThat(values(coordinator.get("/api/schools").json(), "id")).containsExactly(schoolA);
    }

    // ---- a district administrator, the demo administrator ---------------------------------------------------

    @Test
    void aDistrictAdministratorSeesEverySchoolOfTheirDistrictAndNoOther() {
        Http admin = Http.as(port, northAdmin);

        assertThat(admin.get("/api/cases/" + caseA).status()).isEqualTo(200);
        assertThat(admin.get("/api/cases/" + caseB).status()).isEqualTo(200);
        assertThat(admin.get("/api/cases/" + caseC).status()).isEqualTo(404);
        assertThat(admin.get("/engine-rest/process-instance?businessKey=" + caseB)
                        .json())
                .isNotEmpty();
        assertThat(admin.get("/engine-rest/process-instance?businessKey=" + caseC)
                        .json())
                .isEmpty();
        assertThat(values(admin.get("/engine-rest/process-instance").json(), "tenantId"))
                .containsOnly(schoolA, schoolB);
        // (a school added to North by another test of this class joins the list too)
        assertThat(values(admin.get("/api/schools").json(), "id"))
                .contains(schoolA, schoolB)
                .doesNotContain(schoolC, "lincoln-elementary")
                .allMatch(id -> id.startsWith("access-") && id.endsWith(suffix));
        JsonNode caseloads =
                admin.get("/api/reports/caseloads?district=" + north).json();
        assertThat(caseloads.toString()).contains(schoolA).contains(schoolB).doesNotContain(schoolC);
        assertThat(admin.get("/api/reports/caseloads?district=" + south).status())
                .isEqualTo(404);
        // the web apps read Camunda's own memberships: the same schools
        assertThat(tenantsOf(northAdmin)).contains(schoolA, schoolB).doesNotContain(schoolC);
        assertThat(tenantsOf(coordinatorA)).containsExactly(schoolA);
    }

    @Test
    void aSchoolAddedToADistrictJoinsItsAdministratorsView() {
        String schoolD = "access-d-" + suffix;
        school(Http.as(port, "demo"), north, schoolD);

        assertThat(tenantsOf(northAdmin)).contains(schoolD);
        assertThat(tenantsOf(coordinatorA)).doesNotContain(schoolD);
        assertThat(identityService.createTenantQuery().tenantId(schoolD).count())
                .isEqualTo(1);
    }

    @Test
    void theDemoAdministratorSeesAll() {
        Http demo = Http.as(port, "demo");

        for (String caseId : List.of(caseA, caseB, caseC)) {
            assertThat(demo.get("/api/cases/" + caseId).status()).isEqualTo(200);
            assertThat(demo.get("/engine-rest/process-instance?businessKey=" + caseId)
                            .json())
                    .isNotEmpty();
            assertThat(demo.get("/engine-rest/task?processInstanceBusinessKey=" + caseId)
                            .json())
                    .isNotEmpty();
        }
    }

    // ---- the web apps' own engine API (Tasklist, Cockpit) ----------------------------------------------------

    @Test
    void tasklistsEngineApiShowsAndActsOnTheirSchoolOnly() throws Exception {
        WebApps webApps = WebApps.signIn(port, coordinatorA);
        String engine = "/camunda/api/engine/engine/default";

        assertThat(webApps.get(engine + "/task?processInstanceBusinessKey=" + caseA)
                        .body())
                .contains("Triage the referral");
        assertThat(webApps.get(engine + "/task?processInstanceBusinessKey=" + caseB)
                        .body())
                .isEqualTo("[]");
        Task other = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseB)
                .taskName("Triage the referral")
                .singleResult();
        HttpResponse<String> claim =
                webApps.post(engine + "/task/" + other.getId() + "/claim", "{\"userId\":\"" + coordinatorA + "\"}");

        HttpResponse<String> complete = webApps.post(engine + "/task/" + other.getId() + "/complete", "{}");
        HttpResponse<String> submit = webApps.post(engine + "/task/" + other.getId() + "/submit-form", "{}");

        assertThat(claim.statusCode()).as(claim.body()).isIn(403, 404);
        // the web apps' own engine API has Camunda's exception mappers, not ours: refused, with a 4xx
        for (HttpResponse<String> refused : List.of(complete, submit)) {
            assertThat(refused.statusCode())
                    .as(refused.uri() + ": " + refused.body())
                    .isBetween(400, 499);
        }
        Task after = taskService.createTaskQuery().taskId(other.getId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getAssignee()).isNull();
    }

    @Test
    void tasklistLoadsTheScriptThatClearsDraftsOnSignOut() {
        Http anonymous = Http.anonymous(port);

        Http.Response config = anonymous.get("/camunda/app/tasklist/scripts/config.js");
        Http.Response script = anonymous.get("/camunda/app/tasklist/scripts/clear-drafts.js?bust=7.24.0");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.contentType()).startsWith("text/javascript");
        // beside the script that sorts the tasks by due date (README, "Tasklist for school staff")
        assertThat(config.body()).contains("customScripts: ['scripts/clear-drafts', 'scripts/due-first']");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("camunda-form:").contains("/logout").contains("/sso/logout");

        // Cockpit's and Admin's sign-out lead on to ours too (with single sign-on: the provider's)
        for (String app : java.util.List.of("cockpit", "admin")) {
            Http.Response appConfig = anonymous.get("/camunda/app/" + app + "/scripts/config.js");
            assertThat(appConfig.status()).as(app).isEqualTo(200);
            assertThat(appConfig.body()).as(app).contains("customScripts: ['scripts/sign-out-everywhere']");
            Http.Response signOut = anonymous.get("/camunda/app/" + app + "/scripts/sign-out-everywhere.js");
            assertThat(signOut.status()).as(app).isEqualTo(200);
            assertThat(signOut.body()).as(app).contains("/sso/logout");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static void school(Http demo, String district, String id) {
        Http.Response created =
                demo.post("/api/districts/" + district + "/schools", Map.of("id", id, "name", "School " + id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A staff member at one school, assigned as the service assigns staff (the tenant memberships follow). */
    private void staff(String id, String group, String school) {
        User user = identityService.newUser(id);
        user.setPassword(id);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
        jdbc.update("insert into school_staff (school_id, user_id) values (?, ?)", school, id);
        schoolTenants.staffChanged(id);
    }

    private String refer(String coordinator, String school) {
        Map<String, Object> referral = Referrals.of(Referrals.newStudentId());
        referral.put("schoolId", school);
        Http.Response created = Http.as(port, coordinator).post("/api/referrals", referral);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("caseId").asText();
    }

    private Set<String> tenantsOf(String userId) {
        return identityService.createTenantQuery().userMember(userId).list().stream()
                .map(Tenant::getId)
                .collect(Collectors.toSet());
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText(null)));
        return values;
    }

    /** Signed in to the web apps as Tasklist's login page does: session cookie and CSRF token. */
    private record WebApps(HttpClient client, String base, String csrfToken) {

        static WebApps signIn(int port, String userId) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String base = "http://localhost:" + port;
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password=" + userId))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("sign-in: %s", login.body()).isEqualTo(200);
            return new WebApps(client, base, token);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", csrfToken)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

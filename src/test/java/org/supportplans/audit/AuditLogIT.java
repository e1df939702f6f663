package org.supportplans.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/** Every read and change of a case, through our API, the engine REST API and Tasklist, is in the audit log. */
@PostgresIntegrationTest
class AuditLogIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /** The audit log of a case, newest first, as the administrator reads it. */
    private List<JsonNode> auditOf(String caseId) {
        Http.Response response = Http.as(port, "demo").get("/api/audit?size=500&caseId=" + caseId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().path("content").forEach(events::add);
        return events;
    }

    private String referral(Http staff) {
        Http.Response referred = staff.post("/api/referrals", Referrals.of(Referrals.newStudentId()));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        return referred.json().path("caseId").asText();
    }

    private static JsonNode find(List<JsonNode> events, String userId, String action, String resource, String via) {
        return events.stream()
                .filter(e -> e.path("userId").asText().equals(userId)
                        && e.path("action").asText().equals(action)
                        && e.path("resource").asText().equals(resource)
                        && e.path("interface").asText().equals(via))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + action + " " + resource + " by " + userId + " via " + via + " in " + events));
    }

    @Test
    void readsAndChangesThroughTheApiAreRecordedWithTheCase() {
        Http coordinator = Http.as(port, "coordinator");
        Instant before = Instant.now();
        String caseId = referral(coordinator);
        assertThat(coordinator.get("/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(coordinator.get("/api/cases/" + caseId + "/timeline").status())
                .isEqualTo(200);
        Http.Response list = coordinator.get("/api/cases?school=lincoln-elementary&size=500");
        assertThat(list.status()).isEqualTo(200);

        List<JsonNode> events = auditOf(caseId);

        JsonNode created = find(events, "coordinator", "CREATE", "REFERRAL", "API");
        assertThat(created.path("method").asText()).isEqualTo("POST");
        assertThat(created.path("path").asText()).isEqualTo("/api/referrals");
        assertThat(created.path("status").asInt()).isEqualTo(201);
        assertThat(created.path("outcome").asText()).isEqualTo("DONE");
        assertThat(textList(created.path("caseIds"))).containsExactly(caseId);
        assertThat(Instant.parse(created.path("occurredAt").asText())).isBetween(before, Instant.now());
        JsonNode read = find(events, "coordinator", "READ", "CASE", "API");
        assertThat(read.path("path").asText()).isEqualTo("/api/cases/{id}");
        assertThat(read.path("status").asInt()).isEqualTo(200);
        assertThat(find(events, "coordinator", "READ", "CASE_TIMELINE", "API")
                        .path("path")
                        .asText())
                .isEqualTo("/api/cases/{id}/timeline");
        JsonNode listed = find(events, "coordinator", "READ", "CASES", "API");
        assertThat(listed.path("query").asText()).isEqualTo("school=lincoln-elementary&size=500");
        assertThat(listed.path("resultCount").asInt())
                .isEqualTo(list.json().path("content").size());
        assertThat(textList(listed.path("caseIds")))
                .contains(caseId)
                .hasSize(list.json().path("content").size());
        // newest first
        List<Instant> times = events.stream()
                .map(e -> Instant.parse(e.path("occurredAt").asText()))
                .toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // the student's name is nowhere in the audit log
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where path like '%Lopez%' or query like '%Lopez%'",
                        Integer.class))
                .isZero();
    }

    @Test
    void deadlinesAndClocksRecordTheCasesTheyShowed() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = referral(coordinator);
        Tasks.done(
                coordinator,
                caseId,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
        assertThat(coordinator
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of(
                                        "kind",
                                        "EVALUATION_CONSENT",
                                        "decision",
                                        "GIVEN",
                                        "date",
                                        Referrals.today().toString()))
                        .status())
                .isEqualTo(202);
        long clockId = jdbc.queryForObject(
                "select id from clock where case_id = ? and kind = 'INITIAL_EVALUATION'", Long.class, caseId);
        assertThat(coordinator.get("/api/clocks/" + clockId).status()).isEqualTo(200);
        Http.Response deadlines = coordinator.get("/api/deadlines?size=500");
        assertThat(deadlines.status()).isEqualTo(200);

        List<JsonNode> events = auditOf(caseId);

        assertThat(find(events, "coordinator", "CREATE", "PARENT_RESPONSE", "API")
                        .path("status")
                        .asInt())
                .isEqualTo(202);
        JsonNode clock = find(events, "coordinator", "READ", "CLOCK", "API");
        assertThat(clock.path("path").asText()).isEqualTo("/api/clocks/{id}");
        assertThat(textList(clock.path("caseIds"))).containsExactly(caseId);
        JsonNode listed = find(events, "coordinator", "READ", "DEADLINES", "API");
        assertThat(listed.path("resultCount").asInt())
                .isEqualTo(deadlines.json().path("content").size());
        assertThat(textList(listed.path("caseIds"))).contains(caseId);
    }

    @Test
    void aRefusedChangeIsRecordedWithItsStatus() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = referral(coordinator);

        // the case is waiting for triage, not for the parents' consent to services
        Http.Response refused = coordinator.post(
                "/api/cases/" + caseId + "/parent-responses",
                Map.of(
                        "kind",
                        "SERVICES_CONSENT",
                        "decision",
                        "GIVEN",
                        "date",
                        Referrals.today().toString()));
        assertThat(refused.status()).isEqualTo(409);
        Http.Response unknown = coordinator.get("/api/cases/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);

        JsonNode event = find(auditOf(caseId), "coordinator", "CREATE", "PARENT_RESPONSE", "API");
        assertThat(event.path("status").asInt()).isEqualTo(409);
        assertThat(event.path("outcome").asText()).isEqualTo("REFUSED");
    }

    @Test
    void engineRestReadsAndTaskCompletionsAreRecordedWithTheirCase() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = referral(coordinator);
        JsonNode task = Tasks.open(coordinator, caseId, "Triage the referral");
        String taskId = task.path("id").asText();
        assertThat(coordinator
                        .get("/engine-rest/task/" + taskId + "/form-variables")
                        .status())
                .isEqualTo(200);
        assertThat(coordinator
                        .get("/engine-rest/process-instance/"
                                + task.path("processInstanceId").asText() + "/variables")
                        .status())
                .isEqualTo(200);
        assertThat(Tasks.complete(
                                coordinator,
                                task,
                                Map.of(
                                        "triageOutcome",
                                        "EVALUATE_IDEA",
                                        "triageRationale",
                                        "Reading well below grade level."))
                        .status())
                .isEqualTo(204);
        // the same task once more: it is gone
        assertThat(Tasks.complete(coordinator, task, Map.of()).status()).isGreaterThanOrEqualTo(400);

        List<JsonNode> events = auditOf(caseId);

        JsonNode listed = find(events, "coordinator", "READ", "TASKS", "ENGINE_REST");
        assertThat(listed.path("path").asText()).isEqualTo("/engine-rest/task");
        assertThat(listed.has("query")).as("no engine query is kept").isFalse();
        assertThat(find(events, "coordinator", "READ", "TASK_FORM", "ENGINE_REST")
                        .path("path")
                        .asText())
                .isEqualTo("/engine-rest/task/{id}/form-variables");
        assertThat(find(events, "coordinator", "READ", "PROCESS_INSTANCE_VARIABLES", "ENGINE_REST")
                        .path("path")
                        .asText())
                .isEqualTo("/engine-rest/process-instance/{id}/variables");
        List<JsonNode> completions = events.stream()
                .filter(e -> e.path("action").asText().equals("COMPLETE"))
                .toList();
        assertThat(completions).hasSize(2);
        assertThat(completions).allSatisfy(e -> {
            assertThat(e.path("path").asText()).isEqualTo("/engine-rest/task/{id}/submit-form");
            assertThat(e.path("resource").asText()).isEqualTo("TASK");
            assertThat(textList(e.path("caseIds"))).containsExactly(caseId);
        });
        // the first done; the second not (the engine answers 500 for a task that is gone)
        assertThat(completions.stream().map(e -> e.path("status").asInt() < 400))
                .containsExactlyInAnyOrder(true, false);
        assertThat(completions)
                .allSatisfy(e -> assertThat(e.path("outcome").asText())
                        .isEqualTo(
                                e.path("status").asInt() >= 500
                                        ? "FAILED"
                                        : e.path("status").asInt() >= 400 ? "REFUSED" : "DONE"));
    }

    @Test
    void tasklistReadsAreRecordedAsTasklistsWithTheCase() throws Exception {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = referral(coordinator);
        String taskId = Tasks.open(coordinator, caseId, "Triage the referral")
                .path("id")
                .asText();
        HttpClient browser = signedInToTasklist("school-psychologist");
        String base = "http://localhost:" + port;
        String tasklist = base + "/camunda/app/tasklist/default/";

        HttpResponse<String> read = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/" + taskId))
                        .header("Referer", tasklist)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> variables = browser.send(
                HttpRequest.newBuilder(URI.create(
                                base + "/camunda/api/engine/engine/default/task/" + taskId + "/form-variables"))
                        .header("Referer", tasklist)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> profile = browser.send(
                HttpRequest.newBuilder(URI.create(
                                base + "/camunda/api/engine/engine/default/user/school-psychologist/profile"))
                        .header("Referer", tasklist)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(profile.statusCode()).isEqualTo(200);

        List<JsonNode> events = auditOf(caseId);

        // the psychologist is not offered triage: the engine hides the task, and the attempt is recorded
        JsonNode task = find(events, "school-psychologist", "READ", "TASK", "TASKLIST");
        assertThat(task.path("path").asText()).isEqualTo("/camunda/api/engine/engine/default/task/{id}");
        assertThat(task.path("status").asInt()).isEqualTo(read.statusCode());
        assertThat(find(events, "school-psychologist", "READ", "TASK_FORM", "TASKLIST")
                        .path("status")
                        .asInt())
                .isEqualTo(variables.statusCode());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where user_id = 'school-psychologist' and path like '%profile%'",
                        Integer.class))
                .as("the user's own profile holds no student data")
                .isZero();

        // the coordinator, who is offered the task, reads it in Tasklist
        HttpClient coordinatorsBrowser = signedInToTasklist("coordinator");
        HttpResponse<String> coordinatorsRead = coordinatorsBrowser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/" + taskId))
                        .header("Referer", tasklist)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(coordinatorsRead.statusCode()).isEqualTo(200);
        JsonNode coordinatorsEvent = find(auditOf(caseId), "coordinator", "READ", "TASK", "TASKLIST");
        assertThat(coordinatorsEvent.path("status").asInt()).isEqualTo(200);
        assertThat(textList(coordinatorsEvent.path("caseIds"))).containsExactly(caseId);
    }

    @Test
    void theAuditLogCannotBeChangedOrEmptied() {
        referral(Http.as(port, "coordinator"));

        assertThatThrownBy(() -> jdbc.update("update audit_event set user_id = 'someone-else'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event_case"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_event_case set case_id = 'x'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event_case, audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .isPositive();
    }

    @Test
    void onlyDistrictAdministratorsAndAdministratorsReadTheAuditLog() {
        for (String user : List.of("general-education-teacher", "coordinator", "school-psychologist")) {
            Http.Response refused = Http.as(port, user).get("/api/audit");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asText())
                    .isEqualTo("Only district administrators and administrators read the audit log.");
        }
        assertThat(Http.anonymous(port).get("/api/audit").status()).isEqualTo(401);
        Http.Response districtAdmin = Http.as(port, "district-admin").get("/api/audit");
        assertThat(districtAdmin.status()).isEqualTo(200);
    }

    @Test
    void theAuditLogIsFilteredAndPagedNewestFirstAndReadingItIsRecorded() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = referral(coordinator);
        for (int i = 0; i < 4; i++) {
            coordinator.get("/api/cases/" + caseId);
        }
        Tasks.open(coordinator, caseId, "Triage the referral");
        Http districtAdmin = Http.as(port, "district-admin");

        String ofCase = "&user=coordinator&caseId=" + caseId;
        JsonNode all = districtAdmin.get("/api/audit?size=50" + ofCase).json();
        JsonNode first = districtAdmin.get("/api/audit?size=2&page=0" + ofCase).json();
        JsonNode second = districtAdmin.get("/api/audit?size=2&page=1" + ofCase).json();
        JsonNode viaApi = districtAdmin.get("/api/audit?interface=API" + ofCase).json();
        JsonNode viaEngine =
                districtAdmin.get("/api/audit?interface=engine_rest" + ofCase).json();
        String today = Referrals.today().toString();
        String tomorrow = Referrals.today().plusDays(1).toString();
        JsonNode todays = districtAdmin
                .get("/api/audit?from=" + today + "&to=" + today + ofCase)
                .json();
        JsonNode later =
                districtAdmin.get("/api/audit?from=" + tomorrow + ofCase).json();
        JsonNode others =
                districtAdmin.get("/api/audit?user=demo&caseId=" + caseId).json();

        // the referral, 4 reads of the case, the task list
        assertThat(all.path("totalElements").asInt()).isEqualTo(6);
        assertThat(first.path("content")).hasSize(2);
        assertThat(first.path("totalPages").asInt()).isEqualTo(3);
        assertThat(first.path("content").get(0).path("resource").asText()).isEqualTo("TASKS");
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        assertThat(ids(first)).containsExactlyElementsOf(ids(all).subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(ids(all).subList(2, 4));
        assertThat(viaApi.path("totalElements").asInt()).isEqualTo(5);
        assertThat(viaEngine.path("totalElements").asInt()).isOne();
        assertThat(todays.path("totalElements").asInt()).isEqualTo(6);
        assertThat(later.path("totalElements").asInt()).isZero();
        assertThat(others.path("totalElements").asInt()).isZero();

        // the district administrator's reading of the log, recorded with the case asked about
        JsonNode reads = districtAdmin
                .get("/api/audit?user=district-admin&caseId=" + caseId)
                .json();
        assertThat(reads.path("totalElements").asInt()).isEqualTo(8);
        JsonNode read = reads.path("content").get(0);
        assertThat(read.path("resource").asText()).isEqualTo("AUDIT_LOG");
        assertThat(read.path("action").asText()).isEqualTo("READ");
        assertThat(read.path("query").asText()).isEqualTo("user=demo&caseId=" + caseId);
        assertThat(read.path("resultCount").asInt()).isZero();
        assertThat(textList(read.path("caseIds"))).containsExactly(caseId);

        Http.Response badDate = districtAdmin.get("/api/audit?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("detail").asText()).contains("neither a date (YYYY-MM-DD) nor an instant");
        Http.Response wrongOrder = districtAdmin.get("/api/audit?from=" + tomorrow + "&to=" + today);
        assertThat(wrongOrder.status()).isEqualTo(400);
        assertThat(districtAdmin.get("/api/audit?interface=FAX").status()).isEqualTo(400);
    }

    @Test
    void aDistrictAdministratorSeesOnlyTheCasesOfTheirDistrict() {
        String district = "audit-other-" + UUID.randomUUID().toString().substring(0, 8);
        String school = district + "-school";
        String student = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        jdbc.update(
                "insert into district (id, name, state, time_zone) values (?, 'Other district', 'TX', 'America/Chicago')",
                district);
        jdbc.update("insert into school (id, district_id, name) values (?, ?, 'Other school')", school, district);
        jdbc.update(
                "insert into student (id, district_id, local_id, first_name, last_name, date_of_birth)"
                        + " values (?, ?, 'T-1', 'Test', 'Student', ?)",
                student,
                district,
                LocalDate.of(2016, 1, 1));
        jdbc.update(
                "insert into support_case (id, student_id, school_id, status, phase, opened_on, open_student_id,"
                        + " version) values (?, ?, ?, 'OPEN', 'TRIAGE', ?, ?, 0)",
                caseId,
                student,
                school,
                LocalDate.now(),
                student);
        try {
            Http.as(port, "demo").get("/api/cases/" + caseId);
            String ours = referral(Http.as(port, "coordinator"));
            Http.as(port, "demo").get("/api/cases/" + ours);

            assertThat(auditOf(caseId))
                    .as("the administrator sees every district")
                    .isNotEmpty();
            JsonNode theirs = Http.as(port, "district-admin")
                    .get("/api/audit?caseId=" + caseId)
                    .json();
            assertThat(theirs.path("totalElements").asInt()).isZero();
            JsonNode own = Http.as(port, "district-admin")
                    .get("/api/audit?user=demo&size=500")
                    .json();
            List<String> cases = new ArrayList<>();
            own.path("content").forEach(e -> cases.addAll(textList(e.path("caseIds"))));
            assertThat(cases).contains(ours).doesNotContain(caseId);
        } finally {
            org.supportplans.SweepRecords.forget(jdbc, district);
            jdbc.update("delete from support_case where id = ?", caseId);
            jdbc.update("delete from student where id = ?", student);
            jdbc.update("delete from school where id = ?", school);
            jdbc.update("delete from district where id = ?", district);
        }
    }

    @Test
    void everyApiEndpointIsEitherAuditedOrHoldsNoStudentData() {
        Set<String> endpoints = new HashSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("org.supportplans")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(verb -> endpoints.add(verb.name() + " " + pattern));
            }
        });

        assertThat(endpoints).isNotEmpty();
        Set<String> classified = new HashSet<>(ApiCalls.AUDITED.keySet());
        classified.addAll(ApiCalls.NO_STUDENT_DATA);
        assertThat(classified).containsAll(endpoints);
        assertThat(endpoints).containsAll(classified);
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("content").forEach(e -> ids.add(e.path("id").asLong()));
        return ids;
    }

    /** Signs in to Tasklist as its login page does (see SecurityIT). */
    private HttpClient signedInToTasklist(String userId) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrfToken)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password=" + userId))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("sign-in: %s", login.body()).isEqualTo(200);
        return browser;
    }
}

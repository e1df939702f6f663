package org.supportplans.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/**
 * What the load test found with staff working side by side: two evaluators reporting on one case at the
 * same moment, and staff opening a task that someone else has just completed.
 */
@PostgresIntegrationTest
class ConcurrentCompletionIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoEvaluatorsReportingOnOneCaseAtTheSameMomentBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String caseId = caseInEvaluation(List.of("COGNITIVE", "ACADEMIC"));
            Http psychologist = Http.as(port, "school-psychologist");
            Http teacher = Http.as(port, "special-education-teacher");
            JsonNode cognitive = Tasks.open(psychologist, caseId, "Evaluate an area");
            JsonNode academic = Tasks.open(teacher, caseId, "Evaluate an area");
            Map<String, Object> report = Map.of(
                    "areaCompletedOn",
                    Referrals.today().toString(),
                    "areaFindings",
                    "Results within the expected range in most measures.");

            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> {
                await(start);
                return Tasks.complete(psychologist, cognitive, report);
            });
            CompletableFuture<Http.Response> second = CompletableFuture.supplyAsync(() -> {
                await(start);
                return Tasks.complete(teacher, academic, report);
            });
            start.countDown();

            assertThat(List.of(first.get(), second.get()))
                    .allSatisfy(response ->
                            assertThat(response.status()).as(response.body()).isEqualTo(204));
            assertThat(Tasks.open(Http.as(port, "coordinator"), caseId, "Hold the eligibility meeting and decide"))
                    .isNotNull();
            assertThat(jdbc.queryForObject(
                            "select count(*) from evaluation_area a join evaluation e on e.id = a.evaluation_id"
                                    + " where e.case_id = ? and a.completed_on is not null",
                            Integer.class,
                            caseId))
                    .isEqualTo(2);
        }
    }

    @Test
    void aTaskSomeoneCompletedAMomentAgoIsGoneForWhoeverOpensOrCompletesIt() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = coordinator
                .post("/api/referrals", Referrals.of(Referrals.newStudentId()))
                .json()
                .path("caseId")
                .asText();
        JsonNode triage = Tasks.open(coordinator, caseId, "Triage the referral");
        Map<String, Object> decision =
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level.");
        Tasks.done(coordinator, caseId, "Triage the referral", decision);

        String task = "/engine-rest/task/" + triage.path("id").asText();
        Http other = Http.as(port, "coordinator");
        for (Http.Response response : List.of(
                other.get(task + "/deployed-form"),
                other.get(task + "/form-variables"),
                Tasks.complete(other, triage, decision))) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.json().path("message").asText()).contains("no longer open", "Reload your tasks");
        }
        assertThat(jdbc.queryForObject("select count(*) from triage_decision where case_id = ?", Integer.class, caseId))
                .isOne();
    }

    private String caseInEvaluation(List<String> areas) {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = coordinator
                .post("/api/referrals", Referrals.of(Referrals.newStudentId()))
                .json()
                .path("caseId")
                .asText();
        Tasks.done(
                coordinator,
                caseId,
                "Triage the referral",
                Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
        Http.Response consent = coordinator.post(
                "/api/cases/" + caseId + "/parent-responses",
                Map.of(
                        "kind",
                        "EVALUATION_CONSENT",
                        "decision",
                        "GIVEN",
                        "date",
                        Referrals.today().toString()));
        assertThat(consent.status()).as(consent.body()).isEqualTo(202);
        Tasks.done(coordinator, caseId, "Plan the evaluation", Map.of("evaluationAreas", areas));
        return caseId;
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

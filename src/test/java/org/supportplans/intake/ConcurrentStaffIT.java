package org.supportplans.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.CaseDriver;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;

/** Staff acting at the same moment: one case per student, one answer recorded, one completion of a task. */
@PostgresIntegrationTest
class ConcurrentStaffIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentySimultaneousReferralsOfOneStudentOpenOneCase() throws Exception {
        String student = Referrals.newStudentId();
        List<Http.Response> responses =
                atOnce(20, () -> Http.as(port, "coordinator").post("/api/referrals", Referrals.of(student)));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().map(r -> r.json().path("caseId").asText()).collect(Collectors.toSet()))
                .hasSize(1);
        String caseId = responses.get(0).json().path("caseId").asText();
        assertThat(jdbc.queryForObject(
                        "select count(*) from support_case c join student s on s.id = c.student_id where s.local_id = ?",
                        Integer.class,
                        student))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from referral where case_id = ?", Integer.class, caseId))
                .isEqualTo(20);
        assertThat(jdbc.queryForObject(
                        "select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null and super_exec_ is null",
                        Integer.class,
                        caseId))
                .as("one process")
                .isOne();
    }

    @Test
    void theSameParentAnswerDeliveredTwiceAtOnceIsRecordedOnce() throws Exception {
        String caseId = CaseDriver.overHttp(port)
                .aCase()
                .triaged("EVALUATE_IDEA", "Reading well below grade level.")
                .id();

        List<Http.Response> responses = atOnce(
                2,
                () -> Http.as(port, "coordinator")
                        .post(
                                "/api/cases/" + caseId + "/parent-responses",
                                Map.of(
                                        "kind",
                                        "EVALUATION_CONSENT",
                                        "decision",
                                        "GIVEN",
                                        "date",
                                        Referrals.today().toString())));

        assertThat(responses.stream().map(Http.Response::status).sorted().toList())
                .containsExactly(202, 409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from consent_request where case_id = ? and decision is not null",
                        Integer.class,
                        caseId))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from evaluation where case_id = ?", Integer.class, caseId))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from clock where case_id = ?", Integer.class, caseId))
                .isOne();
    }

    @Test
    void twoStaffCompletingOneTaskAtOnceOneWinsTheOtherIsTold() throws Exception {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().id();
        var triage = Tasks.open(coordinator, caseId, "Triage the referral");

        List<Http.Response> responses = atOnce(
                2,
                () -> Tasks.complete(
                        Http.as(port, "coordinator"),
                        triage,
                        Map.of(
                                "triageOutcome",
                                "EVALUATE_IDEA",
                                "triageRationale",
                                "Reading well below grade level.")));

        List<Integer> statuses =
                responses.stream().map(Http.Response::status).sorted().toList();
        assertThat(statuses.get(0)).isEqualTo(204);
        // at the same moment: the engine's optimistic lock (409); a moment later: the task is gone (404)
        assertThat(statuses.get(1))
                .as("the other is told: " + responses.get(0).body()
                        + responses.get(1).body())
                .isIn(404, 409);
        assertThat(jdbc.queryForObject("select count(*) from triage_decision where case_id = ?", Integer.class, caseId))
                .as("no duplicate record")
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from consent_request where case_id = ?", Integer.class, caseId))
                .isOne();
    }

    /** Runs the calls on as many threads, released together. */
    private static <T> List<T> atOnce(int n, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}

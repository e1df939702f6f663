package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the service (the built jar, two processes, two ports) against one PostgreSQL database,
 * started at the same moment on an empty database: the schema, the deployment and the start-up data are
 * created once; a task created through one node is completed through the other; and the morning deadline sweep's
 * timer, which both job executors can see, runs once, its district swept once, each overdue clock asked about once.
 */
@Tag("slow") // starts the built jar twice, a cluster of two nodes: Failsafe's execution "slow" (pom.xml)
class TwoNodeClusterIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_cluster";
    static final int CASES = 4;

    @Test
    void twoNodesShareOneDatabaseAndTheSweepRunsOnce() {
        FreshPostgresDatabase.recreate(DATABASE);
        String url = FreshPostgresDatabase.url(DATABASE);
        JdbcTemplate db = new JdbcTemplate(
                new DriverManagerDataSource(url, FreshPostgresDatabase.USER, FreshPostgresDatabase.PASSWORD));
        ServiceProcess a = null;
        ServiceProcess b = null;
        try {
            a = ServiceProcess.start("cluster-a", url);
            b = ServiceProcess.start("cluster-b", url);
            a.awaitUp(Duration.ofMinutes(5));
            b.awaitUp(Duration.ofMinutes(5));

            // deployment and start-up data: once, whichever node got there first
            assertThat(db.queryForObject(
                            "select count(*) from act_re_procdef where key_ = 'support-case'", Integer.class))
                    .as("one deployment of the case process")
                    .isOne();
            assertThat(db.queryForObject(
                            "select count(*) from act_ru_job where process_def_key_ = 'deadline-sweep'", Integer.class))
                    .as("one hourly timer of the deadline sweep for the cluster")
                    .isOne();
            assertThat(db.queryForObject("select count(*) from act_id_group", Integer.class))
                    .as("13 role groups and camunda-admin")
                    .isEqualTo(14);
            assertThat(db.queryForList(
                            "select group_id_ || ' ' || resource_type_ || ' ' || resource_id_ from act_ru_authorization"
                                    + " where group_id_ is not null group by group_id_, resource_type_, resource_id_"
                                    + " having count(*) > 1",
                            String.class))
                    .as("no authorization granted twice")
                    .isEmpty();
            assertThat(db.queryForObject("select count(*) from act_ru_filter", Integer.class))
                    .as("Tasklist's three filters (Due this week, Assigned to me, My school's open tasks), once each")
                    .isEqualTo(3);
            assertThat(db.queryForObject("select count(*) from act_id_membership", Integer.class))
                    .as("demo users in their groups, once each")
                    .isEqualTo(14);
            assertThat(db.queryForObject("select count(*) from school", Integer.class))
                    .isEqualTo(3);
            assertThat(db.queryForObject("select count(*) from school_calendar", Integer.class))
                    .isEqualTo(2);

            Http coordinatorOnA = Http.as(a.port(), "coordinator");
            Http coordinatorOnB = Http.as(b.port(), "coordinator");
            LocalDate today = Referrals.today();
            List<String> caseIds = new ArrayList<>();
            List<Long> clockIds = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                Http.Response referred = coordinatorOnA.post("/api/referrals", Referrals.of(Referrals.newStudentId()));
                assertThat(referred.status()).as(referred.body()).isEqualTo(201);
                String caseId = referred.json().path("caseId").asText();
                caseIds.add(caseId);
                Tasks.done(
                        coordinatorOnB,
                        caseId,
                        "Triage the referral",
                        Map.of("triageOutcome", "EVALUATE_IDEA", "triageRationale", "Reading well below grade level."));
                // the parents asked to see the records 50 days ago: the 45-day clock ran out 5 days ago, its first
                // and final warnings passed before that
                Http.Response started = coordinatorOnA.post(
                        "/api/cases/" + caseId + "/clocks",
                        Map.of(
                                "kind",
                                "records-request",
                                "start",
                                today.minusDays(50).toString()));
                assertThat(started.status()).as(started.body()).isEqualTo(201);
                clockIds.add(started.json().path("clock").path("id").asLong());
            }
            String clocks = "from clock where id in ("
                    + String.join(",", clockIds.stream().map(String::valueOf).toList()) + ")";
            // the demo district not swept yet today, should the top of an hour have come meanwhile
            db.update("delete from deadline_sweep");
            // the top of the hour: the sweep's timer due on both nodes at once
            String sweepJob = DeadlineSweepJob.dueNow(Http.as(a.port(), "demo"));
            Tasks.await(
                    "every clock overdue",
                    () -> db.queryForObject("select count(*) " + clocks + " and status = 'OVERDUE'", Integer.class)
                            == CASES);
            Tasks.await(
                    "every overdue clock asks why",
                    () -> caseIds.stream()
                            .allMatch(caseId -> Tasks.all(coordinatorOnB, caseId).stream()
                                    .anyMatch(
                                            task -> task.path("name").asText().equals("Deadline missed: record why"))));
            // the engine's job log: the sweep's job ran once and successfully, whichever node took it; a job that
            // has run is gone (the next hour is a new job), so nothing runs it again
            Tasks.await(
                    "the sweep's job has run",
                    () -> db.queryForObject(
                                    "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                                    Integer.class,
                                    sweepJob)
                            == 1);
            assertThat(db.queryForObject("select count(*) from act_ru_job where id_ = ?", Integer.class, sweepJob))
                    .as("no job left to run again")
                    .isZero();
            assertThat(db.queryForObject(
                            "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                            Integer.class,
                            sweepJob))
                    .as("one successful run")
                    .isOne();
            assertThat(db.queryForObject("select count(*) from deadline_sweep", Integer.class))
                    .as("the demo district swept once today")
                    .isOne();

            assertThat(db.queryForList("select reminders_sent " + clocks, Integer.class))
                    .as("first and final warning counted as given on every clock")
                    .hasSize(CASES)
                    .containsOnly(2);
            assertThat(db.queryForList(
                            "select count(*) from deadline_digest_item where what = 'OVERDUE' and clock_id in ("
                                    + String.join(
                                            ",",
                                            clockIds.stream()
                                                    .map(String::valueOf)
                                                    .toList())
                                    + ") group by digest_id",
                            Integer.class))
                    .as("one digest per staff member, listing every overdue clock")
                    .isNotEmpty()
                    .containsOnly(CASES);
            assertThat(db.queryForObject(
                            "select count(*) from deadline_digest where staff_id = 'coordinator'", Integer.class))
                    .as("the coordinator's digest of the day, once")
                    .isOne();
            for (String caseId : caseIds) {
                assertThat(Tasks.all(coordinatorOnA, caseId).stream()
                                .filter(task -> task.path("name").asText().equals("Deadline missed: record why"))
                                .count())
                        .isOne();
            }
            // a task created by a job on one node, completed through the other
            String lateCase = caseIds.get(0);
            Tasks.done(
                    coordinatorOnA,
                    lateCase,
                    "Deadline missed: record why",
                    Map.of(
                            "lateReasonCode",
                            "SCHOOL_ERROR",
                            "lateReasonText",
                            "The request was filed in the wrong school's inbox."));
            assertThat(db.queryForObject("select reason_code " + clocks + " and case_id = ?", String.class, lateCase))
                    .isEqualTo("SCHOOL_ERROR");
            assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class))
                    .isZero();
            System.out.printf(
                    "Deadline sweeps by node A: %d, by node B: %d%n",
                    a.log().split("Deadline sweep of district", -1).length - 1,
                    b.log().split("Deadline sweep of district", -1).length - 1);
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }
}

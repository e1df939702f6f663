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
 * created once; a task created through one node is completed through the other; and timers that both job
 * executors can see fire exactly once.
 */
@Tag("slow") // starts the built jar twice, a cluster of two nodes: Failsafe's execution "slow" (pom.xml)
class TwoNodeClusterIT {

    static final String DATABASE = FreshPostgresDatabase.DATABASE + "_cluster";
    static final int CASES = 4;

    @Test
    void twoNodesShareOneDatabaseAndEachTimerFiresOnce() {
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
                // the parents asked to see the records 50 days ago: the 45-day clock ran out 5 days ago, so its
                // first warning, final warning and overdue timers are all due at once, on both nodes
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
            // the engine's job log: each clock's three timers (first warning, final warning, overdue) ran, each job
            // once and successfully, whichever node took it; a job that has run is gone, so nothing fires again
            String watches =
                    "select id_ from act_hi_procinst where proc_def_key_ = 'clock-watch' and business_key_ in ("
                            + String.join(
                                    ",",
                                    caseIds.stream().map(id -> "'" + id + "'").toList()) + ")";
            String timers = "('TimerEvent_FirstWarning', 'TimerEvent_FinalWarning', 'TimerEvent_DuePassed')";
            String successes = "from act_hi_job_log where job_state_ = 2 and act_id_ in " + timers
                    + " and process_instance_id_ in (" + watches + ")";
            Tasks.await(
                    "every timer of every clock has run",
                    () -> db.queryForObject("select count(distinct job_id_) " + successes, Integer.class) == 3 * CASES);
            assertThat(db.queryForList(
                            "select count(*) " + successes + " group by process_instance_id_, act_id_", Integer.class))
                    .as("one successful run per timer of each clock")
                    .hasSize(3 * CASES)
                    .containsOnly(1);
            assertThat(db.queryForObject(
                            "select count(*) from act_ru_job job join act_ru_jobdef definition"
                                    + " on definition.id_ = job.job_def_id_ where definition.act_id_ in " + timers
                                    + " and job.process_instance_id_ in (" + watches + ")",
                            Integer.class))
                    .as("no timer left to run again")
                    .isZero();

            assertThat(db.queryForList("select reminders_sent " + clocks, Integer.class))
                    .as("first and final warning, once each, on every clock")
                    .hasSize(CASES)
                    .containsOnly(2);
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
                    "Reminders sent by node A: %d, by node B: %d%n",
                    a.log().split("reminder \\d to", -1).length - 1, b.log().split("reminder \\d to", -1).length - 1);
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

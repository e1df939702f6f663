package org.supportplans.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;

/**
 * The four reports on a district of their own, whose cases are written straight into the tables with
 * chosen dates, so that every figure can be worked out by hand. Two schools, North (N) and South (S):
 *
 * <pre>
 * case school plans     referral   consent    eligibility meeting    in effect  initial-evaluation clock
 * C1   N      IEP       2025-09-01 2025-09-10 2025-10-30  2025-11-20 2025-12-01 due 11-09, MET 10-30
 * C2   N      IEP       2025-09-05 2025-09-15 2025-11-24  2025-12-10 2025-12-15 due 11-14, MET_LATE 11-24 SCHOOL_ERROR
 * C3   S      IEP       2025-09-20 2025-10-01 2025-12-05  -          -          due 11-30, MET_LATE 12-05 PARENT_DID_NOT_PRODUCE_CHILD
 * C4   S      IEP+ALP   2025-10-01 2025-10-06 2025-11-20  2025-12-01 2025-12-08 due 12-05, MET 11-20 (twice-exceptional)
 * C5   N      IEP       today-20   today-10   -           -          -          due today+50, RUNNING
 * C6   S      IEP       2025-10-15 2025-10-25 -           -          -          due 12-24, OVERDUE (marked)
 * C7   N      IEP       2025-11-01 2025-11-05 -           -          -          due 2026-01-04, RUNNING (past due: overdue)
 * C8   S      504       2025-09-02 2025-09-08 2025-10-20  2025-11-03 2025-11-05 none (section-504-evaluation due 11-07, MET 10-20)
 * C9   N      IEP       2025-08-01 2025-08-20 2025-10-10  -          -          due 10-19, MET 10-10 (closed: not eligible)
 * C10  S      IEP       2025-09-10 2025-09-12 -           -          -          due 11-11, CANCELLED 10-01 (closed: consent revoked)
 * C12  S      IEP       2025-11-01 2025-11-10 2026-01-20  -          -          due 2026-01-09, extended to 01-30 SLD_WRITTEN_EXTENSION, MET 01-20
 * </pre>
 *
 * Other clocks: iep-meeting C1 due 11-29 MET, C2 due 12-24 MET, C3 due 2026-01-04 RUNNING (past due); alp-development
 * C4 due 12-31 MET. Open tasks (a process deployed by the test, one task per case): C5 offered to school psychologists,
 * C7 assigned to the psychologist, C6 offered to school psychologists, C3 offered to coordinators, C1 offered to the
 * coordinator by name, C9 (closed) offered to school psychologists. Staff: the district administrator (both schools),
 * the coordinator (both), the psychologist (North only).
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String district = "reports-" + suffix;
    final String north = district + "-north";
    final String south = district + "-south";
    final String admin = "reports-admin-" + suffix;
    final String coordinator = "reports-coord-" + suffix;
    final String psychologist = "reports-psych-" + suffix;
    final String nowhere = "reports-nowhere-" + suffix;
    final String process = "reports-it-" + suffix;

    final Map<String, String> cases = new HashMap<>();
    final Map<String, String> localIds = new HashMap<>();
    LocalDate today;
    String deployment;
    Http districtAdmin;

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @BeforeAll
    void aDistrictOfItsOwnWithCasesOfChosenDates() {
        today = Referrals.today();
        Http demo = Http.as(port, "demo");
        Http.Response created = demo.post(
                "/api/districts",
                Map.of("id", district, "name", "Reports Test District", "state", "CO", "timeZone", "America/Denver"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        for (String school : List.of(north, south)) {
            Http.Response added =
                    demo.post("/api/districts/" + district + "/schools", Map.of("id", school, "name", school));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        user(admin, "district-admin", north, south);
        user(coordinator, "coordinator", north, south);
        user(psychologist, "school-psychologist", north);
        user(nowhere, "coordinator");
        districtAdmin = Http.as(port, admin);

        newCase("C1", north, "OPEN", "PLAN_IN_EFFECT", d("2025-09-01"), "IEP");
        consent("C1", d("2025-09-10"));
        eligibility("C1", d("2025-10-30"), "IEP");
        meeting("C1", d("2025-11-20"));
        plan("C1", "IEP", d("2025-12-01"));
        clock("C1", "INITIAL_EVALUATION", d("2025-09-10"), d("2025-11-09"), null, "MET", d("2025-10-30"), null, null);
        clock("C1", "IEP_MEETING", d("2025-10-30"), d("2025-11-29"), null, "MET", d("2025-11-20"), null, null);

        newCase("C2", north, "OPEN", "PLAN_IN_EFFECT", d("2025-09-05"), "IEP");
        consent("C2", d("2025-09-15"));
        eligibility("C2", d("2025-11-24"), "IEP");
        meeting("C2", d("2025-12-10"));
        plan("C2", "IEP", d("2025-12-15"));
        clock(
                "C2",
                "INITIAL_EVALUATION",
                d("2025-09-15"),
                d("2025-11-14"),
                null,
                "MET_LATE",
                d("2025-11-24"),
                "SCHOOL_ERROR",
                "The evaluator was on leave, nobody covered.");
        clock("C2", "IEP_MEETING", d("2025-11-24"), d("2025-12-24"), null, "MET", d("2025-12-10"), null, null);

        newCase("C3", south, "OPEN", "PLAN_DEVELOPMENT", d("2025-09-20"), "IEP");
        consent("C3", d("2025-10-01"));
        eligibility("C3", d("2025-12-05"), "IEP");
        clock(
                "C3",
                "INITIAL_EVALUATION",
                d("2025-10-01"),
                d("2025-11-30"),
                null,
                "MET_LATE",
                d("2025-12-05"),
                "PARENT_DID_NOT_PRODUCE_CHILD",
                "Three appointments missed.");
        clock("C3", "IEP_MEETING", d("2025-12-05"), d("2026-01-04"), null, "RUNNING", null, null, null);

        newCase("C4", south, "OPEN", "PLAN_IN_EFFECT", d("2025-10-01"), "IEP", "ALP");
        consent("C4", d("2025-10-06"));
        eligibility("C4", d("2025-11-20"), "IEP_AND_ALP");
        meeting("C4", d("2025-12-01"));
        plan("C4", "IEP", d("2025-12-08"));
        plan("C4", "ALP", d("2025-12-10"));
        clock("C4", "INITIAL_EVALUATION", d("2025-10-06"), d("2025-12-05"), null, "MET", d("2025-11-20"), null, null);
        clock("C4", "ALP_DEVELOPMENT", d("2025-11-20"), d("2025-12-31"), null, "MET", d("2025-12-10"), null, null);

        newCase("C5", north, "OPEN", "EVALUATION", today.minusDays(20), "IEP");
        consent("C5", today.minusDays(10));
        clock("C5", "INITIAL_EVALUATION", today.minusDays(10), today.plusDays(50), null, "RUNNING", null, null, null);

        newCase("C6", south, "OPEN", "EVALUATION", d("2025-10-15"), "IEP");
        consent("C6", d("2025-10-25"));
        clock("C6", "INITIAL_EVALUATION", d("2025-10-25"), d("2025-12-24"), null, "OVERDUE", null, null, null);

        newCase("C7", north, "OPEN", "EVALUATION", d("2025-11-01"), "IEP");
        consent("C7", d("2025-11-05"));
        clock("C7", "INITIAL_EVALUATION", d("2025-11-05"), d("2026-01-04"), null, "RUNNING", null, null, null);

        newCase("C8", south, "OPEN", "PLAN_IN_EFFECT", d("2025-09-02"), "SECTION_504");
        consent("C8", d("2025-09-08"));
        eligibility("C8", d("2025-10-20"), "SECTION_504");
        meeting("C8", d("2025-11-03"));
        plan("C8", "SECTION_504", d("2025-11-05"));
        clock(
                "C8",
                "SECTION_504_EVALUATION",
                d("2025-09-08"),
                d("2025-11-07"),
                null,
                "MET",
                d("2025-10-20"),
                null,
                null);

        newCase("C9", north, "CLOSED", "CLOSED", d("2025-08-01"), "IEP");
        consent("C9", d("2025-08-20"));
        eligibility("C9", d("2025-10-10"), "NOT_ELIGIBLE");
        clock("C9", "INITIAL_EVALUATION", d("2025-08-20"), d("2025-10-19"), null, "MET", d("2025-10-10"), null, null);

        newCase("C10", south, "CLOSED", "CLOSED", d("2025-09-10"), "IEP");
        consent("C10", d("2025-09-12"));
        clock(
                "C10",
                "INITIAL_EVALUATION",
                d("2025-09-12"),
                d("2025-11-11"),
                null,
                "CANCELLED",
                d("2025-10-01"),
                null,
                null);

        newCase("C12", south, "OPEN", "PLAN_DEVELOPMENT", d("2025-11-01"), "IEP");
        consent("C12", d("2025-11-10"));
        eligibility("C12", d("2026-01-20"), "IEP");
        clock(
                "C12",
                "INITIAL_EVALUATION",
                d("2025-11-10"),
                d("2026-01-09"),
                d("2026-01-30"),
                "MET",
                d("2026-01-20"),
                "SLD_WRITTEN_EXTENSION",
                "Agreed in writing with the parents.");

        // open tasks in the engine's runtime tables, each of a process instance whose business key is the case
        deployment = repositoryService
                .createDeployment()
                .name("reports test tasks")
                .addModelInstance(
                        process + ".bpmn",
                        Bpmn.createExecutableProcess(process)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("work")
                                .name("Work on the case")
                                .endEvent()
                                .done())
                .deploy()
                .getId();
        taskService.addCandidateGroup(task("C5"), "school-psychologist");
        taskService.setAssignee(task("C7"), psychologist);
        taskService.addCandidateGroup(task("C6"), "school-psychologist");
        taskService.addCandidateGroup(task("C3"), "coordinator");
        taskService.addCandidateUser(task("C1"), coordinator);
        taskService.addCandidateGroup(task("C9"), "school-psychologist");
    }

    @AfterAll
    void removeTheDistrict() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment, true);
        }
        org.supportplans.SweepRecords.forget(jdbc, district);
        String ours = "select id from support_case where school_id in (?, ?)";
        for (String table : List.of(
                "clock",
                "support_plan",
                "meeting",
                "eligibility_decision",
                "evaluation",
                "consent_request",
                "referral",
                "case_plan_kind")) {
            jdbc.update("delete from " + table + " where case_id in (" + ours + ")", north, south);
        }
        jdbc.update("delete from support_case where school_id in (?, ?)", north, south);
        jdbc.update("delete from student where district_id = ?", district);
        jdbc.update("delete from school_staff where school_id in (?, ?)", north, south);
        jdbc.update("delete from school where district_id = ?", district);
        jdbc.update("delete from district where id = ?", district);
        for (String user : List.of(admin, coordinator, psychologist, nowhere)) {
            identityService.deleteUser(user);
        }
    }

    // ---- evaluation timeliness (Indicator 11) ---------------------------------------------------------

    @Test
    void evaluationTimelinessCountsTheConsentsOfThePeriodAndTheirOutcomes() {
        JsonNode report = json(
                districtAdmin,
                "/api/reports/evaluation-timeliness?district=" + district + "&from=2025-09-01&to=2025-12-31");

        // initial-evaluation clocks whose consent came from 1 September to 31 December 2025: C1 C2 C3 C4 C6 C7 C12
        // (C5 and C9 outside the period, C8 is a 504 evaluation, C10 was cancelled)
        assertThat(report.path("from").asText()).isEqualTo("2025-09-01");
        assertThat(report.path("to").asText()).isEqualTo("2025-12-31");
        assertThat(report.path("consentsReceived").asLong()).isEqualTo(7);
        // excluded: C3 (the parents did not produce the child), C12 (written SLD extension)
        assertThat(report.path("excluded").toString())
                .isEqualTo("{\"PARENT_DID_NOT_PRODUCE_CHILD\":1,\"TRANSFER\":0,\"SLD_WRITTEN_EXTENSION\":1}");
        assertThat(report.path("countedConsents").asLong()).isEqualTo(5); // 7 - 2
        assertThat(report.path("completedWithinTimeline").asLong()).isEqualTo(2); // C1, C4
        assertThat(report.path("completedLate").asLong()).isEqualTo(1); // C2
        assertThat(report.path("notYetCompleted").asLong()).isEqualTo(2); // C6, C7
        assertThat(report.path("overdue").asLong()).isEqualTo(2); // C6 marked, C7 running past 2026-01-04
        assertThat(report.path("percentWithinTimeline").asDouble()).isEqualTo(40.0); // 2 / 5
        assertThat(report.has("groups")).isFalse();

        JsonNode late = report.path("late");
        assertThat(late).hasSize(1);
        JsonNode c2 = late.get(0);
        assertThat(c2.path("caseId").asText()).isEqualTo(cases.get("C2"));
        assertThat(c2.path("studentLocalId").asText()).isEqualTo(localIds.get("C2"));
        assertThat(c2.path("schoolId").asText()).isEqualTo(north);
        assertThat(c2.path("consentOn").asText()).isEqualTo("2025-09-15");
        assertThat(c2.path("dueOn").asText()).isEqualTo("2025-11-14");
        assertThat(c2.path("completedOn").asText()).isEqualTo("2025-11-24");
        assertThat(c2.path("daysLate").asLong()).isEqualTo(10);
        assertThat(c2.path("reasonCode").asText()).isEqualTo("SCHOOL_ERROR");
        assertThat(c2.path("reasonText").asText()).isEqualTo("The evaluator was on leave, nobody covered.");

        // an administrator sees the same figures of the district
        JsonNode asDemo = json(
                Http.as(port, "demo"),
                "/api/reports/evaluation-timeliness?district=" + district + "&from=2025-09-01&to=2025-12-31");
        assertThat(asDemo).isEqualTo(report);
    }

    @Test
    void evaluationTimelinessBySchoolAndByMonth() {
        JsonNode bySchool = json(
                districtAdmin,
                "/api/reports/evaluation-timeliness?district=" + district
                        + "&from=2025-09-01&to=2025-12-31&groupBy=school");
        // North: C1 C2 C7, all counted, C1 within: 1 / 3 = 33.3; South: C3 C4 C6 C12, C3 and C12 excluded, C4
        // within: 1 / 2 = 50.0
        assertThat(groups(bySchool)).containsExactly(north + " 3 3 1 33.3", south + " 4 2 1 50.0");
        assertThat(bySchool.path("consentsReceived").asLong()).isEqualTo(7);

        JsonNode byMonth = json(
                districtAdmin,
                "/api/reports/evaluation-timeliness?district=" + district
                        + "&from=2025-09-01&to=2025-12-31&groupBy=month");
        // September: C1 C2 (C1 within) 1/2; October: C3 C4 C6 (C3 excluded, C4 within) 1/2; November: C7 C12
        // (C12 excluded) 0/1
        assertThat(groups(byMonth)).containsExactly("2025-09 2 2 1 50.0", "2025-10 3 2 1 50.0", "2025-11 2 1 0 0.0");
    }

    @Test
    void evaluationTimelinessFilters() {
        String base = "/api/reports/evaluation-timeliness?district=" + district;

        // South only: C3 C4 C6 C12; C3 and C12 excluded; C4 within, C6 overdue: 1 / 2
        JsonNode south = json(districtAdmin, base + "&school=" + this.south + "&from=2025-09-01&to=2025-12-31");
        assertThat(figures(south)).isEqualTo("4 2 1 0 1 1 50.0");
        assertThat(south.path("excluded").path("PARENT_DID_NOT_PRODUCE_CHILD").asLong())
                .isEqualTo(1);
        assertThat(south.path("excluded").path("SLD_WRITTEN_EXTENSION").asLong())
                .isEqualTo(1);
        assertThat(south.path("late")).isEmpty();

        // the twice-exceptional case is the only one with an ALP: C4, within
        assertThat(figures(json(districtAdmin, base + "&planKind=ALP"))).isEqualTo("1 1 1 0 0 0 100.0");
        // October's consents: C3 (excluded) C4 (within) C6 (overdue)
        assertThat(figures(json(districtAdmin, base + "&from=2025-10-01&to=2025-10-31")))
                .isEqualTo("3 2 1 0 1 1 50.0");
        // from only: from 1 November on, C7 C12 and C5 (consent ten days ago, still running, not overdue)
        assertThat(figures(json(districtAdmin, base + "&from=2025-11-01"))).isEqualTo("3 2 0 0 2 1 0.0");
        // every consent: C1 C2 C3 C4 C5 C6 C7 C9 C12, C3 and C12 excluded; within C1 C4 C9: 3 / 7 = 42.857
        assertThat(figures(json(districtAdmin, base))).isEqualTo("9 7 3 1 3 2 42.9");
        // nothing counted: no percentage
        JsonNode none = json(districtAdmin, base + "&from=2020-01-01&to=2020-12-31");
        assertThat(figures(none)).isEqualTo("0 0 0 0 0 0 null");
        assertThat(none.has("percentWithinTimeline")).isTrue();
        assertThat(none.path("from").asText()).isEqualTo("2020-01-01");
    }

    // ---- step durations -------------------------------------------------------------------------------

    @Test
    void stepDurationsAreMediansNinetiethPercentilesAndMaximaOfTheStepsEndingInThePeriod() {
        JsonNode report = json(
                districtAdmin, "/api/reports/step-durations?district=" + district + "&from=2025-09-01&to=2025-12-31");

        assertThat(rows(report))
                .containsExactly(
                        // consents in the period: C1 9, C2 10, C3 11, C4 5, C6 10, C7 4, C8 6, C10 2, C12 9 (C9's on
                        // 08-20 and C5's are outside); sorted 2 4 5 6 9 9 10 10 11: median the 5th = 9; p90 at
                        // 0.9 × 8 = 7.2: 10 + 0.2 × (11 - 10) = 10.2
                        "null REFERRAL_TO_CONSENT 9 9.0 10.2 11",
                        // eligibility in the period: C1 50, C2 70, C3 65, C4 45, C8 42, C9 51 (C12's is in 2026);
                        // sorted 42 45 50 51 65 70: median at 2.5 = 50.5; p90 at 4.5: 65 + 0.5 × 5 = 67.5
                        "null CONSENT_TO_ELIGIBILITY 6 50.5 67.5 70",
                        // C1 21, C2 16, C4 11, C8 14; sorted 11 14 16 21: median at 1.5 = 15; p90 at 2.7: 16 + 0.7 × 5
                        "null ELIGIBILITY_TO_MEETING 4 15.0 19.5 21",
                        // C1 11, C2 5, C4 7 (the IEP, the first plan in effect), C8 2; sorted 2 5 7 11: median 6;
                        // p90 at 2.7: 7 + 0.7 × 4 = 9.8
                        "null MEETING_TO_PLAN_IN_EFFECT 4 6.0 9.8 11",
                        // C1 91, C2 101, C4 68, C8 64; sorted 64 68 91 101: median at 1.5: 68 + 0.5 × 23 = 79.5; p90
                        // at 2.7: 91 + 0.7 × 10 = 98
                        "null REFERRAL_TO_PLAN_IN_EFFECT 4 79.5 98.0 101");
    }

    @Test
    void stepDurationsByPlanKindCountTheTwiceExceptionalCaseInBoth() {
        JsonNode report = json(
                districtAdmin,
                "/api/reports/step-durations?district=" + district + "&from=2025-09-01&to=2025-12-31&groupBy=planKind");

        assertThat(rows(report))
                .containsExactly(
                        // C4 alone
                        "ALP REFERRAL_TO_CONSENT 1 5.0 5.0 5",
                        "ALP CONSENT_TO_ELIGIBILITY 1 45.0 45.0 45",
                        "ALP ELIGIBILITY_TO_MEETING 1 11.0 11.0 11",
                        "ALP MEETING_TO_PLAN_IN_EFFECT 1 7.0 7.0 7",
                        "ALP REFERRAL_TO_PLAN_IN_EFFECT 1 68.0 68.0 68",
                        // every case but C8: 2 4 5 9 9 10 10 11: median at 3.5 = 9; p90 at 6.3: 10 + 0.3 × 1
                        "IEP REFERRAL_TO_CONSENT 8 9.0 10.3 11",
                        // 45 50 51 65 70: median 51; p90 at 3.6: 65 + 0.6 × 5 = 68
                        "IEP CONSENT_TO_ELIGIBILITY 5 51.0 68.0 70",
                        // 11 16 21: median 16; p90 at 1.8: 16 + 0.8 × 5 = 20
                        "IEP ELIGIBILITY_TO_MEETING 3 16.0 20.0 21",
                        // 5 7 11: median 7; p90 at 1.8: 7 + 0.8 × 4 = 10.2
                        "IEP MEETING_TO_PLAN_IN_EFFECT 3 7.0 10.2 11",
                        // 68 91 101: median 91; p90 at 1.8: 91 + 0.8 × 10 = 99
                        "IEP REFERRAL_TO_PLAN_IN_EFFECT 3 91.0 99.0 101",
                        // C8 alone
                        "SECTION_504 REFERRAL_TO_CONSENT 1 6.0 6.0 6",
                        "SECTION_504 CONSENT_TO_ELIGIBILITY 1 42.0 42.0 42",
                        "SECTION_504 ELIGIBILITY_TO_MEETING 1 14.0 14.0 14",
                        "SECTION_504 MEETING_TO_PLAN_IN_EFFECT 1 2.0 2.0 2",
                        "SECTION_504 REFERRAL_TO_PLAN_IN_EFFECT 1 64.0 64.0 64");

        // the plan kind filter: the ALP cases only
        assertThat(rows(json(
                        districtAdmin,
                        "/api/reports/step-durations?district=" + district
                                + "&from=2025-09-01&to=2025-12-31&planKind=ALP")))
                .containsExactly(
                        "null REFERRAL_TO_CONSENT 1 5.0 5.0 5",
                        "null CONSENT_TO_ELIGIBILITY 1 45.0 45.0 45",
                        "null ELIGIBILITY_TO_MEETING 1 11.0 11.0 11",
                        "null MEETING_TO_PLAN_IN_EFFECT 1 7.0 7.0 7",
                        "null REFERRAL_TO_PLAN_IN_EFFECT 1 68.0 68.0 68");
    }

    @Test
    void stepDurationsByTheMonthTheStepEnded() {
        // North: C1, C2, C7 (C9's consent in August is outside, its eligibility in October inside; C5 outside)
        JsonNode report = json(
                districtAdmin,
                "/api/reports/step-durations?school=" + north + "&from=2025-09-01&to=2025-12-31&groupBy=month");

        assertThat(rows(report))
                .containsExactly(
                        // C1 9, C2 10: median 9.5; p90 at 0.9: 9 + 0.9 × 1 = 9.9
                        "2025-09 REFERRAL_TO_CONSENT 2 9.5 9.9 10",
                        // C1 50, C9 51: median 50.5, p90 50.9
                        "2025-10 CONSENT_TO_ELIGIBILITY 2 50.5 50.9 51",
                        "2025-11 REFERRAL_TO_CONSENT 1 4.0 4.0 4", // C7
                        "2025-11 CONSENT_TO_ELIGIBILITY 1 70.0 70.0 70", // C2
                        "2025-11 ELIGIBILITY_TO_MEETING 1 21.0 21.0 21", // C1
                        "2025-12 ELIGIBILITY_TO_MEETING 1 16.0 16.0 16", // C2
                        // C1 11, C2 5: median 8; p90 at 0.9: 5 + 0.9 × 6 = 10.4
                        "2025-12 MEETING_TO_PLAN_IN_EFFECT 2 8.0 10.4 11",
                        // C1 91, C2 101: median 96; p90 91 + 0.9 × 10 = 100
                        "2025-12 REFERRAL_TO_PLAN_IN_EFFECT 2 96.0 100.0 101");
    }

    @Test
    void stepDurationsBySchool() {
        JsonNode report = json(
                districtAdmin,
                "/api/reports/step-durations?district=" + district + "&from=2025-12-01&to=2025-12-31&groupBy=school");

        // steps ending in December: C1 M->P 11 and R->P 91, C2 E->M 16, M->P 5, R->P 101 (North); C3 C->E 65, C4
        // E->M 11, M->P 7, R->P 68 (South)
        assertThat(rows(report))
                .containsExactly(
                        north + " ELIGIBILITY_TO_MEETING 1 16.0 16.0 16",
                        north + " MEETING_TO_PLAN_IN_EFFECT 2 8.0 10.4 11",
                        north + " REFERRAL_TO_PLAN_IN_EFFECT 2 96.0 100.0 101",
                        south + " CONSENT_TO_ELIGIBILITY 1 65.0 65.0 65",
                        south + " ELIGIBILITY_TO_MEETING 1 11.0 11.0 11",
                        south + " MEETING_TO_PLAN_IN_EFFECT 1 7.0 7.0 7",
                        south + " REFERRAL_TO_PLAN_IN_EFFECT 1 68.0 68.0 68");
    }

    // ---- caseloads ------------------------------------------------------------------------------------

    @Test
    void caseloadsCountOpenCasesBySchoolAndPhaseAndEachStaffMembersTasksAndClocks() {
        JsonNode report = json(districtAdmin, "/api/reports/caseloads?district=" + district);

        // open: North C5 C7 in evaluation, C1 C2 with plans in effect; South C6 in evaluation, C3 C12 developing
        // plans, C4 C8 with plans in effect (C9 and C10 are closed)
        assertThat(caseRows(report))
                .containsExactly(
                        north + " EVALUATION 2",
                        north + " PLAN_IN_EFFECT 2",
                        south + " EVALUATION 1",
                        south + " PLAN_DEVELOPMENT 2",
                        south + " PLAN_IN_EFFECT 2");
        // the administrator holds nothing; the coordinator: C3 (offered to coordinators, South) and C1 (offered to
        // them by name), whose open clocks are C3's iep-meeting: 1; the psychologist (North only): C5 (offered to
        // the role) and C7 (assigned), not C6 (South) nor C9 (closed), with C5's and C7's running evaluations: 2
        assertThat(staffRows(report))
                .containsExactly(
                        admin + " [district-admin] 0 0",
                        coordinator + " [coordinator] 2 1",
                        psychologist + " [school-psychologist] 2 2");

        // South only: its staff, its tasks
        JsonNode south = json(districtAdmin, "/api/reports/caseloads?school=" + this.south);
        assertThat(caseRows(south))
                .containsExactly(
                        this.south + " EVALUATION 1",
                        this.south + " PLAN_DEVELOPMENT 2",
                        this.south + " PLAN_IN_EFFECT 2");
        assertThat(staffRows(south))
                .containsExactly(admin + " [district-admin] 0 0", coordinator + " [coordinator] 1 1");

        // the twice-exceptional case is the only ALP case: no task on it
        JsonNode alp = json(districtAdmin, "/api/reports/caseloads?district=" + district + "&planKind=ALP");
        assertThat(caseRows(alp)).containsExactly(this.south + " PLAN_IN_EFFECT 1");
        assertThat(staffRows(alp))
                .containsExactly(
                        admin + " [district-admin] 0 0",
                        coordinator + " [coordinator] 0 0",
                        psychologist + " [school-psychologist] 0 0");

        // the psychologist sees the caseloads of North only, theirs included
        JsonNode asPsychologist = json(Http.as(port, psychologist), "/api/reports/caseloads");
        assertThat(caseRows(asPsychologist)).containsExactly(north + " EVALUATION 2", north + " PLAN_IN_EFFECT 2");
        assertThat(staffRows(asPsychologist))
                .containsExactly(
                        admin + " [district-admin] 0 0",
                        coordinator + " [coordinator] 1 0",
                        psychologist + " [school-psychologist] 2 2");
    }

    // ---- clocks ---------------------------------------------------------------------------------------

    @Test
    void clocksAreCountedByKindAndTheMonthOrQuarterOfTheirDueDate() {
        String period = "/api/reports/clocks?district=" + district + "&from=2025-09-01&to=2026-01-31";

        assertThat(clockRows(json(districtAdmin, period + "&groupBy=month")))
                .containsExactly(
                        "initial-evaluation 2025-10 1 0 0 0 0", // C9
                        "initial-evaluation 2025-11 1 2 0 0 1", // C1 met; C2 C3 late; C10 cancelled
                        "initial-evaluation 2025-12 1 0 1 0 0", // C4 met; C6 overdue
                        "initial-evaluation 2026-01 1 0 1 0 0", // C12 (extended to 01-30) met; C7 running past due
                        "section-504-evaluation 2025-11 1 0 0 0 0", // C8
                        "iep-meeting 2025-11 1 0 0 0 0", // C1
                        "iep-meeting 2025-12 1 0 0 0 0", // C2
                        "iep-meeting 2026-01 0 0 1 0 0", // C3, running past its due date
                        "alp-development 2025-12 1 0 0 0 0"); // C4
        assertThat(clockRows(json(districtAdmin, period + "&groupBy=quarter")))
                .containsExactly(
                        "initial-evaluation 2025-Q4 3 2 1 0 1",
                        "initial-evaluation 2026-Q1 1 0 1 0 0",
                        "section-504-evaluation 2025-Q4 1 0 0 0 0",
                        "iep-meeting 2025-Q4 2 0 0 0 0",
                        "iep-meeting 2026-Q1 0 0 1 0 0",
                        "alp-development 2025-Q4 1 0 0 0 0");

        // every clock, not grouped: C5's evaluation is the one still running in time
        assertThat(clockRows(json(districtAdmin, "/api/reports/clocks?district=" + district)))
                .containsExactly(
                        "initial-evaluation null 4 2 2 1 1",
                        "section-504-evaluation null 1 0 0 0 0",
                        "iep-meeting null 2 0 1 0 0",
                        "alp-development null 1 0 0 0 0");
        // grouped by month, C5's row is the month of its due date
        YearMonth due = YearMonth.from(today.plusDays(50));
        assertThat(clockRows(json(
                        districtAdmin,
                        "/api/reports/clocks?district=" + district + "&groupBy=month&from=" + due.atDay(1))))
                .containsExactly("initial-evaluation " + due + " 0 0 0 1 0");
        assertThat(clockRows(json(districtAdmin, "/api/reports/clocks?district=" + district + "&planKind=SECTION_504")))
                .containsExactly("section-504-evaluation null 1 0 0 0 0");
        assertThat(clockRows(json(districtAdmin, "/api/reports/clocks?school=" + north + "&to=2025-12-31")))
                .containsExactly("initial-evaluation null 2 1 0 0 0", "iep-meeting null 2 0 0 0 0");
    }

    // ---- CSV ------------------------------------------------------------------------------------------

    @Test
    void everyReportIsAlsoCsvWithTheRowsOfItsJson() throws IOException {
        String district = "district=" + this.district;
        String period = "&from=2025-09-01&to=2025-12-31";

        JsonNode timeliness = json(districtAdmin, "/api/reports/evaluation-timeliness?" + district + period);
        csvHasTheRows(
                csv(districtAdmin, "/api/reports/evaluation-timeliness?" + district + period), timeliness.path("late"));
        JsonNode grouped =
                json(districtAdmin, "/api/reports/evaluation-timeliness?" + district + period + "&groupBy=month");
        csvHasTheRows(
                csv(districtAdmin, "/api/reports/evaluation-timeliness?" + district + period + "&groupBy=month"),
                grouped.path("groups"));

        String steps = "/api/reports/step-durations?" + district + period + "&groupBy=planKind";
        csvHasTheRows(csv(districtAdmin, steps), json(districtAdmin, steps).path("rows"));
        String ungrouped = "/api/reports/step-durations?" + district + period;
        csvHasTheRows(
                csv(districtAdmin, ungrouped), json(districtAdmin, ungrouped).path("rows"));

        JsonNode caseloads = json(districtAdmin, "/api/reports/caseloads?" + district);
        csvHasTheRows(csv(districtAdmin, "/api/reports/caseloads?" + district), caseloads.path("staff"));
        csvHasTheRows(
                csv(districtAdmin, "/api/reports/caseloads?" + district + "&table=staff"), caseloads.path("staff"));
        csvHasTheRows(
                csv(districtAdmin, "/api/reports/caseloads?" + district + "&table=cases"), caseloads.path("cases"));

        String clocks = "/api/reports/clocks?" + district + "&groupBy=quarter";
        csvHasTheRows(csv(districtAdmin, clocks), json(districtAdmin, clocks).path("rows"));

        // no rows: the header alone
        Http.Response empty =
                districtAdmin.get("/api/reports/evaluation-timeliness?" + district + "&to=2020-01-01", "text/csv");
        assertThat(empty.body())
                .isEqualTo(
                        "caseId,studentLocalId,schoolId,consentOn,dueOn,completedOn,daysLate,reasonCode,reasonText\r\n");
        assertThat(empty.header("Content-Disposition")).contains("evaluation-timeliness.csv");
    }

    // ---- access and bad requests ----------------------------------------------------------------------

    @Test
    void staffWhoDoNotWorkInTheDistrictSeeNothingOfIt() {
        Http elsewhere = Http.as(port, "coordinator"); // the demo district's coordinator
        for (String report : List.of("evaluation-timeliness", "step-durations", "caseloads", "clocks")) {
            Http.Response district = elsewhere.get("/api/reports/" + report + "?district=" + this.district);
            assertThat(district.status()).as(report).isEqualTo(404);
            assertThat(district.contentType()).startsWith("application/problem+json");
            assertThat(elsewhere
                            .get("/api/reports/" + report + "?school=" + north)
                            .status())
                    .as(report)
                    .isEqualTo(404);
        }
        // unfiltered, their reports hold their own schools only
        JsonNode bySchool = json(elsewhere, "/api/reports/evaluation-timeliness?groupBy=school");
        assertThat(bySchool.path("groups").findValuesAsText("group")).doesNotContain(north, south);
        assertThat(bySchool.path("late").findValuesAsText("caseId")).doesNotContainAnyElementsOf(cases.values());
        assertThat(json(elsewhere, "/api/reports/step-durations?groupBy=school")
                        .path("rows")
                        .findValuesAsText("group"))
                .doesNotContain(north, south);
        JsonNode caseloads = json(elsewhere, "/api/reports/caseloads");
        assertThat(caseloads.path("cases").findValuesAsText("schoolId")).doesNotContain(north, south);
        assertThat(caseloads.path("staff").findValuesAsText("userId")).doesNotContain(admin, coordinator, psychologist);

        // someone who works at no school sees empty reports
        Http noSchool = Http.as(port, nowhere);
        assertThat(figures(json(noSchool, "/api/reports/evaluation-timeliness")))
                .isEqualTo("0 0 0 0 0 0 null");
        assertThat(json(noSchool, "/api/reports/step-durations").path("rows")).isEmpty();
        assertThat(json(noSchool, "/api/reports/clocks").path("rows")).isEmpty();
        assertThat(json(noSchool, "/api/reports/caseloads").toString()).isEqualTo("{\"cases\":[],\"staff\":[]}");
    }

    @Test
    void unknownIdsAre404AndBadFiltersAre400() {
        for (String report : List.of("evaluation-timeliness", "step-durations", "caseloads", "clocks")) {
            problem(
                    districtAdmin.get("/api/reports/" + report + "?district=no-such-district"),
                    404,
                    "no-such-district");
            problem(districtAdmin.get("/api/reports/" + report + "?school=no-such-school"), 404, "no-such-school");
            problem(districtAdmin.get("/api/reports/" + report + "?planKind=GIFTED"), 400, "IEP, SECTION_504, ALP");
            // a school of another district than the one asked for
            problem(
                    Http.as(port, "demo").get("/api/reports/" + report + "?district=demo-district&school=" + north),
                    400,
                    "not a school of the district");
            assertThat(Http.anonymous(port).get("/api/reports/" + report).status())
                    .isEqualTo(401);
            // (a wrong password locks a user for a few seconds: an unknown user here)
            assertThat(Http.as(port, "reports-nobody-" + suffix, "wrong")
                            .get("/api/reports/" + report)
                            .status())
                    .isEqualTo(401);
        }
        for (String report : List.of("evaluation-timeliness", "step-durations", "clocks")) {
            problem(districtAdmin.get("/api/reports/" + report + "?from=2025-13-01"), 400, "YYYY-MM-DD");
            problem(districtAdmin.get("/api/reports/" + report + "?to=yesterday"), 400, "YYYY-MM-DD");
            problem(districtAdmin.get("/api/reports/" + report + "?from=2025-12-31&to=2025-09-01"), 400, "after");
            problem(districtAdmin.get("/api/reports/" + report + "?groupBy=week"), 400, "groupBy");
        }
        problem(districtAdmin.get("/api/reports/evaluation-timeliness?groupBy=planKind"), 400, "school, month");
        problem(districtAdmin.get("/api/reports/clocks?groupBy=school"), 400, "month, quarter");
        problem(districtAdmin.get("/api/reports/caseloads?table=clocks", "text/csv"), 400, "staff, cases");
        // asked for CSV, an error is still problem+json
        problem(districtAdmin.get("/api/reports/clocks?groupBy=week", "text/csv"), 400, "groupBy");
        problem(
                districtAdmin.get("/api/reports/clocks?district=no-such-district", "text/csv"),
                404,
                "no-such-district");
    }

    // ---- helpers: the data ----------------------------------------------------------------------------

    private void user(String id, String group, String... schools) {
        User user = identityService.newUser(id);
        user.setPassword(id);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
        for (String school : schools) {
            jdbc.update("insert into school_staff (school_id, user_id) values (?, ?)", school, id);
        }
    }

    private void newCase(
            String key, String school, String status, String phase, LocalDate referralOn, String... plans) {
        String student = UUID.randomUUID().toString();
        String localId = "R-" + suffix + "-" + key;
        jdbc.update(
                "insert into student (id, district_id, local_id, first_name, last_name, date_of_birth)"
                        + " values (?, ?, ?, 'Test', ?, ?)",
                student,
                district,
                localId,
                key,
                Date.valueOf(d("2015-03-01")));
        String caseId = UUID.randomUUID().toString();
        boolean open = status.equals("OPEN");
        jdbc.update(
                "insert into support_case (id, student_id, school_id, status, phase, opened_on, closed_on,"
                        + " closure_reason, open_student_id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                caseId,
                student,
                school,
                status,
                phase,
                Date.valueOf(referralOn),
                open ? null : Date.valueOf(d("2025-10-15")),
                open ? null : "NO_LONGER_ELIGIBLE",
                open ? student : null);
        for (String plan : plans) {
            jdbc.update("insert into case_plan_kind (case_id, plan_kind) values (?, ?)", caseId, plan);
        }
        jdbc.update(
                "insert into referral (case_id, received_on, referred_by_role, referred_by_name, concerns,"
                        + " parent_requested_evaluation, reason, recorded_by, recorded_at)"
                        + " values (?, ?, 'PARENT', 'A parent', 'ACADEMIC', true, 'Reading.', 'coordinator', ?)",
                caseId,
                Date.valueOf(referralOn),
                Timestamp.from(Instant.now()));
        cases.put(key, caseId);
        localIds.put(key, localId);
    }

    private void consent(String key, LocalDate on) {
        jdbc.update(
                "insert into consent_request (case_id, kind, requested_on, reminders_sent, decision, decided_on,"
                        + " recorded_via, recorded_by, version)"
                        + " values (?, 'EVALUATION_CONSENT', ?, 0, 'GIVEN', ?, 'API', 'coordinator', 0)",
                cases.get(key),
                Date.valueOf(on.minusDays(2)),
                Date.valueOf(on));
    }

    private void eligibility(String key, LocalDate on, String outcome) {
        String caseId = cases.get(key);
        jdbc.update(
                "insert into evaluation (case_id, kind, completed_on) values (?, 'INITIAL', ?)",
                caseId,
                Date.valueOf(on));
        long evaluation = jdbc.queryForObject("select max(id) from evaluation where case_id = ?", Long.class, caseId);
        jdbc.update(
                "insert into eligibility_decision (case_id, evaluation_id, decided_on, outcome, rationale, decided_by)"
                        + " values (?, ?, ?, ?, 'The team decided.', 'coordinator')",
                caseId,
                evaluation,
                Date.valueOf(on),
                outcome);
    }

    private void meeting(String key, LocalDate heldOn) {
        jdbc.update(
                "insert into meeting (case_id, purpose, scheduled_on, held_on) values (?, 'PLAN', ?, ?)",
                cases.get(key),
                Date.valueOf(heldOn),
                Date.valueOf(heldOn));
    }

    private void plan(String key, String kind, LocalDate inEffectOn) {
        jdbc.update(
                "insert into support_plan (case_id, kind, status, starts_on, ends_on, written_by, in_effect_on, version)"
                        + " values (?, ?, 'IN_EFFECT', ?, ?, 'special-education-teacher', ?, 0)",
                cases.get(key),
                kind,
                Date.valueOf(inEffectOn),
                Date.valueOf(inEffectOn.plusYears(1)),
                Date.valueOf(inEffectOn));
    }

    private void clock(
            String key,
            String kind,
            LocalDate start,
            LocalDate due,
            LocalDate extendedTo,
            String status,
            LocalDate stoppedOn,
            String reasonCode,
            String reasonText) {
        jdbc.update(
                """
                insert into clock (case_id, school_id, kind, legal_basis, jurisdiction, start_event, start_date,
                                   rule_count, rule_unit, rule_direction, rule_exclusion, rule_text, due_date,
                                   extended_to, status, stopped_on, reason_code, reason_text, reminders_sent, version)
                select id, school_id, ?, 'a test rule', 'CO', 'TEST', ?, 60, 'CALENDAR_DAYS', 'AFTER', 'NONE',
                       '60 calendar days', ?, ?, ?, ?, ?, ?, 0, 0
                from support_case where id = ?
                """,
                kind,
                Date.valueOf(start),
                Date.valueOf(due),
                extendedTo == null ? null : Date.valueOf(extendedTo),
                status,
                stoppedOn == null ? null : Date.valueOf(stoppedOn),
                reasonCode,
                reasonText,
                cases.get(key));
    }

    /** A process instance of the test's process for the case (its business key), and its one open task. */
    private String task(String key) {
        String instance = runtimeService
                .startProcessInstanceByKey(process, cases.get(key))
                .getId();
        return taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
    }

    // ---- helpers: the answers -------------------------------------------------------------------------

    private static JsonNode json(Http staff, String path) {
        Http.Response response = staff.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.contentType()).isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        return response.json();
    }

    private static Http.Response csv(Http staff, String path) {
        Http.Response response = staff.get(path, "text/csv");
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        MediaType type = MediaType.parseMediaType(response.contentType());
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo("text/csv");
        assertThat(type.getCharset()).isNotNull();
        assertThat(type.getCharset().name()).isEqualToIgnoringCase("UTF-8");
        return response;
    }

    /** The CSV parsed back: a header of the JSON rows' field names, then a record per row with the same values. */
    private static void csvHasTheRows(Http.Response csv, JsonNode rows) throws IOException {
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).isNotEmpty();
        assertThat(csv.body()).endsWith("\r\n");
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                List<String> fields = new ArrayList<>();
                row.fieldNames().forEachRemaining(fields::add);
                assertThat(parser.getHeaderNames()).containsExactlyElementsOf(fields);
                for (String field : fields) {
                    JsonNode value = row.get(field);
                    String expected = value.isNull()
                            ? ""
                            : value.isArray()
                                    ? StreamSupport.stream(value.spliterator(), false)
                                            .map(JsonNode::asText)
                                            .collect(Collectors.joining(";"))
                                    : value.asText();
                    assertThat(records.get(i).get(field))
                            .as("row " + i + " " + field)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static void problem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains(detail);
    }

    /** consents, counted, within, late, not yet, overdue, percent. */
    private static String figures(JsonNode report) {
        return String.join(
                " ",
                report.path("consentsReceived").asText(),
                report.path("countedConsents").asText(),
                report.path("completedWithinTimeline").asText(),
                report.path("completedLate").asText(),
                report.path("notYetCompleted").asText(),
                report.path("overdue").asText(),
                report.path("percentWithinTimeline").asText());
    }

    private static List<String> groups(JsonNode report) {
        List<String> groups = new ArrayList<>();
        report.path("groups")
                .forEach(g -> groups.add(String.join(
                        " ",
                        g.path("group").asText(),
                        g.path("consentsReceived").asText(),
                        g.path("countedConsents").asText(),
                        g.path("completedWithinTimeline").asText(),
                        g.path("percentWithinTimeline").asText())));
        return groups;
    }

    private static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("rows")
                .forEach(r -> rows.add(String.join(
                        " ",
                        r.path("group").asText(),
                        r.path("step").asText(),
                        r.path("cases").asText(),
                        r.path("medianDays").asText(),
                        r.path("p90Days").asText(),
                        r.path("maxDays").asText())));
        return rows;
    }

    private static List<String> caseRows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("cases")
                .forEach(r -> rows.add(r.path("schoolId").asText() + " "
                        + r.path("phase").asText() + " " + r.path("openCases").asText()));
        return rows;
    }

    private static List<String> staffRows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("staff")
                .forEach(r -> rows.add(r.path("userId").asText() + " "
                        + r.path("roles").toString().replace("\"", "") + " "
                        + r.path("openTasks").asText() + " "
                        + r.path("runningClocks").asText()));
        return rows;
    }

    private static List<String> clockRows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("rows")
                .forEach(r -> rows.add(String.join(
                        " ",
                        r.path("clock").asText(),
                        r.path("period").asText(),
                        r.path("met").asText(),
                        r.path("metLate").asText(),
                        r.path("missed").asText(),
                        r.path("running").asText(),
                        r.path("cancelled").asText())));
        return rows;
    }
}

package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.Referrals.today;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.CaseDriver;
import org.supportplans.CaseDriver.Step;
import org.supportplans.Http;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.workflow.SupportCaseProcess;

/**
 * A case from the referral to an IEP in effect and through its first annual review, driven as the demo
 * staff would: our API for the referral and the parents' answers, the engine REST API (what Tasklist
 * calls) for every task. Asserts our tables and the case's timeline.
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class CaseJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Test
    void aReferralBecomesAnIepInEffectAndIsReviewedAYearLater() {
        Http coordinator = Http.as(port, "coordinator");
        Http psychologist = Http.as(port, "school-psychologist");
        LocalDate today = today();

        // the parents' referral
        Http.Response referred = coordinator.post("/api/referrals", Referrals.of(Referrals.newStudentId()));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String caseId = referred.json().path("caseId").asText();
        assertThat(referred.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(phaseOf(coordinator, caseId)).isEqualTo("TRIAGE");

        // triage: the form shows who and why
        JsonNode triage = Tasks.open(coordinator, caseId, "Triage the referral");
        JsonNode shown = coordinator
                .get("/engine-rest/task/" + triage.path("id").asText() + "/form-variables")
                .json();
        assertThat(shown.path("studentName").path("value").asText()).isEqualTo("Maya Lopez");
        assertThat(shown.path("concernsText").path("value").asText()).isEqualTo("academic, communication");
        CaseDriver.Case journey = CaseDriver.overHttp(port).theCase(caseId).triaged();
        assertThat(phaseOf(coordinator, caseId)).isEqualTo("CONSENT_TO_EVALUATE");

        // the parents sign the consent to evaluate; it arrives through the API, once
        assertThat(parentsAnswer(coordinator, caseId, "SERVICES_CONSENT", today).status())
                .as("the case does not wait for consent for services yet")
                .isEqualTo(409);
        assertThat(parentsAnswer(coordinator, caseId, "EVALUATION_CONSENT", today)
                        .status())
                .isEqualTo(202);
        assertThat(parentsAnswer(coordinator, caseId, "EVALUATION_CONSENT", today)
                        .status())
                .isEqualTo(409);
        assertThat(phaseOf(coordinator, caseId)).isEqualTo("EVALUATION");

        // the evaluation: one task per area, for the role that does it
        journey.evaluationPlanned("COGNITIVE", "ACADEMIC");
        JsonNode cognitive = Tasks.open(psychologist, caseId, "Evaluate an area");
        Http.Response future = Tasks.complete(
                psychologist,
                cognitive,
                Map.of(
                        "areaCompletedOn",
                        today.plusDays(2).toString(),
                        "areaFindings",
                        "Average verbal reasoning, weak decoding."));
        assertThat(future.status())
                .as("a report dated in the future is refused")
                .isEqualTo(400);
        assertThat(future.body()).contains("in the future");
        assertThat(Tasks.complete(
                                psychologist,
                                cognitive,
                                Map.of(
                                        "areaCompletedOn",
                                        today.toString(),
                                        "areaFindings",
                                        "Average verbal reasoning, weak phonological processing."))
                        .status())
                .isEqualTo(204);
        journey.areaEvaluated("special-education-teacher", today, "Reads at a first-grade level; math at grade level.")
                .eligible(today);
        assertThat(phaseOf(coordinator, caseId)).isEqualTo("PLAN_DEVELOPMENT");

        // the plan meeting, with its notice; the IEP drafted before it and finalised there
        journey.meetingScheduled(today).iepWritten(today).meetingHeld(today);

        // consent for services, then the plan takes effect and the teachers are told
        assertThat(parentsAnswer(coordinator, caseId, "SERVICES_CONSENT", today).status())
                .isEqualTo(202);
        Tasks.await(
                "the teachers are told",
                () -> !coordinator
                        .get("/api/cases/" + caseId)
                        .json()
                        .path("teacherNotifications")
                        .isEmpty());

        JsonNode inEffect = coordinator.get("/api/cases/" + caseId).json();
        assertThat(inEffect.path("phase").asText()).isEqualTo("PLAN_IN_EFFECT");
        assertThat(inEffect.path("planKinds").toString()).isEqualTo("[\"IEP\"]");
        JsonNode iep = inEffect.path("plans").get(0);
        assertThat(iep.path("kind").asText()).isEqualTo("IEP");
        assertThat(iep.path("status").asText()).isEqualTo("IN_EFFECT");
        assertThat(iep.path("services").get(0).path("minutes").asInt()).isEqualTo(45);
        assertThat(inEffect.path("due").path("evaluation").asText())
                .isEqualTo(today.plusDays(60).toString());
        assertThat(inEffect.path("due").path("planMeeting").asText())
                .isEqualTo(today.plusDays(30).toString());
        assertThat(inEffect.path("due").path("annualReview").asText())
                .isEqualTo(today.plusYears(1).toString());
        assertThat(inEffect.path("due").path("reevaluation").asText())
                .isEqualTo(today.plusYears(3).toString());
        List<String> told = new ArrayList<>();
        inEffect.path("teacherNotifications")
                .forEach(n -> told.add(n.path("teacherId").asText()));
        assertThat(told).containsExactlyInAnyOrder("special-education-teacher", "general-education-teacher");
        assertThat(inEffect.path("eligibility").get(0).path("ideaCategories").toString())
                .isEqualTo("[\"SPECIFIC_LEARNING_DISABILITY\"]");

        // a month before the anniversary the review falls due
        ProcessInstance planInEffect = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId, SupportCaseProcess.PlanInEffect.KEY)
                .singleResult();
        Job reviewDue = managementService
                .createJobQuery()
                .processInstanceId(planInEffect.getId())
                .activityId(SupportCaseProcess.PlanInEffect.TIMER_ANNUAL_REVIEW_DUE)
                .singleResult();
        assertThat(reviewDue.getDuedate().toInstant())
                .isEqualTo(today.plusYears(1)
                        .minusDays(30)
                        .atTime(7, 0)
                        .atZone(Referrals.DEMO_ZONE)
                        .toInstant());
        managementService.executeJob(reviewDue.getId());
        // the review's form is filled in with the IEP in effect
        JsonNode reviewTask = Tasks.open(coordinator, caseId, Step.HOLD_ANNUAL_REVIEW.taskName());
        JsonNode reviewForm = coordinator
                .get("/engine-rest/task/" + reviewTask.path("id").asText() + "/form-variables")
                .json();
        assertThat(reviewForm.path("annualGoals").path("value").asText())
                .isEqualTo(iep.path("annualGoals").asText());
        assertThat(reviewForm.path("reviewWritesIep").path("value").asBoolean()).isTrue();
        // held today (the engine's clock is not moved here: PlanLifeIT lives through the years), writing the IEP
        // from tomorrow; the first version ends today
        journey.did("coordinator", Step.HOLD_ANNUAL_REVIEW, CaseDriver.Forms.annualReview(today, today.plusDays(1)));
        JsonNode reviewed = coordinator.get("/api/cases/" + caseId).json();
        assertThat(reviewed.path("plans")).hasSize(2);
        assertThat(reviewed.path("plans").get(0).path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(reviewed.path("plans").get(0).path("effectiveTo").asText()).isEqualTo(today.toString());
        assertThat(reviewed.path("plansInEffect").get(0).path("version").asInt())
                .isEqualTo(2);
        assertThat(reviewed.path("plansInEffect").get(0).path("effectiveFrom").asText())
                .isEqualTo(today.plusDays(1).toString());
        // the teachers are told of the new IEP (a job of its own), then the next review is waited for
        Tasks.await(
                "the next review waited for",
                () -> managementService
                                .createJobQuery()
                                .processInstanceId(planInEffect.getId())
                                .activityId(SupportCaseProcess.PlanInEffect.TIMER_ANNUAL_REVIEW_DUE)
                                .count()
                        == 1);

        // our tables
        assertThat(count("referral", caseId)).isOne();
        assertThat(count("triage_decision", caseId)).isOne();
        assertThat(count("consent_request", caseId)).isEqualTo(2);
        assertThat(count("eligibility_decision", caseId)).isOne();
        assertThat(count("support_plan", caseId))
                .as("the first IEP and the review's")
                .isEqualTo(2);
        assertThat(count("teacher_notification", caseId))
                .as("both teachers told of the first IEP and of the review's")
                .isEqualTo(4);
        assertThat(jdbc.queryForList(
                        "select kind from parent_notice where case_id = ? order by id", String.class, caseId))
                .contains("EVALUATION_PLAN", "PROCEDURAL_SAFEGUARDS", "EVALUATION_REPORT", "MEETING_NOTICE")
                .filteredOn("PRIOR_WRITTEN_NOTICE"::equals)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from evaluation_area a join evaluation e on e.id = a.evaluation_id"
                                + " where e.case_id = ? and a.completed_on is not null",
                        Integer.class,
                        caseId))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("select purpose from meeting where case_id = ? order by id", String.class, caseId))
                .containsExactly("PLAN", "ANNUAL_REVIEW");

        // the timeline, in the order it happened
        List<String> milestones = new ArrayList<>();
        JsonNode timeline =
                coordinator.get("/api/cases/" + caseId + "/timeline").json();
        timeline.path("milestones").forEach(e -> milestones.add(e.path("kind").asText()));
        assertThat(timeline.path("milestones").get(0).path("date").asText())
                .isEqualTo(today.minusDays(3).toString());
        assertThat(timeline.path("milestones")
                        .get(1)
                        .path("calendarDaysSincePrevious")
                        .asInt())
                .isEqualTo(3);
        JsonNode referralToPlan = timeline.path("steps").get(4);
        assertThat(referralToPlan.path("step").asText()).isEqualTo("REFERRAL_TO_PLAN_IN_EFFECT");
        assertThat(referralToPlan.path("calendarDays").asInt()).isEqualTo(3);
        JsonNode evaluationClock = timeline.path("clocks").get(0);
        assertThat(evaluationClock.path("kind").asText()).isEqualTo("initial-evaluation");
        assertThat(evaluationClock.path("status").asText()).isEqualTo("MET");
        assertThat(evaluationClock.path("daysEarly").asInt())
                .as("decided the day consent came")
                .isEqualTo(60);
        Http.Response csv = coordinator.get("/api/cases/" + caseId + "/timeline", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().count())
                .as("a header and a row per milestone")
                .isEqualTo(milestones.size() + 1L);
        assertThat(milestones)
                .containsSubsequence(
                        "REFERRAL_RECEIVED",
                        "TRIAGED",
                        "CONSENT_REQUESTED",
                        "CONSENT_GIVEN",
                        "EVALUATION_PLANNED",
                        "EVALUATION_AREA_COMPLETED",
                        "EVALUATION_AREA_COMPLETED",
                        "ELIGIBILITY_DECIDED",
                        "NOTICE_SENT",
                        "MEETING_SCHEDULED",
                        "MEETING_NOTICE_SENT",
                        "PLAN_WRITTEN",
                        "MEETING_HELD",
                        "PLAN_FINALISED",
                        "CONSENT_REQUESTED",
                        "CONSENT_GIVEN",
                        "PLAN_IN_EFFECT",
                        "TEACHER_NOTIFIED",
                        "PLAN_REVISED",
                        "ANNUAL_REVIEW_HELD");
    }

    @Test
    void theFamilyRevokingConsentEndsTheServicesAndClosesTheCase() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().id();

        assertThat(coordinator
                        .post("/api/cases/" + caseId + "/exit", Map.of("reason", "CONSENT_REVOKED"))
                        .status())
                .isEqualTo(202);

        JsonNode closed = coordinator.get("/api/cases/" + caseId).json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closureReason").asText()).isEqualTo("CONSENT_REVOKED");
        assertThat(Tasks.all(coordinator, caseId)).isEmpty();
        assertThat(coordinator
                        .post("/api/cases/" + caseId + "/exit", Map.of("reason", "GRADUATED"))
                        .status())
                .isEqualTo(409);
        // the student can be referred again: a closed case does not block a new one
        Map<String, Object> again =
                Referrals.of(closed.path("student").path("localId").asText());
        assertThat(coordinator.post("/api/referrals", again).status()).isEqualTo(201);
    }

    @Test
    void interventionsFirstNeedTheAgreementOfParentsWhoAskedForAnEvaluation() {
        Http coordinator = Http.as(port, "coordinator");
        String caseId = CaseDriver.overHttp(port).aCase().id();
        LocalDate followUp = today().plusDays(42);
        JsonNode triage = Tasks.open(coordinator, caseId, "Triage the referral");

        // OSEP Memo 11-07: the parents asked for the evaluation; interventions may not delay it
        Http.Response withoutAgreement = Tasks.complete(
                coordinator,
                triage,
                Map.of(
                        "triageOutcome", "INTERVENTIONS_FIRST",
                        "interventionFollowUpOn", followUp.toString(),
                        "triageRationale", "Six weeks of small-group reading first."));
        assertThat(withoutAgreement.status()).isEqualTo(400);
        assertThat(withoutAgreement.body()).contains("OSEP Memo 11-07");
        assertThat(count("triage_decision", caseId)).as("nothing recorded").isZero();
        assertThat(phaseOf(coordinator, caseId)).isEqualTo("TRIAGE");

        CaseDriver.overHttp(port)
                .theCase(caseId)
                .did(
                        "coordinator",
                        Step.TRIAGE_REFERRAL,
                        Map.of(
                                "triageOutcome",
                                "INTERVENTIONS_FIRST",
                                "interventionFollowUpOn",
                                followUp.toString(),
                                "parentAgreedToInterventions",
                                true,
                                "triageRationale",
                                "Six weeks of small-group reading first; the parents agree."));

        assertThat(phaseOf(coordinator, caseId)).isEqualTo("INTERVENTIONS");
        // not evaluating now is a refusal of the parents' request: prior written notice (34 CFR 300.503(a)(2)),
        // with the follow-up date, and a document for the family
        JsonNode notices = coordinator.get("/api/cases/" + caseId).json().path("notices");
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
            assertThat(notice.path("content").path("action").asText()).isEqualTo("REFUSED");
            assertThat(notice.path("content").path("otherFactors").asText()).contains(followUp.toString());
        });
        assertThat(coordinator.get("/api/cases/" + caseId + "/documents").json())
                .anySatisfy(document -> {
                    assertThat(document.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
                    assertThat(document.path("step").asText()).isEqualTo("TRIAGED");
                });
        Job followUpDue = managementService
                .createJobQuery()
                .processInstanceId(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId, SupportCaseProcess.ReferralTriage.KEY)
                        .singleResult()
                        .getId())
                .timers()
                .singleResult();
        assertThat(followUpDue.getDuedate().toInstant())
                .isEqualTo(followUp.atTime(7, 0).atZone(Referrals.DEMO_ZONE).toInstant());

        // on the follow-up day the coordinator triages again
        managementService.executeJob(followUpDue.getId());
        assertThat(Tasks.open(coordinator, caseId, "Triage the referral")).isNotNull();
    }

    @Test
    void theCaseListFiltersBySchoolPhaseAndPlanKind() {
        Http coordinator = Http.as(port, "coordinator");
        Map<String, Object> atJefferson = Referrals.of(Referrals.newStudentId());
        atJefferson.put("schoolId", "jefferson-high");
        String caseId = CaseDriver.overHttp(port)
                .aCase(atJefferson)
                .triaged("GIFTED_IDENTIFICATION", "Scores in the 99th percentile in math.")
                .id();

        JsonNode page = coordinator
                .get("/api/cases?school=jefferson-high&phase=CONSENT_TO_EVALUATE&planKind=ALP&status=OPEN")
                .json();
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).contains(caseId);
        page.path("content").forEach(c -> {
            assertThat(c.path("schoolId").asText()).isEqualTo("jefferson-high");
            assertThat(c.path("phase").asText()).isEqualTo("CONSENT_TO_EVALUATE");
            assertThat(c.path("planKinds").toString()).contains("ALP");
        });
        JsonNode iepOnly =
                coordinator.get("/api/cases?school=jefferson-high&planKind=IEP").json();
        iepOnly.path("content").forEach(c -> assertThat(c.path("id").asText()).isNotEqualTo(caseId));
        assertThat(coordinator.get("/api/cases?phase=SLEEPING").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/cases?size=100000").status()).isEqualTo(400);
    }

    private static Http.Response parentsAnswer(Http staff, String caseId, String kind, LocalDate on) {
        return staff.post(
                "/api/cases/" + caseId + "/parent-responses",
                Map.of("kind", kind, "decision", "GIVEN", "date", on.toString()));
    }

    private static String phaseOf(Http staff, String caseId) {
        return staff.get("/api/cases/" + caseId).json().path("phase").asText();
    }

    private int count(String table, String caseId) {
        return jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Integer.class, caseId);
    }
}

package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.AnnualReviewDue;
import org.supportplans.CaseDriver;
import org.supportplans.CaseDriver.Step;
import org.supportplans.Http;
import org.supportplans.IepInEffect;
import org.supportplans.PinnedToday;
import org.supportplans.PostgresIntegrationTest;
import org.supportplans.Referrals;
import org.supportplans.Tasks;
import org.supportplans.workflow.SupportCaseProcess;

/**
 * A case that lives for years as real cases do: the IEP drafted before the meeting and finalised there, two annual
 * reviews each writing the next IEP, an amendment without a meeting between them; an IEP in effect every day from
 * the first meeting on, each version readable as it was, the notices the parents got. The engine's clock (and the
 * service's) is moved to each day the case is worked on; timers fire as they would.
 *
 * <p>The dates, worked out from the rules (T0 is the pinned Wednesday, {@link PinnedToday}):
 *
 * <ul>
 *   <li>the plan meeting on T0 (scheduled, its notice sent, the IEP drafted, held, the parents' consent the same
 *       day): version 1 in effect from T0 to T0 + 1 year - 1 day (an IEP runs a year at most, 34 CFR
 *       300.324(b)(1)); the annual review due T0 + 1 year (the annual-review clock: one year from the meeting, the
 *       same date a year on);
 *   <li>the review's task opens 30 days before the anniversary: R1 = T0 + 1 year - 30 days; held on R1, it writes
 *       version 2 from R1 to R1 + 1 year - 1 day; version 1 ends on R1 - 1 day; the next review due R1 + 1 year;
 *   <li>an amendment agreed in writing on A = R1 + 100 days (300.324(a)(4)): version 3 from A to version 2's end
 *       (R1 + 1 year - 1 day), the review still due R1 + 1 year; version 2 ends on A - 1 day;
 *   <li>the second review on R2 = (R1 + 1 year) - 30 days writes version 4 from R2 to R2 + 1 year - 1 day; version
 *       3 ends on R2 - 1 day.
 * </ul>
 */
@PostgresIntegrationTest
@ExtendWith(PinnedToday.class)
class PlanLifeIT {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Test
    void anIepIsInEffectEveryDayThroughTwoAnnualReviewsAndAnAmendment() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate t0 = Referrals.today();
        try {
            CaseDriver.Case life = anIepInEffect(coordinator, t0);
            String caseId = life.id();

            JsonNode first = onlyInEffect(coordinator, caseId);
            assertThat(first.path("version").asInt()).isEqualTo(1);
            assertThat(first.path("origin").asText()).isEqualTo("INITIAL");
            assertThat(first.path("effectiveFrom").asText()).isEqualTo(t0.toString());
            assertThat(first.path("effectiveTo").asText())
                    .isEqualTo(t0.plusYears(1).minusDays(1).toString());
            assertThat(first.path("reviewDue").asText())
                    .isEqualTo(t0.plusYears(1).toString());
            assertThat(first.path("finalisedBy").asText()).isEqualTo("coordinator");
            assertThat(first.path("finalisedAt").asText()).isNotEmpty();
            String firstGoals = first.path("annualGoals").asText();
            JsonNode clocks = coordinator.get("/api/cases/" + caseId).json().path("clocks");
            assertThat(clock(clocks, "iep-meeting").path("status").asText())
                    .as("the IEP meeting clock stops at the meeting that finalised the IEP")
                    .isEqualTo("MET");
            JsonNode meetingNotice =
                    notices(coordinator, caseId, "MEETING_NOTICE").get(0);
            assertThat(meetingNotice.path("content").path("subject").asText())
                    .isEqualTo("Plan meeting on " + t0 + " at Room 12");
            assertThat(meetingNotice.path("content").path("otherFactors").asText())
                    .contains("Who will attend");

            // the first annual review: its timer fires 30 days before the anniversary
            LocalDate r1 = t0.plusYears(1).minusDays(30);
            PinnedToday.moveTo(r1);
            AnnualReviewDue.now(runtimeService, managementService, coordinator, caseId);
            life.annualReviewHeld(r1);

            JsonNode second = onlyInEffect(coordinator, caseId);
            assertThat(second.path("version").asInt()).isEqualTo(2);
            assertThat(second.path("origin").asText()).isEqualTo("ANNUAL_REVIEW");
            assertThat(second.path("effectiveFrom").asText()).isEqualTo(r1.toString());
            assertThat(second.path("effectiveTo").asText())
                    .isEqualTo(r1.plusYears(1).minusDays(1).toString());
            assertThat(second.path("reviewDue").asText())
                    .isEqualTo(r1.plusYears(1).toString());
            assertThat(version(coordinator, caseId, 1).path("effectiveTo").asText())
                    .isEqualTo(r1.minusDays(1).toString());
            // the parents' papers of the review: prior written notice of the change, sealed, and the new IEP's version
            Http.Response papers = coordinator.get("/api/cases/" + caseId + "/documents");
            assertThat(papers.status()).as(papers.body()).isEqualTo(200);
            assertThat(papers.json())
                    .anySatisfy(document -> {
                        assertThat(document.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
                        assertThat(document.path("step").asText()).isEqualTo("PLAN_CHANGED");
                        assertThat(document.path("status").asText()).isEqualTo("FINAL");
                    })
                    .anySatisfy(document -> {
                        assertThat(document.path("kind").asText()).isEqualTo("IEP");
                        assertThat(document.path("version").asInt()).isGreaterThan(1);
                    });

            // an amendment without a meeting, 100 days later
            LocalDate agreedOn = r1.plusDays(100);
            PinnedToday.moveTo(agreedOn);
            Http.Response nothingChanged = coordinator.post(
                    "/api/cases/" + caseId + "/plan-amendments",
                    Map.of(
                            "agreedOn", agreedOn.toString(),
                            "parentsAgreedInWriting", true,
                            "reasons", "None.",
                            "optionsConsidered", "None.",
                            "accommodations", "Text read aloud in tests; extended time."));
            assertThat(nothingChanged.status()).isEqualTo(400);
            assertThat(nothingChanged.body()).contains("changes nothing");
            assertThat(coordinator
                            .post(
                                    "/api/cases/" + caseId + "/plan-amendments",
                                    Map.of("agreedOn", agreedOn.toString(), "parentsAgreedInWriting", true))
                            .status())
                    .as("no reasons, no options: no prior written notice")
                    .isEqualTo(400);

            Http.Response amended = coordinator.post(
                    "/api/cases/" + caseId + "/plan-amendments",
                    Map.of(
                            "agreedOn", agreedOn.toString(),
                            "parentsAgreedInWriting", true,
                            "reasons", "The parents asked for text read aloud in science as well.",
                            "optionsConsidered", "Waiting for the annual review: rejected, the unit test is next week.",
                            "accommodations", "Text read aloud in tests and in science; extended time."));
            assertThat(amended.status()).as(amended.body()).isEqualTo(201);
            JsonNode third = amended.json();
            assertThat(amended.header("Location")).isEqualTo("/api/cases/" + caseId + "/plans/" + third.path("id"));
            assertThat(third.path("version").asInt()).isEqualTo(3);
            assertThat(third.path("origin").asText()).isEqualTo("AMENDMENT");
            assertThat(third.path("effectiveFrom").asText()).isEqualTo(agreedOn.toString());
            assertThat(third.path("effectiveTo").asText())
                    .isEqualTo(second.path("effectiveTo").asText());
            assertThat(third.path("reviewDue").asText())
                    .isEqualTo(r1.plusYears(1).toString());
            assertThat(third.path("changeSummary").asText()).isEqualTo("The accommodations and supplementary aids.");
            // the team is informed of the amendment (300.324(a)(4)(ii)): each teacher of record told of version 3
            Tasks.await(
                    "the teachers told of version 3",
                    () ->
                            coordinator
                                    .get("/api/cases/" + caseId)
                                    .json()
                                    .path("teacherNotifications")
                                    .findValues("planId")
                                    .stream()
                                    .anyMatch(id ->
                                            id.asLong() == third.path("id").asLong()));

            // the second annual review; its form shows the amended IEP
            LocalDate r2 = r1.plusYears(1).minusDays(30);
            PinnedToday.moveTo(r2);
            AnnualReviewDue.now(runtimeService, managementService, coordinator, caseId);
            JsonNode reviewTask = Tasks.open(coordinator, caseId, Step.HOLD_ANNUAL_REVIEW.taskName());
            JsonNode shown = coordinator
                    .get("/engine-rest/task/" + reviewTask.path("id").asText() + "/form-variables")
                    .json();
            assertThat(shown.path("accommodations").path("value").asText())
                    .isEqualTo("Text read aloud in tests and in science; extended time.");
            life.annualReviewHeld(r2);

            JsonNode fourth = onlyInEffect(coordinator, caseId);
            assertThat(fourth.path("version").asInt()).isEqualTo(4);
            assertThat(fourth.path("effectiveFrom").asText()).isEqualTo(r2.toString());
            assertThat(fourth.path("effectiveTo").asText())
                    .isEqualTo(r2.plusYears(1).minusDays(1).toString());
            assertThat(fourth.path("reviewDue").asText())
                    .isEqualTo(r2.plusYears(1).toString());

            // the teachers of record are told what each new version asks of them
            Tasks.await(
                    "the teachers told of version 4",
                    () ->
                            coordinator
                                    .get("/api/cases/" + caseId)
                                    .json()
                                    .path("teacherNotifications")
                                    .findValues("planId")
                                    .stream()
                                    .anyMatch(id ->
                                            id.asLong() == fourth.path("id").asLong()));

            // every version as it was, and one IEP in effect every day from the first meeting on
            List<JsonNode> versions = ieps(coordinator, caseId);
            assertThat(versions).extracting(v -> v.path("version").asInt()).containsExactly(1, 2, 3, 4);
            assertThat(versions)
                    .extracting(v -> v.path("status").asText())
                    .containsExactly("SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "IN_EFFECT");
            assertThat(versions.get(2).path("effectiveTo").asText())
                    .isEqualTo(r2.minusDays(1).toString());
            assertThat(version(coordinator, caseId, 1).path("annualGoals").asText())
                    .as("version 1 reads as it was finalised")
                    .isEqualTo(firstGoals);
            assertThat(coordinator
                            .get("/api/cases/" + caseId + "/plans/"
                                    + versions.get(0).path("id").asText())
                            .json()
                            .path("annualGoals")
                            .asText())
                    .isEqualTo(firstGoals);
            LocalDate last = LocalDate.parse(fourth.path("effectiveTo").asText());
            for (LocalDate day = t0; !day.isAfter(last); day = day.plusDays(1)) {
                LocalDate d = day;
                assertThat(versions)
                        .as("IEP versions in effect on " + d)
                        .filteredOn(v -> !LocalDate.parse(
                                                v.path("effectiveFrom").asText())
                                        .isAfter(d)
                                && !LocalDate.parse(v.path("effectiveTo").asText())
                                        .isBefore(d))
                        .hasSize(1);
            }

            // prior written notice of each change, and the parents' copy of each new version
            List<JsonNode> pwn = notices(coordinator, caseId, "PRIOR_WRITTEN_NOTICE").stream()
                    .filter(n -> n.hasNonNull("planId"))
                    .toList();
            assertThat(pwn)
                    .extracting(n -> n.path("planId").asLong())
                    .containsExactly(
                            versions.get(1).path("id").asLong(),
                            versions.get(2).path("id").asLong(),
                            versions.get(3).path("id").asLong());
            assertThat(pwn)
                    .extracting(n -> n.path("sentOn").asText())
                    .containsExactly(r1.toString(), agreedOn.toString(), r2.toString());
            JsonNode amendmentNotice = pwn.get(1).path("content");
            assertThat(amendmentNotice.path("action").asText()).isEqualTo("PROPOSED");
            assertThat(amendmentNotice.path("subject").asText())
                    .isEqualTo("An amendment to the IEP agreed on " + agreedOn);
            assertThat(amendmentNotice.path("reasons").asText()).startsWith("The parents asked");
            assertThat(amendmentNotice.path("optionsConsidered").asText()).startsWith("Waiting for the annual review");
            assertThat(amendmentNotice.path("safeguards").asText()).contains("procedural safeguards");
            assertThat(amendmentNotice.path("language").asText()).isEqualTo("en");
            JsonNode byId = coordinator
                    .get("/api/cases/" + caseId + "/notices/"
                            + pwn.get(0).path("id").asText())
                    .json();
            assertThat(byId.path("content").path("subject").asText())
                    .isEqualTo("Changes to the IEP at the annual review of " + r1);
            assertThat(notices(coordinator, caseId, "PLAN_COPY"))
                    .extracting(n -> n.path("planId").asLong())
                    .containsExactly(
                            versions.get(1).path("id").asLong(),
                            versions.get(2).path("id").asLong(),
                            versions.get(3).path("id").asLong());
        } finally {
            PinnedToday.moveTo(t0);
        }
    }

    /**
     * An IEP that ends before the anniversary of its meeting ({@link IepInEffect}: the meeting on 14 September 2026,
     * the IEP from the 16th to 30 June 2027). The dates, from the rules:
     *
     * <ul>
     *   <li>the anniversary of the meeting is 14 September 2027 (34 CFR 300.324(b)(1)(i)); the next IEP must start by
     *       30 June 2027 + 1 day = 1 July 2027 (300.323(a): no day without an IEP), which comes first: the review is
     *       due 1 July 2027, the clock saying why;
     *   <li>its task opens 30 days before: 1 July 2027 - 30 days = 1 June 2027, at 7:00 in Denver (it opened on 15
     *       August 2027 before, after the IEP had ended, and the review could then not write the next IEP);
     *   <li>held on 1 June 2027, the review writes the IEP from 1 June 2027 to 31 May 2028 (a year less a day), the
     *       first ending on 31 May 2027; the clock is met; the next review is due 1 June 2028, the anniversary (the
     *       new IEP's next day is the same date).
     * </ul>
     */
    @Test
    void anIepEndingInJuneIsReviewedBeforeItEnds() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate t0 = Referrals.today();
        try {
            String caseId =
                    IepInEffect.of(port, Referrals.of(Referrals.newStudentId()), IepInEffect.READING_AND_WRITING);
            LocalDate nextIepBy = LocalDate.of(2027, 7, 1);

            JsonNode inEffect = coordinator.get("/api/cases/" + caseId).json();
            assertThat(inEffect.path("due").path("annualReview").asText()).isEqualTo(nextIepBy.toString());
            JsonNode first = onlyInEffect(coordinator, caseId);
            assertThat(first.path("effectiveTo").asText()).isEqualTo("2027-06-30");
            assertThat(first.path("reviewDue").asText()).isEqualTo(nextIepBy.toString());
            JsonNode annualReview = clock(inEffect.path("clocks"), "annual-review");
            assertThat(annualReview.path("dueDate").asText()).isEqualTo(nextIepBy.toString());
            assertThat(annualReview.path("rule").asText())
                    .isEqualTo("1 year after plan meeting (34 CFR 300.324(b)(1)(i)); by 2027-07-01 at the latest: the"
                            + " IEP in effect ends on 2027-06-30 and the next one must start by the day after (34 CFR"
                            + " 300.323(a))");
            assertThat(annualReview.path("legalBasis").asText())
                    .isEqualTo("34 CFR 300.324(b)(1)(i); 34 CFR 300.323(a)");
            String planInEffect = runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId, SupportCaseProcess.PlanInEffect.KEY)
                    .singleResult()
                    .getId();
            Job timer = managementService
                    .createJobQuery()
                    .processInstanceId(planInEffect)
                    .activityId(SupportCaseProcess.PlanInEffect.TIMER_ANNUAL_REVIEW_DUE)
                    .singleResult();
            assertThat(timer.getDuedate().toInstant())
                    .isEqualTo(LocalDate.of(2027, 6, 1)
                            .atTime(7, 0)
                            .atZone(Referrals.DEMO_ZONE)
                            .toInstant());

            LocalDate review = LocalDate.of(2027, 6, 1);
            PinnedToday.moveTo(review);
            AnnualReviewDue.now(runtimeService, managementService, coordinator, caseId);
            // the task is due when the clock is ("Due this week" reads it), its form says why
            org.camunda.bpm.engine.task.Task task = taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(caseId)
                    .taskDefinitionKey(SupportCaseProcess.PlanInEffect.TASK_HOLD_ANNUAL_REVIEW)
                    .singleResult();
            assertThat(task.getDueDate().toInstant())
                    .isEqualTo(
                            nextIepBy.atTime(7, 0).atZone(Referrals.DEMO_ZONE).toInstant());
            JsonNode form = coordinator
                    .get("/engine-rest/task/" + task.getId() + "/form-variables")
                    .json();
            assertThat(form.path("reviewWhy").path("value").asText())
                    .endsWith("Due by 2027-07-01: the IEP in effect ends on 2027-06-30 and the new one must start by"
                            + " the day after, so that the student is never without an IEP (34 CFR 300.323(a)).");
            CaseDriver.overHttp(port).theCase(caseId).annualReviewHeld(review);

            JsonNode second = onlyInEffect(coordinator, caseId);
            assertThat(second.path("version").asInt()).isEqualTo(2);
            assertThat(second.path("effectiveFrom").asText()).isEqualTo("2027-06-01");
            assertThat(second.path("effectiveTo").asText()).isEqualTo("2028-05-31");
            assertThat(second.path("reviewDue").asText()).isEqualTo("2028-06-01");
            assertThat(version(coordinator, caseId, 1).path("effectiveTo").asText())
                    .isEqualTo("2027-05-31");
            assertThat(coordinator.get("/api/cases/" + caseId).json().path("clocks"))
                    .filteredOn(c -> c.path("kind").asText().equals("annual-review"))
                    .extracting(c ->
                            c.path("status").asText() + " " + c.path("dueDate").asText())
                    .containsExactly("MET 2027-07-01", "RUNNING 2028-06-01");
        } finally {
            PinnedToday.moveTo(t0);
        }
    }

    /**
     * A student arrives from a district of the same state with an IEP (34 CFR 300.323(e)): its services from the
     * first day (the referral, 10 days ago), then the school adopts it: the annual review is due a year from that
     * IEP's start, the reevaluation three years from the last evaluation.
     */
    @Test
    void aTransferredIepIsInEffectFromTheFirstDayAndAdopted() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = Referrals.today();
        LocalDate arrived = today.minusDays(10);
        LocalDate iepStarts = today.minusDays(200);
        LocalDate evaluated = today.minusDays(400);
        String caseId = transferIn(coordinator, "IN_STATE", arrived, iepStarts, evaluated);

        JsonNode received = onlyInEffect(coordinator, caseId);
        assertThat(received.path("origin").asText()).isEqualTo("TRANSFER");
        assertThat(received.path("effectiveFrom").asText())
                .as("from the first day")
                .isEqualTo(arrived.toString());
        assertThat(received.path("changeSummary").asText()).contains("300.323(e)");
        Http.Response noSuchDecision = Tasks.complete(
                coordinator,
                Tasks.open(coordinator, caseId, "Decide on the transferred IEP"),
                Map.of("transferDecision", "ADOPT", "transferDecisionNotes", "The IEP is current."));
        assertThat(noSuchDecision.status()).isEqualTo(400);
        assertThat(noSuchDecision.body()).contains("Decision");

        Tasks.done(
                coordinator,
                caseId,
                "Decide on the transferred IEP",
                Map.of(
                        "transferDecision",
                        "ADOPT_IEP",
                        "transferDecisionNotes",
                        "The IEP is current and its services fit our program."));

        Tasks.await("the IEP adopted", () -> phaseOf(coordinator, caseId).equals("PLAN_IN_EFFECT"));
        JsonNode adopted = onlyInEffect(coordinator, caseId);
        assertThat(adopted.path("version").asInt()).isEqualTo(1);
        // 300.324(b)(1): a year from the IEP's start; 300.303(b)(2): three years from the last evaluation
        assertThat(adopted.path("reviewDue").asText())
                .isEqualTo(iepStarts.plusYears(1).toString());
        JsonNode clocks = coordinator.get("/api/cases/" + caseId).json().path("clocks");
        assertThat(clock(clocks, "annual-review").path("dueDate").asText())
                .isEqualTo(iepStarts.plusYears(1).toString());
        assertThat(clock(clocks, "reevaluation").path("dueDate").asText())
                .isEqualTo(evaluated.plusYears(3).toString());
        assertThat(notices(coordinator, caseId, "PRIOR_WRITTEN_NOTICE"))
                .singleElement()
                .satisfies(n -> assertThat(n.path("content").path("subject").asText())
                        .isEqualTo("The school adopts your child's IEP from the previous district"));
        // the parents' paper of the decision: prior written notice, sealed (300.503(a))
        Http.Response papers = coordinator.get("/api/cases/" + caseId + "/documents");
        assertThat(papers.json()).anySatisfy(document -> {
            assertThat(document.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
            assertThat(document.path("step").asText()).isEqualTo("TRANSFER_DECIDED");
            assertThat(document.path("status").asText()).isEqualTo("FINAL");
        });
    }

    /**
     * From another state (34 CFR 300.323(f)): the IEP cannot be adopted as it is; the school develops a new one at a
     * plan meeting, without asking consent for initial services again; the new IEP is version 2, and the
     * comparable services end the day before it takes effect.
     */
    @Test
    void aStudentFromAnotherStateGetsANewIepAndNoDayWithoutOne() {
        Http coordinator = Http.as(port, "coordinator");
        LocalDate today = Referrals.today();
        LocalDate arrived = today.minusDays(10);
        String caseId = transferIn(coordinator, "OUT_OF_STATE", arrived, today.minusDays(100), today.minusDays(500));

        Http.Response adopt = Tasks.complete(
                coordinator,
                Tasks.open(coordinator, caseId, "Decide on the transferred IEP"),
                Map.of("transferDecision", "ADOPT_IEP", "transferDecisionNotes", "The IEP looks current."));
        assertThat(adopt.status()).isEqualTo(400);
        assertThat(adopt.body()).contains("300.323(f)");

        Tasks.done(
                coordinator,
                caseId,
                "Decide on the transferred IEP",
                Map.of(
                        "transferDecision",
                        "DEVELOP_NEW_IEP",
                        "transferDecisionNotes",
                        "The records are complete; the team writes a new IEP with the parents."));
        CaseDriver.overHttp(port)
                .theCase(caseId)
                .meetingScheduled(today)
                .iepWritten(today)
                .meetingHeld(today);

        Tasks.await(
                "the new IEP in effect",
                () -> onlyInEffectOrNull(coordinator, caseId) != null
                        && onlyInEffectOrNull(coordinator, caseId)
                                        .path("version")
                                        .asInt()
                                == 2);
        List<JsonNode> versions = ieps(coordinator, caseId);
        assertThat(versions).extracting(v -> v.path("origin").asText()).containsExactly("TRANSFER", "INITIAL");
        assertThat(versions.get(0).path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(versions.get(0).path("effectiveFrom").asText()).isEqualTo(arrived.toString());
        assertThat(versions.get(0).path("effectiveTo").asText())
                .isEqualTo(today.minusDays(1).toString());
        assertThat(versions.get(1).path("effectiveFrom").asText()).isEqualTo(today.toString());
        assertThat(versions.get(1).path("previousId").asLong())
                .isEqualTo(versions.get(0).path("id").asLong());
        JsonNode consents = coordinator.get("/api/cases/" + caseId).json().path("consents");
        assertThat(consents).as("no consent for initial services asked again").isEmpty();
    }

    /**
     * 34 CFR 300.305(a), (d): at the reevaluation the team reviews the existing data and needs no more; no consent is
     * asked (there is nothing to assess), the parents get prior written notice of the determination and their right
     * to ask for an assessment, and the next reevaluation is due three years from this one (300.303(b)(2)). The
     * reevaluation's timer opens the review 90 days before it is due: on E + 3 years - 90 days, E the evaluation day.
     */
    @Test
    void aReevaluationFromTheExistingDataNeedsNoConsentAndTellsTheParentsWhy() {
        Http coordinator = Http.as(port, "coordinator");
        Http psychologist = Http.as(port, "school-psychologist");
        LocalDate t0 = Referrals.today();
        try {
            String caseId = anIepInEffect(coordinator, t0).id();
            assertThat(clock(coordinator.get("/api/cases/" + caseId).json().path("clocks"), "reevaluation")
                            .path("dueDate")
                            .asText())
                    .isEqualTo(t0.plusYears(3).toString());

            LocalDate reviewedOn = t0.plusYears(3).minusDays(90);
            PinnedToday.moveTo(reviewedOn);
            String planInEffect = runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId, SupportCaseProcess.PlanInEffect.KEY)
                    .singleResult()
                    .getId();
            Job due = managementService
                    .createJobQuery()
                    .processInstanceId(planInEffect)
                    .activityId(SupportCaseProcess.PlanInEffect.TIMER_REEVALUATION_DUE)
                    .singleResult();
            managementService.executeJob(due.getId());
            Tasks.done(
                    psychologist,
                    caseId,
                    "Review the existing data: is more needed?",
                    Map.of(
                            "existingDataReviewedOn",
                            reviewedOn.toString(),
                            "existingDataSummary",
                            "The evaluation of three years ago\nThis year's reading probes\nThe parents' report",
                            "moreDataNeeded",
                            "NO",
                            "noMoreDataReasons",
                            "The probes show the same decoding need the IEP serves; nothing suggests another."));

            JsonNode afterwards = coordinator.get("/api/cases/" + caseId).json();
            assertThat(afterwards.path("consents"))
                    .as("no consent to reevaluate asked")
                    .noneMatch(c -> c.path("kind").asText().equals("REEVALUATION_CONSENT"));
            assertThat(afterwards.path("clocks"))
                    .filteredOn(c -> c.path("kind").asText().equals("reevaluation"))
                    .extracting(c ->
                            c.path("status").asText() + " " + c.path("dueDate").asText())
                    .as("the first met on the review day, the next due three years on")
                    .containsExactlyInAnyOrder("MET " + t0.plusYears(3), "RUNNING " + reviewedOn.plusYears(3));
            assertThat(notices(coordinator, caseId, "PRIOR_WRITTEN_NOTICE")).anySatisfy(n -> {
                assertThat(n.path("content").path("subject").asText()).isEqualTo(PriorWrittenNotices.NO_NEW_DATA);
                assertThat(n.path("content").path("optionsConsidered").asText()).contains("300.305(d)(2)");
            });
            assertThat(coordinator.get("/api/cases/" + caseId + "/documents").json())
                    .anySatisfy(document -> {
                        assertThat(document.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
                        assertThat(document.path("step").asText()).isEqualTo("REEVALUATION_COMPLETED");
                    });
            assertThat(phaseOf(coordinator, caseId)).isEqualTo("PLAN_IN_EFFECT");
            // (no annual review was held in this test, so the overdue review's timer may fire at once and take the
            // case to "Hold the annual review": the reevaluation's next date is read from the process, not its timer)
            assertThat(runtimeService.getVariable(planInEffect, "reevaluationDueOn"))
                    .as("the next reevaluation, three years from this one")
                    .isEqualTo(reviewedOn.plusYears(3).toString());
        } finally {
            PinnedToday.moveTo(t0);
        }
    }

    /**
     * 34 CFR 300.324(b)(1)(ii)(B): after a reevaluation that finds the student still eligible, the team revises the
     * IEP to address its results: a version of its own (origin REEVALUATION), with prior written notice and the
     * parents' copy. The meeting reviews the IEP, so the annual review is met by it and counts again from it
     * (300.324(b)(1)(i): "periodically, but not less than annually"). Here a month after the IEP took effect (T0):
     * the reevaluation's timer run early, on T1 = T0 + 30 days.
     */
    @Test
    void theIepRevisedWithAReevaluationsResultsIsAVersionOfItsOwn() {
        Http coordinator = Http.as(port, "coordinator");
        Http psychologist = Http.as(port, "school-psychologist");
        LocalDate t0 = Referrals.today();
        try {
            CaseDriver.Case life = anIepInEffect(coordinator, t0);
            String caseId = life.id();

            LocalDate t1 = t0.plusDays(30);
            PinnedToday.moveTo(t1);
            String planInEffect = runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId, SupportCaseProcess.PlanInEffect.KEY)
                    .singleResult()
                    .getId();
            managementService.executeJob(managementService
                    .createJobQuery()
                    .processInstanceId(planInEffect)
                    .activityId(SupportCaseProcess.PlanInEffect.TIMER_REEVALUATION_DUE)
                    .singleResult()
                    .getId());
            Tasks.done(
                    psychologist,
                    caseId,
                    "Review the existing data: is more needed?",
                    Map.of(
                            "existingDataReviewedOn",
                            t1.toString(),
                            "existingDataSummary",
                            "This year's reading probes and the teacher's report",
                            "moreDataNeeded",
                            "YES"));
            Tasks.await(
                    "the consent to reevaluate asked",
                    () -> coordinator
                                    .post(
                                            "/api/cases/" + caseId + "/parent-responses",
                                            Map.of(
                                                    "kind",
                                                    "REEVALUATION_CONSENT",
                                                    "decision",
                                                    "GIVEN",
                                                    "date",
                                                    t1.toString()))
                                    .status()
                            == 202);
            Tasks.done(
                    psychologist,
                    caseId,
                    "Reevaluate and decide continued eligibility",
                    Map.of(
                            "reevaluationCompletedOn",
                            t1.toString(),
                            "continuedEligibility",
                            "YES",
                            "reevaluationSummary",
                            "Still a specific learning disability; fluency, not decoding, is the need now."));

            Map<String, Object> revision = CaseDriver.Forms.annualReview(t1, t1);
            revision.put("annualReviewNotes", "The reevaluation's results: fluency is the need now.");
            revision.put("changeReasons", "The reevaluation found fluency, not decoding, is what holds her back.");
            Tasks.done(coordinator, caseId, "Review the plan with the reevaluation's results", revision);

            JsonNode revised = onlyInEffect(coordinator, caseId);
            assertThat(revised.path("version").asInt()).isEqualTo(2);
            assertThat(revised.path("origin").asText()).isEqualTo("REEVALUATION");
            assertThat(revised.path("effectiveFrom").asText()).isEqualTo(t1.toString());
            assertThat(revised.path("reviewDue").asText())
                    .isEqualTo(t1.plusYears(1).toString());
            assertThat(version(coordinator, caseId, 1).path("effectiveTo").asText())
                    .as("the first IEP ends the day before, so that no day is without an IEP")
                    .isEqualTo(t1.minusDays(1).toString());
            assertThat(coordinator.get("/api/cases/" + caseId).json().path("clocks"))
                    .filteredOn(c -> c.path("kind").asText().equals("annual-review"))
                    .extracting(c ->
                            c.path("status").asText() + " " + c.path("dueDate").asText())
                    .containsExactlyInAnyOrder("MET " + t0.plusYears(1), "RUNNING " + t1.plusYears(1));
            assertThat(notices(coordinator, caseId, "PRIOR_WRITTEN_NOTICE")).anySatisfy(n -> {
                assertThat(n.path("content").path("subject").asText())
                        .isEqualTo("Changes to the IEP at the review after the reevaluation of " + t1);
                assertThat(n.path("content").path("reasons").asText()).contains("fluency, not decoding");
            });
            assertThat(notices(coordinator, caseId, "PLAN_COPY"))
                    .as("the parents' copy of the revised IEP (300.322(f))")
                    .anySatisfy(n -> assertThat(n.path("planId").asLong())
                            .isEqualTo(revised.path("id").asLong()));
            assertThat(coordinator.get("/api/cases/" + caseId + "/documents").json())
                    .anySatisfy(document -> {
                        assertThat(document.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
                        assertThat(document.path("step").asText()).isEqualTo("PLAN_CHANGED");
                    });

            // the parents then ask for a third weekly session, and the school refuses: prior written notice of the
            // refusal (300.503(a)(2)), sealed for the family
            Http.Response refused = coordinator.post(
                    "/api/cases/" + caseId + "/request-refusals",
                    Map.of(
                            "requestedOn", t1.toString(),
                            "request", "Specialized reading instruction three times a day",
                            "about", "SERVICES",
                            "reasons", "The revised IEP's daily session meets the new fluency goal.",
                            "evidence", "The reevaluation of " + t1 + "\nThe revised IEP",
                            "optionsConsidered", "Three sessions a day: rejected, she would miss science."));
            assertThat(refused.status()).as(refused.body()).isEqualTo(201);
            assertThat(refused.json().path("content").path("action").asText()).isEqualTo("REFUSED");
            assertThat(refused.json().path("content").path("subject").asText())
                    .isEqualTo("Your request of " + t1 + ": Specialized reading instruction three times a day");
            assertThat(coordinator.get("/api/cases/" + caseId + "/documents").json())
                    .anySatisfy(document -> {
                        assertThat(document.path("kind").asText()).isEqualTo("PRIOR_WRITTEN_NOTICE");
                        assertThat(document.path("step").asText()).isEqualTo("REQUEST_REFUSED");
                        assertThat(document.path("status").asText()).isEqualTo("FINAL");
                    });
        } finally {
            PinnedToday.moveTo(t0);
        }
    }

    private String transferIn(
            Http coordinator, String from, LocalDate arrived, LocalDate iepStarts, LocalDate evaluated) {
        Map<String, Object> referral = new java.util.LinkedHashMap<>(Referrals.of(Referrals.newStudentId()));
        referral.put("receivedOn", arrived.toString());
        referral.put(
                "transferIn",
                Map.of(
                        "from",
                        from,
                        "previousDistrict",
                        "Adams 12 Five Star Schools",
                        "lastEvaluatedOn",
                        evaluated.toString(),
                        "iep",
                        Map.of(
                                "startsOn",
                                iepStarts.toString(),
                                "endsOn",
                                iepStarts.plusYears(1).minusDays(1).toString(),
                                "presentLevels",
                                "Reads at a second-grade level; math at grade level.",
                                "annualGoals",
                                "Reads third-grade text at 80 words correct per minute.",
                                "services",
                                List.of(Map.of(
                                        "service", "Specialized reading instruction",
                                        "providerRole", "special-education-teacher",
                                        "minutes", 30,
                                        "frequency", "DAILY",
                                        "setting", "SPECIAL_EDUCATION",
                                        "startsOn", iepStarts.toString(),
                                        "endsOn",
                                                iepStarts
                                                        .plusYears(1)
                                                        .minusDays(1)
                                                        .toString())),
                                "placement",
                                "REGULAR_CLASS_80_PERCENT_OR_MORE")));
        Http.Response referred = coordinator.post("/api/referrals", referral);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        return referred.json().path("caseId").asText();
    }

    private static JsonNode onlyInEffectOrNull(Http staff, String caseId) {
        JsonNode inEffect = staff.get("/api/cases/" + caseId).json().path("plansInEffect");
        return inEffect.size() == 1 ? inEffect.get(0) : null;
    }

    /**
     * A case driven to an IEP in effect on {@code t0}: referred, evaluated (one area), eligible, the meeting held and the
     * parents' consent to services given, all that day.
     */
    private CaseDriver.Case anIepInEffect(Http coordinator, LocalDate t0) {
        CaseDriver.Case supportCase = CaseDriver.overHttp(port)
                .aCase()
                .triaged()
                .consented(t0)
                .evaluationPlanned("COGNITIVE")
                .areaEvaluated("school-psychologist", t0, "Average reasoning, weak decoding.")
                .eligible(t0)
                .meetingScheduled(t0)
                .iepWritten(t0)
                .meetingHeld(t0)
                .servicesConsented(t0);
        Tasks.await(
                "the IEP in effect",
                () -> phaseOf(coordinator, supportCase.id()).equals("PLAN_IN_EFFECT"));
        return supportCase;
    }

    private static String phaseOf(Http staff, String caseId) {
        return staff.get("/api/cases/" + caseId).json().path("phase").asText();
    }

    private static JsonNode onlyInEffect(Http staff, String caseId) {
        JsonNode inEffect = staff.get("/api/cases/" + caseId).json().path("plansInEffect");
        assertThat(inEffect).hasSize(1);
        return inEffect.get(0);
    }

    private static List<JsonNode> ieps(Http staff, String caseId) {
        List<JsonNode> ieps = new ArrayList<>();
        staff.get("/api/cases/" + caseId).json().path("plans").forEach(p -> {
            if (p.path("kind").asText().equals("IEP")) {
                ieps.add(p);
            }
        });
        return ieps;
    }

    private static JsonNode version(Http staff, String caseId, int version) {
        return ieps(staff, caseId).stream()
                .filter(p -> p.path("version").asInt() == version)
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> notices(Http staff, String caseId, String kind) {
        List<JsonNode> notices = new ArrayList<>();
        staff.get("/api/cases/" + caseId).json().path("notices").forEach(n -> {
            if (n.path("kind").asText().equals(kind)) {
                notices.add(n);
            }
        });
        return notices;
    }

    private static JsonNode clock(JsonNode clocks, String kind) {
        for (JsonNode clock : clocks) {
            if (clock.path("kind").asText().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("no " + kind + " clock");
    }
}

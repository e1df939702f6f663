package org.supportplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Drives a case through its steps as the staff do them, one fluent line per step:
 *
 * <pre>{@code
 * String caseId = CaseDriver.overHttp(port)
 *         .aCase()
 *         .triaged()
 *         .consented(today)
 *         .evaluationPlanned("COGNITIVE")
 *         .areaEvaluated("school-psychologist", today, "Average reasoning, weak decoding.")
 *         .eligible(today)
 *         .id();
 * }</pre>
 *
 * <p>Over HTTP ({@link #overHttp}) a step goes through the interfaces people use: our API for the referral and
 * the parents' answers, the engine REST API (what Tasklist calls) for each task, signed in as the demo user of
 * the role that does it. The benchmark drives the same steps in the service's JVM through its own {@link
 * Hands}. The values each step enters are {@link Forms}'; a test that checks a step's answer (a refusal, a
 * conflict) makes that step itself and lets the driver do the others.
 */
public final class CaseDriver {

    /** The user tasks the driver completes: their definition key and the name Tasklist shows. */
    public enum Step {
        TRIAGE_REFERRAL("Task_TriageReferral", "Triage the referral"),
        RECORD_PARENT_ANSWER("Task_RecordParentAnswer", "Record the parents' answer"),
        PLAN_EVALUATION("Task_PlanEvaluation", "Plan the evaluation"),
        EVALUATE_AREA("Task_EvaluateArea", "Evaluate an area"),
        DECIDE_ELIGIBILITY("Task_DecideEligibility", "Hold the eligibility meeting and decide"),
        SCHEDULE_PLAN_MEETING("Task_SchedulePlanMeeting", "Schedule the plan meeting"),
        HOLD_PLAN_MEETING("Task_HoldPlanMeeting", "Hold the plan meeting"),
        WRITE_IEP("Task_WriteIep", "Draft the IEP"),
        WRITE_504_PLAN("Task_Write504Plan", "Draft the Section 504 plan"),
        RECORD_LATE_REASON("Task_RecordLateReason", "Deadline missed: record why"),
        HOLD_ANNUAL_REVIEW("Task_HoldAnnualReview", "Hold the annual review");

        private final String taskKey;
        private final String taskName;

        Step(String taskKey, String taskName) {
            this.taskKey = taskKey;
            this.taskName = taskName;
        }

        public String taskKey() {
            return taskKey;
        }

        public String taskName() {
            return taskName;
        }
    }

    /** How a step reaches the service. Each method fails the test when the service refuses the step. */
    public interface Hands {

        /** The coordinator receives the referral; answers the case id. */
        String refer(Map<String, Object> referral);

        /** The staff member completes the case's one open task of that step they are offered. */
        void complete(String userId, String caseId, Step step, Map<String, Object> values);

        /** The parents' answer (consent given) arrives; {@code kind} as the API names it, e.g. EVALUATION_CONSENT. */
        void parentsGave(String caseId, String kind, LocalDate on);
    }

    private final Hands hands;

    private CaseDriver(Hands hands) {
        this.hands = hands;
    }

    public static CaseDriver with(Hands hands) {
        return new CaseDriver(hands);
    }

    /** Through our API and the engine REST API of the service at that port on this machine. */
    public static CaseDriver overHttp(int port) {
        return new CaseDriver(new OverHttp(port, java.util.function.UnaryOperator.identity()));
    }

    /**
     * As {@link #overHttp(int)}, each step done by the staff member {@code staffOfRole} names for the role's demo user
     * id (e.g. a school's own coordinator from its roster), signing in with their user id as password.
     */
    public static CaseDriver overHttp(int port, java.util.function.UnaryOperator<String> staffOfRole) {
        return new CaseDriver(new OverHttp(port, staffOfRole));
    }

    /** A new student's referral ({@link Referrals#of}), received by the coordinator. */
    public Case aCase() {
        return aCase(Referrals.of(Referrals.newStudentId()));
    }

    public Case aCase(Map<String, Object> referral) {
        return new Case(hands.refer(referral));
    }

    /** A case already referred, driven on from where it waits. */
    public Case theCase(String caseId) {
        return new Case(caseId);
    }

    /** One case, step by step. */
    public final class Case {

        private final String id;

        private Case(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Triaged for an initial evaluation under IDEA. */
        public Case triaged() {
            return triaged("EVALUATE_IDEA", "Reading two years below grade level.");
        }

        public Case triaged(String outcome, String rationale) {
            return did("coordinator", Step.TRIAGE_REFERRAL, Forms.triage(outcome, rationale));
        }

        /** The parents consent to the evaluation; the coordinator is then asked to plan it. */
        public Case consented(LocalDate on) {
            hands.parentsGave(id, "EVALUATION_CONSENT", on);
            return this;
        }

        public Case evaluationPlanned(String... areas) {
            return did("coordinator", Step.PLAN_EVALUATION, Forms.evaluationPlan(areas));
        }

        /** One area's report, by the staff member the area's task is offered to. */
        public Case areaEvaluated(String userId, LocalDate on, String findings) {
            return did(userId, Step.EVALUATE_AREA, Forms.areaReport(on, findings));
        }

        /** The areas COGNITIVE and ACADEMIC, reported by the school psychologist and the special education teacher. */
        public Case evaluated(LocalDate on) {
            return areaEvaluated("school-psychologist", on, "Average verbal reasoning, weak phonological processing.")
                    .areaEvaluated(
                            "special-education-teacher", on, "Reads at a first-grade level; math at grade level.");
        }

        /** Eligible for an IEP: a specific learning disability. */
        public Case eligible(LocalDate on) {
            return did("coordinator", Step.DECIDE_ELIGIBILITY, Forms.eligibleForAnIep(on));
        }

        public Case meetingScheduled(LocalDate on) {
            return meetingScheduled(on, "Room 12");
        }

        public Case meetingScheduled(LocalDate on, String location) {
            return did("coordinator", Step.SCHEDULE_PLAN_MEETING, Forms.planMeetingScheduled(on, location));
        }

        /**
         * Held with the parents, the coordinator, both teachers of record and the LEA representative: the drafts
         * written for it are finalised there.
         */
        public Case meetingHeld(LocalDate on) {
            return meetingHeld(
                    on,
                    "PARENT",
                    "coordinator",
                    "special-education-teacher",
                    "general-education-teacher",
                    "lea-representative");
        }

        public Case meetingHeld(LocalDate on, String... participants) {
            return did("coordinator", Step.HOLD_PLAN_MEETING, Forms.planMeetingHeld(on, participants));
        }

        /** Drafted before the meeting by the special education teacher: {@link Forms#iep}. */
        public Case iepWritten(LocalDate startsOn) {
            return iepWritten(Forms.iep(startsOn));
        }

        public Case iepWritten(Map<String, Object> iep) {
            return did("special-education-teacher", Step.WRITE_IEP, iep);
        }

        /**
         * The annual review held on {@code on}, writing the IEP for a year from that day ({@link
         * Forms#annualReview}); its task must be open (its timer fired).
         */
        public Case annualReviewHeld(LocalDate on) {
            return did("coordinator", Step.HOLD_ANNUAL_REVIEW, Forms.annualReview(on, on));
        }

        /** The parents consent to the services: the plan takes effect. */
        public Case servicesConsented(LocalDate on) {
            hands.parentsGave(id, "SERVICES_CONSENT", on);
            return this;
        }

        /** Any step, with the values given. */
        public Case did(String userId, Step step, Map<String, Object> values) {
            hands.complete(userId, id, step, values);
            return this;
        }
    }

    /** What staff enter in each step's form, valid as the service checks it (lists as Camunda Forms send them). */
    public static final class Forms {

        private Forms() {}

        public static Map<String, Object> triage(String outcome, String rationale) {
            return values("triageOutcome", outcome, "triageRationale", rationale);
        }

        public static Map<String, Object> parentAnswer(LocalDate on) {
            return values("parentDecision", "GIVEN", "parentDecisionDate", on.toString());
        }

        public static Map<String, Object> evaluationPlan(String... areas) {
            return values("evaluationAreas", List.of(areas));
        }

        public static Map<String, Object> areaReport(LocalDate on, String findings) {
            return values("areaCompletedOn", on.toString(), "areaFindings", findings);
        }

        public static Map<String, Object> eligibleForAnIep(LocalDate on) {
            return eligibility(on, "IEP", "A specific learning disability in basic reading skills.");
        }

        public static Map<String, Object> eligibility(LocalDate on, String outcome, String rationale) {
            Map<String, Object> values = values("eligibilityMeetingOn", on.toString(), "eligibilityOutcome", outcome);
            if (outcome.equals("IEP")) {
                values.put("ideaCategories", List.of("SPECIFIC_LEARNING_DISABILITY"));
                values.putAll(learningDisabilityReport());
            }
            values.put("eligibilityRationale", rationale);
            values.putAll(eligibilityTeam());
            return values;
        }

        /** The group that decided, the parents with it, all agreeing (34 CFR 300.306(a)(1)). */
        public static Map<String, Object> eligibilityTeam() {
            return values(
                    "eligibilityTeam",
                    "Ana Ruiz, school psychologist\nJo Park, special education teacher\nthe parents",
                    "parentsTookPart",
                    "YES",
                    "teamAgreement",
                    "ALL_AGREE");
        }

        /** The written report of a specific learning disability, from a response to intervention (300.311(a)). */
        public static Map<String, Object> learningDisabilityReport() {
            return values(
                    "sldObservation",
                    "Avoids reading aloud and loses her place in the text.",
                    "sldAchievementAreas",
                    List.of("BASIC_READING_SKILL", "READING_FLUENCY"),
                    "sldProgressBasis",
                    "RESPONSE_TO_INTERVENTION",
                    "sldInterventionData",
                    "Twelve weeks of daily phonics in a small group; weekly fluency probes stayed flat.",
                    "sldParentsNotified",
                    true,
                    "sldExclusionaryFactors",
                    "Vision and hearing screened normal; English is her first language.",
                    "sldCertified",
                    true);
        }

        public static Map<String, Object> planMeetingScheduled(LocalDate on, String location) {
            return values("planMeetingOn", on.toString(), "planMeetingLocation", location);
        }

        public static Map<String, Object> planMeetingHeld(LocalDate on, String... participants) {
            return values("planMeetingHeldOn", on.toString(), "meetingParticipants", List.of(participants));
        }

        /** A year's IEP from that day: daily specialized reading instruction, 45 minutes, in special education. */
        public static Map<String, Object> iep(LocalDate startsOn) {
            LocalDate endsOn = startsOn.plusYears(1).minusDays(1);
            return values(
                    "iepStartsOn", startsOn.toString(),
                    "iepEndsOn", endsOn.toString(),
                    "presentLevels", "Maya decodes at a first-grade level and comprehends grade-level text read aloud.",
                    "annualGoals", "Reads second-grade text at 60 words correct per minute by May.",
                    "services",
                            List.of(Map.of(
                                    "service", "Specialized reading instruction",
                                    "providerRole", "special-education-teacher",
                                    "minutes", 45,
                                    "frequency", "DAILY",
                                    "setting", "SPECIAL_EDUCATION",
                                    "startsOn", startsOn.toString(),
                                    "endsOn", endsOn.toString())),
                    "accommodations", "Text read aloud in tests; extended time.",
                    "placement", "REGULAR_CLASS_80_PERCENT_OR_MORE",
                    "nondisabledPeers", "45 minutes a day in the resource room for reading; with her class otherwise.",
                    "progressReporting", "A report on each goal with every report card, four times a year.",
                    "assessmentParticipation", "WITH_ACCOMMODATIONS",
                    "extendedSchoolYear", "NOT_NEEDED");
        }

        /**
         * The annual review held on {@code heldOn}: the IEP for a year from {@code iepStartsOn} (new present levels
         * and goals, the same service), with the reasons and the options considered for the prior written notice.
         */
        public static Map<String, Object> annualReview(LocalDate heldOn, LocalDate iepStartsOn) {
            Map<String, Object> values = values(
                    "annualReviewHeldOn",
                    heldOn.toString(),
                    "annualReviewNotes",
                    "Goals on track; reading fluency up by 20 words per minute.");
            values.putAll(iep(iepStartsOn));
            values.put("presentLevels", "Maya reads second-grade text at 62 words correct per minute.");
            values.put("annualGoals", "Reads third-grade text at 80 words correct per minute by May.");
            values.put("changeReasons", "She met last year's fluency goal; the new goal asks for third-grade text.");
            values.put("optionsConsidered", "Keeping last year's goal: rejected, she has met it.");
            return values;
        }

        /** A year's Section 504 plan from that day: rest breaks, by the general education teacher. */
        public static Map<String, Object> section504Plan(LocalDate startsOn) {
            return values(
                    "plan504StartsOn", startsOn.toString(),
                    "plan504EndsOn", startsOn.plusYears(1).minusDays(1).toString(),
                    "accommodations504",
                            List.of(Map.of(
                                    "accommodation", "Rest breaks and water at the desk",
                                    "providerRole", "general-education-teacher")));
        }

        /** A year's ALP from that day: math acceleration. */
        public static Map<String, Object> alp(LocalDate startsOn) {
            return values(
                    "alpStartsOn",
                    startsOn.toString(),
                    "alpEndsOn",
                    startsOn.plusYears(1).minusDays(1).toString(),
                    "strengthAreas",
                    List.of("MATHEMATICS"),
                    "achievementGoals",
                    "Completes the next grade's math course.",
                    "affectiveGoals",
                    "Works with peers on open problems.",
                    "programming",
                    "Math acceleration with a mentor once a week.");
        }

        public static Map<String, Object> lateReason(String code, String text) {
            return values("lateReasonCode", code, "lateReasonText", text);
        }

        /** A modifiable map of names and values, in order. */
        public static Map<String, Object> values(Object... namesAndValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return map;
        }
    }

    /** Our API and the engine REST API, signed in with HTTP Basic as the demo user of each role. */
    private static final class OverHttp implements Hands {

        private final int port;
        private final java.util.function.UnaryOperator<String> staffOfRole;

        OverHttp(int port, java.util.function.UnaryOperator<String> staffOfRole) {
            this.port = port;
            this.staffOfRole = staffOfRole;
        }

        @Override
        public String refer(Map<String, Object> referral) {
            Http.Response referred =
                    Http.as(port, staffOfRole.apply("coordinator")).post("/api/referrals", referral);
            assertThat(referred.status()).as(referred.body()).isEqualTo(201);
            return referred.json().path("caseId").asText();
        }

        @Override
        public void complete(String role, String caseId, Step step, Map<String, Object> values) {
            String userId = staffOfRole.apply(role);
            Http staff = Http.as(port, userId);
            // a step after an asynchronous one (the parents' answer) may open its task a moment later
            Awaitility.await("'" + step.taskName() + "' of case " + caseId + " offered to " + userId)
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> Tasks.all(staff, caseId).stream()
                            .anyMatch(task -> task.path("name").asText().equals(step.taskName())));
            Tasks.done(staff, caseId, step.taskName(), values);
        }

        @Override
        public void parentsGave(String caseId, String kind, LocalDate on) {
            Http.Response answered = Http.as(port, staffOfRole.apply("coordinator"))
                    .post(
                            "/api/cases/" + caseId + "/parent-responses",
                            Map.of("kind", kind, "decision", "GIVEN", "date", on.toString()));
            assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        }
    }
}

package org.supportplans.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.supportplans.people.District;
import org.supportplans.people.School;

/**
 * The rules of a case's phases, on our tables alone: the phase services with JPA on an in-memory H2 (the
 * migrations of the embedded default), no engine, a fake clock port and a pinned "today". Each step of
 * {@link #aCase()} is written to the database and read back, as a task of its own would be.
 */
@DataJpaTest
@Import({
    OpenCases.class,
    DistrictDay.class,
    Timeline.class,
    TransitionAge.class,
    Triage.class,
    Consents.class,
    Evaluations.class,
    PlanMeetings.class,
    PlanDevelopment.class,
    PlanRecords.class,
    PlanVersions.class,
    Reviews.class,
    CaseClosure.class,
    ParentRequests.class,
    PhaseTest.Fakes.class
})
abstract class PhaseTest {

    /** 15 October 2026 in Denver (noon there). */
    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    /** A team that agrees, the parents with it (34 CFR 300.306(a)(1)). */
    static final EligibilityTeam TEAM = new EligibilityTeam(
            "Ana Ruiz, school psychologist\nJo Park, special education teacher\nthe parents",
            true,
            EligibilityTeam.Agreement.ALL_AGREE,
            null);

    /** A complete report of a specific learning disability (34 CFR 300.311(a)), from a response to intervention. */
    static final SldReport SLD_REPORT = new SldReport(
            "Avoids reading aloud; loses her place in the text.",
            null,
            Set.of(SldReport.AchievementArea.BASIC_READING_SKILL),
            SldReport.ProgressBasis.RESPONSE_TO_INTERVENTION,
            "Vision and hearing normal; English is her first language.",
            "Twelve weeks of daily phonics; weekly probes flat.",
            true,
            true);

    static final String ACTOR = "coordinator";

    /** The IEP team at the meeting: the parents, the coordinator and the members 34 CFR 300.321(a) requires. */
    static final List<String> IEP_TEAM = List.of(
            "PARENT", "coordinator", "special-education-teacher", "general-education-teacher", "lea-representative");

    @TestConfiguration
    static class Fakes {
        @Bean
        DayClock clock() {
            return new DayClock();
        }

        @Bean
        FakeClocks caseClocks() {
            return new FakeClocks();
        }
    }

    @Autowired
    TestEntityManager entities;

    @Autowired
    DayClock clock;

    @Autowired
    FakeClocks clocks;

    @Autowired
    Triage triage;

    @Autowired
    Consents consents;

    @Autowired
    Evaluations evaluations;

    @Autowired
    PlanMeetings meetings;

    @Autowired
    PlanDevelopment plans;

    @Autowired
    Reviews reviews;

    @Autowired
    CaseClosure closure;

    @Autowired
    ParentRequests requests;

    School school;

    @BeforeEach
    void aDenverSchool() {
        clocks.started.clear();
        clocks.stopped.clear();
        clocks.cancelled.clear();
        clocks.evaluationStartsAt = ClockStart.CONSENT;
        clock.today(TODAY);
        District district = entities.persist(new District("test-district", "Test", "CO", ZoneId.of("America/Denver")));
        school = entities.persist(new School("test-school", district, "Test Elementary"));
    }

    /** A case driven through its phases, step by step, each step written and read back. */
    CaseSteps aCase() {
        return new CaseSteps(LocalDate.of(2016, 4, 2), false);
    }

    /** An IEP in effect since today, written at a meeting held today. */
    CaseSteps aCaseInEffect() {
        return aCase().triaged(TriageOutcome.EVALUATE_IDEA)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(LocalDate.of(2026, 10, 1), EvaluationArea.ACADEMIC)
                .eligible(LocalDate.of(2026, 10, 1), EligibilityOutcome.IEP)
                .meetingScheduled(TODAY)
                .iepWritten(TODAY, null)
                .meetingHeld(TODAY)
                .servicesConsent(ParentDecision.GIVEN, TODAY)
                .inEffect();
    }

    CaseSteps aCaseOfAStudentBornOn(LocalDate birthDate) {
        return new CaseSteps(birthDate, false);
    }

    final class CaseSteps {
        final String id;

        CaseSteps(LocalDate dateOfBirth, boolean parentRequested) {
            id = triage.refer(
                            new Triage.NewReferral(
                                    school,
                                    "S-" + dateOfBirth,
                                    "Maya",
                                    "Lopez",
                                    dateOfBirth,
                                    TODAY.minusDays(40),
                                    ReferrerRole.TEACHER,
                                    "Ms. Reed",
                                    Set.of(Concern.ACADEMIC),
                                    parentRequested,
                                    "Reading two years below grade level.",
                                    null),
                            ACTOR)
                    .caseId();
            written();
        }

        CaseSteps triaged(TriageOutcome outcome) {
            triage.triage(id, outcome, null, null, "Scores and teacher reports.", ACTOR);
            return written();
        }

        CaseSteps consented(LocalDate on) {
            clock.today(on);
            consents.requestConsent(id, ConsentKind.EVALUATION_CONSENT);
            consents.recordParentAnswer(
                    id, ConsentKind.EVALUATION_CONSENT, ParentDecision.GIVEN, on, RecordedVia.TASKLIST, ACTOR);
            return written();
        }

        CaseSteps evaluated(LocalDate on, EvaluationArea... areas) {
            clock.today(on);
            evaluations.planEvaluation(id, List.of(areas), ACTOR);
            for (EvaluationArea area : areas) {
                evaluations.reportArea(id, area, on, "Findings.", "school-psychologist");
            }
            return written();
        }

        CaseSteps eligible(LocalDate on, EligibilityOutcome outcome) {
            clock.today(on);
            evaluations.decideEligibility(
                    id,
                    on,
                    outcome,
                    Set.of(IdeaCategory.SPECIFIC_LEARNING_DISABILITY),
                    "Meets the criteria.",
                    TEAM,
                    SLD_REPORT,
                    ACTOR);
            return written();
        }

        /** Scheduled ten days ahead, the notice sent that day. */
        CaseSteps meetingScheduled(LocalDate scheduledOn) {
            clock.today(scheduledOn.minusDays(10));
            meetings.scheduleMeeting(id, scheduledOn, "Room 12", ACTOR);
            meetings.sendMeetingNotice(id);
            return written();
        }

        /** Held: the drafts written before it are finalised. */
        CaseSteps meetingHeld(LocalDate heldOn) {
            clock.today(heldOn);
            meetings.meetingHeld(id, heldOn, IEP_TEAM, "Notes.", ACTOR);
            return written();
        }

        CaseSteps meetingHeld(LocalDate scheduledOn, LocalDate heldOn) {
            return meetingScheduled(scheduledOn).meetingHeld(heldOn);
        }

        /** Drafted before the meeting by the special education teacher. */
        CaseSteps iepWritten(LocalDate startsOn, String transitionPlan) {
            plans.writeIep(id, iep(startsOn, startsOn.plusYears(1).minusDays(1), transitionPlan), "teacher");
            return written();
        }

        CaseSteps on(LocalDate day) {
            clock.today(day);
            return this;
        }

        CaseSteps servicesConsent(ParentDecision decision, LocalDate on) {
            clock.today(on);
            consents.requestConsent(id, ConsentKind.SERVICES_CONSENT);
            consents.recordParentAnswer(id, ConsentKind.SERVICES_CONSENT, decision, on, RecordedVia.API, ACTOR);
            return written();
        }

        CaseSteps inEffect() {
            plans.putPlansInEffect(id);
            return written();
        }

        SupportCase read() {
            return entities.find(SupportCase.class, id);
        }

        /** The step is written and read back, and "today" is the test's again. */
        private CaseSteps written() {
            clock.today(TODAY);
            entities.flush();
            entities.clear();
            return this;
        }
    }

    /** A clock on a day of the district's choosing: noon in Denver. */
    static final class DayClock extends Clock {

        private Instant now;

        void today(LocalDate day) {
            now = day.atTime(12, 0).atZone(ZoneId.of("America/Denver")).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static PlanContent.Iep iep(LocalDate startsOn, LocalDate endsOn, String transitionPlan) {
        return new PlanContent.Iep(
                startsOn,
                endsOn,
                "Reads at a second-grade level.",
                "Reads grade-level text with 90% accuracy.",
                List.of(new PlanService(
                        "Specialized reading instruction",
                        "special-education-teacher",
                        30,
                        "DAILY",
                        "SPECIAL_EDUCATION",
                        startsOn,
                        endsOn)),
                "Extended time",
                "REGULAR_CLASS_80_PERCENT_OR_MORE",
                transitionPlan,
                ELEMENTS);
    }

    /** The further elements of 34 CFR 300.320(a), as a team writes them for a student on the regular tests. */
    static final PlanContent.IepElements ELEMENTS = new PlanContent.IepElements(
            "A progress report on each goal with every report card, four times a year.",
            "45 minutes a day of reading instruction in the resource room; with her class for everything else.",
            "WITH_ACCOMMODATIONS",
            null,
            null,
            null,
            "NOT_NEEDED",
            null);
}

package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing the plans, the consent for initial services (34 CFR 300.300(b)), the plans in effect, the teachers told. */
class PlanDevelopmentTest extends PhaseTest {

    static final LocalDate ELIGIBLE_ON = LocalDate.of(2026, 10, 1);
    static final LocalDate MEETING_ON = LocalDate.of(2026, 10, 14);

    /** Eligible on 1 October, the plan meeting scheduled for 14 October (the IEP is drafted for it). */
    CaseSteps meetingScheduled(LocalDate born) {
        return aCaseOfAStudentBornOn(born)
                .triaged(TriageOutcome.EVALUATE_IDEA)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(ELIGIBLE_ON, EvaluationArea.ACADEMIC)
                .eligible(ELIGIBLE_ON, EligibilityOutcome.IEP)
                .meetingScheduled(MEETING_ON);
    }

    @Test
    void anIepRunsForOneYearAtMost() {
        // 34 CFR 300.324(b)(1)(i): from 2026-10-15 the IEP ends by 2027-10-14
        String caseId = meetingScheduled(LocalDate.of(2016, 4, 2)).id;

        assertThatThrownBy(() -> plans.writeIep(caseId, iep(TODAY, LocalDate.of(2027, 10, 15), null), ACTOR))
                .hasMessage("An IEP runs for one year at most: end it by 2027-10-14.");
    }

    @Test
    void anIepStartsAtTheMeetingThatWroteItOrAfter() {
        String caseId = meetingScheduled(LocalDate.of(2016, 4, 2)).id;

        assertThatThrownBy(() -> plans.writeIep(caseId, iep(MEETING_ON.minusDays(1), TODAY, null), ACTOR))
                .hasMessage("The IEP cannot start before the meeting that wrote it (2026-10-14).");
    }

    @Test
    void everyServiceRunsWithinTheIepsDates() {
        String caseId = meetingScheduled(LocalDate.of(2016, 4, 2)).id;
        PlanContent.Iep base = iep(TODAY, LocalDate.of(2027, 6, 1), null);
        PlanContent.Iep overrunning = new PlanContent.Iep(
                base.startsOn(),
                base.endsOn(),
                base.presentLevels(),
                base.annualGoals(),
                List.of(new PlanService(
                        "Speech therapy",
                        "speech-language-pathologist",
                        20,
                        "WEEKLY",
                        "RELATED_SERVICES_ROOM",
                        TODAY,
                        LocalDate.of(2027, 6, 2))),
                null,
                base.placement(),
                null);

        assertThatThrownBy(() -> plans.writeIep(caseId, overrunning, ACTOR))
                .hasMessage("The service \"Speech therapy\" must run within the IEP's dates.");
    }

    @Test
    void aStudentReachingTheTransitionAgeDuringTheIepHasATransitionPlan() {
        // 34 CFR 300.320(b): 16 on 2027-03-01, within the IEP of 2026-10-15 to 2027-10-14
        String caseId = meetingScheduled(LocalDate.of(2011, 3, 1)).id;

        assertThatThrownBy(() -> plans.writeIep(caseId, iep(TODAY, LocalDate.of(2027, 10, 14), " "), ACTOR))
                .hasMessage("The student reaches the transition age during this IEP: write the transition plan.");
    }

    @Test
    void aPlanIsWrittenOnce() {
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2)).iepWritten(TODAY, null);

        assertThatThrownBy(() -> plans.writeIep(supportCase.id, iep(TODAY, LocalDate.of(2027, 6, 1), null), ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("The IEP of this case is already written.");
    }

    @Test
    void withoutConsentForServicesTheIepIsNotImplemented() {
        // 34 CFR 300.300(b)(3): the school may not provide the services the parents refused
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2))
                .iepWritten(TODAY, null)
                .meetingHeld(MEETING_ON)
                .servicesConsent(ParentDecision.REFUSED, TODAY);

        PlanDevelopment.Activation activation = plans.putPlansInEffect(supportCase.id);

        assertThat(activation.any()).isFalse();
        assertThat(supportCase.read().getPlans())
                .singleElement()
                .extracting(SupportPlan::getStatus)
                .isEqualTo(PlanStatus.CONSENT_REFUSED);
        assertThat(clocks.startedAny(ClockKind.ANNUAL_REVIEW)).isFalse();
    }

    @Test
    void anIepInEffectIsReviewedFromItsMeetingAndReevaluatedFromItsEvaluation() {
        // 34 CFR 300.324(b)(1) counts from the meeting (14 October), 300.303(b)(2) from the eligibility (1 October)
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2))
                .iepWritten(TODAY, null)
                .meetingHeld(MEETING_ON)
                .servicesConsent(ParentDecision.GIVEN, TODAY);

        PlanDevelopment.Activation activation = plans.putPlansInEffect(supportCase.id);

        assertThat(activation.inEffect()).containsExactly(PlanKind.IEP);
        assertThat(clocks.started)
                .contains(
                        new FakeClocks.Started(ClockKind.ANNUAL_REVIEW, ClockStart.PLAN_MEETING, MEETING_ON),
                        new FakeClocks.Started(ClockKind.REEVALUATION, ClockStart.EVALUATION, ELIGIBLE_ON));
        assertThat(activation.annualReviewDueOn()).isEqualTo(MEETING_ON.plusDays(FakeClocks.DAYS));
        entities.flush();
        entities.clear();
        assertThat(supportCase.read().getPhase()).isEqualTo(CasePhase.PLAN_IN_EFFECT);
        assertThat(supportCase.read().getPlans()).singleElement().satisfies(plan -> {
            assertThat(plan.getStatus()).isEqualTo(PlanStatus.IN_EFFECT);
            assertThat(plan.getInEffectOn()).isEqualTo(TODAY);
        });
    }

    @Test
    void anIepEndingBeforeItsMeetingsAnniversaryIsReviewedByTheDayAfterItEnds() {
        // the IEP of 2026-10-15 to 2027-06-30: the next one starts by 2027-06-30 + 1 day = 2027-07-01 (34 CFR
        // 300.323(a)), before the meeting's anniversary (2027-10-14, 300.324(b)(1)(i)): the annual-review clock is
        // started due by 2027-07-01 at the latest (the deadlines module keeps the earlier date, AnnualReviewDueTest)
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2));
        plans.writeIep(supportCase.id, iep(TODAY, LocalDate.of(2027, 6, 30), null), "teacher");
        supportCase.meetingHeld(MEETING_ON).servicesConsent(ParentDecision.GIVEN, TODAY);

        plans.putPlansInEffect(supportCase.id);

        assertThat(clocks.limits)
                .last()
                .isEqualTo(new CaseClocks.DueBy(
                        LocalDate.of(2027, 7, 1),
                        "the IEP in effect ends on 2027-06-30 and the next one must start by the day after",
                        "34 CFR 300.323(a)"));
    }

    @Test
    void eachRoleIsToldWhatThePlanAsksOfItOnce() {
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2))
                .iepWritten(TODAY, null)
                .meetingHeld(MEETING_ON)
                .servicesConsent(ParentDecision.GIVEN, TODAY)
                .inEffect();

        List<PlanDevelopment.Assignment> assignments = plans.assignments(supportCase.id);

        assertThat(assignments)
                .extracting(PlanDevelopment.Assignment::role)
                .containsExactly("special-education-teacher", "general-education-teacher");
        assertThat(assignments.get(1).toProvide()).isEqualTo("Accommodations: Extended time");
        assertThat(plans.recordTeacherNotified(supportCase.id, assignments.get(0), "ms-reed", false))
                .isTrue();
        assertThat(plans.recordTeacherNotified(supportCase.id, assignments.get(0), "ms-reed", false))
                .isFalse();
    }

    @Test
    void theMeetingFinalisesTheDraftAndStopsTheIepMeetingClock() {
        // 300.323(c)(1): the IEP is developed at the meeting; the clock stops on the day it is held, 14 October
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2)).iepWritten(TODAY, null);
        assertThat(supportCase.read().getPlans())
                .singleElement()
                .satisfies(draft -> assertThat(draft.getFinalisedAt()).isNull());

        supportCase.meetingHeld(MEETING_ON);

        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.IEP_MEETING, ClockStop.MEETING_HELD, MEETING_ON));
        assertThat(supportCase.read().getPlans()).singleElement().satisfies(plan -> {
            assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
            assertThat(plan.getFinalisedBy()).isEqualTo(ACTOR);
            assertThat(plan.getFinalisedAt()).isNotNull();
            assertThat(plan.getWrittenBy()).isEqualTo("teacher");
        });
    }

    @Test
    void aPlanIsDraftedBeforeTheMeetingNotAfter() {
        String caseId = meetingScheduled(LocalDate.of(2016, 4, 2)).meetingHeld(MEETING_ON).id;

        assertThatThrownBy(() -> plans.writeIep(caseId, iep(TODAY, LocalDate.of(2027, 6, 1), null), ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("The plan meeting is held: the IEP is drafted before it and finalised there.");
    }

    @Test
    void aDraftStartingBeforeTheMeetingIsHeldIsNotFinalised() {
        // drafted to start on the meeting's planned day, 14 October; the meeting is held a day late, on 15 October
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2)).iepWritten(MEETING_ON, null);

        assertThatThrownBy(() -> supportCase.meetingHeld(TODAY))
                .hasMessage("The IEP drafted to start on 2026-10-14 cannot start before the meeting that finalises it"
                        + " (2026-10-15).");
    }

    @Test
    void theFirstVersionIsInEffectFromItsStartToItsEndAndReviewedByTheClocksDate() {
        // consent on 15 October, the IEP 15 October 2026 to 14 October 2027; the annual review is due a (fake) 30
        // days after the meeting of 14 October
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2))
                .iepWritten(TODAY, null)
                .meetingHeld(MEETING_ON)
                .servicesConsent(ParentDecision.GIVEN, TODAY)
                .inEffect();

        assertThat(supportCase.read().getPlans()).singleElement().satisfies(plan -> {
            assertThat(plan.getPlanVersion()).isEqualTo(1);
            assertThat(plan.getOrigin()).isEqualTo(PlanOrigin.INITIAL);
            assertThat(plan.getEffectiveFrom()).isEqualTo(TODAY);
            assertThat(plan.getEffectiveTo()).isEqualTo(LocalDate.of(2027, 10, 14));
            assertThat(plan.getReviewDue()).isEqualTo(MEETING_ON.plusDays(FakeClocks.DAYS));
        });
    }

    @Test
    void theIepHoldsWhatTheLawRequiresEachMissingElementNamedAsTheFormLabelsIt() {
        String caseId = meetingScheduled(LocalDate.of(2016, 4, 2)).id;
        PlanContent.Iep base = iep(TODAY, LocalDate.of(2027, 6, 1), null);

        // 300.320(a)(3)(ii)
        assertThatThrownBy(() -> plans.writeIep(
                        caseId,
                        with(
                                base,
                                new PlanContent.IepElements(
                                        " ", "None.", "REGULAR", null, null, null, "NOT_NEEDED", null)),
                        ACTOR))
                .hasMessage("How and when progress is reported to the parents: required.");
        // 300.320(a)(5)
        assertThatThrownBy(() -> plans.writeIep(
                        caseId,
                        with(
                                base,
                                new PlanContent.IepElements(
                                        "Quarterly.", null, "REGULAR", null, null, null, "NOT_NEEDED", null)),
                        ACTOR))
                .hasMessage("Time away from nondisabled peers, and why: required.");
        // 300.320(a)(2)(ii): a student on the alternate assessment has benchmarks or short-term objectives
        assertThatThrownBy(() -> plans.writeIep(
                        caseId,
                        with(
                                base,
                                new PlanContent.IepElements(
                                        "Quarterly.",
                                        "None.",
                                        "ALTERNATE",
                                        "Significant cognitive disability; the alternate standards fit.",
                                        null,
                                        null,
                                        "NEEDED",
                                        null)),
                        ACTOR))
                .hasMessage("Benchmarks or short-term objectives: required.");
        // 300.106
        assertThatThrownBy(() -> plans.writeIep(
                        caseId,
                        with(
                                base,
                                new PlanContent.IepElements(
                                        "Quarterly.", "None.", "REGULAR", null, null, null, null, null)),
                        ACTOR))
                .hasMessage("Extended school year: required.");
    }

    @Test
    void fromAYearBeforeMajorityTheIepSaysWhichRightsTransfer() {
        // 300.320(c): born 2009-12-01, 17 on 2026-12-01, within the IEP of 2026-10-15 to 2027-06-01 (and the
        // transition age long reached: the transition plan is written)
        String caseId = meetingScheduled(LocalDate.of(2009, 12, 1)).id;
        PlanContent.Iep base = iep(TODAY, LocalDate.of(2027, 6, 1), "College preparation; a summer job.");

        assertThatThrownBy(() -> plans.writeIep(caseId, base, ACTOR))
                .hasMessage("Rights that transfer at the age of majority: required.");
        assertThat(IepContent.transferOfRightsDue(LocalDate.of(2009, 12, 1), LocalDate.of(2026, 11, 30)))
                .isFalse();
        assertThat(IepContent.transferOfRightsDue(LocalDate.of(2009, 12, 1), LocalDate.of(2026, 12, 1)))
                .isTrue();
    }

    @Test
    void theIepTeamMeetsOrItsMembersAreExcusedInWriting() {
        // 34 CFR 300.321(a), (e): without the general education teacher, unless excused in writing with the parents'
        // agreement
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2)).iepWritten(TODAY, null);
        clock.today(MEETING_ON);
        List<String> withoutTheTeacher =
                List.of("PARENT", "coordinator", "special-education-teacher", "lea-representative");

        assertThatThrownBy(() -> meetings.meetingHeld(supportCase.id, MEETING_ON, withoutTheTeacher, null, ACTOR))
                .hasMessage("The IEP team lacks the general education teacher: record them as taking part, or as"
                        + " excused in writing (34 CFR 300.321(e)).");
        assertThatThrownBy(() -> meetings.meetingHeld(
                        supportCase.id,
                        MEETING_ON,
                        withoutTheTeacher,
                        List.of("general-education-teacher"),
                        false,
                        null,
                        null,
                        ACTOR))
                .hasMessageContaining("agree in writing");

        meetings.meetingHeld(
                supportCase.id,
                MEETING_ON,
                withoutTheTeacher,
                List.of("general-education-teacher"),
                true,
                null,
                "Input in writing from Ms. Reed.",
                ACTOR);
        entities.flush();
        entities.clear();

        assertThat(supportCase.read().planMeeting().orElseThrow().getNotes())
                .isEqualTo("Input in writing from Ms. Reed.\nExcused in writing with the parents' agreement:"
                        + " general-education-teacher.");
        assertThat(supportCase.read().getPlans().get(0).getFinalisedAt()).isNotNull();
    }

    @Test
    void aMeetingWithoutTheParentsRecordsTheAttemptsToInvolveThem() {
        // 34 CFR 300.322(d)
        CaseSteps supportCase = meetingScheduled(LocalDate.of(2016, 4, 2)).iepWritten(TODAY, null);
        clock.today(MEETING_ON);
        List<String> withoutTheParents =
                List.of("coordinator", "special-education-teacher", "general-education-teacher", "lea-representative");

        assertThatThrownBy(() -> meetings.meetingHeld(
                        supportCase.id, MEETING_ON, withoutTheParents, List.of(), false, " ", null, ACTOR))
                .hasMessage("The parents did not take part: record the attempts to involve them (34 CFR 300.322(d)).");

        meetings.meetingHeld(
                supportCase.id,
                MEETING_ON,
                withoutTheParents,
                List.of(),
                false,
                "Called 2026-10-05 and 2026-10-08, no answer; letter sent home 2026-10-06.",
                null,
                ACTOR);
        entities.flush();
        entities.clear();

        assertThat(supportCase.read().planMeeting().orElseThrow().getNotes())
                .isEqualTo("Attempts to involve the parents: Called 2026-10-05 and 2026-10-08, no answer; letter sent"
                        + " home 2026-10-06.");
    }

    private static PlanContent.Iep with(PlanContent.Iep iep, PlanContent.IepElements elements) {
        return new PlanContent.Iep(
                iep.startsOn(),
                iep.endsOn(),
                iep.presentLevels(),
                iep.annualGoals(),
                iep.services(),
                iep.accommodations(),
                iep.placement(),
                iep.transitionPlan(),
                elements);
    }
}

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
}

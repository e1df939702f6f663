package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Referral and triage: one open case per student, the Part C clock, OSEP Memo 11-07, where each path leads. */
class TriageTest extends PhaseTest {

    Triage.NewReferral referral(String localId, LocalDate born, LocalDate receivedOn, boolean parentAsked) {
        return new Triage.NewReferral(
                school,
                localId,
                "Leo",
                "Park",
                born,
                receivedOn,
                ReferrerRole.PARENT,
                "Ana Park",
                Set.of(Concern.COMMUNICATION),
                parentAsked,
                "Speech is hard to understand.",
                null);
    }

    @Test
    void aSecondReferralOfAStudentJoinsTheOpenCase() {
        Triage.Referred first = triage.refer(referral("S-1", LocalDate.of(2018, 1, 9), TODAY, false), ACTOR);
        Triage.Referred second = triage.refer(referral("S-1", LocalDate.of(2018, 1, 9), TODAY, true), ACTOR);

        assertThat(first.newCase()).isTrue();
        assertThat(second).isEqualTo(new Triage.Referred(first.caseId(), false));
        entities.flush();
        entities.clear();
        SupportCase supportCase = entities.find(SupportCase.class, first.caseId());
        assertThat(supportCase.getPhase()).isEqualTo(CasePhase.TRIAGE);
        assertThat(supportCase.getReferrals()).hasSize(2);
        assertThat(supportCase.parentRequestedEvaluation()).isTrue();
    }

    @Test
    void aReferralDatedAfterTodayInTheDistrictIsRefused() {
        assertThatThrownBy(
                        () -> triage.refer(referral("S-2", LocalDate.of(2018, 1, 9), TODAY.plusDays(1), false), ACTOR))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessage("The referral date 2026-10-16 is in the future.");
    }

    @Test
    void aBirthDateOnOrAfterTheReferralIsRefused() {
        assertThatThrownBy(() -> triage.refer(referral("S-3", TODAY, TODAY, false), ACTOR))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessage("The date of birth must be before the referral date.");
    }

    @Test
    void aChildUnderThreeHasAnIepInEffectByTheThirdBirthday() {
        // 34 CFR 300.124(b): born 2024-03-01, two years old on 2026-10-15: counted from the birth date
        triage.refer(referral("S-4", LocalDate.of(2024, 3, 1), TODAY, false), ACTOR);

        assertThat(clocks.started)
                .containsExactly(
                        new FakeClocks.Started(ClockKind.PART_C_TO_B, ClockStart.BIRTH, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void aSchoolAgeChildStartsNoClockAtReferral() {
        triage.refer(referral("S-5", LocalDate.of(2018, 1, 9), TODAY, false), ACTOR);

        assertThat(clocks.started).isEmpty();
    }

    @Test
    void interventionsMayNotDelayAnEvaluationTheParentsAskedForUnlessTheyAgree() {
        String caseId = triage.refer(referral("S-6", LocalDate.of(2018, 1, 9), TODAY, true), ACTOR)
                .caseId();

        // OSEP Memo 11-07
        assertThatThrownBy(() -> triage.triage(
                        caseId, TriageOutcome.INTERVENTIONS_FIRST, TODAY.plusWeeks(6), false, "Try RTI first.", ACTOR))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("OSEP Memo 11-07");

        triage.triage(caseId, TriageOutcome.INTERVENTIONS_FIRST, TODAY.plusWeeks(6), true, "Try RTI first.", ACTOR);
        assertThat(entities.find(SupportCase.class, caseId).getPhase()).isEqualTo(CasePhase.INTERVENTIONS);
    }

    @Test
    void interventionsFollowUpAfterTodayAndWithinAYear() {
        String caseId = aCase().id;

        assertThatThrownBy(() -> triage.triage(caseId, TriageOutcome.INTERVENTIONS_FIRST, null, null, "RTI.", ACTOR))
                .hasMessage("Give the follow-up date of the interventions.");
        assertThatThrownBy(() -> triage.triage(caseId, TriageOutcome.INTERVENTIONS_FIRST, TODAY, null, "RTI.", ACTOR))
                .hasMessage("The follow-up date must be after today and within a year.");
        assertThatThrownBy(() -> triage.triage(
                        caseId, TriageOutcome.INTERVENTIONS_FIRST, LocalDate.of(2027, 10, 16), null, "RTI.", ACTOR))
                .hasMessage("The follow-up date must be after today and within a year.");
    }

    @Test
    void anIdeaEvaluationWaitsForConsentAndStartsNoClockUnderTheFederalRule() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);

        assertThat(supportCase.read().getPhase()).isEqualTo(CasePhase.CONSENT_TO_EVALUATE);
        assertThat(supportCase.read().getPlanKinds()).containsExactly(PlanKind.IEP);
        assertThat(clocks.started).isEmpty();
    }

    @Test
    void whereTheStateCountsFromTheReferralTheEvaluationClockStartsAtTriageOnTheReferralDate() {
        // Connecticut: the referral starts the initial evaluation's timeline; the case's referral came 40 days ago
        clocks.evaluationStartsAt = ClockStart.REFERRAL;

        aCase().triaged(TriageOutcome.EVALUATE_IDEA);

        assertThat(clocks.started)
                .containsExactly(new FakeClocks.Started(
                        ClockKind.INITIAL_EVALUATION, ClockStart.REFERRAL, LocalDate.of(2026, 9, 5)));
    }

    @Test
    void aSection504EvaluationRunsOnTheSection504Clock() {
        clocks.evaluationStartsAt = ClockStart.REFERRAL;

        aCase().triaged(TriageOutcome.CONSIDER_504);

        assertThat(clocks.started)
                .extracting(FakeClocks.Started::kind)
                .containsExactly(ClockKind.SECTION_504_EVALUATION);
    }

    @Test
    void giftedIdentificationHasNoEvaluationClock() {
        clocks.evaluationStartsAt = ClockStart.REFERRAL;

        CaseSteps supportCase = aCase().triaged(TriageOutcome.GIFTED_IDENTIFICATION);

        assertThat(supportCase.read().getPlanKinds()).containsExactly(PlanKind.ALP);
        assertThat(clocks.started).isEmpty();
    }
}

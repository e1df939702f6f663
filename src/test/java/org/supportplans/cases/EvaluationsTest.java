package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluation and the eligibility decision (34 CFR 300.301, 300.306). */
class EvaluationsTest extends PhaseTest {

    static final LocalDate CONSENT = LocalDate.of(2026, 9, 10);

    CaseSteps consented() {
        return aCase().triaged(TriageOutcome.EVALUATE_IDEA).consented(CONSENT);
    }

    @Test
    void anEvaluationCoversAtLeastOneArea() {
        String caseId = consented().id;

        assertThatThrownBy(() -> evaluations.planEvaluation(caseId, List.of(), ACTOR))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessage("Choose at least one area to evaluate.");
    }

    @Test
    void nothingIsEvaluatedBeforeTheParentsConsent() {
        String caseId = aCase().triaged(TriageOutcome.EVALUATE_IDEA).id;

        assertThatThrownBy(() -> evaluations.planEvaluation(caseId, List.of(EvaluationArea.COGNITIVE), ACTOR))
                .isInstanceOf(NotAwaitedException.class);
    }

    @Test
    void anAreaIsReportedBetweenTheConsentAndToday() {
        String caseId = consented().id;
        evaluations.planEvaluation(caseId, List.of(EvaluationArea.COGNITIVE), ACTOR);

        assertThatThrownBy(() -> evaluations.reportArea(
                        caseId, EvaluationArea.COGNITIVE, CONSENT.minusDays(1), "Findings.", ACTOR))
                .hasMessage("The report date 2026-09-09 is before the parents' consent (2026-09-10).");
        assertThatThrownBy(() ->
                        evaluations.reportArea(caseId, EvaluationArea.COGNITIVE, TODAY.plusDays(1), "Findings.", ACTOR))
                .hasMessage("The report date 2026-10-16 is in the future.");
        assertThatThrownBy(() -> evaluations.reportArea(caseId, EvaluationArea.HEALTH, TODAY, "Findings.", ACTOR))
                .hasMessage("The area Health is not part of this evaluation.");
    }

    @Test
    void theTeamDecidesOnlyWithEveryReportIn() {
        String caseId = consented().id;
        evaluations.planEvaluation(caseId, List.of(EvaluationArea.COGNITIVE, EvaluationArea.ACADEMIC), ACTOR);
        evaluations.reportArea(caseId, EvaluationArea.COGNITIVE, TODAY, "Findings.", ACTOR);

        assertThatThrownBy(() -> evaluations.decideEligibility(
                        caseId, TODAY, EligibilityOutcome.NOT_ELIGIBLE, Set.of(), "No need.", TEAM, null, ACTOR))
                .hasMessage("These evaluation reports are missing: Academic achievement.");
    }

    @Test
    void eligibilityUnderIdeaIsEligibilityInACategory() {
        // 34 CFR 300.306(a)(1), 300.8
        String caseId = consented().evaluated(TODAY, EvaluationArea.COGNITIVE).id;

        assertThatThrownBy(() -> evaluations.decideEligibility(
                        caseId, TODAY, EligibilityOutcome.IEP, Set.of(), "Needs services.", TEAM, null, ACTOR))
                .hasMessage("An IEP needs at least one IDEA disability category.");
    }

    @Test
    void eligibilityStopsTheEvaluationClockAndStartsTheIepMeetingClock() {
        // 34 CFR 300.301(c)(1) stops on the day of the decision; 300.323(c)(1) counts the meeting from it
        LocalDate decided = LocalDate.of(2026, 10, 8);
        CaseSteps supportCase = consented().evaluated(decided, EvaluationArea.COGNITIVE);

        Evaluations.Eligibility eligibility = evaluations.decideEligibility(
                supportCase.id,
                decided,
                EligibilityOutcome.IEP,
                Set.of(IdeaCategory.SPECIFIC_LEARNING_DISABILITY),
                "Meets the criteria.",
                TEAM,
                SLD_REPORT,
                ACTOR);

        assertThat(clocks.stopped)
                .containsExactly(
                        new FakeClocks.Stopped(ClockKind.INITIAL_EVALUATION, ClockStop.ELIGIBILITY_DECIDED, decided));
        assertThat(clocks.started)
                .contains(new FakeClocks.Started(ClockKind.IEP_MEETING, ClockStart.ELIGIBILITY, decided));
        assertThat(eligibility.planMeetingDueOn()).isEqualTo(decided.plusDays(FakeClocks.DAYS));
        entities.flush();
        entities.clear();
        assertThat(supportCase.read().getPhase()).isEqualTo(CasePhase.PLAN_DEVELOPMENT);
        assertThat(supportCase.read().getEligibilities())
                .singleElement()
                .satisfies(decision -> assertThat(decision.getIdeaCategories())
                        .containsExactly(IdeaCategory.SPECIFIC_LEARNING_DISABILITY));
    }

    @Test
    void aTwiceExceptionalStudentGetsTheAlpClockBesideTheIepMeeting() {
        LocalDate decided = LocalDate.of(2026, 10, 8);
        CaseSteps supportCase =
                consented().evaluated(decided, EvaluationArea.COGNITIVE, EvaluationArea.GIFTED_MEASURES);

        evaluations.decideEligibility(
                supportCase.id,
                decided,
                EligibilityOutcome.IEP_AND_ALP,
                Set.of(IdeaCategory.AUTISM),
                "Gifted and autistic.",
                TEAM,
                null,
                ACTOR);

        assertThat(clocks.started)
                .contains(
                        new FakeClocks.Started(ClockKind.IEP_MEETING, ClockStart.ELIGIBILITY, decided),
                        new FakeClocks.Started(ClockKind.ALP_DEVELOPMENT, ClockStart.IDENTIFICATION, decided));
        assertThat(supportCase.read().getPlanKinds()).containsExactlyInAnyOrder(PlanKind.IEP, PlanKind.ALP);
    }

    @Test
    void aStudentNotEligibleStaysWithNoPlanToWrite() {
        CaseSteps supportCase = consented().evaluated(TODAY, EvaluationArea.COGNITIVE);

        Evaluations.Eligibility eligibility = evaluations.decideEligibility(
                supportCase.id,
                TODAY,
                EligibilityOutcome.NOT_ELIGIBLE,
                Set.of(IdeaCategory.AUTISM),
                "No.",
                TEAM,
                null,
                ACTOR);

        assertThat(eligibility.plans()).isEmpty();
        assertThat(eligibility.categories()).isEmpty();
        assertThat(clocks.started).extracting(FakeClocks.Started::kind).containsExactly(ClockKind.INITIAL_EVALUATION);
    }

    /** 34 CFR 300.306(a)(1): a group of qualified professionals and the parents; 300.311(b): separate statements. */
    @Test
    void aDecisionNamesItsTeamAndTheStatementOfAMemberWhoDisagrees() {
        CaseSteps supportCase = consented().evaluated(TODAY, EvaluationArea.COGNITIVE);

        assertThatThrownBy(() ->
                        decide(supportCase, new EligibilityTeam(" ", true, EligibilityTeam.Agreement.ALL_AGREE, null)))
                .hasMessageContaining("Name the team that decided");
        assertThatThrownBy(() -> decide(
                        supportCase,
                        new EligibilityTeam(
                                "Ana Ruiz, psychologist", true, EligibilityTeam.Agreement.SOME_DISAGREE, null)))
                .hasMessageContaining("separate statement of their conclusions (34 CFR 300.311(b))");
        assertThat(supportCase.read().getEligibilities()).as("nothing recorded").isEmpty();

        decide(supportCase, TEAM);

        entities.flush();
        entities.clear();
        assertThat(supportCase.read().getEligibilities()).singleElement().satisfies(decision -> {
            assertThat(decision.getTeam()).isEqualTo(TEAM);
            assertThat(decision.getSldReport()).as("not a learning disability").isNull();
        });
    }

    /** 34 CFR 300.311(a), (b): the written report of a specific learning disability, each element checked. */
    @Test
    void aSpecificLearningDisabilityNeedsTheWrittenReportOf300311() {
        CaseSteps supportCase = consented().evaluated(TODAY, EvaluationArea.ACADEMIC);
        Set<IdeaCategory> sld = Set.of(IdeaCategory.SPECIFIC_LEARNING_DISABILITY);

        assertThatThrownBy(() -> decideSld(supportCase, sld, null))
                .hasMessageContaining("needs the team's written report (34 CFR 300.311)");
        assertThatThrownBy(() -> decideSld(supportCase, sld, withObservation(" ")))
                .hasMessageContaining("300.311(a)(3)");
        assertThatThrownBy(() -> decideSld(supportCase, sld, withInterventionData(null)))
                .hasMessageContaining("300.311(a)(7)(i)");
        assertThatThrownBy(() -> decideSld(supportCase, sld, withNotified(false)))
                .hasMessageContaining("300.311(a)(7)(ii)");
        assertThatThrownBy(() -> decideSld(supportCase, sld, withCertified(false)))
                .hasMessageContaining("300.311(b)");
        assertThat(supportCase.read().getEligibilities()).as("nothing recorded").isEmpty();

        decideSld(supportCase, sld, SLD_REPORT);

        entities.flush();
        entities.clear();
        assertThat(supportCase.read().getEligibilities())
                .singleElement()
                .satisfies(decision -> assertThat(decision.getSldReport()).isEqualTo(SLD_REPORT));
    }

    /** A pattern of strengths and weaknesses (300.309(a)(2)(ii)) needs no intervention data (a)(7). */
    @Test
    void aPatternOfStrengthsAndWeaknessesNeedsNoInterventionData() {
        CaseSteps supportCase = consented().evaluated(TODAY, EvaluationArea.ACADEMIC);
        SldReport pattern = new SldReport(
                SLD_REPORT.observation(),
                null,
                SLD_REPORT.areas(),
                SldReport.ProgressBasis.PATTERN_OF_STRENGTHS_AND_WEAKNESSES,
                SLD_REPORT.exclusionaryFactors(),
                null,
                false,
                true);

        decideSld(supportCase, Set.of(IdeaCategory.SPECIFIC_LEARNING_DISABILITY), pattern);

        assertThat(supportCase.read().getEligibilities()).hasSize(1);
    }

    private void decide(CaseSteps supportCase, EligibilityTeam team) {
        evaluations.decideEligibility(
                supportCase.id, TODAY, EligibilityOutcome.NOT_ELIGIBLE, Set.of(), "No need.", team, null, ACTOR);
    }

    private void decideSld(CaseSteps supportCase, Set<IdeaCategory> categories, SldReport report) {
        evaluations.decideEligibility(
                supportCase.id, TODAY, EligibilityOutcome.IEP, categories, "Meets the criteria.", TEAM, report, ACTOR);
    }

    private static SldReport withObservation(String observation) {
        SldReport r = SLD_REPORT;
        return new SldReport(
                observation,
                r.medicalFindings(),
                r.areas(),
                r.basis(),
                r.exclusionaryFactors(),
                r.interventionData(),
                r.parentsNotified(),
                r.certified());
    }

    private static SldReport withInterventionData(String data) {
        SldReport r = SLD_REPORT;
        return new SldReport(
                r.observation(),
                r.medicalFindings(),
                r.areas(),
                r.basis(),
                r.exclusionaryFactors(),
                data,
                r.parentsNotified(),
                r.certified());
    }

    private static SldReport withNotified(boolean notified) {
        SldReport r = SLD_REPORT;
        return new SldReport(
                r.observation(),
                r.medicalFindings(),
                r.areas(),
                r.basis(),
                r.exclusionaryFactors(),
                r.interventionData(),
                notified,
                r.certified());
    }

    private static SldReport withCertified(boolean certified) {
        SldReport r = SLD_REPORT;
        return new SldReport(
                r.observation(),
                r.medicalFindings(),
                r.areas(),
                r.basis(),
                r.exclusionaryFactors(),
                r.interventionData(),
                r.parentsNotified(),
                certified);
    }
}

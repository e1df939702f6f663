package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Notices and consent (34 CFR 300.300, 300.503, 300.504): what is sent, what is awaited, what the answer starts. */
class ConsentsTest extends PhaseTest {

    @Test
    void theRequestToEvaluateSendsThePlanTheNoticeTheSafeguardsAndTheForm() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);

        LocalDate sentOn = consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT);

        assertThat(sentOn).isEqualTo(TODAY);
        assertThat(supportCase.read().getNotices())
                .extracting(ParentNotice::getKind)
                .containsExactly(
                        NoticeKind.EVALUATION_PLAN,
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        NoticeKind.PROCEDURAL_SAFEGUARDS,
                        NoticeKind.CONSENT_FORM);
        assertThat(consents.awaits(supportCase.id, ConsentKind.EVALUATION_CONSENT))
                .isTrue();
    }

    @Test
    void theParentsAreNotAskedTwiceForTheSameConsent() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);
        consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT);

        assertThatThrownBy(() -> consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT))
                .isInstanceOf(NotAwaitedException.class);
    }

    @Test
    void theConsentDateStartsTheEvaluationClock() {
        // 34 CFR 300.301(c)(1): consent on 10 September; the fake rule counts 30 days: due 10 October
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);
        clock.today(LocalDate.of(2026, 9, 8));
        consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT);
        clock.today(TODAY);

        Consents.ConsentAnswer answer = consents.recordParentAnswer(
                supportCase.id,
                ConsentKind.EVALUATION_CONSENT,
                ParentDecision.GIVEN,
                LocalDate.of(2026, 9, 10),
                RecordedVia.API,
                "coordinator");

        assertThat(answer.evaluationDueOn()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(clocks.started)
                .containsExactly(new FakeClocks.Started(
                        ClockKind.INITIAL_EVALUATION, ClockStart.CONSENT, LocalDate.of(2026, 9, 10)));
        entities.flush();
        entities.clear();
        assertThat(supportCase.read().getPhase()).isEqualTo(CasePhase.EVALUATION);
        assertThat(supportCase.read().getEvaluations()).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.getKind()).isEqualTo(EvaluationKind.INITIAL);
            assertThat(evaluation.getConsentOn()).isEqualTo(LocalDate.of(2026, 9, 10));
            assertThat(evaluation.getDueOn()).isEqualTo(LocalDate.of(2026, 10, 10));
        });
    }

    @Test
    void aRefusalStartsNothing() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);
        consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT);

        consents.recordParentAnswer(
                supportCase.id,
                ConsentKind.EVALUATION_CONSENT,
                ParentDecision.REFUSED,
                TODAY,
                RecordedVia.TASKLIST,
                "coordinator");

        assertThat(clocks.started).isEmpty();
        assertThat(consents.awaits(supportCase.id, ConsentKind.EVALUATION_CONSENT))
                .isFalse();
        assertThat(supportCase.read().getEvaluations()).isEmpty();
    }

    @Test
    void anAnswerNobodyAskedForIsNotAwaited() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);

        assertThatThrownBy(() -> consents.recordParentAnswer(
                        supportCase.id,
                        ConsentKind.SERVICES_CONSENT,
                        ParentDecision.GIVEN,
                        TODAY,
                        RecordedVia.API,
                        "coordinator"))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("The case is not waiting for the parents' " + ConsentKind.SERVICES_CONSENT.label() + ".");
    }

    @Test
    void aReevaluationIsDueWhenTheStatesReevaluationClockSays() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);
        clock.today(LocalDate.of(2026, 9, 28));
        consents.requestConsent(supportCase.id, ConsentKind.REEVALUATION_CONSENT);
        clock.today(TODAY);

        // the reevaluation-timeline clock of the rules table starts at the consent (its count is the deadlines
        // module's: StateTimelinesTest); the fake counts 30 days: 1 October + 30 = 31 October
        Consents.ConsentAnswer answer = consents.recordParentAnswer(
                supportCase.id,
                ConsentKind.REEVALUATION_CONSENT,
                ParentDecision.GIVEN,
                LocalDate.of(2026, 10, 1),
                RecordedVia.API,
                "coordinator");

        assertThat(clocks.started)
                .contains(new FakeClocks.Started(
                        ClockKind.REEVALUATION_TIMELINE, ClockStart.REEVALUATION_CONSENT, LocalDate.of(2026, 10, 1)));
        assertThat(answer.evaluationDueOn()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void aReminderCountsAndIsSentAsANotice() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);
        consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT);

        consents.remindParents(supportCase.id, ConsentKind.EVALUATION_CONSENT);
        consents.remindParents(supportCase.id, ConsentKind.EVALUATION_CONSENT);

        assertThat(supportCase.read().getConsents().get(0).getRemindersSent()).isEqualTo(2);
        assertThat(supportCase.read().getNotices())
                .filteredOn(notice -> notice.getKind() == NoticeKind.CONSENT_REMINDER)
                .hasSize(2);
    }
}

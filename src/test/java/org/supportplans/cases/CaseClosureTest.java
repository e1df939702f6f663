package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The end of a case: plans end, clocks are cancelled, the parents are told where the law asks for it. */
class CaseClosureTest extends PhaseTest {

    CaseSteps inEffect() {
        return aCase().triaged(TriageOutcome.EVALUATE_IDEA)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(LocalDate.of(2026, 10, 1), EvaluationArea.ACADEMIC)
                .eligible(LocalDate.of(2026, 10, 1), EligibilityOutcome.IEP)
                .meetingHeld(TODAY, TODAY)
                .iepWritten(TODAY, null)
                .servicesConsent(ParentDecision.GIVEN, TODAY)
                .inEffect();
    }

    @Test
    void revokedConsentEndsThePlansAfterPriorWrittenNotice() {
        // 34 CFR 300.300(b)(4): services end after prior written notice (300.503)
        CaseSteps supportCase = inEffect();

        closure.close(supportCase.id, ClosureReason.CONSENT_REVOKED);
        entities.flush();
        entities.clear();

        SupportCase closed = supportCase.read();
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getClosedOn()).isEqualTo(TODAY);
        assertThat(closed.getPlans()).extracting(SupportPlan::getStatus).containsExactly(PlanStatus.ENDED);
        assertThat(closed.getNotices())
                .last()
                .extracting(ParentNotice::getKind)
                .isEqualTo(NoticeKind.PRIOR_WRITTEN_NOTICE);
        assertThat(clocks.cancelled).containsExactly(ClosureReason.CONSENT_REVOKED);
    }

    @Test
    void aStudentWhoMovesAwayIsNotSentANotice() {
        CaseSteps supportCase = inEffect();
        int noticesBefore = supportCase.read().getNotices().size();

        closure.close(supportCase.id, ClosureReason.MOVED_AWAY);

        assertThat(supportCase.read().getNotices()).hasSize(noticesBefore);
    }

    @Test
    void closingTwiceChangesNothingAndAClosedCaseAwaitsNoStep() {
        CaseSteps supportCase = inEffect();
        closure.close(supportCase.id, ClosureReason.GRADUATED);

        closure.close(supportCase.id, ClosureReason.MOVED_AWAY);

        assertThat(supportCase.read().getClosureReason()).isEqualTo(ClosureReason.GRADUATED);
        assertThat(clocks.cancelled).containsExactly(ClosureReason.GRADUATED);
        assertThatThrownBy(() -> reviews.annualReviewHeld(supportCase.id, TODAY, "Notes.", ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessageContaining("The case is closed");
    }
}

package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The end of a case: plans end, clocks are cancelled, the parents are told where the law asks for it. */
class CaseClosureTest extends PhaseTest {

    @Test
    void revokedConsentEndsThePlansAfterPriorWrittenNotice() {
        // 34 CFR 300.300(b)(4): services end after prior written notice (300.503)
        CaseSteps supportCase = aCaseInEffect();

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
        CaseSteps supportCase = aCaseInEffect();
        int noticesBefore = supportCase.read().getNotices().size();

        closure.close(supportCase.id, ClosureReason.MOVED_AWAY);

        assertThat(supportCase.read().getNotices()).hasSize(noticesBefore);
    }

    @Test
    void closingTwiceChangesNothingAndAClosedCaseAwaitsNoStep() {
        CaseSteps supportCase = aCaseInEffect();
        closure.close(supportCase.id, ClosureReason.GRADUATED);

        closure.close(supportCase.id, ClosureReason.MOVED_AWAY);

        assertThat(supportCase.read().getClosureReason()).isEqualTo(ClosureReason.GRADUATED);
        assertThat(clocks.cancelled).containsExactly(ClosureReason.GRADUATED);
        assertThatThrownBy(() -> reviews.annualReviewHeld(supportCase.id, TODAY, "Notes.", ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessageContaining("The case is closed");
    }

    @Test
    void graduationEndsTheIepWithPriorWrittenNoticeAndTheSummaryOfPerformance() {
        // 300.102(a)(3)(iii): graduating with a regular diploma needs prior written notice; 300.305(e)(3): the summary
        CaseSteps supportCase = aCaseInEffect();

        closure.close(supportCase.id, ClosureReason.GRADUATED);
        entities.flush();
        entities.clear();

        SupportCase closed = supportCase.read();
        Long iep = closed.getPlans().get(0).getId();
        assertThat(closed.getPlans().get(0).getEffectiveTo()).isEqualTo(TODAY);
        assertThat(closed.getNotices())
                .filteredOn(n -> iep.equals(n.getPlanId()))
                .extracting(ParentNotice::getKind)
                .containsExactly(NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.SUMMARY_OF_PERFORMANCE);
        NoticeContent pwn = closed.getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.PRIOR_WRITTEN_NOTICE && iep.equals(n.getPlanId()))
                .findFirst()
                .orElseThrow()
                .getContent();
        assertThat(pwn.subject()).isEqualTo("Special education ends with graduation");
        assertThat(pwn.reasons()).contains("300.102(a)(3)");
        NoticeContent summary = closed.getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.SUMMARY_OF_PERFORMANCE)
                .findFirst()
                .orElseThrow()
                .getContent();
        assertThat(summary.reasons())
                .isEqualTo("Academic achievement and functional performance: Reads at a" + " second-grade level.");
    }
}

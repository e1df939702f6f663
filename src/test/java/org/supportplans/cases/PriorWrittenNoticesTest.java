package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prior written notice as content (34 CFR 300.503(b)) for each trigger before the plan: the refusal to evaluate, the
 * proposal to evaluate, each eligibility decision, the proposal of the first IEP's services; Section 504's
 * safeguards for a 504 decision (34 CFR 104.36).
 */
class PriorWrittenNoticesTest extends PhaseTest {

    @Test
    void aRefusalToEvaluateSaysWhy() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.DECLINE);

        consents.sendNotices(supportCase.id, List.of(NoticeKind.PRIOR_WRITTEN_NOTICE));

        NoticeContent notice = lastNotice(supportCase);
        assertThat(notice.action()).isEqualTo(NoticeContent.Action.REFUSED);
        assertThat(notice.subject()).isEqualTo("The school does not propose to evaluate your child now");
        assertThat(notice.reasons()).isEqualTo("Scores and teacher reports.");
        assertThat(notice.evidence())
                .isEqualTo("The referral of 2026-09-05 (academic): Reading two years below grade level.");
        assertThat(notice.safeguards()).isEqualTo(NoticeContent.IDEA_SAFEGUARDS);
    }

    /** OSEP Memo 11-07; 34 CFR 300.503(a)(2): not evaluating now, when the parents asked, is a refusal. */
    @Test
    void interventionsFirstForParentsWhoAskedForAnEvaluationAreARefusalThatSaysWhenTheTeamLooksAgain() {
        CaseSteps supportCase = new CaseSteps(LocalDate.of(2016, 4, 2), true);
        triage.triage(
                supportCase.id,
                TriageOutcome.INTERVENTIONS_FIRST,
                LocalDate.of(2026, 11, 30),
                true,
                "Six weeks of small-group reading first; the parents agree.",
                ACTOR);

        consents.sendNotices(supportCase.id, List.of(NoticeKind.PRIOR_WRITTEN_NOTICE));

        NoticeContent notice = lastNotice(supportCase);
        assertThat(notice.action()).isEqualTo(NoticeContent.Action.REFUSED);
        assertThat(notice.subject()).contains("interventions in general education first");
        assertThat(notice.reasons()).isEqualTo("Six weeks of small-group reading first; the parents agree.");
        assertThat(notice.otherFactors())
                .contains("again on 2026-11-30")
                .contains("You may ask for the evaluation at any time");
        assertThat(notice.safeguards()).isEqualTo(NoticeContent.IDEA_SAFEGUARDS);
    }

    @Test
    void theProposalToEvaluateGoesWithTheConsentRequest() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA);

        consents.requestConsent(supportCase.id, ConsentKind.EVALUATION_CONSENT);

        NoticeContent notice = supportCase.read().getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.PRIOR_WRITTEN_NOTICE)
                .findFirst()
                .orElseThrow()
                .getContent();
        assertThat(notice.action()).isEqualTo(NoticeContent.Action.PROPOSED);
        assertThat(notice.subject()).isEqualTo("The school proposes to evaluate your child");
        assertThat(notice.reasons()).isEqualTo("Scores and teacher reports.");
    }

    @Test
    void anEligibilityDecisionNamesTheCategoriesAndTheEvaluationsUsed() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(LocalDate.of(2026, 10, 1), EvaluationArea.ACADEMIC)
                .eligible(LocalDate.of(2026, 10, 1), EligibilityOutcome.IEP);

        consents.sendNotices(supportCase.id, List.of(NoticeKind.EVALUATION_REPORT, NoticeKind.PRIOR_WRITTEN_NOTICE));

        NoticeContent notice = lastNotice(supportCase);
        assertThat(notice.subject())
                .isEqualTo("Your child is eligible for special education ("
                        + IdeaCategory.SPECIFIC_LEARNING_DISABILITY.label() + ")");
        assertThat(notice.reasons()).isEqualTo("Meets the criteria.");
        assertThat(notice.evidence()).isEqualTo(EvaluationArea.ACADEMIC.label() + ": Findings.");
    }

    @Test
    void aSection504DecisionCarriesSection504sSafeguards() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.CONSIDER_504)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(LocalDate.of(2026, 10, 1), EvaluationArea.ACADEMIC)
                .eligible(LocalDate.of(2026, 10, 1), EligibilityOutcome.SECTION_504);

        consents.sendNotices(supportCase.id, List.of(NoticeKind.PRIOR_WRITTEN_NOTICE));

        assertThat(lastNotice(supportCase).safeguards()).isEqualTo(NoticeContent.SECTION_504_SAFEGUARDS);
        assertThat(NoticeContent.SECTION_504_SAFEGUARDS).contains("34 CFR 104.36");
    }

    @Test
    void theFirstIepsServicesAreProposedWithTheConsentRequest() {
        CaseSteps supportCase = aCase().triaged(TriageOutcome.EVALUATE_IDEA)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(LocalDate.of(2026, 10, 1), EvaluationArea.ACADEMIC)
                .eligible(LocalDate.of(2026, 10, 1), EligibilityOutcome.IEP)
                .meetingScheduled(TODAY)
                .iepWritten(TODAY, null)
                .meetingHeld(TODAY);

        consents.requestConsent(supportCase.id, ConsentKind.SERVICES_CONSENT);

        NoticeContent notice = lastNotice(supportCase);
        assertThat(notice.subject())
                .isEqualTo("The school proposes to provide special education and related services as written in the"
                        + " IEP");
        assertThat(notice.reasons()).contains("its services start on 2026-10-15");
    }

    private NoticeContent lastNotice(CaseSteps supportCase) {
        entities.flush();
        entities.clear();
        return supportCase.read().getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.PRIOR_WRITTEN_NOTICE)
                .reduce((first, second) -> second)
                .orElseThrow()
                .getContent();
    }
}

package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The plan in effect: annual reviews (34 CFR 300.324(b)) and reevaluations (300.303). */
class ReviewsTest extends PhaseTest {

    @Test
    void aReviewIsHeldAfterThePlanTookEffectAndNotInTheFuture() {
        String caseId = aCaseInEffect().id;

        assertThatThrownBy(() -> reviews.annualReviewHeld(caseId, TODAY.minusDays(1), "Notes.", ACTOR))
                .hasMessage("The review date 2026-10-14 is before the plan took effect (2026-10-15).");
        assertThatThrownBy(() -> reviews.annualReviewHeld(caseId, TODAY.plusDays(1), "Notes.", ACTOR))
                .hasMessage("The review date 2026-10-16 is in the future.");
    }

    @Test
    void aCaseWithoutAPlanInEffectHasNothingToReview() {
        String caseId = aCase().triaged(TriageOutcome.EVALUATE_IDEA).id;

        assertThatThrownBy(() -> reviews.annualReviewHeld(caseId, TODAY, "Notes.", ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("The case has no plan in effect to review.");
    }

    @Test
    void theReviewRestartsTheAnnualClockFromItsOwnDate() {
        String caseId = aCaseInEffect().id;

        LocalDate next = reviews.annualReviewHeld(caseId, TODAY, "Goals met; new goals.", ACTOR);

        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.ANNUAL_REVIEW, ClockStop.ANNUAL_REVIEW_HELD, TODAY));
        assertThat(clocks.started)
                .filteredOn(started -> started.kind() == ClockKind.ANNUAL_REVIEW)
                .last()
                .isEqualTo(new FakeClocks.Started(ClockKind.ANNUAL_REVIEW, ClockStart.PLAN_MEETING, TODAY));
        assertThat(next).isEqualTo(TODAY.plusDays(FakeClocks.DAYS));
    }

    @Test
    void aRefusedReevaluationIsAskedForAgainInAYear() {
        // 34 CFR 300.300(c)(1)(ii): the plan stays; the school may ask again
        assertThat(reviews.reevaluationRefused(aCaseInEffect().id)).isEqualTo(LocalDate.of(2027, 10, 15));
    }

    @Test
    void aReevaluationIsRecordedOnlyWhileOneIsUnderWay() {
        String caseId = aCaseInEffect().id;

        assertThatThrownBy(() -> reviews.reevaluationCompleted(caseId, TODAY, true, "Still eligible.", ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("No reevaluation is under way.");
    }

    @Test
    void aReevaluationStillEligibleRestartsTheThreeYearClock() {
        String caseId = aCaseInEffect().id;
        consents.requestConsent(caseId, ConsentKind.REEVALUATION_CONSENT);
        consents.recordParentAnswer(
                caseId, ConsentKind.REEVALUATION_CONSENT, ParentDecision.GIVEN, TODAY, RecordedVia.API, ACTOR);

        LocalDate next = reviews.reevaluationCompleted(caseId, TODAY, true, "Still eligible.", ACTOR);

        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.REEVALUATION, ClockStop.REEVALUATION_COMPLETED, TODAY));
        assertThat(next).isEqualTo(TODAY.plusDays(FakeClocks.DAYS));
    }

    @Test
    void aReevaluationNoLongerEligibleStartsNoNextOne() {
        String caseId = aCaseInEffect().id;
        consents.requestConsent(caseId, ConsentKind.REEVALUATION_CONSENT);
        consents.recordParentAnswer(
                caseId, ConsentKind.REEVALUATION_CONSENT, ParentDecision.GIVEN, TODAY, RecordedVia.API, ACTOR);

        assertThat(reviews.reevaluationCompleted(caseId, TODAY, false, "No longer needs services.", ACTOR))
                .isNull();
    }
}

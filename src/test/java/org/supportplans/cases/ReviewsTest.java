package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The plan in effect: annual reviews (34 CFR 300.324(b)), which write the next version, amendments without a meeting
 * (300.324(a)(4)) and reevaluations (300.303).
 */
@RecordApplicationEvents
class ReviewsTest extends PhaseTest {

    @Autowired
    ApplicationEvents events;

    // the IEP of aCaseInEffect(): 2026-10-15 to 2027-10-14 (a year less a day, 300.324(b)(1)), version 1
    static final LocalDate FIRST_IEP_ENDS = LocalDate.of(2027, 10, 14);
    static final LocalDate REVIEW_ON = LocalDate.of(2027, 9, 20);

    static Reviews.Revision revision(LocalDate startsOn) {
        return revision(startsOn, startsOn.plusYears(1).minusDays(1));
    }

    static Reviews.Revision revision(LocalDate startsOn, LocalDate endsOn) {
        PlanContent.Iep iep = iep(startsOn, endsOn, null);
        PlanContent.Iep newGoals = new PlanContent.Iep(
                iep.startsOn(),
                iep.endsOn(),
                "Reads third-grade text at 70 words correct per minute.",
                "Reads fourth-grade text at 90 words correct per minute by May.",
                iep.services(),
                iep.accommodations(),
                iep.placement(),
                null,
                ELEMENTS);
        return new Reviews.Revision(
                newGoals,
                "She met last year's reading goal; the new goal asks for fourth-grade fluency.",
                "Keeping last year's goal: rejected, she has met it.");
    }

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

        clock.today(REVIEW_ON);

        LocalDate next =
                reviews.annualReviewHeld(caseId, REVIEW_ON, "Goals met; new goals.", revision(REVIEW_ON), ACTOR);

        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.ANNUAL_REVIEW, ClockStop.ANNUAL_REVIEW_HELD, REVIEW_ON));
        assertThat(clocks.started)
                .filteredOn(started -> started.kind() == ClockKind.ANNUAL_REVIEW)
                .last()
                .isEqualTo(new FakeClocks.Started(ClockKind.ANNUAL_REVIEW, ClockStart.PLAN_MEETING, REVIEW_ON));
        assertThat(next).isEqualTo(REVIEW_ON.plusDays(FakeClocks.DAYS));
        // the new IEP runs a year less a day, to 2028-09-19: the next one starts by 2028-09-20, the anniversary
        // itself, so the limit changes nothing (300.324(b)(1)(i) alone)
        assertThat(clocks.limits).last().extracting(CaseClocks.DueBy::on).isEqualTo(REVIEW_ON.plusYears(1));
    }

    @Test
    void aReviewWritingAnIepThatEndsInJuneIsNextDueByTheDayAfterItEnds() {
        // the review of 2027-09-20 writes the IEP of 2027-09-20 to 2028-06-30: the next one starts by 2028-06-30 + 1
        // day = 2028-07-01 (34 CFR 300.323(a)), before the review's anniversary, 2028-09-20 (300.324(b)(1)(i))
        String caseId = aCaseInEffect().id;
        clock.today(REVIEW_ON);

        reviews.annualReviewHeld(
                caseId, REVIEW_ON, "Goals met; new goals.", revision(REVIEW_ON, LocalDate.of(2028, 6, 30)), ACTOR);

        assertThat(clocks.limits)
                .last()
                .isEqualTo(new CaseClocks.DueBy(
                        LocalDate.of(2028, 7, 1),
                        "the IEP in effect ends on 2028-06-30 and the next one must start by the day after",
                        "34 CFR 300.323(a)"));
    }

    @Test
    void theAnnualReviewWritesTheNextIepAndTheFirstStaysReadableAsItWas() {
        // 300.324(b)(1): the review of 2027-09-20 writes the IEP of 2027-09-20 to 2028-09-19; version 1 (2026-10-15
        // to 2027-10-14) is superseded the day before, 2027-09-19, so that one IEP is in effect every day
        CaseSteps supportCase = aCaseInEffect();
        clock.today(REVIEW_ON);

        reviews.annualReviewHeld(supportCase.id, REVIEW_ON, "Goals met; new goals.", revision(REVIEW_ON), ACTOR);
        entities.flush();
        entities.clear();

        List<SupportPlan> versions = supportCase.read().getPlans().stream()
                .sorted(Comparator.comparing(SupportPlan::getPlanVersion))
                .toList();
        assertThat(versions).hasSize(2);
        SupportPlan first = versions.get(0);
        SupportPlan second = versions.get(1);
        assertThat(first.getStatus()).isEqualTo(PlanStatus.SUPERSEDED);
        assertThat(first.getEffectiveFrom()).isEqualTo(TODAY);
        assertThat(first.getEffectiveTo()).isEqualTo(LocalDate.of(2027, 9, 19));
        assertThat(first.getAnnualGoals()).isEqualTo("Reads grade-level text with 90% accuracy.");
        assertThat(second.getStatus()).isEqualTo(PlanStatus.IN_EFFECT);
        assertThat(second.getPlanVersion()).isEqualTo(2);
        assertThat(second.getOrigin()).isEqualTo(PlanOrigin.ANNUAL_REVIEW);
        assertThat(second.getPreviousId()).isEqualTo(first.getId());
        assertThat(second.getEffectiveFrom()).isEqualTo(REVIEW_ON);
        assertThat(second.getEffectiveTo()).isEqualTo(LocalDate.of(2028, 9, 19));
        assertThat(second.getReviewDue()).isEqualTo(REVIEW_ON.plusDays(FakeClocks.DAYS));
        assertThat(second.getFinalisedBy()).isEqualTo(ACTOR);
        assertThat(second.getFinalisedAt()).isNotNull();
        assertThat(second.getChangeSummary())
                .isEqualTo("The dates (now 2027-09-20 to 2028-09-19), the present levels," + " the annual goals.");
        assertThat(events.stream(PlanVersionFinalised.class))
                .extracting(PlanVersionFinalised::version, PlanVersionFinalised::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, PlanOrigin.INITIAL),
                        org.assertj.core.groups.Tuple.tuple(2, PlanOrigin.ANNUAL_REVIEW));
    }

    @Test
    void theParentsGetPriorWrittenNoticeOfTheChangesAndACopy() {
        // 300.503(b): what is proposed, why, what was used, the options rejected, the safeguards; 300.322(f): a copy
        CaseSteps supportCase = aCaseInEffect();
        clock.today(REVIEW_ON);

        reviews.annualReviewHeld(supportCase.id, REVIEW_ON, "Goals met; new goals.", revision(REVIEW_ON), ACTOR);
        entities.flush();
        entities.clear();

        SupportCase read = supportCase.read();
        Long second = read.plans(PlanStatus.IN_EFFECT).get(0).getId();
        ParentNotice notice = read.getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.PRIOR_WRITTEN_NOTICE && second.equals(n.getPlanId()))
                .findFirst()
                .orElseThrow();
        assertThat(notice.getSentOn()).isEqualTo(REVIEW_ON);
        assertThat(notice.getContent().action()).isEqualTo(NoticeContent.Action.PROPOSED);
        assertThat(notice.getContent().subject()).isEqualTo("Changes to the IEP at the annual review of 2027-09-20");
        assertThat(notice.getContent().reasons()).startsWith("She met last year's reading goal");
        assertThat(notice.getContent().evidence())
                .isEqualTo("The annual review of 2027-09-20: Goals met; new goals.; the evaluation and eligibility"
                        + " decision of 2026-10-01");
        assertThat(notice.getContent().optionsConsidered())
                .isEqualTo("Keeping last year's goal: rejected, she has met it.");
        assertThat(notice.getContent().otherFactors()).contains("the annual goals");
        assertThat(notice.getContent().safeguards()).isEqualTo(NoticeContent.IDEA_SAFEGUARDS);
        assertThat(notice.getContent().language()).isEqualTo("en");
        assertThat(read.getNotices())
                .filteredOn(n -> n.getKind() == NoticeKind.PLAN_COPY)
                .singleElement()
                .satisfies(copy -> assertThat(copy.getPlanId()).isEqualTo(second));
        assertThat(events.stream(NoticeSent.class))
                .extracting(NoticeSent::kind)
                .contains(NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.PLAN_COPY);
    }

    @Test
    void theReviewOfAnIepWritesTheIep() {
        String caseId = aCaseInEffect().id;
        clock.today(REVIEW_ON);

        assertThatThrownBy(() -> reviews.annualReviewHeld(caseId, REVIEW_ON, "Notes.", ACTOR))
                .hasMessage("The team writes the IEP for the coming year at the annual review: fill in the IEP.");
    }

    @Test
    void theNextIepLeavesNoDayWithoutAnIep() {
        // 300.323(a): the IEP in effect ends 2027-10-14, so the next one starts by 2027-10-15
        String caseId = aCaseInEffect().id;
        clock.today(REVIEW_ON);

        assertThatThrownBy(() -> reviews.annualReviewHeld(
                        caseId, REVIEW_ON, "Notes.", revision(FIRST_IEP_ENDS.plusDays(2)), ACTOR))
                .hasMessage("The new IEP must start by 2027-10-15, the day after the IEP in effect ends, so that the"
                        + " student is never without an IEP.");
        assertThatThrownBy(() ->
                        reviews.annualReviewHeld(caseId, REVIEW_ON, "Notes.", revision(REVIEW_ON.minusDays(1)), ACTOR))
                .hasMessage("The new IEP cannot start before the review (2027-09-20).");
    }

    @Test
    void anAmendmentWithoutAMeetingIsANewVersionToTheSameEnd() {
        // 300.324(a)(4): agreed in writing on 2027-02-01; in effect from then to the amended IEP's end, 2027-10-14;
        // the annual review stays due as it was (a year from the meeting, 300.324(b)(1))
        CaseSteps supportCase = aCaseInEffect();
        LocalDate agreedOn = LocalDate.of(2027, 2, 1);
        clock.today(agreedOn);
        LocalDate reviewDue =
                supportCase.read().plans(PlanStatus.IN_EFFECT).get(0).getReviewDue();

        CaseView.PlanView amended = reviews.amend(
                supportCase.id,
                new Reviews.Amendment(
                        agreedOn,
                        true,
                        "Speech therapy added after the speech evaluation the parents asked for.",
                        "Waiting for the annual review: rejected, she needs the therapy now.",
                        null,
                        null,
                        null,
                        "Extended time; text read aloud.",
                        null),
                ACTOR);
        entities.flush();
        entities.clear();

        assertThat(amended.version()).isEqualTo(2);
        assertThat(amended.origin()).isEqualTo(PlanOrigin.AMENDMENT);
        assertThat(amended.effectiveFrom()).isEqualTo(agreedOn);
        assertThat(amended.effectiveTo()).isEqualTo(FIRST_IEP_ENDS);
        assertThat(amended.reviewDue()).isEqualTo(reviewDue);
        assertThat(amended.accommodations()).isEqualTo("Extended time; text read aloud.");
        assertThat(amended.annualGoals()).isEqualTo("Reads grade-level text with 90% accuracy.");
        assertThat(amended.changeSummary()).isEqualTo("The accommodations and supplementary aids.");
        SupportCase read = supportCase.read();
        assertThat(read.getPlans())
                .filteredOn(p -> p.getPlanVersion() == 1)
                .singleElement()
                .satisfies(first -> {
                    assertThat(first.getStatus()).isEqualTo(PlanStatus.SUPERSEDED);
                    assertThat(first.getEffectiveTo()).isEqualTo(LocalDate.of(2027, 1, 31));
                    assertThat(first.getAccommodations()).isEqualTo("Extended time");
                });
        assertThat(read.getNotices())
                .filteredOn(n -> amended.id().equals(n.getPlanId()))
                .extracting(ParentNotice::getKind)
                .containsExactly(NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.PLAN_COPY);
    }

    @Test
    void anAmendmentNeedsTheParentsWrittenAgreementAndAChange() {
        String caseId = aCaseInEffect().id;
        LocalDate agreedOn = LocalDate.of(2027, 2, 1);
        clock.today(agreedOn);

        assertThatThrownBy(() -> reviews.amend(
                        caseId,
                        new Reviews.Amendment(
                                agreedOn, false, "Why.", "Options.", null, null, null, "More time.", null),
                        ACTOR))
                .hasMessageStartingWith("An IEP is amended without a meeting only when the parents agree in writing");
        assertThatThrownBy(() -> reviews.amend(
                        caseId,
                        new Reviews.Amendment(
                                agreedOn, true, "Why.", "Options.", null, null, null, "Extended time", null),
                        ACTOR))
                .hasMessage("The amendment changes nothing in the IEP in effect.");
    }

    @Test
    void aRefusedReevaluationIsAskedForAgainInAYear() {
        // 34 CFR 300.300(c)(1)(ii): the plan stays; the school may ask again
        assertThat(reviews.reevaluationRefused(aCaseInEffect().id)).isEqualTo(LocalDate.of(2027, 10, 15));
    }

    /** 34 CFR 300.324(b)(1)(ii)(B): the IEP revised to address the reevaluation's results, a version of its own. */
    @Test
    void theTeamRevisesTheIepWithTheReevaluationsResultsAsAVersionOfItsOwn() {
        CaseSteps supportCase = aCaseInEffect();
        String caseId = supportCase.id;
        clock.today(REVIEW_ON);
        assertThatThrownBy(() ->
                        reviews.reviewedAfterReevaluation(caseId, REVIEW_ON, "Notes.", revision(REVIEW_ON), ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("No reevaluation has been completed to review the plan with.");
        consents.requestConsent(caseId, ConsentKind.REEVALUATION_CONSENT);
        consents.recordParentAnswer(
                caseId, ConsentKind.REEVALUATION_CONSENT, ParentDecision.GIVEN, REVIEW_ON, RecordedVia.API, ACTOR);
        reviews.reevaluationCompleted(caseId, REVIEW_ON, true, "Still eligible; fluency is the need now.", ACTOR);

        LocalDate next = reviews.reviewedAfterReevaluation(
                caseId, REVIEW_ON, "The reevaluation's results reviewed.", revision(REVIEW_ON), ACTOR);
        entities.flush();
        entities.clear();

        // the meeting reviewed the IEP (300.324(b)(1)(i)): the annual review is met and counts again from it
        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.ANNUAL_REVIEW, ClockStop.ANNUAL_REVIEW_HELD, REVIEW_ON));
        assertThat(next).isEqualTo(REVIEW_ON.plusDays(FakeClocks.DAYS));
        SupportCase read = supportCase.read();
        SupportPlan revised = read.plans(PlanStatus.IN_EFFECT).get(0);
        assertThat(revised.getPlanVersion()).isEqualTo(2);
        assertThat(revised.getOrigin()).isEqualTo(PlanOrigin.REEVALUATION);
        assertThat(revised.getEffectiveFrom()).isEqualTo(REVIEW_ON);
        assertThat(read.getMeetings()).extracting(Meeting::getPurpose).contains(MeetingPurpose.REEVALUATION);
        ParentNotice notice = read.getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.PRIOR_WRITTEN_NOTICE
                        && revised.getId().equals(n.getPlanId()))
                .findFirst()
                .orElseThrow();
        assertThat(notice.getContent().subject())
                .isEqualTo("Changes to the IEP at the review after the reevaluation of 2027-09-20");
        assertThat(notice.getContent().evidence())
                .startsWith("The review after the reevaluation of 2027-09-20: The reevaluation's results reviewed.");
        assertThat(read.getNotices())
                .filteredOn(n -> n.getKind() == NoticeKind.PLAN_COPY)
                .singleElement()
                .satisfies(copy -> assertThat(copy.getPlanId()).isEqualTo(revised.getId()));
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

    /** 34 CFR 300.305(d): no more data needed; no consent, notice of the determination, the three-year clock anew. */
    @Test
    void aReevaluationFromTheExistingDataSendsNoticeAndRestartsTheThreeYearClock() {
        String caseId = aCaseInEffect().id;

        LocalDate next = reviews.reevaluatedFromExistingData(
                caseId, TODAY, "This year's reading probes.", "The probes show the same need.", ACTOR);

        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.REEVALUATION, ClockStop.REEVALUATION_COMPLETED, TODAY));
        assertThat(next).isEqualTo(TODAY.plusDays(FakeClocks.DAYS));
        entities.flush();
        entities.clear();
        NoticeContent notice = entities.find(SupportCase.class, caseId).getNotices().stream()
                .filter(n -> n.getKind() == NoticeKind.PRIOR_WRITTEN_NOTICE)
                .reduce((first, second) -> second)
                .orElseThrow()
                .getContent();
        assertThat(notice.subject()).isEqualTo(PriorWrittenNotices.NO_NEW_DATA);
        assertThat(notice.reasons()).isEqualTo("The probes show the same need.");
        assertThat(notice.evidence()).isEqualTo("This year's reading probes.");
        assertThat(notice.optionsConsidered()).contains("You may ask for an assessment");
        assertThat(entities.find(SupportCase.class, caseId).getEvaluations()).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EvaluationKind.REEVALUATION);
            assertThat(e.getConsentOn()).as("no consent: nothing assessed").isNull();
            assertThat(e.getCompletedOn()).isEqualTo(TODAY);
        });
    }

    @Test
    void aReevaluationFromTheExistingDataSaysWhyAndIsNotDatedBeforeTheLastEvaluation() {
        String caseId = aCaseInEffect().id;

        assertThatThrownBy(() -> reviews.reevaluatedFromExistingData(caseId, TODAY, "Probes.", " ", ACTOR))
                .hasMessageContaining("300.305(d)(1)(i)");
        assertThatThrownBy(() -> reviews.reevaluatedFromExistingData(
                        caseId, LocalDate.of(2026, 9, 30), "Probes.", "Same need.", ACTOR))
                .hasMessageContaining("is before the last evaluation");
        String referredOnly = aCaseOfAStudentBornOn(LocalDate.of(2017, 5, 6)).id;
        assertThatThrownBy(
                        () -> reviews.reevaluatedFromExistingData(referredOnly, TODAY, "Probes.", "Same need.", ACTOR))
                .isInstanceOf(NotAwaitedException.class);
    }
}

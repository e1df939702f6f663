package org.supportplans.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan in effect ({@code plan-in-effect}): the annual review (34 CFR 300.324(b)(1)), which writes the next
 * version of each plan, an amendment between reviews (300.324(a)(4)), and the reevaluation at least every three
 * years (300.303(b)(2)), each restarting its clock.
 */
@Service
@Transactional
public class Reviews {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;
    private final TransitionAge transitionAge;
    private final PlanRecords records;

    Reviews(
            OpenCases cases,
            DistrictDay days,
            Timeline timeline,
            CaseClocks clocks,
            TransitionAge transitionAge,
            PlanRecords records) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
        this.transitionAge = transitionAge;
        this.records = records;
    }

    /**
     * What the annual review decides for an IEP: the new IEP (present levels, goals, services, dates), and for the
     * prior written notice of the change (34 CFR 300.503(b)) why the team proposes it and the other options it
     * considered and rejected.
     */
    public record Revision(PlanContent.Iep iep, String reasons, String optionsConsidered) {}

    /** The IEP in effect, to fill in the annual review's form with; empty when the case has none. */
    @Transactional(readOnly = true)
    public java.util.Optional<PlanContent.Iep> iepInEffect(String caseId) {
        return cases.find(caseId).plans(PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst()
                .map(plan -> (PlanContent.Iep) plan.content());
    }

    /** Whether an IEP starting on that day must plan the transition (34 CFR 300.320(b)). */
    @Transactional(readOnly = true)
    public boolean transitionRequired(String caseId, LocalDate iepStartsOn) {
        return transitionAge.reachedDuring(cases.find(caseId), iepStartsOn);
    }

    /**
     * Records the annual review without a new IEP (a case whose plans are a Section 504 plan or an ALP: each is
     * renewed as it is, for a year from the review); returns the next review's due date.
     */
    public LocalDate annualReviewHeld(String caseId, LocalDate heldOn, String notes, String actor) {
        return annualReviewHeld(caseId, heldOn, notes, null, actor);
    }

    /**
     * Records the annual review: each plan in effect gets its next version, in effect from the day its content
     * starts (the IEP the team wrote; a 504 plan or an ALP renewed for a year from the review), the one before it
     * superseded the day before, so that a plan is in effect every day; the annual-review clock restarts from the
     * review; the parents get prior written notice of the IEP's changes and a copy of each new version. Returns
     * the next review's due date.
     */
    public LocalDate annualReviewHeld(String caseId, LocalDate heldOn, String notes, Revision revision, String actor) {
        return review(cases.open(caseId), Occasion.ANNUAL_REVIEW, heldOn, notes, revision, actor);
    }

    /**
     * The team met after a reevaluation that found the student still eligible and revised the plan to address its
     * results (34 CFR 300.324(b)(1)(ii)(B)): the IEP written anew at that meeting is a version of its own (origin
     * {@link PlanOrigin#REEVALUATION}), with prior written notice of the changes and a copy to the parents; a 504 plan
     * or an ALP beside it is renewed. The meeting reviews the plan, so its review clock restarts from it (300.324(b)(1)(i):
     * "periodically, but not less than annually"). Returns the next review's due date.
     */
    public LocalDate reviewedAfterReevaluation(
            String caseId, LocalDate heldOn, String notes, Revision revision, String actor) {
        SupportCase supportCase = cases.open(caseId);
        Evaluation reevaluation = supportCase
                .currentEvaluation()
                .filter(evaluation -> evaluation.getKind() == EvaluationKind.REEVALUATION)
                .filter(evaluation -> evaluation.getCompletedOn() != null)
                .orElseThrow(
                        () -> new NotAwaitedException("No reevaluation has been completed to review the plan with."));
        if (heldOn != null && heldOn.isBefore(reevaluation.getCompletedOn())) {
            throw new CaseRuleViolation("The meeting cannot be before the reevaluation was completed ("
                    + reevaluation.getCompletedOn() + ").");
        }
        return review(supportCase, Occasion.AFTER_REEVALUATION, heldOn, notes, revision, actor);
    }

    /** What brought the team together to review the plan. */
    private enum Occasion {
        ANNUAL_REVIEW(PlanOrigin.ANNUAL_REVIEW, "the annual review"),
        AFTER_REEVALUATION(PlanOrigin.REEVALUATION, "the review after the reevaluation");

        final PlanOrigin origin;
        final String words;

        Occasion(PlanOrigin origin, String words) {
            this.origin = origin;
            this.words = words;
        }
    }

    private LocalDate review(
            SupportCase supportCase,
            Occasion occasion,
            LocalDate heldOn,
            String notes,
            Revision revision,
            String actor) {
        String caseId = supportCase.getId();
        LocalDate inEffectSince = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .map(SupportPlan::getInEffectOn)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new NotAwaitedException("The case has no plan in effect to review."));
        CaseDates.requireBetween(
                heldOn, inEffectSince, "the plan took effect", days.today(supportCase), "The review date");
        List<SupportPlan> inEffect = supportCase.plans(PlanStatus.IN_EFFECT);
        SupportPlan currentIep = inEffect.stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst()
                .orElse(null);
        if (currentIep != null && (revision == null || revision.iep() == null)) {
            // 34 CFR 300.324(b)(1)(ii): the review revises the IEP; an unchanged IEP is still written anew, with dates
            throw new CaseRuleViolation(
                    "The team writes the IEP for the coming year at " + occasion.words + ": fill in the IEP.");
        }
        supportCase.add(
                occasion == Occasion.ANNUAL_REVIEW
                        ? Meeting.annualReview(caseId, heldOn, notes, actor)
                        : Meeting.reviewAfterReevaluation(caseId, heldOn, notes, actor));
        clocks.stop(caseId, ClockKind.ANNUAL_REVIEW, ClockStop.ANNUAL_REVIEW_HELD, heldOn);
        // the review revisits the IEP, its transition plan included
        clocks.stop(caseId, ClockKind.TRANSITION, ClockStop.ANNUAL_REVIEW_HELD, heldOn);
        LocalDate nextDue = startReviewClock(
                clocks,
                supportCase,
                heldOn,
                currentIep == null ? null : revision.iep().endsOn());
        Instant now = days.now();
        for (SupportPlan current : inEffect) {
            PlanContent content;
            String summary;
            if (current.getKind() == PlanKind.IEP) {
                content = revision.iep();
                checkIep(supportCase, revision.iep(), heldOn, current);
                summary = PlanChanges.describe(current.content(), content);
            } else {
                // a Section 504 plan or an ALP reviewed and kept: the same content for a year from the review
                content = renewed(current.content(), heldOn, nextDue);
                summary = "Reviewed and kept; in effect until the next review, due by " + nextDue + ".";
            }
            SupportPlan revised = SupportPlan.revision(current, content, occasion.origin, summary, actor, now);
            takeOver(supportCase, current, revised, heldOn, nextDue);
            if (current.getKind() == PlanKind.IEP) {
                priorWrittenNotice(
                        supportCase,
                        revised,
                        "Changes to the IEP at " + occasion.words + " of " + heldOn,
                        revision.reasons(),
                        capitalised(occasion.words) + " of " + heldOn + ": " + notes + lastEvaluation(supportCase),
                        revision.optionsConsidered(),
                        actor);
            }
            copyToParents(supportCase, revised, actor);
        }
        if (currentIep != null) {
            clocks.stop(caseId, ClockKind.TRANSITION, ClockStop.TRANSITION_PLAN_WRITTEN, heldOn);
        }
        timeline.record(
                supportCase,
                heldOn,
                CaseEventKind.ANNUAL_REVIEW_HELD,
                capitalised(occasion.words) + " held; next due by " + nextDue,
                actor);
        return nextDue;
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The IEP a review or an amendment writes: the content rules, and no day without an IEP in effect. */
    private void checkIep(SupportCase supportCase, PlanContent.Iep iep, LocalDate from, SupportPlan current) {
        if (iep.startsOn().isBefore(from)) {
            throw new CaseRuleViolation("The new IEP cannot start before the review (" + from + ").");
        }
        LocalDate latestStart = current.getEffectiveTo().plusDays(1);
        if (iep.startsOn().isAfter(latestStart)) {
            // 34 CFR 300.323(a): an IEP in effect at the beginning of each school year, and every day between
            throw new CaseRuleViolation("The new IEP must start by " + latestStart
                    + ", the day after the IEP in effect ends, so that the student is never without an IEP.");
        }
        IepContent.check(
                iep,
                supportCase.getStudent().getDateOfBirth(),
                transitionAge.reachedDuring(supportCase, iep.startsOn()));
    }

    /**
     * The clock of the case's next review: an IEP's annual review (34 CFR 300.324(b)(1)(i)) where an IEP is in
     * effect, else the review of its Section 504 plan or ALP, which the district's policy times.
     */
    static ClockKind reviewClock(SupportCase supportCase) {
        return supportCase.plans(PlanStatus.IN_EFFECT).stream().anyMatch(plan -> plan.getKind() == PlanKind.IEP)
                ? ClockKind.ANNUAL_REVIEW
                : ClockKind.PLAN_REVIEW;
    }

    /**
     * Starts the review clock of the case's plans from the meeting that wrote or reviewed them; returns its due date.
     * An IEP's annual review, a year from the meeting (34 CFR 300.324(b)(1)(i)), is due by the day after the IEP ends
     * ({@code iepLastDay}) when that comes first: the review writes the next IEP, which must start by then so that the
     * student is never without one (300.323(a); {@link #checkIep}). A year-long IEP ends the day before the
     * anniversary, so its review stays due on the anniversary. A Section 504 plan or an ALP alone: as the district
     * sets.
     */
    static LocalDate startReviewClock(
            CaseClocks clocks, SupportCase supportCase, LocalDate meetingOn, LocalDate iepLastDay) {
        ClockKind kind = reviewClock(supportCase);
        CaseClocks.DueBy latest = kind == ClockKind.ANNUAL_REVIEW && iepLastDay != null
                ? new CaseClocks.DueBy(
                        iepLastDay.plusDays(1),
                        "the IEP in effect ends on " + iepLastDay + " and the next one must start by the day after",
                        "34 CFR 300.323(a)")
                : null;
        return clocks.start(supportCase.getId(), kind, ClockStart.PLAN_MEETING, meetingOn, latest)
                .orElseThrow();
    }

    /** A Section 504 plan or an ALP kept as it is, in effect from the review until the day before the next one. */
    private static PlanContent renewed(PlanContent content, LocalDate from, LocalDate nextReviewDue) {
        LocalDate to = nextReviewDue.minusDays(1);
        if (content instanceof PlanContent.Section504 plan) {
            return new PlanContent.Section504(from, to, plan.accommodations());
        }
        PlanContent.Alp alp = (PlanContent.Alp) content;
        return new PlanContent.Alp(
                from, to, alp.strengthAreas(), alp.achievementGoals(), alp.affectiveGoals(), alp.programming());
    }

    /** The next version takes effect from its start (or {@code from}, when later); the current one ends the day before. */
    private void takeOver(
            SupportCase supportCase, SupportPlan current, SupportPlan next, LocalDate from, LocalDate reviewDue) {
        LocalDate effectiveFrom = next.getStartsOn().isAfter(from) ? next.getStartsOn() : from;
        if (!effectiveFrom.isAfter(current.getEffectiveFrom())) {
            throw new CaseRuleViolation("The new " + next.getKind()
                    + " must take effect after the one in effect began (" + current.getEffectiveFrom() + ").");
        }
        current.supersede(effectiveFrom.minusDays(1));
        next.putInEffect(from, reviewDue);
        supportCase.add(next);
        records.finalised(next);
        timeline.record(
                supportCase,
                from,
                next.getOrigin() == PlanOrigin.AMENDMENT ? CaseEventKind.PLAN_AMENDED : CaseEventKind.PLAN_REVISED,
                next.getKind() + " version " + next.getPlanVersion() + " in effect from " + next.getEffectiveFrom()
                        + " to " + next.getEffectiveTo() + "; version " + current.getPlanVersion() + " superseded",
                next.getFinalisedBy());
    }

    /** A change to an IEP, proposed in writing before it takes effect (34 CFR 300.503(a)(1), (b)). */
    private void priorWrittenNotice(
            SupportCase supportCase,
            SupportPlan version,
            String subject,
            String reasons,
            String evidence,
            String optionsConsidered,
            String actor) {
        records.send(
                supportCase,
                new ParentNotice(
                        supportCase.getId(),
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        days.today(supportCase),
                        new NoticeContent(
                                NoticeContent.Action.PROPOSED,
                                subject,
                                reasons,
                                evidence,
                                optionsConsidered,
                                "What changes: " + version.getChangeSummary(),
                                NoticeContent.safeguardsFor(version.getKind()),
                                "en"),
                        version.getId(),
                        actor));
    }

    /** The parents' copy of the plan (34 CFR 300.322(f); for an amendment on request, 300.324(a)(6)). */
    private void copyToParents(SupportCase supportCase, SupportPlan version, String actor) {
        LocalDate today = days.today(supportCase);
        records.send(
                supportCase,
                new ParentNotice(
                        supportCase.getId(),
                        NoticeKind.PLAN_COPY,
                        today,
                        new NoticeContent(
                                NoticeContent.Action.INFORMATION,
                                "A copy of the " + version.getKind() + ", version " + version.getPlanVersion()
                                        + ", in effect from " + version.getEffectiveFrom() + " to "
                                        + version.getEffectiveTo(),
                                null,
                                null,
                                null,
                                null,
                                NoticeContent.safeguardsFor(version.getKind()),
                                "en"),
                        version.getId(),
                        actor));
        timeline.record(
                supportCase,
                today,
                CaseEventKind.PLAN_COPY_SENT,
                "Copy of the " + version.getKind() + " version " + version.getPlanVersion() + " sent to the parents",
                actor);
    }

    private static String lastEvaluation(SupportCase supportCase) {
        return supportCase
                .lastEligibility()
                .map(d -> "; the evaluation and eligibility decision of " + d.getDecidedOn())
                .orElse("");
    }

    /**
     * A change to the IEP between annual reviews, agreed in writing by the parents and the district without a
     * meeting (34 CFR 300.324(a)(4)): the changed elements (those given; the rest as in the IEP in effect), the day
     * they agreed, and for the prior written notice why and which other options were considered.
     */
    public record Amendment(
            LocalDate agreedOn,
            boolean parentsAgreedInWriting,
            String reasons,
            String optionsConsidered,
            String presentLevels,
            String annualGoals,
            List<PlanService> services,
            String accommodations,
            String placement) {}

    /**
     * Amends the IEP in effect: a new version, in effect from the day of the agreement to the end of the IEP it
     * amends (the annual review stays due as it was); the team is informed (300.324(a)(4)(ii)); prior written notice
     * of the change and a copy to the parents. Returns the new version.
     */
    public CaseView.PlanView amend(String caseId, Amendment amendment, String actor) {
        SupportCase supportCase = cases.open(caseId);
        SupportPlan current = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst()
                .orElseThrow(() -> new NotAwaitedException("The case has no IEP in effect to amend."));
        if (!amendment.parentsAgreedInWriting()) {
            throw new CaseRuleViolation("An IEP is amended without a meeting only when the parents agree in writing"
                    + " (34 CFR 300.324(a)(4)(i)): parentsAgreedInWriting must be true.");
        }
        LocalDate today = days.today(supportCase);
        if (amendment.agreedOn().isAfter(today)) {
            throw new CaseRuleViolation("The agreement date " + amendment.agreedOn() + " is in the future.");
        }
        if (!amendment.agreedOn().isAfter(current.getEffectiveFrom())) {
            throw new CaseRuleViolation(
                    "The agreement date must be after the IEP in effect began (" + current.getEffectiveFrom() + ").");
        }
        required(amendment.reasons(), "reasons");
        required(amendment.optionsConsidered(), "optionsConsidered");
        PlanContent.Iep was = (PlanContent.Iep) current.content();
        PlanContent.Iep amended = new PlanContent.Iep(
                was.startsOn(),
                was.endsOn(),
                orElse(amendment.presentLevels(), was.presentLevels()),
                orElse(amendment.annualGoals(), was.annualGoals()),
                amendment.services() == null ? was.services() : amendment.services(),
                orElse(amendment.accommodations(), was.accommodations()),
                orElse(amendment.placement(), was.placement()),
                was.transitionPlan(),
                was.elements());
        String summary = PlanChanges.describe(was, amended);
        if (summary.equals(PlanChanges.NOTHING)) {
            throw new CaseRuleViolation("The amendment changes nothing in the IEP in effect.");
        }
        IepContent.check(
                amended,
                supportCase.getStudent().getDateOfBirth(),
                transitionAge.reachedDuring(supportCase, amended.startsOn()));
        SupportPlan next = SupportPlan.revision(current, amended, PlanOrigin.AMENDMENT, summary, actor, days.now());
        takeOver(supportCase, current, next, amendment.agreedOn(), current.getReviewDue());
        timeline.record(
                supportCase,
                amendment.agreedOn(),
                CaseEventKind.PLAN_AMENDED,
                "IEP amended without a meeting by written agreement; the IEP team informed (34 CFR 300.324(a)(4)(ii))",
                actor);
        priorWrittenNotice(
                supportCase,
                next,
                "An amendment to the IEP agreed on " + amendment.agreedOn(),
                amendment.reasons(),
                "The IEP in effect since " + current.getEffectiveFrom() + lastEvaluation(supportCase),
                amendment.optionsConsidered(),
                actor);
        copyToParents(supportCase, next, actor);
        return PlanVersions.view(next);
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new CaseRuleViolation(name + ": required for the prior written notice (34 CFR 300.503(b)).");
        }
    }

    /** The parents refused to let the school reevaluate: the plan stays (34 CFR 300.300(c)(1)(ii)). Returns when to ask again. */
    public LocalDate reevaluationRefused(String caseId) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        timeline.record(
                supportCase,
                today,
                CaseEventKind.REEVALUATION_REFUSED,
                "Parents refused the reevaluation; the plan stays in effect",
                null);
        return today.plusYears(1);
    }

    /** Records the reevaluation; returns the next one's due date, or null when the student is no longer eligible. */
    public LocalDate reevaluationCompleted(
            String caseId, LocalDate completedOn, boolean stillEligible, String summary, String actor) {
        SupportCase supportCase = cases.open(caseId);
        Evaluation evaluation = Evaluations.current(supportCase);
        if (evaluation.getKind() != EvaluationKind.REEVALUATION || evaluation.getCompletedOn() != null) {
            throw new NotAwaitedException("No reevaluation is under way.");
        }
        CaseDates.requireBetween(
                completedOn,
                evaluation.getConsentOn(),
                "the parents' consent",
                days.today(supportCase),
                "The reevaluation date");
        evaluation.completeReevaluation(completedOn, stillEligible, summary, actor);
        clocks.stop(caseId, ClockKind.REEVALUATION, ClockStop.REEVALUATION_COMPLETED, completedOn);
        LocalDate next = stillEligible
                ? clocks.start(caseId, ClockKind.REEVALUATION, ClockStart.EVALUATION, completedOn)
                        .orElseThrow()
                : null;
        timeline.record(
                supportCase,
                completedOn,
                CaseEventKind.REEVALUATION_COMPLETED,
                stillEligible ? "Reevaluation completed: still eligible" : "Reevaluation completed: no longer eligible",
                actor);
        return next;
    }

    /**
     * The team reviewed the existing data (34 CFR 300.305(a)) and needs no more to decide that the student still has
     * a disability and what the student needs: the reevaluation is done from that data (300.305(d)), with no consent
     * to ask (300.300(d)(1)(i): consent is for new assessments); the parents get prior written notice of the
     * determination, its reasons and their right to ask for an assessment. Returns the next reevaluation's due date,
     * three years from this one (300.303(b)(2)).
     */
    public LocalDate reevaluatedFromExistingData(
            String caseId, LocalDate reviewedOn, String existingData, String reasons, String actor) {
        SupportCase supportCase = cases.open(caseId);
        if (supportCase.getPhase() != CasePhase.PLAN_IN_EFFECT) {
            throw new NotAwaitedException("A reevaluation is for a case whose plan is in effect.");
        }
        LocalDate lastEvaluated = supportCase.getEvaluations().stream()
                .map(Evaluation::getCompletedOn)
                .filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(null);
        CaseDates.requireBetween(
                reviewedOn, lastEvaluated, "the last evaluation", days.today(supportCase), "The review date");
        if (reasons == null || reasons.isBlank()) {
            throw new CaseRuleViolation(
                    "Write why no more data are needed: the parents receive it (34 CFR" + " 300.305(d)(1)(i)).");
        }
        Evaluation evaluation = new Evaluation(caseId, EvaluationKind.REEVALUATION, null, null);
        evaluation.completeReevaluation(reviewedOn, true, existingData, actor);
        supportCase.add(evaluation);
        clocks.stop(caseId, ClockKind.REEVALUATION, ClockStop.REEVALUATION_COMPLETED, reviewedOn);
        LocalDate next = clocks.start(caseId, ClockKind.REEVALUATION, ClockStart.EVALUATION, reviewedOn)
                .orElseThrow();
        records.send(
                supportCase,
                new ParentNotice(
                        caseId,
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        days.today(supportCase),
                        PriorWrittenNotices.noNewData(supportCase, reasons, existingData),
                        null,
                        actor));
        timeline.record(
                supportCase,
                reviewedOn,
                CaseEventKind.REEVALUATION_COMPLETED,
                "Reevaluation from the existing data: still eligible, no new assessments (34 CFR 300.305(d))",
                actor);
        return next;
    }
}

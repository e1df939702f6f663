package org.supportplans.cases;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.School;

/** The first phase ({@code referral-triage}): a referral opens a case, or joins the open one; the coordinator triages it. */
@Service
@Transactional
public class Triage {

    private final StudentRepository students;
    private final SupportCaseRepository cases;
    private final OpenCases openCases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;

    Triage(
            StudentRepository students,
            SupportCaseRepository cases,
            OpenCases openCases,
            DistrictDay days,
            Timeline timeline,
            CaseClocks clocks) {
        this.students = students;
        this.cases = cases;
        this.openCases = openCases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
    }

    /** A referral as it arrives. */
    public record NewReferral(
            School school,
            String studentLocalId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            LocalDate receivedOn,
            ReferrerRole referredByRole,
            String referredByName,
            Set<Concern> concerns,
            boolean parentRequestedEvaluation,
            String reason,
            // BCP 47; null: not told (a new case takes English, an open case keeps its language)
            String parentLanguage) {}

    /** The case a referral opened, or the open case it joined. */
    public record Referred(String caseId, boolean newCase) {}

    /**
     * Records a referral. A student with an open case has the referral added to that case; otherwise a
     * case opens. Two referrals of one student racing each other: the database's unique open case lets
     * one win, and the caller retries the other, which then joins.
     */
    public Referred refer(NewReferral referral, String actor) {
        LocalDate today = days.today(referral.school());
        if (referral.receivedOn().isAfter(today)) {
            throw new CaseRuleViolation("The referral date " + referral.receivedOn() + " is in the future.");
        }
        if (!referral.dateOfBirth().isBefore(referral.receivedOn())) {
            throw new CaseRuleViolation("The date of birth must be before the referral date.");
        }
        String districtId = referral.school().getDistrict().getId();
        Student student = students.findByDistrictIdAndLocalId(districtId, referral.studentLocalId())
                .orElseGet(() -> students.saveAndFlush(new Student(
                        districtId,
                        referral.studentLocalId(),
                        referral.firstName(),
                        referral.lastName(),
                        referral.dateOfBirth())));
        Optional<SupportCase> open = cases.findOpenCaseOf(student.getId());
        SupportCase supportCase = open.orElseGet(
                () -> cases.saveAndFlush(new SupportCase(student, referral.school(), referral.receivedOn())));
        if (referral.parentLanguage() != null) {
            supportCase.recordParentLanguage(referral.parentLanguage());
        }
        supportCase.add(new Referral(
                supportCase.getId(),
                referral.receivedOn(),
                referral.referredByRole(),
                referral.referredByName(),
                referral.concerns(),
                referral.parentRequestedEvaluation(),
                referral.reason(),
                actor,
                days.now()));
        if (open.isEmpty()) {
            // a state's count from the referral to the decision whether to evaluate (IL, WA, CA, MI, NJ, MA)
            clocks.start(supportCase.getId(), ClockKind.REFERRAL_DECISION, ClockStart.REFERRAL, referral.receivedOn());
        }
        if (open.isEmpty() && student.ageOn(referral.receivedOn()) < 3) {
            // 34 CFR 300.124(b): a child coming from early intervention has an IEP in effect by age 3
            clocks.start(supportCase.getId(), ClockKind.PART_C_TO_B, ClockStart.BIRTH, student.getDateOfBirth());
        }
        String who = referral.referredByRole().name().toLowerCase();
        if (open.isPresent()) {
            timeline.record(
                    supportCase,
                    referral.receivedOn(),
                    CaseEventKind.REFERRAL_ADDED,
                    "Another referral (by a " + who + ") joined the open case",
                    actor);
        } else {
            timeline.record(
                    supportCase,
                    referral.receivedOn(),
                    CaseEventKind.REFERRAL_RECEIVED,
                    "Referral received from a " + who,
                    actor);
        }
        return new Referred(supportCase.getId(), open.isEmpty());
    }

    public void triage(
            String caseId,
            TriageOutcome outcome,
            LocalDate followUpOn,
            Boolean parentAgreed,
            String rationale,
            String actor) {
        SupportCase supportCase = openCases.open(caseId);
        LocalDate today = days.today(supportCase);
        if (outcome == TriageOutcome.INTERVENTIONS_FIRST) {
            if (followUpOn == null) {
                throw new CaseRuleViolation("Give the follow-up date of the interventions.");
            }
            if (!followUpOn.isAfter(today) || followUpOn.isAfter(today.plusYears(1))) {
                throw new CaseRuleViolation("The follow-up date must be after today and within a year.");
            }
            // OSEP Memo 11-07: interventions may not delay an evaluation the parents asked for
            if (supportCase.parentRequestedEvaluation() && !Boolean.TRUE.equals(parentAgreed)) {
                throw new CaseRuleViolation("The parents asked for an evaluation: interventions first only with their"
                        + " agreement (OSEP Memo 11-07). Record their agreement, or propose the evaluation.");
            }
        } else {
            followUpOn = null;
            parentAgreed = null;
        }
        supportCase.add(new TriageDecision(caseId, outcome, followUpOn, parentAgreed, rationale, today, actor));
        clocks.stop(
                caseId,
                ClockKind.REFERRAL_DECISION,
                outcome == TriageOutcome.DECLINE ? ClockStop.EVALUATION_DECLINED : ClockStop.TRIAGE_DECIDED,
                today);
        switch (outcome) {
            case EVALUATE_IDEA, CONSIDER_504, GIFTED_IDENTIFICATION -> {
                supportCase.planFor(EnumSet.of(outcome.planKind()));
                supportCase.moveTo(CasePhase.CONSENT_TO_EVALUATE);
                // where a state counts the evaluation from the referral (Connecticut), it starts now
                EvaluationClock.of(supportCase)
                        .ifPresent(
                                kind -> clocks.start(caseId, kind, ClockStart.REFERRAL, supportCase.firstReferralOn()));
            }
            case INTERVENTIONS_FIRST -> supportCase.moveTo(CasePhase.INTERVENTIONS);
            case DECLINE -> {}
        }
        String what = switch (outcome) {
            case EVALUATE_IDEA -> "Triaged: initial evaluation under IDEA proposed";
            case CONSIDER_504 -> "Triaged: Section 504 evaluation proposed";
            case GIFTED_IDENTIFICATION -> "Triaged: gifted identification proposed";
            case INTERVENTIONS_FIRST -> "Triaged: general-education interventions first, follow-up on " + followUpOn;
            case DECLINE -> "Triaged: the school declines to evaluate";
        };
        timeline.record(supportCase, today, CaseEventKind.TRIAGED, what, actor);
    }
}

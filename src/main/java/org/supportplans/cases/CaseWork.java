package org.supportplans.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.District;
import org.supportplans.people.Role;
import org.supportplans.people.School;
import org.supportplans.system.NotFoundException;

/**
 * The use cases of a support case: each step of the path writes its records and the case's timeline
 * here, and checks the rules a form cannot enforce (dates in order, answers that belong together).
 * The workflow's delegates and our API call these; a broken rule is a {@link CaseRuleViolation} with a
 * message for the person who entered the value, and nothing is written.
 */
@Service
@Transactional
public class CaseWork {

    // the team's 60 days for a reevaluation (no federal count; the initial evaluation's timeline)
    static final int REEVALUATION_DAYS = 60;
    // an ALP alone has no reevaluation clock; gifted identification is looked at again after 3 years
    static final int ALP_REVIEW_YEARS = 3;

    private final Clock clock;
    private final StudentRepository students;
    private final SupportCaseRepository cases;
    private final ReferralRepository referrals;
    private final TriageDecisionRepository triages;
    private final ParentNoticeRepository notices;
    private final ConsentRequestRepository consents;
    private final EvaluationRepository evaluations;
    private final EligibilityDecisionRepository eligibilities;
    private final MeetingRepository meetings;
    private final SupportPlanRepository plans;
    private final TeacherNotificationRepository teacherNotifications;
    private final CaseEventRepository events;
    private final CaseClocks clocks;

    CaseWork(
            Clock clock,
            StudentRepository students,
            SupportCaseRepository cases,
            ReferralRepository referrals,
            TriageDecisionRepository triages,
            ParentNoticeRepository notices,
            ConsentRequestRepository consents,
            EvaluationRepository evaluations,
            EligibilityDecisionRepository eligibilities,
            MeetingRepository meetings,
            SupportPlanRepository plans,
            TeacherNotificationRepository teacherNotifications,
            CaseEventRepository events,
            CaseClocks clocks) {
        this.clock = clock;
        this.students = students;
        this.cases = cases;
        this.referrals = referrals;
        this.triages = triages;
        this.notices = notices;
        this.consents = consents;
        this.evaluations = evaluations;
        this.eligibilities = eligibilities;
        this.meetings = meetings;
        this.plans = plans;
        this.teacherNotifications = teacherNotifications;
        this.events = events;
        this.clocks = clocks;
    }

    // ---- referral ---------------------------------------------------------------------------------

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
            String reason) {}

    /** The case a referral opened, or the open case it joined. */
    public record Referred(String caseId, boolean newCase) {}

    /**
     * Records a referral. A student with an open case has the referral added to that case; otherwise a
     * case opens. Two referrals of one student racing each other: the database's unique open case lets
     * one win, and the caller retries the other, which then joins.
     */
    public Referred refer(NewReferral referral, String actor) {
        LocalDate today = today(referral.school());
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
        referrals.save(new Referral(
                supportCase.getId(),
                referral.receivedOn(),
                referral.referredByRole(),
                referral.referredByName(),
                referral.concerns(),
                referral.parentRequestedEvaluation(),
                referral.reason(),
                actor,
                Instant.now(clock)));
        if (open.isEmpty() && student.ageOn(referral.receivedOn()) < 3) {
            // 34 CFR 300.124(b): a child coming from early intervention has an IEP in effect by age 3
            clocks.start(supportCase.getId(), "part-c-to-b", "BIRTH", student.getDateOfBirth());
        }
        String who = referral.referredByRole().name().toLowerCase();
        if (open.isPresent()) {
            event(
                    supportCase,
                    referral.receivedOn(),
                    CaseEventKind.REFERRAL_ADDED,
                    "Another referral (by a " + who + ") joined the open case",
                    actor);
        } else {
            event(
                    supportCase,
                    referral.receivedOn(),
                    CaseEventKind.REFERRAL_RECEIVED,
                    "Referral received from a " + who,
                    actor);
        }
        return new Referred(supportCase.getId(), open.isEmpty());
    }

    // ---- triage -----------------------------------------------------------------------------------

    public void triage(
            String caseId,
            TriageOutcome outcome,
            LocalDate followUpOn,
            Boolean parentAgreed,
            String rationale,
            String actor) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        if (outcome == TriageOutcome.INTERVENTIONS_FIRST) {
            if (followUpOn == null) {
                throw new CaseRuleViolation("Give the follow-up date of the interventions.");
            }
            if (!followUpOn.isAfter(today) || followUpOn.isAfter(today.plusYears(1))) {
                throw new CaseRuleViolation("The follow-up date must be after today and within a year.");
            }
            boolean parentAsked =
                    referrals.findByCaseIdOrderById(caseId).stream().anyMatch(Referral::isParentRequestedEvaluation);
            // OSEP Memo 11-07: interventions may not delay an evaluation the parents asked for
            if (parentAsked && !Boolean.TRUE.equals(parentAgreed)) {
                throw new CaseRuleViolation("The parents asked for an evaluation: interventions first only with their"
                        + " agreement (OSEP Memo 11-07). Record their agreement, or propose the evaluation.");
            }
        } else {
            followUpOn = null;
            parentAgreed = null;
        }
        triages.save(new TriageDecision(caseId, outcome, followUpOn, parentAgreed, rationale, today, actor));
        switch (outcome) {
            case EVALUATE_IDEA, CONSIDER_504, GIFTED_IDENTIFICATION -> {
                supportCase.planFor(EnumSet.of(outcome.planKind()));
                supportCase.moveTo(CasePhase.CONSENT_TO_EVALUATE);
                // where a state counts the evaluation from the referral (Connecticut), it starts now
                evaluationClock(supportCase)
                        .ifPresent(kind -> clocks.start(caseId, kind, "REFERRAL", firstReferralOn(caseId)));
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
        event(supportCase, today, CaseEventKind.TRIAGED, what, actor);
    }

    // ---- notices and consent ----------------------------------------------------------------------

    public LocalDate sendNotices(String caseId, List<NoticeKind> kinds) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        for (NoticeKind kind : kinds) {
            notices.save(new ParentNotice(caseId, kind, today));
        }
        event(supportCase, today, CaseEventKind.NOTICE_SENT, "Sent to the parents: " + labels(kinds), null);
        return today;
    }

    /** Asks the parents' consent and sends the notices that go with the request. Returns the day it was sent. */
    public LocalDate requestConsent(String caseId, ConsentKind kind) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        consents.findFirstByCaseIdAndKindOrderByIdDesc(caseId, kind)
                .filter(request -> !request.isAnswered())
                .ifPresent(request -> {
                    throw new NotAwaitedException("The parents were already asked for " + kind.label() + ".");
                });
        consents.save(new ConsentRequest(caseId, kind, today));
        List<NoticeKind> sent = switch (kind) {
            // 34 CFR 300.300(a), 300.503, 300.504(a)(1)
            case EVALUATION_CONSENT ->
                List.of(
                        NoticeKind.EVALUATION_PLAN,
                        NoticeKind.PRIOR_WRITTEN_NOTICE,
                        NoticeKind.PROCEDURAL_SAFEGUARDS,
                        NoticeKind.CONSENT_FORM);
            case SERVICES_CONSENT -> List.of(NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.CONSENT_FORM);
            case REEVALUATION_CONSENT ->
                List.of(NoticeKind.EVALUATION_PLAN, NoticeKind.PRIOR_WRITTEN_NOTICE, NoticeKind.CONSENT_FORM);
        };
        sent.forEach(notice -> notices.save(new ParentNotice(caseId, notice, today)));
        event(
                supportCase,
                today,
                CaseEventKind.CONSENT_REQUESTED,
                "Parents asked for " + kind.label() + "; sent: " + labels(sent),
                null);
        return today;
    }

    public void remindParents(String caseId, ConsentKind kind) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        ConsentRequest request = pendingConsent(caseId, kind);
        request.reminded();
        notices.save(new ParentNotice(caseId, NoticeKind.CONSENT_REMINDER, today));
        event(
                supportCase,
                today,
                CaseEventKind.CONSENT_REMINDER_SENT,
                "Reminder " + request.getRemindersSent() + " sent for " + kind.label(),
                null);
    }

    /** Whether the case waits for the parents' answer of this kind. */
    @Transactional(readOnly = true)
    public boolean awaits(String caseId, ConsentKind kind) {
        return consents.findFirstByCaseIdAndKindOrderByIdDesc(caseId, kind)
                .filter(request -> !request.isAnswered())
                .isPresent();
    }

    /** The parents' answer, and when it starts the evaluation, the day the evaluation is due. */
    public record ConsentAnswer(
            ConsentKind kind, ParentDecision decision, LocalDate decidedOn, LocalDate evaluationDueOn) {}

    public ConsentAnswer recordParentAnswer(
            String caseId,
            ConsentKind kind,
            ParentDecision decision,
            LocalDate on,
            ConsentRequest.RecordedVia via,
            String actor) {
        SupportCase supportCase = openCase(caseId);
        ConsentRequest request = pendingConsent(caseId, kind);
        request.answer(decision, on, via, actor, today(supportCase));
        LocalDate evaluationDueOn = null;
        if (decision == ParentDecision.GIVEN && kind == ConsentKind.EVALUATION_CONSENT) {
            // the consent date starts the evaluation clock (34 CFR 300.301(c)(1)), by the state's rule
            Optional<String> clockKind = evaluationClock(supportCase);
            evaluationDueOn = clockKind
                    .flatMap(k -> clocks.start(caseId, k, "CONSENT", on).or(() -> clocks.dueOf(caseId, k)))
                    .orElse(null);
            evaluations.save(new Evaluation(caseId, EvaluationKind.INITIAL, on, evaluationDueOn));
            supportCase.moveTo(CasePhase.EVALUATION);
        } else if (decision == ParentDecision.GIVEN && kind == ConsentKind.REEVALUATION_CONSENT) {
            evaluationDueOn = on.plusDays(REEVALUATION_DAYS);
            evaluations.save(new Evaluation(caseId, EvaluationKind.REEVALUATION, on, evaluationDueOn));
        }
        event(
                supportCase,
                on,
                decision == ParentDecision.GIVEN ? CaseEventKind.CONSENT_GIVEN : CaseEventKind.CONSENT_REFUSED,
                "Parents " + (decision == ParentDecision.GIVEN ? "gave " : "refused ") + kind.label(),
                actor);
        return new ConsentAnswer(kind, decision, on, evaluationDueOn);
    }

    // ---- evaluation and eligibility -------------------------------------------------------------

    public LocalDate planEvaluation(String caseId, List<EvaluationArea> areas, String actor) {
        SupportCase supportCase = openCase(caseId);
        if (areas.isEmpty()) {
            throw new CaseRuleViolation("Choose at least one area to evaluate.");
        }
        Evaluation evaluation = currentEvaluation(caseId);
        evaluation.plan(areas);
        event(
                supportCase,
                today(supportCase),
                CaseEventKind.EVALUATION_PLANNED,
                "Evaluation planned: "
                        + areas.stream().map(EvaluationArea::label).collect(Collectors.joining(", ")),
                actor);
        return evaluation.getDueOn();
    }

    public void reportArea(String caseId, EvaluationArea area, LocalDate completedOn, String findings, String actor) {
        SupportCase supportCase = openCase(caseId);
        Evaluation evaluation = currentEvaluation(caseId);
        AreaEvaluation report = evaluation
                .area(area)
                .orElseThrow(
                        () -> new CaseRuleViolation("The area " + area.label() + " is not part of this evaluation."));
        requireBetween(
                completedOn, evaluation.getConsentOn(), "the parents' consent", today(supportCase), "The report date");
        report.report(completedOn, findings, actor);
        event(
                supportCase,
                completedOn,
                CaseEventKind.EVALUATION_AREA_COMPLETED,
                area.label() + " evaluation completed",
                actor);
    }

    public record Eligibility(
            Set<PlanKind> plans, LocalDate decidedOn, LocalDate planMeetingDueOn, Set<IdeaCategory> categories) {}

    public Eligibility decideEligibility(
            String caseId,
            LocalDate meetingOn,
            EligibilityOutcome outcome,
            Set<IdeaCategory> categories,
            String rationale,
            String actor) {
        SupportCase supportCase = openCase(caseId);
        Evaluation evaluation = currentEvaluation(caseId);
        requireBetween(
                meetingOn,
                evaluation.getConsentOn(),
                "the parents' consent",
                today(supportCase),
                "The eligibility meeting date");
        List<String> missing = evaluation.getAreas().stream()
                .filter(area -> !area.isDone())
                .map(area -> area.getArea().label())
                .toList();
        if (!missing.isEmpty()) {
            throw new CaseRuleViolation("These evaluation reports are missing: " + String.join(", ", missing) + ".");
        }
        Set<IdeaCategory> recorded = outcome.needs(PlanKind.IEP) ? categories : Set.of();
        if (outcome.needs(PlanKind.IEP) && recorded.isEmpty()) {
            // 34 CFR 300.306(a)(1), 300.8: eligibility under IDEA is eligibility in a category
            throw new CaseRuleViolation("An IEP needs at least one IDEA disability category.");
        }
        evaluationClock(supportCase).ifPresent(kind -> clocks.stop(caseId, kind, "ELIGIBILITY_DECIDED", meetingOn));
        evaluation.complete(meetingOn, actor);
        eligibilities.save(
                new EligibilityDecision(caseId, evaluation.getId(), meetingOn, outcome, recorded, rationale, actor));
        Set<PlanKind> plansToWrite = outcome.plans();
        LocalDate planMeetingDueOn = null;
        if (!plansToWrite.isEmpty()) {
            supportCase.planFor(plansToWrite);
            if (plansToWrite.contains(PlanKind.IEP)) {
                // 34 CFR 300.323(c)(1): the meeting to develop the IEP within 30 days
                planMeetingDueOn = clocks.start(caseId, "iep-meeting", "ELIGIBILITY", meetingOn)
                        .orElse(null);
            }
            if (plansToWrite.contains(PlanKind.ALP)) {
                LocalDate alpDue = clocks.start(caseId, "alp-development", "IDENTIFICATION", meetingOn)
                        .orElse(null);
                planMeetingDueOn = planMeetingDueOn == null ? alpDue : planMeetingDueOn;
            }
            supportCase.moveTo(CasePhase.PLAN_DEVELOPMENT);
        }
        String what = plansToWrite.isEmpty()
                ? "Eligibility decided: not eligible"
                : "Eligibility decided: "
                        + plansToWrite.stream().map(Enum::name).collect(Collectors.joining(" and "))
                        + (recorded.isEmpty()
                                ? ""
                                : " ("
                                        + recorded.stream()
                                                .map(IdeaCategory::label)
                                                .collect(Collectors.joining(", ")) + ")");
        event(supportCase, meetingOn, CaseEventKind.ELIGIBILITY_DECIDED, what, actor);
        return new Eligibility(plansToWrite, meetingOn, planMeetingDueOn, recorded);
    }

    // ---- plan meeting and plans -----------------------------------------------------------------

    public void scheduleMeeting(String caseId, LocalDate on, String location, String actor) {
        SupportCase supportCase = openCase(caseId);
        if (on.isBefore(today(supportCase))) {
            throw new CaseRuleViolation("The meeting date " + on + " is in the past.");
        }
        if (on.isAfter(today(supportCase).plusYears(1))) {
            throw new CaseRuleViolation("The meeting date " + on + " is more than a year ahead.");
        }
        meetings.save(Meeting.scheduled(caseId, on, location, actor));
        // 34 CFR 300.322(a)(1): the parents are told early enough to attend
        clocks.start(caseId, "meeting-notice", "MEETING", on);
        event(
                supportCase,
                today(supportCase),
                CaseEventKind.MEETING_SCHEDULED,
                "Plan meeting scheduled for " + on,
                actor);
    }

    /** Sends the parents the meeting notice (34 CFR 300.322(b)); returns the day it was sent. */
    public LocalDate sendMeetingNotice(String caseId) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        Meeting meeting = planMeeting(caseId);
        meeting.noticeSent(today);
        clocks.stop(caseId, "meeting-notice", "NOTICE_SENT", today);
        notices.save(new ParentNotice(caseId, NoticeKind.MEETING_NOTICE, today));
        event(
                supportCase,
                today,
                CaseEventKind.MEETING_NOTICE_SENT,
                "Meeting notice sent for the meeting of " + meeting.getScheduledOn(),
                null);
        return today;
    }

    public record MeetingHeld(LocalDate heldOn, boolean transitionRequired) {}

    public MeetingHeld meetingHeld(
            String caseId, LocalDate heldOn, List<String> participants, String notes, String actor) {
        SupportCase supportCase = openCase(caseId);
        if (heldOn.isAfter(today(supportCase))) {
            throw new CaseRuleViolation("The meeting date " + heldOn + " is in the future.");
        }
        if (participants.isEmpty()) {
            throw new CaseRuleViolation("Record who took part in the meeting.");
        }
        planMeeting(caseId).held(heldOn, participants, notes, actor);
        clocks.stop(caseId, "iep-meeting", "MEETING_HELD", heldOn);
        event(supportCase, heldOn, CaseEventKind.MEETING_HELD, "Plan meeting held", actor);
        return new MeetingHeld(heldOn, transitionRequired(supportCase, heldOn));
    }

    /** 34 CFR 300.320(b): the IEP in effect when the student reaches the transition age plans the transition. */
    boolean transitionRequired(SupportCase supportCase, LocalDate planStarts) {
        // the transition age is the state's rule (the rules table): 16, or 15 in Colorado
        return clocks.preview(
                        supportCase.getId(),
                        "transition",
                        supportCase.getStudent().getDateOfBirth())
                .map(birthday -> !birthday.isAfter(planStarts.plusYears(1).minusDays(1)))
                .orElse(false);
    }

    public Long writeIep(String caseId, SupportPlan.IepContent iep, String actor) {
        SupportCase supportCase = openCase(caseId);
        Meeting meeting = planMeeting(caseId);
        requirePlanDates("The IEP", iep.startsOn(), iep.endsOn(), meeting);
        if (iep.endsOn().isAfter(iep.startsOn().plusYears(1).minusDays(1))) {
            // 34 CFR 300.324(b)(1)(i): reviewed at least once a year
            throw new CaseRuleViolation("An IEP runs for one year at most: end it by "
                    + iep.startsOn().plusYears(1).minusDays(1) + ".");
        }
        if (iep.services().isEmpty()) {
            throw new CaseRuleViolation("An IEP needs at least one special education or related service.");
        }
        for (PlanService service : iep.services()) {
            if (service.endsOn().isBefore(service.startsOn())) {
                throw new CaseRuleViolation("The service \"" + service.service() + "\" ends before it starts.");
            }
            if (service.startsOn().isBefore(iep.startsOn()) || service.endsOn().isAfter(iep.endsOn())) {
                throw new CaseRuleViolation(
                        "The service \"" + service.service() + "\" must run within the IEP's dates.");
            }
        }
        if (transitionRequired(supportCase, iep.startsOn())
                && (iep.transitionPlan() == null || iep.transitionPlan().isBlank())) {
            throw new CaseRuleViolation(
                    "The student reaches the transition age during this IEP: write the transition plan.");
        }
        return writePlan(supportCase, SupportPlan.iep(caseId, iep, actor), actor);
    }

    public Long writeSection504Plan(String caseId, SupportPlan.Section504Content content, String actor) {
        SupportCase supportCase = openCase(caseId);
        requirePlanDates("The Section 504 plan", content.startsOn(), content.endsOn(), planMeetingIfAny(caseId));
        if (content.accommodations().isEmpty()) {
            throw new CaseRuleViolation("A Section 504 plan needs at least one accommodation.");
        }
        return writePlan(supportCase, SupportPlan.section504(caseId, content, actor), actor);
    }

    public Long writeAlp(String caseId, SupportPlan.AlpContent content, String actor) {
        SupportCase supportCase = openCase(caseId);
        requirePlanDates("The ALP", content.startsOn(), content.endsOn(), planMeetingIfAny(caseId));
        if (content.strengthAreas().isEmpty()) {
            throw new CaseRuleViolation("An ALP names at least one strength area.");
        }
        return writePlan(supportCase, SupportPlan.alp(caseId, content, actor), actor);
    }

    /** A plan runs forward, starts at the meeting that wrote it or after, and within a year of it. */
    private static void requirePlanDates(String plan, LocalDate startsOn, LocalDate endsOn, Meeting meeting) {
        if (endsOn.isBefore(startsOn)) {
            throw new CaseRuleViolation(plan + " ends (" + endsOn + ") before it starts (" + startsOn + ").");
        }
        LocalDate heldOn = meeting == null ? null : meeting.getHeldOn();
        if (heldOn != null && startsOn.isBefore(heldOn)) {
            throw new CaseRuleViolation(plan + " cannot start before the meeting that wrote it (" + heldOn + ").");
        }
        if (heldOn != null && startsOn.isAfter(heldOn.plusYears(1))) {
            throw new CaseRuleViolation(
                    plan + " starts on " + startsOn + ", more than a year after its meeting (" + heldOn + ").");
        }
    }

    private Long writePlan(SupportCase supportCase, SupportPlan plan, String actor) {
        boolean written = plans.findByCaseIdAndStatus(supportCase.getId(), PlanStatus.DRAFT).stream()
                .anyMatch(p -> p.getKind() == plan.getKind());
        if (written) {
            throw new NotAwaitedException("The " + plan.getKind() + " of this case is already written.");
        }
        plans.save(plan);
        event(
                supportCase,
                today(supportCase),
                CaseEventKind.PLAN_WRITTEN,
                plan.getKind() + " written, " + plan.getStartsOn() + " to " + plan.getEndsOn(),
                actor);
        return plan.getId();
    }

    public record Activation(Set<PlanKind> inEffect, LocalDate annualReviewDueOn, LocalDate reevaluationDueOn) {
        public boolean any() {
            return !inEffect.isEmpty();
        }
    }

    /**
     * Puts the written plans in effect. An IEP only with the parents' consent for initial services
     * (34 CFR 300.300(b)); refused, it is recorded as not implemented and the other plans still take effect.
     */
    public Activation putPlansInEffect(String caseId) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        Set<PlanKind> inEffect = EnumSet.noneOf(PlanKind.class);
        for (SupportPlan plan : plans.findByCaseIdAndStatus(caseId, PlanStatus.DRAFT)) {
            boolean consented = plan.getKind() != PlanKind.IEP
                    || consents.findFirstByCaseIdAndKindOrderByIdDesc(caseId, ConsentKind.SERVICES_CONSENT)
                            .map(c -> c.getDecision() == ParentDecision.GIVEN)
                            .orElse(false);
            if (consented) {
                plan.putInEffect(today);
                inEffect.add(plan.getKind());
                event(supportCase, today, CaseEventKind.PLAN_IN_EFFECT, plan.getKind() + " in effect", null);
            } else {
                plan.notImplemented();
                event(
                        supportCase,
                        today,
                        CaseEventKind.PLAN_NOT_IMPLEMENTED,
                        "IEP not implemented: the parents refused consent for services",
                        null);
            }
        }
        if (inEffect.isEmpty()) {
            return new Activation(inEffect, null, null);
        }
        LocalDate meetingHeld = planMeeting(caseId).getHeldOn();
        LocalDate evaluatedOn = eligibilities
                .findFirstByCaseIdOrderByIdDesc(caseId)
                .map(EligibilityDecision::getDecidedOn)
                .orElse(today);
        if (inEffect.contains(PlanKind.ALP)) {
            clocks.stop(caseId, "alp-development", "ALP_IN_EFFECT", today);
        }
        if (inEffect.contains(PlanKind.IEP)) {
            clocks.stop(caseId, "part-c-to-b", "IEP_IN_EFFECT", today);
            startTransitionClock(supportCase, today);
        }
        // 34 CFR 300.324(b)(1)(i): reviewed at least annually; 300.303(b)(2): reevaluated every 3 years
        LocalDate annualReviewDueOn = clocks.start(
                        caseId, "annual-review", "PLAN_MEETING", meetingHeld == null ? today : meetingHeld)
                .orElseThrow();
        LocalDate reevaluationDueOn = inEffect.contains(PlanKind.IEP) || inEffect.contains(PlanKind.SECTION_504)
                ? clocks.start(caseId, "reevaluation", "EVALUATION", evaluatedOn)
                        .orElseThrow()
                : evaluatedOn.plusYears(ALP_REVIEW_YEARS);
        supportCase.planFor(inEffect);
        supportCase.moveTo(CasePhase.PLAN_IN_EFFECT);
        return new Activation(inEffect, annualReviewDueOn, reevaluationDueOn);
    }

    /** An IEP in effect when the student reaches the transition age plans the transition (34 CFR 300.320(b)). */
    private void startTransitionClock(SupportCase supportCase, LocalDate today) {
        SupportPlan iep = plans.findByCaseIdAndStatus(supportCase.getId(), PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst()
                .orElseThrow();
        if (transitionRequired(supportCase, iep.getStartsOn())) {
            clocks.start(
                    supportCase.getId(),
                    "transition",
                    "BIRTH",
                    supportCase.getStudent().getDateOfBirth());
            if (iep.getTransitionPlan() != null && !iep.getTransitionPlan().isBlank()) {
                clocks.stop(supportCase.getId(), "transition", "TRANSITION_PLAN_WRITTEN", today);
            }
        }
    }

    /** What a plan in effect asks of the staff of one role. */
    public record Assignment(Long planId, PlanKind planKind, String role, String toProvide) {}

    /** For each plan in effect, what each role must provide: the providers of services and accommodations, and the general education teachers. */
    @Transactional(readOnly = true)
    public List<Assignment> assignments(String caseId) {
        List<Assignment> assignments = new ArrayList<>();
        for (SupportPlan plan : plans.findByCaseIdAndStatus(caseId, PlanStatus.IN_EFFECT)) {
            Map<String, List<String>> byRole = new LinkedHashMap<>();
            plan.getServices()
                    .forEach(s -> byRole.computeIfAbsent(s.providerRole(), r -> new ArrayList<>())
                            .add(s.describe()));
            plan.getProvidedAccommodations()
                    .forEach(a -> byRole.computeIfAbsent(a.providerRole(), r -> new ArrayList<>())
                            .add("Accommodation: " + a.accommodation()));
            List<String> classroom =
                    byRole.computeIfAbsent(Role.GENERAL_EDUCATION_TEACHER.groupId(), r -> new ArrayList<>());
            if (plan.getAccommodations() != null && !plan.getAccommodations().isBlank()) {
                classroom.add("Accommodations: " + plan.getAccommodations());
            }
            if (plan.getKind() == PlanKind.ALP) {
                classroom.add("Programming: " + plan.getProgramming());
            }
            if (classroom.isEmpty()) {
                classroom.add("Know the " + plan.getKind() + " and support it in class");
            }
            byRole.forEach((role, items) ->
                    assignments.add(new Assignment(plan.getId(), plan.getKind(), role, String.join("\n", items))));
        }
        return assignments;
    }

    /** Records that a teacher was told; false when that teacher was already told of that plan (a retried job). */
    public boolean recordTeacherNotified(String caseId, Assignment assignment, String teacherId, boolean emailed) {
        if (teacherNotifications.existsByPlanIdAndTeacherId(assignment.planId(), teacherId)) {
            return false;
        }
        SupportCase supportCase = openCase(caseId);
        TeacherNotification notification = new TeacherNotification(
                caseId, assignment.planId(), teacherId, assignment.role(), assignment.toProvide(), Instant.now(clock));
        if (emailed) {
            notification.emailed();
        }
        teacherNotifications.save(notification);
        event(
                supportCase,
                today(supportCase),
                CaseEventKind.TEACHER_NOTIFIED,
                teacherId + " told what the " + assignment.planKind() + " asks of them",
                null);
        return true;
    }

    // ---- plan in effect ---------------------------------------------------------------------------

    /** Records the annual review; returns the next review's due date. */
    public LocalDate annualReviewHeld(String caseId, LocalDate heldOn, String notes, String actor) {
        SupportCase supportCase = openCase(caseId);
        LocalDate inEffectSince = plans.findByCaseIdAndStatus(caseId, PlanStatus.IN_EFFECT).stream()
                .map(SupportPlan::getInEffectOn)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new NotAwaitedException("The case has no plan in effect to review."));
        requireBetween(heldOn, inEffectSince, "the plan took effect", today(supportCase), "The review date");
        meetings.save(Meeting.annualReview(caseId, heldOn, notes, actor));
        clocks.stop(caseId, "annual-review", "ANNUAL_REVIEW_HELD", heldOn);
        // the review revisits the IEP, its transition plan included
        clocks.stop(caseId, "transition", "ANNUAL_REVIEW_HELD", heldOn);
        LocalDate next =
                clocks.start(caseId, "annual-review", "PLAN_MEETING", heldOn).orElseThrow();
        event(supportCase, heldOn, CaseEventKind.ANNUAL_REVIEW_HELD, "Annual review held; next due by " + next, actor);
        return next;
    }

    /** The parents refused to let the school reevaluate: the plan stays (34 CFR 300.300(c)(1)(ii)). Returns when to ask again. */
    public LocalDate reevaluationRefused(String caseId) {
        SupportCase supportCase = openCase(caseId);
        LocalDate today = today(supportCase);
        event(
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
        SupportCase supportCase = openCase(caseId);
        Evaluation evaluation = currentEvaluation(caseId);
        if (evaluation.getKind() != EvaluationKind.REEVALUATION || evaluation.getCompletedOn() != null) {
            throw new NotAwaitedException("No reevaluation is under way.");
        }
        requireBetween(
                completedOn,
                evaluation.getConsentOn(),
                "the parents' consent",
                today(supportCase),
                "The reevaluation date");
        evaluation.completeReevaluation(completedOn, stillEligible, summary, actor);
        clocks.stop(caseId, "reevaluation", "REEVALUATION_COMPLETED", completedOn);
        LocalDate next = stillEligible
                ? clocks.start(caseId, "reevaluation", "EVALUATION", completedOn)
                        .orElseThrow()
                : null;
        event(
                supportCase,
                completedOn,
                CaseEventKind.REEVALUATION_COMPLETED,
                stillEligible ? "Reevaluation completed: still eligible" : "Reevaluation completed: no longer eligible",
                actor);
        return next;
    }

    // ---- closing ----------------------------------------------------------------------------------

    /** Closes the case for a reason; ends the plans in effect, with prior written notice where the law asks for it. */
    public void close(String caseId, ClosureReason reason) {
        SupportCase supportCase = findCase(caseId);
        if (!supportCase.isOpen()) {
            return; // a retried job: closed already
        }
        LocalDate today = today(supportCase);
        for (SupportPlan plan : plans.findByCaseIdAndStatus(caseId, PlanStatus.IN_EFFECT)) {
            plan.end(today);
        }
        if (reason == ClosureReason.CONSENT_REVOKED || reason == ClosureReason.NO_LONGER_ELIGIBLE) {
            // 34 CFR 300.300(b)(4)(i), 300.503: services end after prior written notice
            notices.save(new ParentNotice(caseId, NoticeKind.PRIOR_WRITTEN_NOTICE, today));
        }
        supportCase.close(reason, today);
        clocks.cancelAll(caseId, "CASE_CLOSED_" + reason.name());
        event(supportCase, today, CaseEventKind.CASE_CLOSED, "Case closed: " + reason.description(), null);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The clock of the initial evaluation the case is on: IDEA or Section 504; none for gifted identification. */
    private static Optional<String> evaluationClock(SupportCase supportCase) {
        Set<PlanKind> kinds = supportCase.getPlanKinds();
        if (kinds.contains(PlanKind.IEP)) {
            return Optional.of("initial-evaluation");
        }
        if (kinds.contains(PlanKind.SECTION_504)) {
            return Optional.of("section-504-evaluation");
        }
        return Optional.empty();
    }

    private LocalDate firstReferralOn(String caseId) {
        return referrals.findByCaseIdOrderById(caseId).get(0).getReceivedOn();
    }

    private SupportCase findCase(String caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId + "."));
    }

    private SupportCase openCase(String caseId) {
        SupportCase supportCase = findCase(caseId);
        if (!supportCase.isOpen()) {
            throw new NotAwaitedException(
                    "The case is closed (" + supportCase.getClosureReason().description() + ").");
        }
        return supportCase;
    }

    private ConsentRequest pendingConsent(String caseId, ConsentKind kind) {
        return consents.findFirstByCaseIdAndKindOrderByIdDesc(caseId, kind)
                .filter(request -> !request.isAnswered())
                .orElseThrow(() ->
                        new NotAwaitedException("The case is not waiting for the parents' " + kind.label() + "."));
    }

    private Evaluation currentEvaluation(String caseId) {
        return evaluations
                .findFirstByCaseIdOrderByIdDesc(caseId)
                .orElseThrow(
                        () -> new NotAwaitedException("No evaluation is under way: the parents have not consented."));
    }

    private Meeting planMeetingIfAny(String caseId) {
        return meetings.findFirstByCaseIdAndPurposeOrderByIdDesc(caseId, MeetingPurpose.PLAN)
                .orElse(null);
    }

    private Meeting planMeeting(String caseId) {
        return meetings.findFirstByCaseIdAndPurposeOrderByIdDesc(caseId, MeetingPurpose.PLAN)
                .orElseThrow(() -> new NotAwaitedException("No plan meeting is scheduled."));
    }

    private static void requireBetween(
            LocalDate date, LocalDate earliest, String earliestName, LocalDate today, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw new CaseRuleViolation(what + " " + date + " is before " + earliestName + " (" + earliest + ").");
        }
        if (date.isAfter(today)) {
            throw new CaseRuleViolation(what + " " + date + " is in the future.");
        }
    }

    /** The moment a day's work starts in the district of the case (7 a.m. there): when a timer for that day fires. */
    @Transactional(readOnly = true)
    public Instant morningOf(String caseId, LocalDate day) {
        return District.morningOf(
                day, findCase(caseId).getSchool().getDistrict().getTimeZone());
    }

    /** Today in the district of the case: the day a step happens on, in the school's time zone. */
    @Transactional(readOnly = true)
    public LocalDate today(String caseId) {
        return today(findCase(caseId));
    }

    /** Today in the district of the case: dates are the school's dates, not the server's. */
    public LocalDate today(SupportCase supportCase) {
        return today(supportCase.getSchool());
    }

    private LocalDate today(School school) {
        return LocalDate.now(clock.withZone(school.getDistrict().getTimeZone()));
    }

    private void event(SupportCase supportCase, LocalDate on, CaseEventKind kind, String description, String actor) {
        events.save(new CaseEvent(supportCase.getId(), on, Instant.now(clock), kind, description, actor));
    }

    private static String labels(List<NoticeKind> kinds) {
        return kinds.stream().map(NoticeKind::label).collect(Collectors.joining("; "));
    }
}

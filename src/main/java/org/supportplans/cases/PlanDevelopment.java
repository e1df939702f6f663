package org.supportplans.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.Role;

/**
 * The plans written at the meeting ({@code plan-development}): the IEP, the Section 504 plan and the ALP; putting
 * them in effect (an IEP only with the parents' consent for initial services); telling every teacher of record
 * what the plans ask of them.
 */
@Service
@Transactional
public class PlanDevelopment {

    // an ALP alone has no reevaluation clock; gifted identification is looked at again after 3 years
    static final int ALP_REVIEW_YEARS = 3;

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;
    private final TransitionAge transitionAge;

    PlanDevelopment(
            OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks, TransitionAge transitionAge) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
        this.transitionAge = transitionAge;
    }

    /** The IEP drafted before the plan meeting, which finalises it. */
    public void writeIep(String caseId, PlanContent.Iep iep, String actor) {
        SupportCase supportCase = cases.open(caseId);
        Meeting meeting = PlanMeetings.planMeeting(supportCase);
        requirePlanDates("The IEP", iep.startsOn(), iep.endsOn(), meeting);
        IepContent.check(
                iep,
                supportCase.getStudent().getDateOfBirth(),
                transitionAge.reachedDuring(supportCase, iep.startsOn()));
        write(supportCase, SupportPlan.iep(caseId, iep, actor), actor);
    }

    public void writeSection504Plan(String caseId, PlanContent.Section504 content, String actor) {
        SupportCase supportCase = cases.open(caseId);
        requirePlanDates(
                "The Section 504 plan",
                content.startsOn(),
                content.endsOn(),
                supportCase.planMeeting().orElse(null));
        if (content.accommodations().isEmpty()) {
            throw new CaseRuleViolation("A Section 504 plan needs at least one accommodation.");
        }
        write(supportCase, SupportPlan.section504(caseId, content, actor), actor);
    }

    public void writeAlp(String caseId, PlanContent.Alp content, String actor) {
        SupportCase supportCase = cases.open(caseId);
        requirePlanDates(
                "The ALP",
                content.startsOn(),
                content.endsOn(),
                supportCase.planMeeting().orElse(null));
        if (content.strengthAreas().isEmpty()) {
            throw new CaseRuleViolation("An ALP names at least one strength area.");
        }
        write(supportCase, SupportPlan.alp(caseId, content, actor), actor);
    }

    /**
     * A plan runs forward, starts at the meeting that finalises it or after (the meeting held, else the day it is
     * scheduled for), and within a year of it.
     */
    private static void requirePlanDates(String plan, LocalDate startsOn, LocalDate endsOn, Meeting meeting) {
        if (endsOn.isBefore(startsOn)) {
            throw new CaseRuleViolation(plan + " ends (" + endsOn + ") before it starts (" + startsOn + ").");
        }
        LocalDate heldOn =
                meeting == null ? null : meeting.getHeldOn() != null ? meeting.getHeldOn() : meeting.getScheduledOn();
        if (heldOn != null && startsOn.isBefore(heldOn)) {
            throw new CaseRuleViolation(plan + " cannot start before the meeting that wrote it (" + heldOn + ").");
        }
        if (heldOn != null && startsOn.isAfter(heldOn.plusYears(1))) {
            throw new CaseRuleViolation(
                    plan + " starts on " + startsOn + ", more than a year after its meeting (" + heldOn + ").");
        }
    }

    private void write(SupportCase supportCase, SupportPlan plan, String actor) {
        boolean written = supportCase.plans(PlanStatus.DRAFT).stream().anyMatch(p -> p.getKind() == plan.getKind());
        if (written) {
            throw new NotAwaitedException("The " + plan.getKind() + " of this case is already written.");
        }
        if (supportCase.planMeeting().map(Meeting::getHeldOn).isPresent()) {
            // drafted before the meeting, finalised at it: a plan written after the meeting was not finalised there
            throw new NotAwaitedException(
                    "The plan meeting is held: the " + plan.getKind() + " is drafted before it and finalised there.");
        }
        // a new IEP developed while a transferred one is in effect is that one's next version
        supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .filter(p -> p.getKind() == plan.getKind())
                .findFirst()
                .ifPresent(plan::follows);
        supportCase.add(plan);
        timeline.record(
                supportCase,
                days.today(supportCase),
                CaseEventKind.PLAN_WRITTEN,
                plan.getKind() + " drafted, " + plan.getStartsOn() + " to " + plan.getEndsOn(),
                actor);
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
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        Set<PlanKind> inEffect = EnumSet.noneOf(PlanKind.class);
        // a student who transferred in with an IEP already receives services: no consent for initial services
        boolean transferredIn = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .anyMatch(plan -> plan.getOrigin() == PlanOrigin.TRANSFER);
        boolean servicesConsented = transferredIn
                || supportCase
                        .lastConsent(ConsentKind.SERVICES_CONSENT)
                        .map(c -> c.getDecision() == ParentDecision.GIVEN)
                        .orElse(false);
        for (SupportPlan plan : supportCase.plans(PlanStatus.DRAFT)) {
            if (!plan.isFinalised()) {
                throw new NotAwaitedException("The " + plan.getKind() + " is not finalised at the plan meeting.");
            }
            if (plan.getKind() != PlanKind.IEP || servicesConsented) {
                plan.putInEffect(today);
                // the comparable services of a transfer in end the day before the new IEP takes effect
                for (SupportPlan earlier : supportCase.plans(PlanStatus.IN_EFFECT)) {
                    if (earlier != plan && earlier.getKind() == plan.getKind()) {
                        earlier.supersede(plan.getEffectiveFrom().minusDays(1));
                    }
                }
                inEffect.add(plan.getKind());
                timeline.record(supportCase, today, CaseEventKind.PLAN_IN_EFFECT, plan.getKind() + " in effect", null);
            } else {
                plan.notImplemented();
                timeline.record(
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
        LocalDate meetingHeld = PlanMeetings.planMeeting(supportCase).getHeldOn();
        // the last evaluation: the eligibility decided here, or the previous district's for a student who transferred
        // in
        LocalDate evaluatedOn = supportCase
                .lastEligibility()
                .map(EligibilityDecision::getDecidedOn)
                .or(() -> supportCase.getPlans().stream()
                        .map(SupportPlan::getLastEvaluatedOn)
                        .filter(java.util.Objects::nonNull)
                        .findFirst())
                .orElse(today);
        if (inEffect.contains(PlanKind.ALP)) {
            clocks.stop(caseId, ClockKind.ALP_DEVELOPMENT, ClockStop.ALP_IN_EFFECT, today);
        }
        if (inEffect.contains(PlanKind.IEP)) {
            clocks.stop(caseId, ClockKind.PART_C_TO_B, ClockStop.IEP_IN_EFFECT, today);
            startTransitionClock(supportCase, today);
        }
        // 34 CFR 300.324(b)(1)(i): an IEP reviewed at least annually, and by the day after it ends when that comes
        // first (300.323(a)); a Section 504 plan or an ALP as the district's policy sets; 300.303(b)(2): reevaluated
        // every 3 years
        LocalDate iepLastDay = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .map(SupportPlan::getEffectiveTo)
                .findFirst()
                .orElse(null);
        LocalDate annualReviewDueOn =
                Reviews.startReviewClock(clocks, supportCase, meetingHeld == null ? today : meetingHeld, iepLastDay);
        LocalDate reevaluationDueOn = inEffect.contains(PlanKind.IEP) || inEffect.contains(PlanKind.SECTION_504)
                ? clocks.start(caseId, ClockKind.REEVALUATION, ClockStart.EVALUATION, evaluatedOn)
                        .orElseThrow()
                : evaluatedOn.plusYears(ALP_REVIEW_YEARS);
        supportCase.plans(PlanStatus.IN_EFFECT).forEach(plan -> plan.reviewDue(annualReviewDueOn));
        supportCase.planFor(inEffect);
        supportCase.moveTo(CasePhase.PLAN_IN_EFFECT);
        return new Activation(inEffect, annualReviewDueOn, reevaluationDueOn);
    }

    /** An IEP in effect when the student reaches the transition age plans the transition (34 CFR 300.320(b)). */
    private void startTransitionClock(SupportCase supportCase, LocalDate today) {
        SupportPlan iep = supportCase.plans(PlanStatus.IN_EFFECT).stream()
                .filter(plan -> plan.getKind() == PlanKind.IEP)
                .findFirst()
                .orElseThrow();
        if (transitionAge.reachedDuring(supportCase, iep.getStartsOn())) {
            clocks.start(
                    supportCase.getId(),
                    ClockKind.TRANSITION,
                    ClockStart.BIRTH,
                    supportCase.getStudent().getDateOfBirth());
            if (iep.getTransitionPlan() != null && !iep.getTransitionPlan().isBlank()) {
                clocks.stop(supportCase.getId(), ClockKind.TRANSITION, ClockStop.TRANSITION_PLAN_WRITTEN, today);
            }
        }
    }

    /** What a plan in effect asks of the staff of one role. */
    public record Assignment(Long planId, PlanKind planKind, String role, String toProvide) {}

    /**
     * For each plan in effect, what each role must provide: the providers of services and accommodations, and the
     * general education teachers.
     */
    @Transactional(readOnly = true)
    public List<Assignment> assignments(String caseId) {
        List<Assignment> assignments = new ArrayList<>();
        for (SupportPlan plan : cases.find(caseId).plans(PlanStatus.IN_EFFECT)) {
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
        if (cases.find(caseId).teacherNotified(assignment.planId(), teacherId)) {
            return false;
        }
        SupportCase supportCase = cases.open(caseId);
        TeacherNotification notification = new TeacherNotification(
                caseId, assignment.planId(), teacherId, assignment.role(), assignment.toProvide(), days.now());
        if (emailed) {
            notification.emailed();
        }
        supportCase.add(notification);
        timeline.record(
                supportCase,
                days.today(supportCase),
                CaseEventKind.TEACHER_NOTIFIED,
                teacherId + " told what the " + assignment.planKind() + " asks of them",
                null);
        return true;
    }
}

package org.supportplans.cases;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan meeting ({@code plan-development}): scheduled, noticed to the parents early enough, held; the plans
 * drafted before it are finalised there.
 */
@Service
@Transactional
public class PlanMeetings {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;
    private final TransitionAge transitionAge;
    private final PlanRecords records;

    PlanMeetings(
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
     * Schedules the plan meeting; answers whether an IEP written for it must plan the transition (the student
     * reaches the state's transition age during a year's IEP from that day, 34 CFR 300.320(b)).
     */
    public boolean scheduleMeeting(String caseId, LocalDate on, String location, String actor) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        if (on.isBefore(today)) {
            throw new CaseRuleViolation("The meeting date " + on + " is in the past.");
        }
        if (on.isAfter(today.plusYears(1))) {
            throw new CaseRuleViolation("The meeting date " + on + " is more than a year ahead.");
        }
        supportCase.add(Meeting.scheduled(caseId, on, location, actor));
        // 34 CFR 300.322(a)(1): the parents are told early enough to attend
        clocks.start(caseId, ClockKind.MEETING_NOTICE, ClockStart.MEETING, on);
        timeline.record(supportCase, today, CaseEventKind.MEETING_SCHEDULED, "Plan meeting scheduled for " + on, actor);
        return transitionAge.reachedDuring(supportCase, on);
    }

    /** Sends the parents the meeting notice (34 CFR 300.322(b)); returns the day it was sent. */
    public LocalDate sendMeetingNotice(String caseId) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        Meeting meeting = planMeeting(supportCase);
        meeting.noticeSent(today);
        clocks.stop(caseId, ClockKind.MEETING_NOTICE, ClockStop.NOTICE_SENT, today);
        records.send(
                supportCase,
                new ParentNotice(
                        caseId,
                        NoticeKind.MEETING_NOTICE,
                        today,
                        meetingNotice(supportCase, meeting),
                        null,
                        meeting.getRecordedBy()));
        timeline.record(
                supportCase,
                today,
                CaseEventKind.MEETING_NOTICE_SENT,
                "Meeting notice sent for the meeting of " + meeting.getScheduledOn(),
                null);
        return today;
    }

    /**
     * The notice of the meeting (34 CFR 300.322(b)(1)): its purpose, time and place, and who will attend; when the
     * transition is discussed, that the student is invited (300.322(b)(2)); the parents may bring others who know
     * the child (300.321(a)(6)), ask for an interpreter (300.322(e)) or another time.
     */
    private NoticeContent meetingNotice(SupportCase supportCase, Meeting meeting) {
        // eligible for an IEP, or transferred in with one
        boolean iep = supportCase
                        .lastEligibility()
                        .map(d -> d.getOutcome().needs(PlanKind.IEP))
                        .orElse(false)
                || supportCase.plans(PlanStatus.IN_EFFECT).stream().anyMatch(p -> p.getKind() == PlanKind.IEP);
        boolean transition = iep && transitionAge.reachedDuring(supportCase, meeting.getScheduledOn());
        String purpose = iep
                ? "To review the draft and write your child's Individualized Education Program (IEP) together."
                : "To review the draft and write your child's plan together.";
        if (transition) {
            purpose += " The meeting will consider postsecondary goals and transition services (34 CFR 300.320(b)):"
                    + " your child is invited, and other agencies that may provide or pay for transition services"
                    + " may be invited with your consent.";
        }
        String attending = iep
                ? "You, a general education teacher, a special education teacher, a district representative"
                        + " (LEA representative) and a person who can explain the evaluation results"
                        + " (34 CFR 300.321(a))."
                : "You, the coordinator and your child's teachers.";
        if (iep && cameFromEarlyIntervention(supportCase)) {
            // 34 CFR 300.321(f): at the parents' request, the invitation to the initial IEP meeting goes to the Part C
            // service coordinator or other representatives of the Part C system
            attending += " Your child was served by early intervention: if you ask, the school will also invite your"
                    + " child's early intervention (Part C) service coordinator (34 CFR 300.321(f)).";
        }
        return new NoticeContent(
                NoticeContent.Action.INFORMATION,
                "Plan meeting on " + meeting.getScheduledOn() + " at " + meeting.getLocation(),
                purpose,
                null,
                null,
                "Who will attend: " + attending + " You may bring anyone who knows your child. If this time does not"
                        + " suit you, or you need an interpreter, tell the school and it will arrange another time"
                        + " or an interpreter (34 CFR 300.322(a), (e)).",
                iep ? NoticeContent.IDEA_SAFEGUARDS : NoticeContent.SECTION_504_SAFEGUARDS,
                "en");
    }

    /** A child referred before the third birthday, no IEP yet: the initial IEP meeting of a child from Part C. */
    private static boolean cameFromEarlyIntervention(SupportCase supportCase) {
        boolean hadAnIep = supportCase.getPlans().stream()
                .anyMatch(plan -> plan.getKind() == PlanKind.IEP && plan.getStatus() != PlanStatus.DRAFT);
        return !hadAnIep
                && supportCase.getReferrals().stream()
                        .anyMatch(referral -> supportCase.getStudent().ageOn(referral.getReceivedOn()) < 3);
    }

    public record MeetingHeld(LocalDate heldOn, boolean transitionRequired) {}

    /** The members an IEP team must have at its meeting, or excuse in writing (34 CFR 300.321(a)(2)-(4), (e)). */
    static final List<String> REQUIRED_IEP_MEMBERS =
            List.of("special-education-teacher", "general-education-teacher", "lea-representative");

    public MeetingHeld meetingHeld(
            String caseId, LocalDate heldOn, List<String> participants, String notes, String actor) {
        return meetingHeld(caseId, heldOn, participants, List.of(), false, null, notes, actor);
    }

    /**
     * The meeting held: who took part and, for an IEP, which required members were excused and whether the
     * parents and the district agreed to that in writing (34 CFR 300.321(e)); the drafts are finalised.
     */
    public MeetingHeld meetingHeld(
            String caseId,
            LocalDate heldOn,
            List<String> participants,
            List<String> excused,
            boolean excusalAgreedInWriting,
            String parentContactAttempts,
            String notes,
            String actor) {
        SupportCase supportCase = cases.open(caseId);
        if (heldOn.isAfter(days.today(supportCase))) {
            throw new CaseRuleViolation("The meeting date " + heldOn + " is in the future.");
        }
        if (participants.isEmpty()) {
            throw new CaseRuleViolation("Record who took part in the meeting.");
        }
        boolean finalisesAnIep = supportCase.plans(PlanStatus.DRAFT).stream()
                .anyMatch(plan -> plan.getKind() == PlanKind.IEP && !plan.isFinalised());
        if (finalisesAnIep) {
            for (String member : REQUIRED_IEP_MEMBERS) {
                if (!participants.contains(member) && !excused.contains(member)) {
                    // 34 CFR 300.321(a): the IEP team; (e): a member not attending is excused in writing
                    throw new CaseRuleViolation("The IEP team lacks the " + member.replace('-', ' ')
                            + ": record them as taking part, or as excused in writing (34 CFR 300.321(e)).");
                }
            }
            if (!participants.contains("PARENT")
                    && (parentContactAttempts == null || parentContactAttempts.isBlank())) {
                // 34 CFR 300.322(d): a meeting without the parents only when the school could not convince them to
                // attend, with a record of its attempts
                throw new CaseRuleViolation(
                        "The parents did not take part: record the attempts to involve them" + " (34 CFR 300.322(d)).");
            }
            if (!excused.isEmpty() && !excusalAgreedInWriting) {
                throw new CaseRuleViolation("A member is excused only when the parents and the district agree in"
                        + " writing (34 CFR 300.321(e)): tick the agreement.");
            }
        }
        String attended = notes;
        if (!excused.isEmpty()) {
            attended = (attended == null ? "" : attended + "\n") + "Excused in writing with the parents' agreement: "
                    + String.join(", ", excused) + ".";
        }
        if (parentContactAttempts != null && !parentContactAttempts.isBlank()) {
            attended = (attended == null ? "" : attended + "\n") + "Attempts to involve the parents: "
                    + parentContactAttempts;
        }
        planMeeting(supportCase).held(heldOn, participants, attended, actor);
        // 34 CFR 300.323(c)(1): the meeting that develops the IEP; the IEP is finalised at it
        clocks.stop(caseId, ClockKind.IEP_MEETING, ClockStop.MEETING_HELD, heldOn);
        timeline.record(supportCase, heldOn, CaseEventKind.MEETING_HELD, "Plan meeting held", actor);
        finaliseDrafts(supportCase, heldOn, actor);
        return new MeetingHeld(heldOn, transitionAge.reachedDuring(supportCase, heldOn));
    }

    /** The team finalises at the meeting each plan drafted for it; none may start before the meeting. */
    private void finaliseDrafts(SupportCase supportCase, LocalDate heldOn, String actor) {
        List<SupportPlan> drafts = supportCase.plans(PlanStatus.DRAFT).stream()
                .filter(plan -> !plan.isFinalised())
                .toList();
        for (SupportPlan draft : drafts) {
            if (draft.getStartsOn().isBefore(heldOn)) {
                throw new CaseRuleViolation("The " + draft.getKind() + " drafted to start on " + draft.getStartsOn()
                        + " cannot start before the meeting that finalises it (" + heldOn + ").");
            }
        }
        for (SupportPlan draft : drafts) {
            draft.finalise(actor, days.now());
            records.finalised(draft);
            timeline.record(
                    supportCase,
                    heldOn,
                    CaseEventKind.PLAN_FINALISED,
                    draft.getKind() + " finalised at the plan meeting, version " + draft.getPlanVersion(),
                    actor);
        }
    }

    static Meeting planMeeting(SupportCase supportCase) {
        return supportCase.planMeeting().orElseThrow(() -> new NotAwaitedException("No plan meeting is scheduled."));
    }
}

package org.supportplans.cases;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan meeting ({@code plan-development}): scheduled, noticed to the parents early enough, held. */
@Service
@Transactional
public class PlanMeetings {

    private final OpenCases cases;
    private final DistrictDay days;
    private final Timeline timeline;
    private final CaseClocks clocks;
    private final TransitionAge transitionAge;

    PlanMeetings(OpenCases cases, DistrictDay days, Timeline timeline, CaseClocks clocks, TransitionAge transitionAge) {
        this.cases = cases;
        this.days = days;
        this.timeline = timeline;
        this.clocks = clocks;
        this.transitionAge = transitionAge;
    }

    public void scheduleMeeting(String caseId, LocalDate on, String location, String actor) {
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
    }

    /** Sends the parents the meeting notice (34 CFR 300.322(b)); returns the day it was sent. */
    public LocalDate sendMeetingNotice(String caseId) {
        SupportCase supportCase = cases.open(caseId);
        LocalDate today = days.today(supportCase);
        Meeting meeting = planMeeting(supportCase);
        meeting.noticeSent(today);
        clocks.stop(caseId, ClockKind.MEETING_NOTICE, ClockStop.NOTICE_SENT, today);
        supportCase.add(new ParentNotice(caseId, NoticeKind.MEETING_NOTICE, today));
        timeline.record(
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
        SupportCase supportCase = cases.open(caseId);
        if (heldOn.isAfter(days.today(supportCase))) {
            throw new CaseRuleViolation("The meeting date " + heldOn + " is in the future.");
        }
        if (participants.isEmpty()) {
            throw new CaseRuleViolation("Record who took part in the meeting.");
        }
        planMeeting(supportCase).held(heldOn, participants, notes, actor);
        clocks.stop(caseId, ClockKind.IEP_MEETING, ClockStop.MEETING_HELD, heldOn);
        timeline.record(supportCase, heldOn, CaseEventKind.MEETING_HELD, "Plan meeting held", actor);
        return new MeetingHeld(heldOn, transitionAge.reachedDuring(supportCase, heldOn));
    }

    static Meeting planMeeting(SupportCase supportCase) {
        return supportCase.planMeeting().orElseThrow(() -> new NotAwaitedException("No plan meeting is scheduled."));
    }
}

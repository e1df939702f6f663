package org.supportplans.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan meeting: scheduled ahead, noticed to the parents (34 CFR 300.322), held. */
class PlanMeetingsTest extends PhaseTest {

    CaseSteps eligible(LocalDate born) {
        return aCaseOfAStudentBornOn(born)
                .triaged(TriageOutcome.EVALUATE_IDEA)
                .consented(LocalDate.of(2026, 9, 1))
                .evaluated(LocalDate.of(2026, 10, 1), EvaluationArea.ACADEMIC)
                .eligible(LocalDate.of(2026, 10, 1), EligibilityOutcome.IEP);
    }

    @Test
    void aMeetingIsScheduledFromTodayToAYearAhead() {
        String caseId = eligible(LocalDate.of(2016, 4, 2)).id;

        assertThatThrownBy(() -> meetings.scheduleMeeting(caseId, TODAY.minusDays(1), "Room 12", ACTOR))
                .hasMessage("The meeting date 2026-10-14 is in the past.");
        assertThatThrownBy(() -> meetings.scheduleMeeting(caseId, LocalDate.of(2027, 10, 16), "Room 12", ACTOR))
                .hasMessage("The meeting date 2027-10-16 is more than a year ahead.");
    }

    @Test
    void theNoticeClockCountsBackFromTheMeetingAndStopsWhenTheNoticeIsSent() {
        // 34 CFR 300.322(a)(1): early enough to attend, counted back from the meeting's date
        String caseId = eligible(LocalDate.of(2016, 4, 2)).id;
        LocalDate meetingOn = LocalDate.of(2026, 10, 29);

        meetings.scheduleMeeting(caseId, meetingOn, "Room 12", ACTOR);
        LocalDate sentOn = meetings.sendMeetingNotice(caseId);

        assertThat(sentOn).isEqualTo(TODAY);
        assertThat(clocks.started)
                .contains(new FakeClocks.Started(ClockKind.MEETING_NOTICE, ClockStart.MEETING, meetingOn));
        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.MEETING_NOTICE, ClockStop.NOTICE_SENT, TODAY));
    }

    @Test
    void theNoticeOfAChildFromEarlyInterventionOffersToInviteThePartCServiceCoordinator() {
        // 34 CFR 300.321(f): born 2024-01-10, referred at two: the initial IEP meeting's invitation goes to the Part C
        // service coordinator at the parents' request, so the notice says they may ask
        CaseSteps fromPartC = eligible(LocalDate.of(2024, 1, 10));
        meetings.scheduleMeeting(fromPartC.id, LocalDate.of(2026, 10, 29), "Room 12", ACTOR);
        meetings.sendMeetingNotice(fromPartC.id);
        // an eight-year-old's notice does not
        CaseSteps older = eligible(LocalDate.of(2018, 4, 2));
        meetings.scheduleMeeting(older.id, LocalDate.of(2026, 10, 29), "Room 12", ACTOR);
        meetings.sendMeetingNotice(older.id);
        entities.flush();
        entities.clear();

        assertThat(meetingNotice(fromPartC).getContent().otherFactors())
                .contains("Part C) service coordinator (34 CFR 300.321(f))");
        assertThat(meetingNotice(older).getContent().otherFactors()).doesNotContain("Part C");
    }

    private static ParentNotice meetingNotice(CaseSteps supportCase) {
        return supportCase.read().getNotices().stream()
                .filter(notice -> notice.getKind() == NoticeKind.MEETING_NOTICE)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMeetingIsHeldNotInTheFutureAndWithWhoTookPart() {
        String caseId = eligible(LocalDate.of(2016, 4, 2)).id;
        meetings.scheduleMeeting(caseId, TODAY, "Room 12", ACTOR);

        assertThatThrownBy(() -> meetings.meetingHeld(caseId, TODAY.plusDays(1), List.of("parent"), null, ACTOR))
                .hasMessage("The meeting date 2026-10-16 is in the future.");
        assertThatThrownBy(() -> meetings.meetingHeld(caseId, TODAY, List.of(), null, ACTOR))
                .hasMessage("Record who took part in the meeting.");
    }

    @Test
    void noMeetingIsHeldBeforeOneIsScheduled() {
        String caseId = eligible(LocalDate.of(2016, 4, 2)).id;

        assertThatThrownBy(() -> meetings.meetingHeld(caseId, TODAY, List.of("parent"), null, ACTOR))
                .isInstanceOf(NotAwaitedException.class)
                .hasMessage("No plan meeting is scheduled.");
    }

    @Test
    void holdingTheMeetingStopsTheIepMeetingClock() {
        String caseId = eligible(LocalDate.of(2016, 4, 2)).id;
        meetings.scheduleMeeting(caseId, TODAY, "Room 12", ACTOR);

        PlanMeetings.MeetingHeld held = meetings.meetingHeld(caseId, TODAY, List.of("parent"), null, ACTOR);

        assertThat(held.transitionRequired()).isFalse();
        assertThat(clocks.stopped)
                .contains(new FakeClocks.Stopped(ClockKind.IEP_MEETING, ClockStop.MEETING_HELD, TODAY));
    }

    @Test
    void aStudentTurningSixteenWithinTheYearNeedsATransitionPlan() {
        // 34 CFR 300.320(b): born 2010-12-01, 16 on 2026-12-01, within the IEP that starts on 2026-10-15
        String caseId = eligible(LocalDate.of(2010, 12, 1)).id;
        meetings.scheduleMeeting(caseId, TODAY, "Room 12", ACTOR);

        assertThat(meetings.meetingHeld(caseId, TODAY, List.of("parent"), null, ACTOR)
                        .transitionRequired())
                .isTrue();
    }

    @Test
    void aStudentTurningSixteenTheDayAfterTheYearNeedsNoneYet() {
        // the IEP from 2026-10-15 runs to 2027-10-14; born 2011-10-15, 16 on 2027-10-15
        String caseId = eligible(LocalDate.of(2011, 10, 15)).id;
        meetings.scheduleMeeting(caseId, TODAY, "Room 12", ACTOR);

        assertThat(meetings.meetingHeld(caseId, TODAY, List.of("parent"), null, ACTOR)
                        .transitionRequired())
                .isFalse();
    }
}

package org.supportplans.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.CaseDirectory;
import org.supportplans.cases.CaseReader;
import org.supportplans.cases.CaseView;
import org.supportplans.cases.ConsentKind;
import org.supportplans.cases.MeetingPurpose;
import org.supportplans.cases.ParentDecision;
import org.supportplans.deadlines.DistrictCalendar;
import org.supportplans.deadlines.SchoolCalendars;
import org.supportplans.system.CurrentStaff;

/**
 * A case's timeline for the people who report on it: every milestone with its date and who did it,
 * the days between milestones (calendar and school days), the steps a state asks about, and each
 * clock with its due date, when it was met, and how early or late.
 */
@Service
@Transactional(readOnly = true)
public class CaseTimeline {

    private final CaseReader cases;
    private final CaseDirectory directory;
    private final SchoolCalendars calendars;

    CaseTimeline(CaseReader cases, CaseDirectory directory, SchoolCalendars calendars) {
        this.cases = cases;
        this.directory = directory;
        this.calendars = calendars;
    }

    public record Timeline(
            String caseId,
            Student student,
            School school,
            List<Milestone> milestones,
            List<Step> steps,
            List<Clock> clocks) {}

    public record Student(String localId, String name) {}

    public record School(String id, String name) {}

    public record Milestone(
            String kind,
            LocalDate date,
            String actor,
            String description,
            Long calendarDaysSincePrevious,
            Integer schoolDaysSincePrevious) {}

    public record Step(String step, LocalDate from, LocalDate to, long calendarDays, Integer schoolDays) {}

    public record Clock(
            String kind,
            String label,
            String legalBasis,
            LocalDate startDate,
            LocalDate dueDate,
            LocalDate stoppedOn,
            String status,
            Long daysEarly,
            Long daysLate,
            String reasonCode) {}

    /** The steps of a case (issue 5; the step-durations report counts the same). */
    public enum StepKind {
        REFERRAL_TO_CONSENT,
        CONSENT_TO_ELIGIBILITY,
        ELIGIBILITY_TO_MEETING,
        MEETING_TO_PLAN_IN_EFFECT,
        REFERRAL_TO_PLAN_IN_EFFECT
    }

    public Timeline of(String caseId, CurrentStaff staff) {
        CaseView view = cases.read(caseId, staff); // 404 for a case the caller may not see
        DistrictCalendar calendar = calendars.calendarOf(directory.facts(caseId).districtId());

        List<Milestone> milestones = new ArrayList<>();
        LocalDate previous = null;
        for (CaseView.Event event : cases.timeline(caseId, staff)) {
            LocalDate date = event.occurredOn();
            milestones.add(new Milestone(
                    event.kind().name(),
                    date,
                    event.actor(),
                    event.description(),
                    previous == null ? null : ChronoUnit.DAYS.between(previous, date),
                    previous == null
                            ? null
                            : calendar.schoolDaysBetween(previous, date).orElse(null)));
            previous = date;
        }

        Optional<LocalDate> referral =
                view.referrals().stream().map(CaseView.ReferralView::receivedOn).min(Comparator.naturalOrder());
        Optional<LocalDate> consent = view.consents().stream()
                .filter(c -> c.kind() == ConsentKind.EVALUATION_CONSENT && c.decision() == ParentDecision.GIVEN)
                .map(CaseView.ConsentView::decidedOn)
                .findFirst();
        Optional<LocalDate> eligibility = view.eligibility().stream()
                .map(CaseView.EligibilityView::decidedOn)
                .min(Comparator.naturalOrder());
        Optional<LocalDate> meeting = view.meetings().stream()
                .filter(m -> m.purpose() == MeetingPurpose.PLAN && m.heldOn() != null)
                .map(CaseView.MeetingView::heldOn)
                .findFirst();
        Optional<LocalDate> inEffect = view.plans().stream()
                .map(CaseView.PlanView::inEffectOn)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
        List<Step> steps = new ArrayList<>();
        step(steps, StepKind.REFERRAL_TO_CONSENT, referral, consent, calendar);
        step(steps, StepKind.CONSENT_TO_ELIGIBILITY, consent, eligibility, calendar);
        step(steps, StepKind.ELIGIBILITY_TO_MEETING, eligibility, meeting, calendar);
        step(steps, StepKind.MEETING_TO_PLAN_IN_EFFECT, meeting, inEffect, calendar);
        step(steps, StepKind.REFERRAL_TO_PLAN_IN_EFFECT, referral, inEffect, calendar);

        List<Clock> clocks = view.clocks().stream().map(CaseTimeline::clock).toList();
        return new Timeline(
                caseId,
                new Student(
                        view.student().localId(),
                        view.student().firstName() + " " + view.student().lastName()),
                new School(view.school().id(), view.school().name()),
                milestones,
                steps,
                clocks);
    }

    private static void step(
            List<Step> steps,
            StepKind kind,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            DistrictCalendar calendar) {
        if (from.isPresent() && to.isPresent()) {
            steps.add(new Step(
                    kind.name(),
                    from.get(),
                    to.get(),
                    ChronoUnit.DAYS.between(from.get(), to.get()),
                    calendar.schoolDaysBetween(from.get(), to.get()).orElse(null)));
        }
    }

    /** How early or late a clock was met: by its stop date against its due date. */
    private static Clock clock(CaseClocks.ClockSummary c) {
        Long early = null;
        Long late = null;
        if (c.stoppedOn() != null && c.dueDate() != null && !"CANCELLED".equals(c.status())) {
            long difference = ChronoUnit.DAYS.between(c.dueDate(), c.stoppedOn());
            if (difference > 0) {
                late = difference;
            } else {
                early = -difference;
            }
        }
        return new Clock(
                c.kind(),
                c.label(),
                c.legalBasis(),
                c.startDate(),
                c.dueDate(),
                c.stoppedOn(),
                c.status(),
                early,
                late,
                c.reasonCode());
    }
}

package org.supportplans.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines module as the case's phases see it ({@link CaseClocks}), without rules or calendars: it records
 * what the phases start and stop. Every clock starts at the event the federal rule names (the rules themselves
 * are tested in {@code ClockRulesTest}), and is due {@link #DAYS} calendar days after its start, except the
 * transition clock, due on the 16th birthday (34 CFR 300.320(b)).
 */
class FakeClocks implements CaseClocks {

    static final int DAYS = 30;

    record Started(ClockKind kind, ClockStart event, LocalDate on) {}

    record Stopped(ClockKind kind, ClockStop event, LocalDate on) {}

    final List<Started> started = new ArrayList<>();
    final List<Stopped> stopped = new ArrayList<>();
    final List<ClosureReason> cancelled = new ArrayList<>();
    /** The limits the phases set on the clocks they started: by that day at the latest, and why. */
    final List<DueBy> limits = new ArrayList<>();
    /** Connecticut counts the initial evaluation from the referral; the federal rule from the consent. */
    ClockStart evaluationStartsAt = ClockStart.CONSENT;

    @Override
    public Optional<LocalDate> start(String caseId, ClockKind kind, ClockStart event, LocalDate start) {
        ClockStart rule = switch (kind) {
            case INITIAL_EVALUATION, SECTION_504_EVALUATION -> evaluationStartsAt;
            case IEP_MEETING -> ClockStart.ELIGIBILITY;
            case ALP_DEVELOPMENT -> ClockStart.IDENTIFICATION;
            case MEETING_NOTICE -> ClockStart.MEETING;
            case ANNUAL_REVIEW, PLAN_REVIEW -> ClockStart.PLAN_MEETING;
            case REEVALUATION -> ClockStart.EVALUATION;
            case TRANSITION, PART_C_TO_B -> ClockStart.BIRTH;
            case MANIFESTATION_DETERMINATION -> ClockStart.DECISION_TO_CHANGE_PLACEMENT;
            case RECORDS_REQUEST -> ClockStart.REQUEST;
            case MEDICAID_NOTICE -> ClockStart.BENEFITS_NOTICE;
            case STATE_EVALUATION_TIMELINE, REFERRAL_DECISION -> ClockStart.NEVER;
            case REEVALUATION_TIMELINE -> ClockStart.REEVALUATION_CONSENT;
        };
        if (rule != event) {
            return Optional.empty();
        }
        started.add(new Started(kind, event, start));
        return preview(caseId, kind, start);
    }

    /** As the deadlines module does: the earlier of the rule's date and the limit. */
    @Override
    public Optional<LocalDate> start(String caseId, ClockKind kind, ClockStart event, LocalDate start, DueBy latest) {
        Optional<LocalDate> due = start(caseId, kind, event, start);
        if (latest == null || due.isEmpty()) {
            return due;
        }
        limits.add(latest);
        return due.map(date -> latest.on().isBefore(date) ? latest.on() : date);
    }

    @Override
    public Optional<LocalDate> preview(String caseId, ClockKind kind, LocalDate start) {
        return Optional.of(kind == ClockKind.TRANSITION ? start.plusYears(16) : start.plusDays(DAYS));
    }

    @Override
    public void stop(String caseId, ClockKind kind, ClockStop event, LocalDate on) {
        if (event == ClockStop.EVALUATION_REPORT_WRITTEN) {
            return; // ends no clock under the federal rules (Texas counts to it)
        }
        if (started.stream().anyMatch(s -> s.kind() == kind)) {
            stopped.add(new Stopped(kind, event, on));
        }
    }

    @Override
    public void cancelAll(String caseId, ClosureReason reason) {
        cancelled.add(reason);
    }

    @Override
    public Optional<LocalDate> dueOf(String caseId, ClockKind kind) {
        return started.stream()
                .filter(s -> s.kind() == kind)
                .reduce((first, second) -> second)
                .map(s -> s.on().plusDays(DAYS));
    }

    @Override
    public List<ClockSummary> clocksOf(String caseId) {
        return List.of();
    }

    boolean startedAny(ClockKind kind) {
        return started.stream().anyMatch(s -> s.kind() == kind);
    }
}

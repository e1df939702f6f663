package org.supportplans.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The compliance clocks of a case, as the steps of the case start and stop them. Implemented by the
 * deadlines module, which knows the jurisdiction rules and the school calendars; the case only says
 * what happened and when.
 */
public interface CaseClocks {

    /**
     * Starts the clock of that kind if the jurisdiction's rule starts it at this event (e.g. {@link
     * ClockStart#CONSENT}, or {@link ClockStart#REFERRAL} in Connecticut) and it is not running yet. Returns the
     * clock's due date when it is known; empty when the jurisdiction starts it at another event.
     */
    Optional<LocalDate> start(String caseId, ClockKind kind, ClockStart event, LocalDate start);

    /**
     * Starts the clock as {@link #start(String, ClockKind, ClockStart, LocalDate)} does, due by {@code latest} when
     * the rule counts to a later day: the case knows a limit the rule cannot (an IEP that ends before the anniversary
     * of its meeting). A clock so limited names the limit and its reason beside its rule, and keeps it when recounted.
     * A {@code latest} of null limits nothing.
     */
    Optional<LocalDate> start(String caseId, ClockKind kind, ClockStart event, LocalDate start, DueBy latest);

    /** A limit on a clock's due date: by {@code on} at the latest, because {@code why}, under {@code citation}. */
    record DueBy(LocalDate on, String why, String citation) {}

    /** The due date the clock of that kind would have if it started now from this date (no clock is started). */
    Optional<LocalDate> preview(String caseId, ClockKind kind, LocalDate start);

    /** Stops the running clock of that kind: met, or met late. Nothing when none runs. */
    void stop(String caseId, ClockKind kind, ClockStop event, LocalDate on);

    /** The case closed for that reason: its running clocks are cancelled. */
    void cancelAll(String caseId, ClosureReason reason);

    /** The due date of the running (or last) clock of that kind, when known. */
    Optional<LocalDate> dueOf(String caseId, ClockKind kind);

    /** Every clock of the case, oldest first. */
    List<ClockSummary> clocksOf(String caseId);

    /** A clock as a case shows it. */
    record ClockSummary(
            Long id,
            String kind,
            String label,
            String legalBasis,
            String rule,
            String startEvent,
            LocalDate startDate,
            LocalDate dueDate,
            String dueUnknownReason,
            LocalDate firstWarningOn,
            LocalDate finalWarningOn,
            String status,
            LocalDate stoppedOn,
            String reasonCode,
            String reasonText) {}
}

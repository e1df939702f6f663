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
     * Starts the clock of that kind (e.g. {@code initial-evaluation}) if the jurisdiction's rule starts it
     * at this event (e.g. {@code CONSENT}, or {@code REFERRAL} in Connecticut) and it is not running yet.
     * Returns the clock's due date when it is known.
     */
    Optional<LocalDate> start(String caseId, String kind, String startEvent, LocalDate start);

    /** The due date the clock of that kind would have if it started now from this date (no clock is started). */
    Optional<LocalDate> preview(String caseId, String kind, LocalDate start);

    /** Stops the running clock of that kind: met, or met late. Nothing when none runs. */
    void stop(String caseId, String kind, String stopEvent, LocalDate on);

    /** The case closed: its running clocks are cancelled. */
    void cancelAll(String caseId, String why);

    /** The due date of the running (or last) clock of that kind, when known. */
    Optional<LocalDate> dueOf(String caseId, String kind);

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

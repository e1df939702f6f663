package org.supportplans.cases;

import java.time.LocalDate;

/** The date rules every step shares: a date the staff enter happened after what it follows, and not after today. */
final class CaseDates {

    private CaseDates() {}

    static void requireBetween(LocalDate date, LocalDate earliest, String earliestName, LocalDate today, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw new CaseRuleViolation(what + " " + date + " is before " + earliestName + " (" + earliest + ").");
        }
        if (date.isAfter(today)) {
            throw new CaseRuleViolation(what + " " + date + " is in the future.");
        }
    }
}

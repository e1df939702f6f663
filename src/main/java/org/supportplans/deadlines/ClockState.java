package org.supportplans.deadlines;

import java.time.LocalDate;
import org.supportplans.cases.ClockKind;

/**
 * A clock as the morning sweep and the coordinator's "record why" task see it: its warning dates, its due date,
 * the warnings it has had ({@code remindersSent}: 1 the first, 2 the final). A copy taken when it is asked for; the
 * clock itself stays in this module.
 *
 * @param due the date that counts (an extension's date over the counted one); null while it cannot be
 *     counted (a school calendar not loaded, a pause)
 */
public record ClockState(
        Long id,
        String caseId,
        String schoolId,
        ClockKind kind,
        String ruleText,
        ClockStatus status,
        LocalDate due,
        LocalDate firstWarningOn,
        LocalDate finalWarningOn,
        int remindersSent) {

    static ClockState of(Clock clock) {
        return new ClockState(
                clock.getId(),
                clock.getCaseId(),
                clock.getSchoolId(),
                clock.getKind(),
                clock.getRuleText(),
                clock.getStatus(),
                clock.effectiveDue(),
                clock.getFirstWarningOn(),
                clock.getFinalWarningOn(),
                clock.getRemindersSent());
    }
}

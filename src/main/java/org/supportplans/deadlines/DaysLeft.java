package org.supportplans.deadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Days left until a due date, counted as the clock's rule counts them: calendar days for calendar-day,
 * year and birthday rules; school days by the school's (or district's) calendars for school-day rules; weekdays
 * that are not federal or state holidays for business-day rules (34 CFR 300.11(b), as {@link DeadlineCounter} counts them). The days after
 * today up to the due date count (0 on the due date); past the due date, the days after it up to today
 * count, negative, and at least -1: a deadline missed on a Friday is overdue on the weekend too, before
 * another school day has passed. Null where a calendar the count needs is not loaded.
 */
final class DaysLeft {

    private DaysLeft() {}

    static Integer count(ClockRule.Unit unit, LocalDate today, LocalDate due, DistrictCalendar calendar) {
        return switch (unit) {
            case CALENDAR_DAYS, YEARS, BIRTHDAY, AGE_IN_MONTHS -> Math.toIntExact(ChronoUnit.DAYS.between(today, due));
            case SCHOOL_DAYS, BUSINESS_DAYS -> counted(unit, today, due, calendar);
        };
    }

    private static Integer counted(ClockRule.Unit unit, LocalDate today, LocalDate due, DistrictCalendar calendar) {
        boolean overdue = due.isBefore(today);
        LocalDate from = overdue ? due : today;
        LocalDate to = overdue ? today : due;
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            Boolean counts = counts(unit, day, calendar);
            if (counts == null) {
                return null;
            }
            if (counts) {
                days++;
            }
        }
        return overdue ? -Math.max(days, 1) : days;
    }

    /** Whether the day counts; null when its school year's calendar is not loaded. */
    private static Boolean counts(ClockRule.Unit unit, LocalDate day, DistrictCalendar calendar) {
        if (unit == ClockRule.Unit.BUSINESS_DAYS) {
            // 34 CFR 300.11(b): weekdays that are not federal or state holidays; no school calendar needed
            return calendar.isBusinessDay(day);
        }
        return calendar.yearOf(day)
                .map(year -> unit == ClockRule.Unit.SCHOOL_DAYS ? year.isSchoolDay(day) : !year.isNoSchoolDay(day))
                .orElse(null);
    }
}

package org.supportplans.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The legal public holidays of 5 U.S.C. 6103(a), on the day they are observed (6103(b): a holiday on a Saturday is
 * observed the Friday before, on a Sunday the Monday after). A business day (34 CFR 300.11(b)) is a weekday that is
 * none of these nor a state holiday.
 */
final class FederalHolidays {

    private static final List<MonthDay> FIXED = List.of(
            MonthDay.of(Month.JANUARY, 1), // New Year's Day
            MonthDay.of(Month.JUNE, 19), // Juneteenth National Independence Day
            MonthDay.of(Month.JULY, 4), // Independence Day
            MonthDay.of(Month.NOVEMBER, 11), // Veterans Day
            MonthDay.of(Month.DECEMBER, 25)); // Christmas Day

    private FederalHolidays() {}

    static boolean isHoliday(LocalDate day) {
        int year = day.getYear();
        for (int y = year; y <= year + 1; y++) { // 1 January on a Saturday is observed on 31 December before
            for (MonthDay fixed : FIXED) {
                if (observed(fixed.atYear(y)).equals(day)) {
                    return true;
                }
            }
        }
        return day.equals(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY)) // Birthday of Martin Luther King, Jr.
                || day.equals(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY)) // Washington's Birthday
                || day.equals(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || day.equals(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY)) // Labor Day
                || day.equals(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY)) // Columbus Day
                || day.equals(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY)); // Thanksgiving Day
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }
}

package org.supportplans.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The state holidays that make a weekday no business day (34 CFR 300.11(b): "Monday through Friday, except for
 * Federal and State holidays"), for the states whose rules count business days. Only California's rules do (Cal.
 * Educ. Code 56504, records within five business days); every other state's business days are the federal ones.
 *
 * <p>California, Cal. Gov. Code 6700(a) and 6701, beyond the federal holidays of {@link FederalHolidays}: 12 February
 * ("Lincoln Day"), 9 September ("Admission Day"), each moved to the Monday when it falls on a Sunday (6701), and the
 * fourth Friday in September ("Native American Day"). Counted as business days, the safe side where the text leaves
 * a doubt (a due date one day early, never one day late): 31 March ("Cesar Chavez Day"), which 6700(a)(16)(B) does
 * not apply to a district unless its board makes it so; Good Friday, a holiday only "from 12 noon until 3 p.m.";
 * and the days added by later amendments whose application to districts we have not read in the enrolled text
 * (Lunar New Year, 24 April "Genocide Remembrance Day"). A district that closes on them still keeps them in its
 * calendar, which school-day rules count.
 */
final class StateHolidays {

    private StateHolidays() {}

    static boolean isHoliday(String state, LocalDate day) {
        if (!"CA".equals(state)) {
            return false;
        }
        int year = day.getYear();
        return day.equals(sundayToMonday(LocalDate.of(year, Month.FEBRUARY, 12))) // Lincoln Day
                || day.equals(sundayToMonday(LocalDate.of(year, Month.SEPTEMBER, 9))) // Admission Day
                || day.equals(LocalDate.of(year, Month.SEPTEMBER, 1)
                        .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.FRIDAY))); // Native American Day
    }

    /** Whether the day is a business day of the state (34 CFR 300.11(b)); a null state: federal holidays only. */
    static boolean isBusinessDay(String state, LocalDate day) {
        return !SchoolYearCalendar.isWeekend(day) && !FederalHolidays.isHoliday(day) && !isHoliday(state, day);
    }

    private static LocalDate sundayToMonday(LocalDate holiday) {
        return holiday.getDayOfWeek() == DayOfWeek.SUNDAY ? holiday.plusDays(1) : holiday;
    }
}

package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.supportplans.deadlines.ClockRule.Unit;

/**
 * Days left as each rule counts them, on the demo district's 2026-2027 calendar (first day Mon 17 Aug
 * 2026, last day Thu 27 May 2027; Thanksgiving break 23-27 Nov, winter break 21 Dec - 1 Jan, a teacher
 * planning day Mon 4 Jan). 2027-2028 is not loaded.
 */
class DaysLeftTest {

    static final DistrictCalendar DEMO = new DistrictCalendar("demo-district", DemoCalendars.YEARS);

    @Test
    void aWeekOfSchoolIsFiveDaysEveryWay() {
        // from Sunday 29 November to Friday 4 December
        assertThat(left(Unit.CALENDAR_DAYS, "2026-11-29", "2026-12-04")).isEqualTo(5);
        assertThat(left(Unit.SCHOOL_DAYS, "2026-11-29", "2026-12-04")).isEqualTo(5);
        assertThat(left(Unit.BUSINESS_DAYS, "2026-11-29", "2026-12-04")).isEqualTo(5);
    }

    @Test
    void schoolDaysSkipTheWinterBreakAndThePlanningDay() {
        assertThat(left(Unit.CALENDAR_DAYS, "2026-12-16", "2027-01-06")).isEqualTo(21);
        // Thu 17, Fri 18 Dec; Tue 5, Wed 6 Jan
        assertThat(left(Unit.SCHOOL_DAYS, "2026-12-16", "2027-01-06")).isEqualTo(4);
        // 34 CFR 300.11(b): the district's break is business days, the federal holidays are not: Dec 17-18 (2),
        // 21-24 (6), Christmas Day not, Dec 28-31 (10), New Year's Day not, Jan 4-6 (13)
        assertThat(left(Unit.BUSINESS_DAYS, "2026-12-16", "2027-01-06")).isEqualTo(13);
    }

    @Test
    void businessDaysGoOnInTheSummerAndSchoolDaysDoNot() {
        // Thu 27 May is the last day of school
        assertThat(left(Unit.SCHOOL_DAYS, "2027-05-26", "2027-06-02")).isEqualTo(1);
        // May 27, 28 (2), Mon 31 May Memorial Day not, June 1, 2 (4)
        assertThat(left(Unit.BUSINESS_DAYS, "2027-05-26", "2027-06-02")).isEqualTo(4);
        assertThat(left(Unit.CALENDAR_DAYS, "2027-05-26", "2027-06-02")).isEqualTo(7);
    }

    @Test
    void yearsAndBirthdaysCountCalendarDays() {
        assertThat(left(Unit.YEARS, "2026-11-29", "2027-11-29")).isEqualTo(365);
        assertThat(left(Unit.BIRTHDAY, "2027-11-29", "2028-11-29")).isEqualTo(366);
    }

    @Test
    void onTheDueDateNoDayIsLeft() {
        assertThat(left(Unit.SCHOOL_DAYS, "2026-12-04", "2026-12-04")).isZero();
        assertThat(left(Unit.CALENDAR_DAYS, "2026-12-04", "2026-12-04")).isZero();
    }

    @Test
    void pastTheDueDateTheDaysAreNegative() {
        assertThat(left(Unit.CALENDAR_DAYS, "2026-12-01", "2026-11-20")).isEqualTo(-11);
        // Mon 30 Nov and Tue 1 Dec; Thanksgiving week had no school
        assertThat(left(Unit.SCHOOL_DAYS, "2026-12-01", "2026-11-20")).isEqualTo(-2);
    }

    @Test
    void aDeadlineMissedBeforeABreakIsOverdueDuringIt() {
        // due Friday 20 November; on Sunday 29 November no school day has passed since
        assertThat(left(Unit.SCHOOL_DAYS, "2026-11-29", "2026-11-20")).isEqualTo(-1);
    }

    @Test
    void withoutTheCalendarOfADayCountedTheDaysAreUnknown() {
        assertThat(left(Unit.SCHOOL_DAYS, "2027-06-29", "2027-08-20")).isNull();
        // business days need no calendar: Jun 30 (1), Jul 1-2 (3), Mon 5 Jul (Independence Day observed) not,
        // Jul 6-9 (7), then six full weeks to Fri 20 Aug (37)
        assertThat(left(Unit.BUSINESS_DAYS, "2027-06-29", "2027-08-20")).isEqualTo(37);
        assertThat(left(Unit.CALENDAR_DAYS, "2027-06-29", "2027-08-20")).isEqualTo(52);
    }

    private static Integer left(Unit unit, String today, String due) {
        return DaysLeft.count(unit, LocalDate.parse(today), LocalDate.parse(due), DEMO);
    }
}

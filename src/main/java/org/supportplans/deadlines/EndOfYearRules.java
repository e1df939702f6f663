package org.supportplans.deadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.supportplans.deadlines.ClockRule.EndOfYear;
import org.supportplans.deadlines.DeadlineCounter.Due;

/**
 * The states' rules for a clock that reaches the end of the school year ({@link EndOfYear}), applied to the date
 * the count gave. "School days left" are the school days after the start up to and including the school year's
 * last day (the last instructional day).
 */
final class EndOfYearRules {

    private EndOfYearRules() {}

    static Due apply(EndOfYear rule, Due counted, LocalDate start, LocalDate referredOn, DistrictCalendar calendar) {
        return switch (rule) {
            case NONE -> counted;
            case TX_JUNE_30 -> texasJune30(counted, start, calendar);
            case TX_FIRST_DAY_OF_FALL -> texasFirstDayOfFall(counted, calendar);
            case TX_15TH_SCHOOL_DAY_OF_NEXT_YEAR -> texas15thSchoolDayOfNextYear(start, calendar);
            case IL_BEFORE_NEXT_YEAR -> illinoisBeforeNextYear(counted, start, calendar);
            case CA_30_DAYS_INTO_NEXT_YEAR -> california(counted, referredOn, calendar, 30);
            case CA_10_DAYS_INTO_NEXT_YEAR -> california(counted, referredOn, calendar, 10);
            case MA_14_DAYS_AFTER_YEAR -> massachusetts(counted, start, calendar);
        };
    }

    /**
     * Tex. Educ. Code 29.004(a-1): consent at least 35 but fewer than 45 school days before the last instructional
     * day: the report by 30 June of that year. Fewer than 35 (or 45 and more): the 45th school day (29.004(a)).
     */
    private static Due texasJune30(Due counted, LocalDate start, DistrictCalendar calendar) {
        Optional<SchoolYearCalendar> year = calendar.yearOf(start);
        if (year.isEmpty()) {
            return counted;
        }
        int left = schoolDaysLeft(year.get(), start);
        return left >= 35 && left < 45 ? Due.on(year.get().coverageEnd()) : counted;
    }

    /**
     * Tex. Educ. Code 29.004(a-1): the ARD committee meets "not later than the 15th school day of the following
     * school year": the school year after the one the report (the start) belongs to, its first day the first school
     * day counted. Its calendar not loaded: provisional, counting every weekday from 1 July on.
     */
    private static Due texas15thSchoolDayOfNextYear(LocalDate report, DistrictCalendar calendar) {
        LocalDate july = SchoolYearCalendar.coverageEnd(
                        SchoolYearCalendar.startYear(SchoolYearCalendar.schoolYearOf(report)))
                .plusDays(1);
        Optional<SchoolYearCalendar> next = calendar.yearOf(july);
        int counted = 0;
        LocalDate day = next.map(SchoolYearCalendar::firstDay).orElse(july).minusDays(1);
        while (counted < 15) {
            day = day.plusDays(1);
            boolean schoolDay = next.isPresent() ? next.get().isSchoolDay(day) : !SchoolYearCalendar.isWeekend(day);
            if (schoolDay) {
                counted++;
            }
        }
        return next.isPresent() ? Due.on(day) : Due.provisional(day, SchoolYearCalendar.schoolYearOf(july));
    }

    /** 19 TAC 89.1011: a 30th day in the summer, school not in session: the first day of classes in the fall. */
    private static Due texasFirstDayOfFall(Due counted, DistrictCalendar calendar) {
        if (!counted.known()) {
            return counted;
        }
        LocalDate due = counted.date();
        Optional<SchoolYearCalendar> year = calendar.yearOf(due);
        if (year.isEmpty()) {
            return Due.provisional(
                    due, SchoolYearCalendar.schoolYearOf(due)); // whether school is in session is unknown
        }
        if (due.isBefore(year.get().firstDay())) {
            return Due.on(year.get().firstDay());
        }
        if (due.isAfter(year.get().lastDay())) {
            return firstDayOfNextYear(year.get(), calendar, 0);
        }
        return counted;
    }

    /**
     * 23 Ill. Adm. Code 226.110: fewer than 60 school days left after consent: the eligibility decision and the
     * IEP meeting before the first day of the following school year (the day before it at the latest).
     */
    private static Due illinoisBeforeNextYear(Due counted, LocalDate start, DistrictCalendar calendar) {
        Optional<SchoolYearCalendar> year = calendar.yearOf(start);
        if (year.isEmpty() || start.isAfter(year.get().lastDay())) {
            return counted;
        }
        if (schoolDaysLeft(year.get(), start) >= 60) {
            return counted;
        }
        return firstDayOfNextYear(year.get(), calendar, -1);
    }

    /**
     * California's rules for a referral made {@code days} days or less before the end of the regular school year:
     * due {@code days} days after the next regular school year begins. Cal. Educ. Code 56344(a): the IEP, 30 days;
     * 56321(a): the proposed assessment plan, 10 days.
     */
    private static Due california(Due counted, LocalDate referredOn, DistrictCalendar calendar, int days) {
        Optional<SchoolYearCalendar> year = calendar.yearOf(referredOn);
        if (year.isEmpty() || referredOn.isAfter(year.get().lastDay())) {
            return counted;
        }
        if (ChronoUnit.DAYS.between(referredOn, year.get().lastDay()) > days) {
            return counted;
        }
        return firstDayOfNextYear(year.get(), calendar, days);
    }

    /**
     * 603 CMR 28.05(1): consent within 30 to 45 school working days before the end of the school year: the proposed
     * IEP (or the notice of ineligibility) no later than 14 days after the end of the school year (603 CMR 28.02:
     * days are calendar days unless school days are said).
     */
    private static Due massachusetts(Due counted, LocalDate start, DistrictCalendar calendar) {
        Optional<SchoolYearCalendar> year = calendar.yearOf(start);
        if (year.isEmpty() || start.isAfter(year.get().lastDay())) {
            return counted;
        }
        int left = schoolDaysLeft(year.get(), start);
        if (left < 30 || left > 45) {
            return counted;
        }
        LocalDate fourteenDaysAfter = year.get().lastDay().plusDays(14);
        return counted.known() && counted.date().isBefore(fourteenDaysAfter) ? counted : Due.on(fourteenDaysAfter);
    }

    /** School days after the start up to and including the year's last day. */
    static int schoolDaysLeft(SchoolYearCalendar year, LocalDate start) {
        int left = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(year.lastDay()); day = day.plusDays(1)) {
            if (year.isSchoolDay(day)) {
                left++;
            }
        }
        return left;
    }

    /**
     * The first day of the school year after this one, moved by so many days; provisional while that year's calendar
     * is missing, counted as if its school began on the first weekday of July (the earliest it can).
     */
    private static Due firstDayOfNextYear(SchoolYearCalendar year, DistrictCalendar calendar, int plusDays) {
        LocalDate july = year.coverageEnd().plusDays(1);
        Optional<SchoolYearCalendar> next = calendar.yearOf(july);
        if (next.isPresent()) {
            return Due.on(next.get().firstDay().plusDays(plusDays));
        }
        LocalDate firstWeekday = july;
        while (SchoolYearCalendar.isWeekend(firstWeekday)) {
            firstWeekday = firstWeekday.plusDays(1);
        }
        return Due.provisional(firstWeekday.plusDays(plusDays), SchoolYearCalendar.schoolYearOf(july));
    }
}

package org.supportplans.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.supportplans.progress.ServicesOwed.Frequency;
import org.supportplans.progress.ServicesOwed.Result;
import org.supportplans.progress.ServicesOwed.Service;
import org.supportplans.progress.ServicesOwed.Session;
import org.supportplans.progress.ServicesOwed.Week;

/**
 * The owed minutes worked by hand. September 2026: Tuesday the 1st; Monday the 7th is Labor Day (no school); weeks
 * start on Mondays 7, 14, 21, 28. October 2026: Thursday the 1st, 22 weekdays (1-2, 5-9, 12-16, 19-23, 26-30).
 */
class ServicesOwedTest {

    static final LocalDate LABOR_DAY = LocalDate.of(2026, 9, 7);

    static Predicate<LocalDate> schoolDaysBut(LocalDate... noSchool) {
        Set<LocalDate> closed = Set.of(noSchool);
        return day -> day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !closed.contains(day);
    }

    static LocalDate sep(int day) {
        return LocalDate.of(2026, 9, day);
    }

    static Session delivered(LocalDate day, int minutes) {
        return new Session(day, minutes, SessionStatus.DELIVERED, null, false);
    }

    static Session madeUp(LocalDate day, int minutes) {
        return new Session(day, minutes, SessionStatus.DELIVERED, null, true);
    }

    static Session missed(LocalDate day, int minutes, MissedReason reason) {
        return new Session(day, minutes, SessionStatus.MISSED, reason, false);
    }

    static final Service SPEECH_WEEKLY_30 = new Service(30, Frequency.WEEKLY, sep(1), LocalDate.of(2027, 5, 28));

    @Test
    void aWeekFullyDeliveredOwesNothing() {
        Result result = ServicesOwed.compute(
                SPEECH_WEEKLY_30, sep(14), sep(20), schoolDaysBut(), List.of(delivered(sep(16), 30)));

        // five school days x 30/5 = 30 prescribed, 30 delivered
        assertThat(result.weeks()).containsExactly(new Week(sep(14), 30, 30, 0, 0, 0));
        assertThat(result.owed()).isZero();
    }

    @Test
    void aServiceStartingOnAWednesdayOwesThreeFifthsOfItsFirstWeek() {
        Service startsWednesday = new Service(30, Frequency.WEEKLY, sep(16), LocalDate.of(2027, 5, 28));

        Result result = ServicesOwed.compute(startsWednesday, sep(14), sep(20), schoolDaysBut(), List.of());

        // Wednesday, Thursday, Friday: 3 x 30/5 = 18
        assertThat(result.weeks()).containsExactly(new Week(sep(14), 18, 0, 0, 0, 18));
        assertThat(result.owed()).isEqualTo(18);
    }

    @Test
    void aHolidayOnTheSchoolCalendarTakesItsShareOffTheWeek() {
        Result result = ServicesOwed.compute(
                SPEECH_WEEKLY_30, sep(7), sep(13), schoolDaysBut(LABOR_DAY), List.of(delivered(sep(9), 20)));

        // Labor Day off: 4 x 30/5 = 24 prescribed, 20 delivered, 4 owed
        assertThat(result.weeks()).containsExactly(new Week(sep(7), 24, 20, 0, 0, 4));
    }

    @Test
    void aWeekOfBreakOwesNothing() {
        Predicate<LocalDate> breakWeek = schoolDaysBut(
                LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 24),
                LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 11, 27));

        Result result = ServicesOwed.compute(
                SPEECH_WEEKLY_30, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), breakWeek, List.of());

        assertThat(result.prescribed()).isZero();
        assertThat(result.owed()).isZero();
    }

    @Test
    void aStudentsAbsenceExcusesTheSessionAProvidersDoesNot() {
        Service readingDaily = new Service(20, Frequency.DAILY, sep(1), LocalDate.of(2027, 5, 28));
        List<Session> week = List.of(
                delivered(sep(14), 20),
                missed(sep(15), 20, MissedReason.STUDENT_ABSENT),
                delivered(sep(16), 20),
                missed(sep(17), 20, MissedReason.PROVIDER_ABSENT),
                delivered(sep(18), 20));

        Result result = ServicesOwed.compute(readingDaily, sep(14), sep(20), schoolDaysBut(), week);

        // 5 x 20 = 100 prescribed; 60 delivered; Tuesday's 20 excused (the student was absent); Thursday's 20 owed
        assertThat(result.weeks()).containsExactly(new Week(sep(14), 100, 60, 0, 20, 20));
        assertThat(result.owed()).isEqualTo(20);
    }

    @Test
    void aMakeUpSessionTheNextWeekPaysBackTheMissedMinutesOverThePeriod() {
        Service readingDaily = new Service(20, Frequency.DAILY, sep(1), LocalDate.of(2027, 5, 28));
        List<Session> sessions = List.of(
                delivered(sep(14), 20),
                delivered(sep(15), 20),
                missed(sep(16), 20, MissedReason.PROVIDER_ABSENT),
                delivered(sep(17), 20),
                delivered(sep(18), 20),
                delivered(sep(21), 20),
                madeUp(sep(21), 20),
                delivered(sep(22), 20),
                delivered(sep(23), 20),
                delivered(sep(24), 20),
                delivered(sep(25), 20));

        Result result = ServicesOwed.compute(readingDaily, sep(14), sep(25), schoolDaysBut(), sessions);

        // week of the 14th: 100 prescribed, 80 delivered, 20 owed; week of the 21st: 100 prescribed, 120 delivered
        // (20 of them a make-up), nothing owed; the period: 200 prescribed, 200 delivered, nothing owed
        assertThat(result.weeks())
                .containsExactly(new Week(sep(14), 100, 80, 0, 0, 20), new Week(sep(21), 100, 120, 20, 0, 0));
        assertThat(result.prescribed()).isEqualTo(200);
        assertThat(result.delivered()).isEqualTo(200);
        assertThat(result.madeUp()).isEqualTo(20);
        assertThat(result.owed()).isZero();
    }

    @Test
    void aSnowDayNotOnTheCalendarExcusesItsSessionAHolidayOnItIsNotCountedTwice() {
        List<Session> sessions = List.of(
                missed(LABOR_DAY, 30, MissedReason.SCHOOL_CLOSED), missed(sep(16), 30, MissedReason.SCHOOL_CLOSED));

        Result labor = ServicesOwed.compute(SPEECH_WEEKLY_30, sep(7), sep(13), schoolDaysBut(LABOR_DAY), sessions);
        Result snow = ServicesOwed.compute(SPEECH_WEEKLY_30, sep(14), sep(20), schoolDaysBut(LABOR_DAY), sessions);

        // Labor Day is already off the calendar: 24 prescribed, nothing excused, 24 owed
        assertThat(labor.weeks()).containsExactly(new Week(sep(7), 24, 0, 0, 0, 24));
        // the snow day on Wednesday the 16th: 30 prescribed, 30 excused
        assertThat(snow.weeks()).containsExactly(new Week(sep(14), 30, 0, 0, 30, 0));
    }

    @Test
    void aMonthlyServiceIsSharedOverTheWeekdaysOfItsMonth() {
        Service counselingMonthly = new Service(60, Frequency.MONTHLY, sep(1), LocalDate.of(2027, 5, 28));
        LocalDate columbusDay = LocalDate.of(2026, 10, 12);

        Result october = ServicesOwed.compute(
                counselingMonthly,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                schoolDaysBut(columbusDay),
                List.of(delivered(LocalDate.of(2026, 10, 20), 30)));

        // 22 weekdays in October: 60/22 a day; 21 school days (the 12th off): 21 x 60/22 = 57.27 -> 57
        assertThat(october.prescribed()).isEqualTo(57);
        assertThat(october.owed()).isEqualTo(27);
        // the week of September 28: Thursday 1 and Friday 2 October in the period, 2 x 60/22 = 5.45 -> 5
        assertThat(october.weeks().get(0)).isEqualTo(new Week(sep(28), 5, 0, 0, 0, 5));
        // the week of October 5: 5 x 60/22 = 13.64 -> 14
        assertThat(october.weeks().get(1)).isEqualTo(new Week(LocalDate.of(2026, 10, 5), 14, 0, 0, 0, 14));
        // the week of the 12th: 4 x 60/22 = 10.91 -> 11
        assertThat(october.weeks().get(2).prescribed()).isEqualTo(11);
    }

    @Test
    void sessionsOutsideTheServicesDatesDoNotCount() {
        Service endsFriday = new Service(30, Frequency.WEEKLY, sep(1), sep(18));

        Result result =
                ServicesOwed.compute(endsFriday, sep(14), sep(27), schoolDaysBut(), List.of(delivered(sep(22), 30)));

        assertThat(result.weeks()).containsExactly(new Week(sep(14), 30, 0, 0, 0, 30));
    }

    @Test
    void theReportsMinutesAddedUpPerWeekOrForThePeriodGiveTheSameFigures() {
        // the report reads the delivered minutes added up by the database (per week, or for the period without the
        // weeks) and the missed sessions one by one: the same figures as from the sessions themselves
        Service readingDaily = new Service(20, Frequency.DAILY, sep(16), LocalDate.of(2026, 10, 9));
        LocalDate from = sep(10);
        LocalDate to = LocalDate.of(2026, 10, 14);
        Predicate<LocalDate> schoolDays = schoolDaysBut(sep(25));
        List<Session> sessions = List.of(
                delivered(sep(16), 20),
                delivered(sep(17), 15),
                missed(sep(18), 20, MissedReason.STUDENT_ABSENT),
                missed(sep(21), 20, MissedReason.PROVIDER_ABSENT),
                madeUp(sep(23), 20),
                missed(sep(25), 20, MissedReason.SCHOOL_CLOSED),
                missed(sep(28), 20, MissedReason.SCHOOL_CLOSED),
                delivered(LocalDate.of(2026, 10, 5), 20),
                missed(LocalDate.of(2026, 10, 6), 20, MissedReason.STUDENT_ABSENT),
                missed(LocalDate.of(2026, 10, 13), 20, MissedReason.STUDENT_ABSENT));
        Result fromSessions = ServicesOwed.compute(readingDaily, from, to, schoolDays, sessions);

        ServicesOwed.SchoolDays days = ServicesOwed.SchoolDays.of(from, to, schoolDays);
        ServicesOwed.Logged perWeek = new ServicesOwed.Logged(from, to);
        ServicesOwed.Logged forThePeriod = new ServicesOwed.Logged(from, to);
        for (Session session : sessions) {
            if (session.status() == SessionStatus.DELIVERED) {
                int madeUp = session.makeUp() ? session.minutes() : 0;
                perWeek.delivered(perWeek.week(session.date()), session.minutes(), (long) madeUp);
                forThePeriod.deliveredInPeriod(session.minutes(), madeUp);
            } else {
                perWeek.missed(session);
                forThePeriod.missed(session);
            }
        }
        Result weekly = ServicesOwed.compute(readingDaily, days, perWeek, true);
        Result period = ServicesOwed.compute(readingDaily, days, forThePeriod, false);

        assertThat(weekly).isEqualTo(fromSessions);
        // 17 school days from the 16th to 9 October (3 + 4, the 25th no school, + 5 + 5) x 20 = 340; delivered 75, 20
        // of them a make-up; excused 20 (absent on the 18th) + 20 (closed on the 28th) + 20 (absent on 6 October), not
        // the 25th (no school on the calendar already) nor 13 October (after the service's end)
        assertThat(List.of(period.prescribed(), period.delivered(), period.madeUp(), period.excused(), period.owed()))
                .containsExactly(340, 75, 20, 60, 205);
        assertThat(period.weeks()).isNull();
        assertThat(fromSessions.owed()).isEqualTo(205);
    }
}

package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;
import org.supportplans.deadlines.ClockRule.Direction;
import org.supportplans.deadlines.ClockRule.Exclusion;
import org.supportplans.deadlines.ClockRule.Unit;
import org.supportplans.deadlines.DeadlineCounter.Due;
import org.supportplans.deadlines.DeadlineCounter.Pause;
import org.supportplans.deadlines.SchoolYearCalendar.NoSchool;

/**
 * The counting rules of the README, each with a date worked out by hand on a district calendar:
 * 2026-2027 from Monday 17 August to Thursday 27 May; Labor Day (Mon 7 Sep), Thanksgiving week
 * (23-27 Nov, five school days), winter break (21 Dec - 1 Jan, ten school days), MLK Day (18 Jan),
 * spring break (22-26 Mar); 2027-2028 from Monday 16 August 2027 to Thursday 25 May 2028.
 */
class DeadlineCounterTest {

    static final SchoolYearCalendar YEAR_2026 = new SchoolYearCalendar(
            "2026-2027",
            LocalDate.of(2026, 8, 17),
            LocalDate.of(2027, 5, 27),
            List.of(
                    day("2026-09-07", "Labor Day"),
                    new NoSchool(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27), "Thanksgiving break"),
                    new NoSchool(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1), "Winter break"),
                    day("2027-01-18", "Martin Luther King Jr. Day"),
                    new NoSchool(LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 26), "Spring break")));
    static final SchoolYearCalendar YEAR_2027 =
            new SchoolYearCalendar("2027-2028", LocalDate.of(2027, 8, 16), LocalDate.of(2028, 5, 25), List.of());

    static final DistrictCalendar ONE_YEAR = new DistrictCalendar("district", List.of(YEAR_2026));
    static final DistrictCalendar TWO_YEARS = new DistrictCalendar("district", List.of(YEAR_2027, YEAR_2026));
    static final DistrictCalendar NONE = new DistrictCalendar("district", List.of());
    static final DistrictCalendar CALIFORNIA = new DistrictCalendar("ca-district", "CA", List.of());

    @Nested
    class TexasArdAfterAJune30Report {

        // Tex. Educ. Code 29.004(a-1): consent 35 to 44 school days before the last instructional day, the report due
        // 30 June; "The student's admission, review, and dismissal committee shall meet not later than the 15th school
        // day of the following school year to consider the evaluation."
        final ClockRule ard = new ClockRule(
                ClockKind.IEP_MEETING,
                "TX",
                30,
                Unit.CALENDAR_DAYS,
                Direction.AFTER,
                Exclusion.NONE,
                ClockStart.EVALUATION_REPORT,
                "19 TAC 89.1011",
                java.util.Set.of(),
                ClockRule.EndOfYear.TX_15TH_SCHOOL_DAY_OF_NEXT_YEAR);

        @Test
        void meetsByTheFifteenthSchoolDayOfTheNextYear() {
            // the report on Wed 30 Jun 2027; 2027-2028 begins Mon 16 Aug: 16-20 Aug are school days 1-5, 23-27 Aug
            // 6-10, 30 and 31 Aug, 1, 2 and 3 Sep 11-15: Fri 3 Sep 2027 (the 30 calendar days would end 30 Jul)
            assertThat(due(ard, "2027-06-30", TWO_YEARS)).isEqualTo("2027-09-03");
            // a report finished early, on Tue 1 Jun 2027, after the last instructional day (27 May): the same day
            assertThat(due(ard, "2027-06-01", TWO_YEARS)).isEqualTo("2027-09-03");
        }

        @Test
        void countsEveryWeekdayFromJulyWhileTheNextYearsCalendarIsMissing() {
            // 2027-2028 not loaded: provisional, weekdays from Thu 1 Jul 2027: 1, 2 Jul (1-2), 5-9 (3-7), 12-16 (8-12),
            // 19, 20, 21 (13-15): Wed 21 Jul 2027
            Due due = DeadlineCounter.count(ard, LocalDate.parse("2027-06-30"), ONE_YEAR, List.of());
            assertThat(due.date()).isEqualTo("2027-07-21");
            assertThat(due.provisional()).isTrue();
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void areTheStartPlusNWithNoAdjustmentAndNeedNoCalendar() {
            assertThat(due(rule(60, Unit.CALENDAR_DAYS), "2026-09-10", NONE)).isEqualTo("2026-11-09");
            // a due date on a Saturday stays on the Saturday (34 CFR 300.11(a))
            assertThat(due(rule(1, Unit.CALENDAR_DAYS), "2026-09-11", NONE)).isEqualTo("2026-09-12");
        }

        @Test
        void countTheTwentyNinthOfFebruaryInALeapYear() {
            assertThat(due(rule(60, Unit.CALENDAR_DAYS), "2027-12-31", NONE)).isEqualTo("2028-02-29");
            assertThat(due(rule(60, Unit.CALENDAR_DAYS), "2026-12-31", NONE)).isEqualTo("2027-03-01");
        }

        @Test
        void beforeAMeetingCountBackwards() {
            ClockRule notice = new ClockRule(
                    ClockKind.MEETING_NOTICE,
                    "US",
                    10,
                    Unit.CALENDAR_DAYS,
                    Direction.BEFORE,
                    Exclusion.NONE,
                    ClockStart.MEETING,
                    "test");
            assertThat(due(notice, "2026-10-20", NONE)).isEqualTo("2026-10-10");
        }

        @Test
        void standStillWhileTheClockIsPaused() {
            Due due = DeadlineCounter.count(
                    rule(60, Unit.CALENDAR_DAYS),
                    LocalDate.parse("2026-09-10"),
                    NONE,
                    List.of(new Pause(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-09-29"))));
            assertThat(due.date()).isEqualTo("2026-11-19");
        }

        @Test
        void areUnknownWhileAPauseLasts() {
            Due due = DeadlineCounter.count(
                    rule(60, Unit.CALENDAR_DAYS),
                    LocalDate.parse("2026-09-10"),
                    NONE,
                    List.of(new Pause(LocalDate.parse("2026-09-20"), null)));
            assertThat(due.known()).isFalse();
            assertThat(due.unknownReason()).contains("paused since 2026-09-20");
        }
    }

    @Nested
    class CaliforniaBreaks {

        final ClockRule california = new ClockRule(
                ClockKind.INITIAL_EVALUATION,
                "CA",
                60,
                Unit.CALENDAR_DAYS,
                Direction.AFTER,
                Exclusion.BREAKS_OVER_5_SCHOOL_DAYS,
                ClockStart.CONSENT,
                "Cal. Educ. Code 56043(f)(1)");

        @Test
        void doNotCountTheWinterBreakWithItsWeekends() {
            // 12-18 Dec counted (7), Sat 19 Dec - Sun 3 Jan not (16 days), then 53 more from 4 Jan
            assertThat(due(california, "2026-12-11", ONE_YEAR)).isEqualTo("2027-02-25");
        }

        @Test
        void countABreakOfExactlyFiveSchoolDays() {
            ClockRule tenDays = new ClockRule(
                    ClockKind.INITIAL_EVALUATION,
                    "CA",
                    10,
                    Unit.CALENDAR_DAYS,
                    Direction.AFTER,
                    Exclusion.BREAKS_OVER_5_SCHOOL_DAYS,
                    ClockStart.CONSENT,
                    "test");
            assertThat(due(tenDays, "2026-11-20", ONE_YEAR)).isEqualTo("2026-11-30");
        }

        @Test
        void doNotCountTheSummer() {
            // 28 May 2027 to 15 August 2027 is a break of more than five school days
            assertThat(due(california, "2027-05-10", TWO_YEARS)).isEqualTo("2027-09-27");
        }

        @Test
        void areProvisionalWhenABreakRunsIntoAYearNotLoaded() {
            // May 11-27 are days 1-17; 28 May - 30 June is the summer break (2026-2027 is loaded); 2027-2028 is not:
            // every day from Thu 1 July counts (school on every weekday, no break): 1 July day 18, 12 August day 60
            Due due = DeadlineCounter.count(california, LocalDate.parse("2027-05-10"), ONE_YEAR, List.of());
            assertThat(due.date()).isEqualTo("2027-08-12");
            assertThat(due.provisional()).isTrue();
            assertThat(due.missingYear()).isEqualTo("2027-2028");
        }
    }

    @Nested
    class PennsylvaniaSummer {

        final ClockRule pennsylvania = new ClockRule(
                ClockKind.INITIAL_EVALUATION,
                "PA",
                60,
                Unit.CALENDAR_DAYS,
                Direction.AFTER,
                Exclusion.SUMMER,
                ClockStart.CONSENT,
                "22 Pa. Code 14.123(b)");

        @Test
        void countsTheSchoolYearOnlyAcrossTheSummer() {
            // 11-27 May counted (17), summer not, then 43 more from 16 August
            assertThat(due(pennsylvania, "2027-05-10", TWO_YEARS)).isEqualTo("2027-09-27");
        }

        @Test
        void countsWeekendsAndBreaksDuringTheYear() {
            assertThat(due(pennsylvania, "2026-12-11", ONE_YEAR)).isEqualTo("2027-02-09");
        }
    }

    @Nested
    class SchoolDays {

        @Test
        void areCountedFromTheDayAfterTheStart() {
            // Fri 4 Sep; Mon 7 Sep is Labor Day: 8, 9, 10, 11, 14, 15, 16, 17, 18, 21
            assertThat(due(rule(1, Unit.SCHOOL_DAYS), "2026-09-04", ONE_YEAR)).isEqualTo("2026-09-08");
            assertThat(due(rule(10, Unit.SCHOOL_DAYS), "2026-09-04", ONE_YEAR)).isEqualTo("2026-09-21");
        }

        @Test
        void startOnAWeekendOrAHoliday() {
            assertThat(due(rule(1, Unit.SCHOOL_DAYS), "2026-09-12", ONE_YEAR)).isEqualTo("2026-09-14");
            assertThat(due(rule(1, Unit.SCHOOL_DAYS), "2026-09-07", ONE_YEAR)).isEqualTo("2026-09-08");
        }

        @Test
        void skipTheWinterBreak() {
            assertThat(due(rule(1, Unit.SCHOOL_DAYS), "2026-12-18", ONE_YEAR)).isEqualTo("2027-01-04");
        }

        @Test
        void continueOnTheFirstDayOfTheNextSchoolYear() {
            // 21, 24, 25, 26, 27 May 2027, then 16-20 August 2027
            assertThat(due(rule(10, Unit.SCHOOL_DAYS), "2027-05-20", TWO_YEARS)).isEqualTo("2027-08-20");
        }

        @Test
        void areProvisionalAndSaySoWhenTheNextCalendarIsNotLoaded() {
            // May 21 (1), 24-27 (5), no school 28 May - 30 June; 2027-2028 not loaded: every weekday a school day:
            // Thu 1 July (6), Fri 2 (7), Mon 5 (8), Tue 6 (9), Wed 7 July 2027 (10)
            Due due = DeadlineCounter.count(
                    rule(10, Unit.SCHOOL_DAYS), LocalDate.parse("2027-05-20"), ONE_YEAR, List.of());
            assertThat(due.date()).isEqualTo("2027-07-07");
            assertThat(due.provisional()).isTrue();
            assertThat(due.unknownReason())
                    .isEqualTo("Provisional: the school calendar 2027-2028 is not loaded yet; counted as if school"
                            + " were held on every weekday.");
        }

        @Test
        void areProvisionalWithoutAnyCalendar() {
            // every weekday after Thu 10 Sep 2026: Sep 11 (1), 14-18 (6), 21-25 (11), Sep 28-Oct 2 (16), Oct 5-9 (21),
            // 12-16 (26), 19-23 (31), 26-30 (36), Nov 2-6 (41), 9 (42), 10 (43), 11 (44), Thu 12 Nov 2026 (45)
            Due due = DeadlineCounter.count(rule(45, Unit.SCHOOL_DAYS), LocalDate.parse("2026-09-10"), NONE, List.of());
            assertThat(due.date()).isEqualTo("2026-11-12");
            assertThat(due.missingYear()).isEqualTo("2026-2027");
        }

        @Test
        void skipPausedDays() {
            Due due = DeadlineCounter.count(
                    rule(10, Unit.SCHOOL_DAYS),
                    LocalDate.parse("2026-09-04"),
                    ONE_YEAR,
                    List.of(new Pause(LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-18"))));
            // 8, 9, 10, 11, then the week of 14 Sep paused, 21, 22, 23, 24, 25, 28
            assertThat(due.date()).isEqualTo("2026-09-28");
        }
    }

    @Nested
    class BusinessDays {

        // 34 CFR 300.11(b): "Business day means Monday through Friday, except for Federal and State holidays";
        // the district's other days off (its winter break) are business days.

        @Test
        void areWeekdaysThatAreNotFederalHolidaysEvenInTheDistrictsBreak() {
            // from Fri 18 Dec 2026: Mon 21 (winter break, still a business day) 1, Tue 22 2, Wed 23 3
            assertThat(due(rule(3, Unit.BUSINESS_DAYS), "2026-12-18", ONE_YEAR)).isEqualTo("2026-12-23");
            // from Wed 23 Dec 2026: Thu 24 1, Fri 25 Christmas Day (5 U.S.C. 6103(a)) not, Mon 28 2, Tue 29 3
            assertThat(due(rule(3, Unit.BUSINESS_DAYS), "2026-12-23", ONE_YEAR)).isEqualTo("2026-12-29");
            // from Fri 4 Sep 2026: Mon 7 Labor Day (first Monday of September) not, Tue 8 1
            assertThat(due(rule(1, Unit.BUSINESS_DAYS), "2026-09-04", ONE_YEAR)).isEqualTo("2026-09-08");
        }

        @Test
        void skipAHolidayObservedOnTheFridayBefore() {
            // 4 July 2026 is a Saturday, observed Fri 3 July (5 U.S.C. 6103(b)): from Thu 2 July, Mon 6 July is the 1st
            assertThat(due(rule(1, Unit.BUSINESS_DAYS), "2026-07-02", NONE)).isEqualTo("2026-07-06");
        }

        @Test
        void skipCaliforniasStateHolidaysInCalifornia() {
            // Cal. Gov. Code 6700(a): 9 September, "Admission Day", is a state holiday. A records request (Cal. Educ.
            // Code 56504: five business days) made Tue 8 Sep 2026: Wed 9 (Admission Day) not, Thu 10 1, Fri 11 2,
            // Mon 14 3, Tue 15 4, Wed 16 5
            assertThat(due(rule(5, Unit.BUSINESS_DAYS), "2026-09-08", CALIFORNIA))
                    .isEqualTo("2026-09-16");
            // the same request elsewhere: 9 September is a business day, the fifth is Tue 15
            assertThat(due(rule(5, Unit.BUSINESS_DAYS), "2026-09-08", NONE)).isEqualTo("2026-09-15");
            // "the fourth Friday in September, known as Native American Day": Fridays of Sep 2026 are 4, 11, 18, 25.
            // From Wed 23 Sep: Thu 24 1, Fri 25 not, Mon 28 2, Tue 29 3, Wed 30 4, Thu 1 Oct 5
            assertThat(due(rule(5, Unit.BUSINESS_DAYS), "2026-09-23", CALIFORNIA))
                    .isEqualTo("2026-10-01");
            // 12 February 2027, "Lincoln Day", is a Friday, and Mon 15 Feb the third Monday of February (federal):
            // from Thu 11 Feb, Tue 16 1, Wed 17 2, Thu 18 3, Fri 19 4, Mon 22 5
            assertThat(due(rule(5, Unit.BUSINESS_DAYS), "2027-02-11", CALIFORNIA))
                    .isEqualTo("2027-02-22");
        }

        @Test
        void moveACaliforniaHolidayOnASundayToTheMonday() {
            // Cal. Gov. Code 6701: "If ... September 9th ... falls upon a Sunday, the Monday following is a holiday".
            // 9 Sep 2029 is a Sunday: from Fri 7 Sep 2029, Mon 10 not, Tue 11 is the first business day
            assertThat(due(rule(1, Unit.BUSINESS_DAYS), "2029-09-07", CALIFORNIA))
                    .isEqualTo("2029-09-11");
            // 12 Feb 2028 is a Saturday: 6701 moves only a Sunday's (and 11 November's) holiday; Mon 14 Feb counts
            assertThat(due(rule(1, Unit.BUSINESS_DAYS), "2028-02-11", CALIFORNIA))
                    .isEqualTo("2028-02-14");
        }

        @Test
        void countCesarChavezDayAndGoodFridayTheSafeSide() {
            // 6700(a)(16)(B): Cesar Chavez Day (31 March) does not apply to a district unless its board makes it so;
            // Good Friday is a holiday "from 12 noon until 3 p.m." only. Both count: Wed 31 Mar 2027 from Tue 30
            assertThat(due(rule(1, Unit.BUSINESS_DAYS), "2027-03-30", CALIFORNIA))
                    .isEqualTo("2027-03-31");
            // Good Friday 2027 is 26 March: from Thu 25, Fri 26 is the first business day
            assertThat(due(rule(1, Unit.BUSINESS_DAYS), "2027-03-25", CALIFORNIA))
                    .isEqualTo("2027-03-26");
        }

        @Test
        void countSummerWeekdays() {
            assertThat(due(rule(3, Unit.BUSINESS_DAYS), "2027-06-01", ONE_YEAR)).isEqualTo("2027-06-04");
        }
    }

    @Nested
    class YearsAndBirthdays {

        @Test
        void anAnnualReviewFromTheTwentyNinthOfFebruaryFallsOnTheTwentyEighth() {
            assertThat(due(rule(1, Unit.YEARS), "2028-02-29", NONE)).isEqualTo("2029-02-28");
            assertThat(due(rule(3, Unit.YEARS), "2026-11-29", NONE)).isEqualTo("2029-11-29");
        }

        @Test
        void aPauseMovesNeitherAnAnniversaryNorABirthday() {
            // 34 CFR 300.324(b)(1)(i) "not less than annually", 300.320(b) the IEP in effect when the child turns 16:
            // dates, not counts of days: a pause (ended or still open) leaves them where they are
            List<Pause> pauses = List.of(
                    new Pause(LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-20")),
                    new Pause(LocalDate.parse("2027-03-01"), null));
            assertThat(DeadlineCounter.count(rule(1, Unit.YEARS), LocalDate.parse("2026-11-29"), NONE, pauses)
                            .date())
                    .isEqualTo("2027-11-29");
            assertThat(DeadlineCounter.count(rule(16, Unit.BIRTHDAY), LocalDate.parse("2011-05-02"), NONE, pauses)
                            .date())
                    .isEqualTo("2027-05-02");
        }

        @Test
        void aBirthdayClockFallsOnTheBirthday() {
            assertThat(due(rule(16, Unit.BIRTHDAY), "2012-02-29", NONE)).isEqualTo("2028-02-29");
            assertThat(due(rule(15, Unit.BIRTHDAY), "2012-02-29", NONE)).isEqualTo("2027-02-28");
            assertThat(due(rule(3, Unit.BIRTHDAY), "2024-05-17", NONE)).isEqualTo("2027-05-17");
        }
    }

    private static ClockRule rule(int count, Unit unit) {
        return new ClockRule(
                ClockKind.INITIAL_EVALUATION,
                "US",
                count,
                unit,
                Direction.AFTER,
                Exclusion.NONE,
                ClockStart.CONSENT,
                "test");
    }

    private static String due(ClockRule rule, String start, DistrictCalendar calendar) {
        Due due = DeadlineCounter.count(rule, LocalDate.parse(start), calendar, List.of());
        assertThat(due.unknownReason()).isNull();
        return due.date().toString();
    }

    private static NoSchool day(String date, String name) {
        return new NoSchool(LocalDate.parse(date), LocalDate.parse(date), name);
    }
}

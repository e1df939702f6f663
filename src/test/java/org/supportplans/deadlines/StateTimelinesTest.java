package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportplans.deadlines.DeadlineCounterTest.ONE_YEAR;
import static org.supportplans.deadlines.DeadlineCounterTest.TWO_YEARS;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.ClockKind;
import org.supportplans.deadlines.DeadlineCounter.Due;

/**
 * Every state's rules as the table ({@code processes/clock-rules.dmn}) gives them, counted on the calendar of
 * {@link DeadlineCounterTest}: 2026-2027 from Mon 17 Aug 2026 to Thu 27 May 2027 without school on Labor Day
 * (Mon 7 Sep), Thanksgiving week (23-27 Nov), the winter break (Mon 21 Dec - Fri 1 Jan), MLK Day (Mon 18 Jan) and
 * spring break (22-26 Mar); 2027-2028 from Mon 16 Aug 2027 to Thu 25 May 2028 without days off. Each expected date
 * is worked out by hand from the rule's text in the comment beside it, never from our code.
 *
 * <p>Counts used more than once, consent on Tue 1 Sep 2026, school days after it: Sep 2-4 (3), Sep 8-11 (7, Labor
 * Day off), 14-18 (12), 21-25 (17), Sep 28-Oct 2 (22), Oct 5-9 (27), 12-16 (32), 19-23 (37), 26-30 (42), Nov 2-4
 * (45), Nov 5-6 (47), 9-13 (52), 16-20 (57), Thanksgiving week off, Nov 30 (58), Dec 1 (59), Dec 2 (60).
 *
 * <p>School days left in 2026-2027 after a date, up to and including the last day Thu 27 May 2027: April has 22
 * (Apr 1-2, then four full weeks), May 19 (May 3-7, 10-14, 17-21, 24-27), so 41 after Wed 31 Mar; 29 after Fri 16
 * Apr (Apr 19-30: 10, May: 19); 45 after Thu 18 Mar (Fri 19 Mar, spring break, Mar 29-31, then 41).
 */
class StateTimelinesTest {

    private static final LocalDate SEP_1_2026 = LocalDate.of(2026, 9, 1);

    @BeforeAll
    static void readTheTable() throws IOException {
        ClockRulesTest.readTheTable();
    }

    @Test
    void texasCountsFortyFiveSchoolDaysToTheWrittenReport() {
        // Tex. Educ. Code 29.004(a): the report not later than the 45th school day after consent: 45th is Wed 4 Nov
        assertThat(due("TX", ClockKind.INITIAL_EVALUATION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-11-04");
    }

    @Test
    void texasJuneThirtyWhenConsentCameThirtyFiveToFortyFourSchoolDaysBeforeTheLastDay() {
        // 29.004(a-1): consent Wed 31 Mar 2027, 41 school days before the last instructional day: due 30 June 2027,
        // known without the next year's calendar
        assertThat(due("TX", ClockKind.INITIAL_EVALUATION, "2027-03-31", ONE_YEAR))
                .isEqualTo("2027-06-30");
        // Fri 19 Mar (spring break follows): 44 school days left, still the band
        assertThat(due("TX", ClockKind.INITIAL_EVALUATION, "2027-03-19", ONE_YEAR))
                .isEqualTo("2027-06-30");
        // Thu 18 Mar: 45 school days left, not "less than 45": the 45th school day is the last day, Thu 27 May
        assertThat(due("TX", ClockKind.INITIAL_EVALUATION, "2027-03-18", ONE_YEAR))
                .isEqualTo("2027-05-27");
    }

    @Test
    void texasCountsIntoTheNextYearWhenFewerThanThirtyFiveSchoolDaysWereLeft() {
        // consent Fri 16 Apr 2027: 29 school days left (< 35): 29 this year, then 16 in 2027-2028: Aug 16-20 (5),
        // 23-27 (10), Aug 30-Sep 3 (15), Mon 6 Sep (16)
        assertThat(due("TX", ClockKind.INITIAL_EVALUATION, "2027-04-16", TWO_YEARS))
                .isEqualTo("2027-09-06");
        // without the 2027-2028 calendar: provisional, every weekday from Thu 1 July a school day: Jul 1-2 (31),
        // 5-9 (36), 12-16 (41), 19 (42), 20 (43), 21 (44), Thu 22 July 2027 (45)
        assertProvisional(
                count("TX", ClockKind.INITIAL_EVALUATION, "2027-04-16", "2027-04-16", ONE_YEAR), "2027-07-22");
    }

    @Test
    void texasExtendsTheEvaluationByTheSchoolDaysAbsentWhenThreeOrMore() {
        // 29.004(a): consent Tue 1 Sep 2026, the 45th school day Wed 4 Nov; absent Sep 10, Oct 1 and Oct 20 (three
        // school days during the period): extended by 3 school days: Thu 5 (1), Fri 6 (2), Mon 9 Nov 2026 (3)
        ClockRule texas = ClockRulesTest.rule("TX", ClockKind.INITIAL_EVALUATION);
        Set<LocalDate> three = Set.of(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20));
        assertThat(DeadlineCounter.count(texas, SEP_1_2026, SEP_1_2026, TWO_YEARS, List.of(), three)
                        .date())
                .isEqualTo("2026-11-09");
        // two absences extend nothing; an absence on Labor Day (no school) is no school day absent
        Set<LocalDate> two = Set.of(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 1));
        assertThat(DeadlineCounter.count(texas, SEP_1_2026, SEP_1_2026, TWO_YEARS, List.of(), two)
                        .date())
                .isEqualTo("2026-11-04");
        // 29.004(a-1): consent Wed 31 Mar 2027 (the June 30 band) but absent three days: subsection (a) applies:
        // 41 school days to 27 May, then Aug 16-19 2027 (45), extended by 3: Fri 20 (1), Mon 23 (2), Tue 24 Aug (3)
        Set<LocalDate> spring = Set.of(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 6), LocalDate.of(2027, 4, 7));
        assertThat(DeadlineCounter.count(texas, LocalDate.of(2027, 3, 31), null, TWO_YEARS, List.of(), spring)
                        .date())
                .isEqualTo("2027-08-24");
    }

    @Test
    void texasArdMeetingWithinThirtyDaysOfTheReportOrOnTheFirstDayOfSchoolAfterASummer() {
        // 19 TAC 89.1011: report Mon 2 Nov 2026 + 30 calendar days = Wed 2 Dec 2026
        assertThat(due("TX", ClockKind.IEP_MEETING, "2026-11-02", TWO_YEARS)).isEqualTo("2026-12-02");
        // report Thu 20 May 2027 + 30 = Sat 19 Jun 2027, summer (school not in session): the first day of classes,
        // Mon 16 Aug 2027
        assertThat(due("TX", ClockKind.IEP_MEETING, "2027-05-20", TWO_YEARS)).isEqualTo("2027-08-16");
    }

    @Test
    void illinoisSixtySchoolDaysForEligibilityAndTheIepMeeting() {
        // 23 Ill. Adm. Code 226.110: 60 school days after consent: Wed 2 Dec 2026, both clocks
        assertThat(due("IL", ClockKind.INITIAL_EVALUATION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-12-02");
        assertThat(due("IL", ClockKind.STATE_EVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-12-02");
    }

    @Test
    void illinoisBeforeTheNextSchoolYearWhenFewerThanSixtySchoolDaysWereLeft() {
        // consent Wed 31 Mar 2027, 41 school days left (< 60): before the first day of 2027-2028 (Mon 16 Aug): Sun 15
        assertThat(due("IL", ClockKind.STATE_EVALUATION_TIMELINE, "2027-03-31", TWO_YEARS))
                .isEqualTo("2027-08-15");
        assertThat(due("IL", ClockKind.INITIAL_EVALUATION, "2027-03-31", TWO_YEARS))
                .isEqualTo("2027-08-15");
        // without the next year's calendar its first day is taken as the first weekday of July, Thu 1 July 2027:
        // provisional Wed 30 June 2027
        assertProvisional(
                count("IL", ClockKind.STATE_EVALUATION_TIMELINE, "2027-03-31", "2027-03-31", ONE_YEAR), "2027-06-30");
    }

    @Test
    void californiaSixtyDaysToTheIepNotCountingTheWinterBreak() {
        // Cal. Educ. Code 56344(a): 60 days, not counting school vacation in excess of five school days. Consent Tue
        // 1 Dec 2026: Dec 2-18 are days 1-17; Sat 19 Dec - Sun 3 Jan is the winter break with its weekends (10
        // school days off); Mon 4 Jan is day 18, Sun 31 Jan day 45, Mon 15 Feb 2027 day 60 (MLK Day is one day off)
        assertThat(due("CA", ClockKind.STATE_EVALUATION_TIMELINE, "2026-12-01", TWO_YEARS))
                .isEqualTo("2027-02-15");
    }

    @Test
    void californiaThirtyDaysIntoTheNextYearForAReferralThirtyDaysOrLessBeforeTheYearsEnd() {
        // referral Mon 3 May 2027, 24 days before the last day Thu 27 May (<= 30); consent Mon 10 May: the IEP within
        // 30 days after the next regular school year begins: Mon 16 Aug 2027 + 30 = Wed 15 Sep 2027
        assertThat(count("CA", ClockKind.STATE_EVALUATION_TIMELINE, "2027-05-10", "2027-05-03", TWO_YEARS)
                        .date())
                .isEqualTo("2027-09-15");
        // without it: the next year taken to begin Thu 1 July: provisional Sat 31 July 2027
        assertProvisional(
                count("CA", ClockKind.STATE_EVALUATION_TIMELINE, "2027-05-10", "2027-05-03", ONE_YEAR), "2027-07-31");
        // referral Fri 23 Apr 2027, 34 days before the last day (> 30), consent Mon 26 Apr: the 60 days, the summer
        // not counted: Apr 27-30 and May 1-27 are days 1-31, Fri 28 May - Sun 15 Aug is vacation, Mon 16 Aug is day
        // 32, day 60 is Mon 13 Sep 2027
        assertThat(count("CA", ClockKind.STATE_EVALUATION_TIMELINE, "2027-04-26", "2027-04-23", TWO_YEARS)
                        .date())
                .isEqualTo("2027-09-13");
    }

    @Test
    void massachusettsFortyFiveSchoolWorkingDaysOrFourteenDaysAfterTheYearsEnd() {
        // 603 CMR 28.05(1): 45 school working days after consent: Wed 4 Nov 2026
        assertThat(due("MA", ClockKind.STATE_EVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-11-04");
        // consent Wed 31 Mar 2027, 41 school working days before the end of the year (within 30 to 45): no later
        // than 14 days after the end of the school year: Thu 27 May + 14 = Thu 10 Jun 2027
        assertThat(due("MA", ClockKind.STATE_EVALUATION_TIMELINE, "2027-03-31", ONE_YEAR))
                .isEqualTo("2027-06-10");
        // consent Fri 16 Apr 2027, 29 left (< 30): the 45 school working days run into the next year: Mon 6 Sep
        assertThat(due("MA", ClockKind.STATE_EVALUATION_TIMELINE, "2027-04-16", TWO_YEARS))
                .isEqualTo("2027-09-06");
    }

    @Test
    void michiganThirtySchoolDaysToTheNoticeAcrossTheWinterBreak() {
        // Mich. Admin. Code R 340.1721b(1)(a): 30 school days after consent: Wed 14 Oct 2026
        assertThat(due("MI", ClockKind.STATE_EVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-14");
        // consent Mon 14 Dec 2026: Dec 15-18 (4), winter break, Jan 4-8 (9), 11-15 (14), MLK Day off, 19-22 (18),
        // 25-29 (23), Feb 1-5 (28), Mon 8 (29), Tue 9 Feb 2027 (30)
        assertThat(due("MI", ClockKind.STATE_EVALUATION_TIMELINE, "2026-12-14", TWO_YEARS))
                .isEqualTo("2027-02-09");
    }

    @Test
    void newJerseyNinetyCalendarDaysToTheIepImplemented() {
        // N.J.A.C. 6A:14-3.4(e): 90 calendar days after consent: Sep 1 + 29 = Sep 30, + 31 = Oct 31, + 30 = Mon 30 Nov
        assertThat(due("NJ", ClockKind.STATE_EVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-11-30");
    }

    @Test
    void connecticutFortyFiveSchoolDaysFromTheReferralBesideTheFederalSixtyFromConsent() {
        // RCSA 10-76d-13(a)(1): referral Tue 1 Sep 2026 + 45 school days: Wed 4 Nov 2026
        assertThat(due("CT", ClockKind.STATE_EVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-11-04");
        // not counting the days spent obtaining consent: requested Thu 3 Sep, given Mon 14 Sep (Sep 3-13 not
        // counted): Wed 2 Sep (1), Sep 14-18 (6), 21-25 (11), Sep 28-Oct 2 (16), Oct 5-9 (21), 12-16 (26),
        // 19-23 (31), 26-30 (36), Nov 2-6 (41), Nov 9 (42), 10 (43), 11 (44), Thu 12 Nov 2026 (45)
        ClockRule connecticut = ClockRulesTest.rule("CT", ClockKind.STATE_EVALUATION_TIMELINE);
        assertThat(DeadlineCounter.count(
                                connecticut,
                                SEP_1_2026,
                                TWO_YEARS,
                                List.of(new DeadlineCounter.Pause(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 13))))
                        .date())
                .isEqualTo("2026-11-12");
        // 34 CFR 300.301(c)(1)(i): consent Tue 1 Sep + 60 calendar days: Sep 30 is +29, Sat 31 Oct +60
        assertThat(due("CT", ClockKind.INITIAL_EVALUATION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-31");
    }

    @Test
    void newYorkSixtySchoolDaysToTheProgramInPlace() {
        // 8 NYCRR 200.4(e)(1): 60 school days after consent: Wed 2 Dec 2026
        assertThat(due("NY", ClockKind.STATE_EVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-12-02");
        // 8 NYCRR 200.4(b)(7): eligibility within 60 calendar days: Sat 31 Oct 2026
        assertThat(due("NY", ClockKind.INITIAL_EVALUATION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-31");
    }

    @Test
    void washingtonThirtyFiveSchoolDays() {
        // WAC 392-172A-03005(3)(a): 35 school days after consent: Oct 19 (33), 20 (34), Wed 21 Oct 2026 (35)
        assertThat(due("WA", ClockKind.INITIAL_EVALUATION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-21");
    }

    @Test
    void pennsylvaniaSixtyCalendarDaysNotCountingTheSummer() {
        // 22 Pa. Code 14.123(b): consent Mon 10 May 2027: May 11-27 are days 1-17, the summer (Fri 28 May - Sun 15
        // Aug) is not counted, Mon 16 Aug is day 18, day 60 is Aug 16 + 42 = Mon 27 Sep 2027
        assertThat(due("PA", ClockKind.INITIAL_EVALUATION, "2027-05-10", TWO_YEARS))
                .isEqualTo("2027-09-27");
        // without the 2027-2028 calendar no summer is known after 30 June: Thu 1 July is day 18, Thu 12 Aug day 60
        assertProvisional(
                count("PA", ClockKind.INITIAL_EVALUATION, "2027-05-10", "2027-05-10", ONE_YEAR), "2027-08-12");
    }

    @Test
    void coloradoSixtyCalendarDaysAndTransitionAtFifteen() {
        // 1 CCR 301-8, 2220-R-4.02(4)(i): consent Tue 1 Sep 2026 + 60 days: Sat 31 Oct 2026
        assertThat(due("CO", ClockKind.INITIAL_EVALUATION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-31");
        // 2220-R-4.03(6)(d): the IEP in effect when the student turns 15: born 10 Mar 2012, 10 Mar 2027
        assertThat(due("CO", ClockKind.TRANSITION, "2012-03-10", TWO_YEARS)).isEqualTo("2027-03-10");
    }

    @Test
    void fromTheReferralToTheDecisionWhetherToEvaluate() {
        // 23 Ill. Adm. Code 226.110: 14 school days after the referral Tue 1 Sep 2026: Sep 2-4 (3), 8-11 (7),
        // 14-18 (12), Mon 21 (13), Tue 22 Sep (14)
        assertThat(due("IL", ClockKind.REFERRAL_DECISION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-09-22");
        // WAC 392-172A-03005(2)(c): 25 school days: Sep 28 - Oct 2 (22), Oct 5 (23), 6 (24), Wed 7 Oct (25)
        assertThat(due("WA", ClockKind.REFERRAL_DECISION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-07");
        // R 340.1721b(1)(a): 10 school days: Sep 11 is the 7th, Mon 14 (8), 15 (9), Wed 16 Sep (10)
        assertThat(due("MI", ClockKind.REFERRAL_DECISION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-09-16");
        // 603 CMR 28.04(1)(a): 5 school days: Sep 2-4 (3), Labor Day off, Tue 8 (4), Wed 9 Sep (5)
        assertThat(due("MA", ClockKind.REFERRAL_DECISION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-09-09");
        // Tex. Educ. Code 29.004(c): "not later than the 15th school day after the date the district receives the
        // request": Sep 2-4 (3), Labor Day off, 8-11 (7), 14-18 (12), Mon 21 (13), Tue 22 (14), Wed 23 Sep (15)
        assertThat(due("TX", ClockKind.REFERRAL_DECISION, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-09-23");
        // Cal. Educ. Code 56043(a): 15 days, vacations over 5 school days not counted: referral Mon 14 Dec 2026:
        // Dec 15-18 (4), Sat 19 Dec - Sun 3 Jan the winter break, Mon 4 Jan (5), Thu 14 Jan 2027 (15)
        assertThat(due("CA", ClockKind.REFERRAL_DECISION, "2026-12-14", TWO_YEARS))
                .isEqualTo("2027-01-14");
        // 56321(a): "the assessment plan shall be developed within 10 days after the commencement of the subsequent
        // regular school year ... for each pupil for whom a referral has been made 10 days or less prior to the end
        // of the regular school year": referral Mon 24 May 2027, 3 days before Thu 27 May; 2027-2028 begins Mon 16
        // Aug: 10 days after it, Thu 26 Aug 2027
        assertThat(due("CA", ClockKind.REFERRAL_DECISION, "2027-05-24", TWO_YEARS))
                .isEqualTo("2027-08-26");
        // referral Fri 14 May 2027, 13 days before the end: the 15 days, the summer not counted: May 15-27 (13),
        // Mon 16 Aug (14), Tue 17 Aug 2027 (15)
        assertThat(due("CA", ClockKind.REFERRAL_DECISION, "2027-05-14", TWO_YEARS))
                .isEqualTo("2027-08-17");
    }

    @Test
    void meetingNoticesCountedBackFromTheMeeting() {
        // 19 TAC 89.1050(h): notice "at least five school days before" the ARD meeting: meeting Tue 15 Sep 2026:
        // Mon 14 (1), Fri 11 (2), Thu 10 (3), Wed 9 (4), Labor Day Mon 7 not a school day, Tue 8 Sep (5)
        assertThat(due("TX", ClockKind.MEETING_NOTICE, "2026-09-15", TWO_YEARS)).isEqualTo("2026-09-08");
        // 23 Ill. Adm. Code 226.530(a): "no later than ten days prior to the proposed date of the meeting": meeting
        // Tue 15 Sep 2026, ten calendar days before: Sat 5 Sep 2026
        assertThat(due("IL", ClockKind.MEETING_NOTICE, "2026-09-15", TWO_YEARS)).isEqualTo("2026-09-05");
        // 8 NYCRR 200.5(c)(1): at least five days before: Thu 10 Sep 2026
        assertThat(due("NY", ClockKind.MEETING_NOTICE, "2026-09-15", TWO_YEARS)).isEqualTo("2026-09-10");
    }

    @Test
    void newJerseyTwentyDaysNotCountingSchoolHolidaysButCountingTheSummer() {
        // N.J.A.C. 6A:14-3.3(e): referral Mon 16 Nov 2026: Nov 17-22 (6), Thanksgiving break 23-27 not counted,
        // Sat 28 (7), Sun 29 (8), Mon 30 (9), Dec 1 (10) ... Fri 11 Dec 2026 (20)
        assertThat(due("NJ", ClockKind.REFERRAL_DECISION, "2026-11-16", TWO_YEARS))
                .isEqualTo("2026-12-11");
        // referral Fri 21 May 2027: May 22-31 (10), June 1-10 (20): the summer counts: Thu 10 Jun 2027
        assertThat(due("NJ", ClockKind.REFERRAL_DECISION, "2027-05-21", TWO_YEARS))
                .isEqualTo("2027-06-10");
    }

    @Test
    void reevaluationsByTheStatesTimelines() {
        // WAC 392-172A-03015(3)(a): 35 school days after consent: Wed 21 Oct 2026
        assertThat(due("WA", ClockKind.REEVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-10-21");
        // 603 CMR 28.05(1): 45 school working days after consent to a reevaluation: Wed 4 Nov 2026
        assertThat(due("MA", ClockKind.REEVALUATION_TIMELINE, SEP_1_2026, TWO_YEARS))
                .isEqualTo("2026-11-04");
        // 22 Pa. Code 14.124(b): 60 days, the summer not counted: consent Mon 10 May 2027: Mon 27 Sep 2027
        assertThat(due("PA", ClockKind.REEVALUATION_TIMELINE, "2027-05-10", TWO_YEARS))
                .isEqualTo("2027-09-27");
        // no state count (district policy): 60 calendar days: Thu 1 Oct 2026 + 60 = Mon 30 Nov 2026
        assertThat(due("CO", ClockKind.REEVALUATION_TIMELINE, "2026-10-01", TWO_YEARS))
                .isEqualTo("2026-11-30");
        assertThat(ClockRulesTest.rule("CO", ClockKind.REEVALUATION_TIMELINE).citation())
                .startsWith("district policy");
    }

    @Test
    void californiaShowsTheRecordsWithinFiveBusinessDays() {
        // Cal. Educ. Code 56504: request Mon 21 Dec 2026 (winter break: business days all the same): Tue 22 (1),
        // Wed 23 (2), Thu 24 (3), Fri 25 Christmas Day not, Mon 28 (4), Tue 29 Dec 2026 (5)
        assertThat(due("CA", ClockKind.RECORDS_REQUEST, "2026-12-21", TWO_YEARS))
                .isEqualTo("2026-12-29");
    }

    @Test
    void transitionAgesByState() {
        // 105 ILCS 5/14-8.03(a-5): the first IEP in effect when the student turns 14 1/2: born 15 Sep 2012,
        // 15 Mar 2027
        ClockRule illinois = ClockRulesTest.rule("IL", ClockKind.TRANSITION);
        assertThat(illinois.counted()).isEqualTo("by the age of 14 years and 6 months");
        assertThat(due("IL", ClockKind.TRANSITION, "2012-09-15", TWO_YEARS)).isEqualTo("2027-03-15");
        // 8 NYCRR 200.4(d)(2)(ix): 15; born 10 Mar 2012: 10 Mar 2027
        assertThat(due("NY", ClockKind.TRANSITION, "2012-03-10", TWO_YEARS)).isEqualTo("2027-03-10");
        // 14 in Texas (Tex. Educ. Code 29.0111: "not later than when the student reaches 14 years of age"),
        // Massachusetts (603 CMR 28.05(4)(c); M.G.L. c. 71B, s. 2), Pennsylvania (22 Pa. Code
        // 14.131(a)(5)): 10 Mar 2026
        for (String state : List.of("TX", "MA", "PA")) {
            assertThat(due(state, ClockKind.TRANSITION, "2012-03-10", TWO_YEARS))
                    .as(state)
                    .isEqualTo("2026-03-10");
        }
        // 34 CFR 300.320(b): 16 elsewhere
        assertThat(due("WY", ClockKind.TRANSITION, "2012-03-10", TWO_YEARS)).isEqualTo("2028-03-10");
    }

    @Test
    void noStateTimelineWhereTheStateHasNone() {
        assertThat(count("CO", ClockKind.STATE_EVALUATION_TIMELINE, "2026-09-01", "2026-09-01", TWO_YEARS)
                        .known())
                .isFalse();
    }

    private static void assertProvisional(Due due, String date) {
        assertThat(due.date()).isEqualTo(date);
        assertThat(due.provisional()).isTrue();
        assertThat(due.unknownReason()).startsWith("Provisional: the school calendar 2027-2028 is not loaded yet");
    }

    private static LocalDate due(String state, ClockKind kind, LocalDate start, DistrictCalendar calendar) {
        return count(state, kind, start.toString(), start.toString(), calendar).date();
    }

    private static LocalDate due(String state, ClockKind kind, String start, DistrictCalendar calendar) {
        return count(state, kind, start, start, calendar).date();
    }

    private static Due count(String state, ClockKind kind, String start, String referredOn, DistrictCalendar cal) {
        ClockRule rule = ClockRulesTest.rule(state, kind);
        return DeadlineCounter.count(rule, LocalDate.parse(start), LocalDate.parse(referredOn), cal, List.of());
    }
}

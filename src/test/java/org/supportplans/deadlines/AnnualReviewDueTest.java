package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.CaseClocks;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStop;

/**
 * The annual-review clock of an IEP, started as the case starts it: by the federal rule a year from the IEP meeting
 * (34 CFR 300.324(b)(1)(i)), and by the day the next IEP must start when the IEP in effect ends before the
 * anniversary: the review writes the next IEP, which starts by the day after the one in effect ends (300.323(a)).
 * The meeting is on Wednesday 16 September 2026.
 */
class AnnualReviewDueTest {

    static final LocalDate MEETING = LocalDate.of(2026, 9, 16);
    static ClockRule rule;
    // a year is not counted in school days: no calendar is read
    static final DistrictCalendar NO_CALENDAR = new DistrictCalendar("demo-district", List.of());

    @BeforeAll
    static void readTheFederalRule() throws IOException {
        ClockRulesTest.readTheTable();
        rule = ClockRulesTest.rule("CO", ClockKind.ANNUAL_REVIEW);
    }

    /** The clock started at the meeting, limited as the case limits it for an IEP that ends on that day. */
    static Clock startedFor(LocalDate iepLastDay) {
        Clock clock = new Clock("case-maya", "lincoln-elementary", rule, MEETING);
        clock.due(
                DeadlineCounter.count(rule, MEETING, NO_CALENDAR, List.of()),
                new CaseClocks.DueBy(
                        iepLastDay.plusDays(1),
                        "the IEP in effect ends on " + iepLastDay + " and the next one must start by the day after",
                        "34 CFR 300.323(a)"));
        return clock;
    }

    @Test
    void anIepEndingInJuneIsReviewedByTheDayAfterItEnds() {
        // IEP 2026-09-16 to 2027-06-30. 300.324(b)(1)(i): 2026-09-16 + 1 year = 2027-09-16; 300.323(a): the next IEP
        // starts by 2027-06-30 + 1 day = 2027-07-01, which comes first: due 2027-07-01. Warned 60 and 14 days before
        // (a yearly clock): 2027-07-01 - 60 days = 2027-05-02, - 14 days = 2027-06-17
        Clock clock = startedFor(LocalDate.of(2027, 6, 30));

        assertThat(clock.effectiveDue()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(clock.getFirstWarningOn()).isEqualTo(LocalDate.of(2027, 5, 2));
        assertThat(clock.getFinalWarningOn()).isEqualTo(LocalDate.of(2027, 6, 17));
        // what the coordinator reads beside the date (the deadlines list, the case's clocks, the calendar feed)
        assertThat(clock.getRuleText())
                .isEqualTo(
                        "1 year after plan meeting (34 CFR 300.324(b)(1)(i)); by 2027-07-01 at the latest: the IEP in"
                                + " effect ends on 2027-06-30 and the next one must start by the day after (34 CFR"
                                + " 300.323(a))");
        assertThat(clock.getLegalBasis()).isEqualTo("34 CFR 300.324(b)(1)(i); 34 CFR 300.323(a)");
    }

    @Test
    void theLimitHoldsWhenTheClockIsCountedAgain() {
        // a pause (and a school calendar's change) recounts the clock from its rule: the limit stays
        Clock clock = startedFor(LocalDate.of(2027, 6, 30));
        clock.pause(LocalDate.of(2027, 1, 11), ReasonCode.OTHER, "The family was abroad.");
        clock.resume(LocalDate.of(2027, 2, 1));

        clock.due(DeadlineCounter.count(rule, MEETING, NO_CALENDAR, clock.countedPauses()));

        assertThat(clock.effectiveDue()).isEqualTo(LocalDate.of(2027, 7, 1));
    }

    @Test
    void aReviewOnTheDayTheNextIepStartsIsInTime() {
        // held on 2027-07-01, the new IEP from that day: no day without an IEP, the clock met; a day later, late
        Clock onTime = startedFor(LocalDate.of(2027, 6, 30));
        Clock late = startedFor(LocalDate.of(2027, 6, 30));

        onTime.stop(ClockStop.ANNUAL_REVIEW_HELD, LocalDate.of(2027, 7, 1));
        late.stop(ClockStop.ANNUAL_REVIEW_HELD, LocalDate.of(2027, 7, 2));

        assertThat(onTime.getStatus()).isEqualTo(ClockStatus.MET);
        assertThat(late.getStatus()).isEqualTo(ClockStatus.MET_LATE);
    }

    @Test
    void aYearLongIepIsReviewedByTheAnniversaryAsBefore() {
        // IEP 2026-09-16 to 2027-09-15 (a year less a day): the next IEP starts by 2027-09-16, the anniversary itself;
        // not earlier, so the clock is the rule's alone: due 2027-09-16, its text and basis unchanged
        Clock clock = startedFor(LocalDate.of(2027, 9, 15));

        assertThat(clock.effectiveDue()).isEqualTo(LocalDate.of(2027, 9, 16));
        assertThat(clock.getRuleText()).isEqualTo("1 year after plan meeting (34 CFR 300.324(b)(1)(i))");
        assertThat(clock.getLegalBasis()).isEqualTo("34 CFR 300.324(b)(1)(i)");
    }

    @Test
    void anIepEndingAfterTheAnniversaryIsReviewedByTheAnniversary() {
        // IEP 2026-09-18 to 2027-09-17 (it started two days after the meeting): 2027-09-18 is after 2027-09-16
        Clock clock = startedFor(LocalDate.of(2027, 9, 17));

        assertThat(clock.effectiveDue()).isEqualTo(LocalDate.of(2027, 9, 16));
    }
}

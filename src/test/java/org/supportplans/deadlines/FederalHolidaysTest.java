package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The legal public holidays of 5 U.S.C. 6103(a), on the days observed (6103(b)), worked out on the calendar. */
class FederalHolidaysTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2027-01-18, true, MLK Day: the third Monday of January 2027 (4, 11, 18)",
        "2027-02-15, true, Washington's Birthday: the third Monday of February 2027 (1, 8, 15)",
        "2026-05-25, true, Memorial Day: the last Monday of May 2026",
        "2026-06-19, true, Juneteenth on a Friday",
        "2026-07-03, true, Independence Day 2026 is a Saturday: observed Friday 3 July",
        "2027-07-05, true, Independence Day 2027 is a Sunday: observed Monday 5 July",
        "2026-09-07, true, Labor Day: the first Monday of September 2026",
        "2026-10-12, true, Columbus Day: the second Monday of October 2026 (5, 12)",
        "2026-11-11, true, Veterans Day on a Wednesday",
        "2026-11-26, true, Thanksgiving: the fourth Thursday of November 2026 (5, 12, 19, 26)",
        "2027-12-24, true, Christmas Day 2027 is a Saturday: observed Friday 24 December",
        "2021-12-31, true, New Year's Day 2022 is a Saturday: observed Friday 31 December 2021",
        "2026-11-27, false, the day after Thanksgiving is no federal holiday",
        "2026-12-24, false, Christmas Eve on a Thursday is no federal holiday",
        "2027-03-22, false, a district's spring break is no federal holiday",
    })
    void holidays(LocalDate day, boolean holiday, String why) {
        assertThat(FederalHolidays.isHoliday(day)).as(why).isEqualTo(holiday);
    }
}

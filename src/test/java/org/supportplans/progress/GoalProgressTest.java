package org.supportplans.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportplans.deadlines.TestCalendars;

/** A goal against its line from baseline to target, and a report's due day, worked by hand. */
class GoalProgressTest {

    static final LocalDate FROM = LocalDate.of(2026, 9, 16);
    static final LocalDate TO = LocalDate.of(2027, 6, 30); // 287 days after FROM

    @Test
    void aRisingGoalIsOnTrackOnOrAboveItsLine() {
        // 15 days in: 40 + 20 x 15/287 = 41.045 -> 41.05
        GoalProgress above = GoalProgress.of(
                LocalDate.of(2026, 10, 1), new BigDecimal("42"), FROM, TO, new BigDecimal("40"), new BigDecimal("60"));
        GoalProgress below = GoalProgress.of(
                LocalDate.of(2026, 10, 1), new BigDecimal("41"), FROM, TO, new BigDecimal("40"), new BigDecimal("60"));

        assertThat(above.expected()).isEqualByComparingTo("41.05");
        assertThat(above.onTrack()).isTrue();
        assertThat(below.onTrack()).isFalse();
    }

    @Test
    void aFallingGoalIsOnTrackOnOrBelowItsLine() {
        // fewer outbursts a week, 10 to 2: 85 days in, 10 - 8 x 85/287 = 7.63
        GoalProgress progress = GoalProgress.of(
                LocalDate.of(2026, 12, 10), new BigDecimal("7"), FROM, TO, new BigDecimal("10"), new BigDecimal("2"));

        assertThat(progress.expected()).isEqualByComparingTo("7.63");
        assertThat(progress.onTrack()).isTrue();
    }

    @Test
    void theLineStopsAtTheTargetAfterTheLastDay() {
        assertThat(GoalProgress.expectedOn(
                        LocalDate.of(2027, 8, 1), FROM, TO, new BigDecimal("40"), new BigDecimal("60")))
                .isEqualByComparingTo("60");
    }

    @Test
    void aReportIsDueSchoolDaysAfterThePeriodsEndNotCountingABreak() {
        // fall break 22-23 October 2026: after Friday 16 October, 19, 20, 21, 26, 27
        var calendar = TestCalendars.of(
                "demo-district",
                "2026-2027",
                LocalDate.of(2026, 8, 17),
                LocalDate.of(2027, 5, 27),
                List.<LocalDate[]>of(new LocalDate[] {LocalDate.of(2026, 10, 22), LocalDate.of(2026, 10, 23)}));

        assertThat(ProgressReports.dueOn(calendar, LocalDate.of(2026, 10, 16), 5))
                .isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(ProgressReports.dueOn(calendar, LocalDate.of(2026, 10, 16), 0))
                .isEqualTo(LocalDate.of(2026, 10, 16));
    }
}

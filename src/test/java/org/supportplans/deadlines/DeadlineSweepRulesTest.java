package org.supportplans.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportplans.cases.ClockKind;
import org.supportplans.cases.ClockStart;

/**
 * The morning sweep's rules: a district is swept once a day from its sweep hour in its own time zone, a day missed
 * is caught up on the next run; a clock is warned once for each warning, the warnings a missed day reached at once.
 */
class DeadlineSweepRulesTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void aDistrictIsSweptOnceADayFromSevenInTheMorningOfItsTimeZone() {
        ZonedDateTime beforeSeven = ZonedDateTime.of(2026, 12, 3, 6, 59, 0, 0, DENVER);
        ZonedDateTime atSeven = beforeSeven.plusMinutes(1);
        assertThat(DeadlineSweeps.dayToSweep(beforeSeven, 7, LocalDate.of(2026, 12, 2)))
                .as("not yet its morning")
                .isEmpty();
        assertThat(DeadlineSweeps.dayToSweep(atSeven, 7, LocalDate.of(2026, 12, 2)))
                .contains(LocalDate.of(2026, 12, 3));
        assertThat(DeadlineSweeps.dayToSweep(atSeven.plusHours(5), 7, LocalDate.of(2026, 12, 3)))
                .as("swept today already")
                .isEmpty();
        assertThat(DeadlineSweeps.dayToSweep(atSeven, 7, null))
                .as("never swept")
                .contains(LocalDate.of(2026, 12, 3));
        // 14:00 UTC is 7:00 in Denver (MST, UTC-7) but 9:00 in New York: each district's own morning
        ZonedDateTime utc = ZonedDateTime.of(2026, 12, 3, 13, 30, 0, 0, ZoneId.of("UTC"));
        assertThat(DeadlineSweeps.dayToSweep(utc.withZoneSameInstant(DENVER), 7, null))
                .isEmpty();
        assertThat(DeadlineSweeps.dayToSweep(utc.withZoneSameInstant(ZoneId.of("America/New_York")), 7, null))
                .contains(LocalDate.of(2026, 12, 3));
    }

    @Test
    void aDayTheServiceWasDownIsSweptOnTheNextRun() {
        // last swept on Monday 30 November; the service was down Tuesday and Wednesday
        assertThat(DeadlineSweeps.dayToSweep(
                        ZonedDateTime.of(2026, 12, 3, 8, 0, 0, 0, DENVER), 7, LocalDate.of(2026, 11, 30)))
                .contains(LocalDate.of(2026, 12, 3));
    }

    @Test
    void aClockIsWarnedOnceForEachWarningAndADayMissedIsCaughtUp() {
        // records request: 45 calendar days (34 CFR 300.613(a)), from 1 October 2026: due 15 November;
        // warnings 10 and 3 days before: 5 and 12 November
        Clock clock = recordsRequest(LocalDate.of(2026, 10, 1));
        assertThat(clock.effectiveDue()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(clock.warn(LocalDate.of(2026, 11, 4)))
                .as("before the first warning")
                .isZero();
        assertThat(clock.warn(LocalDate.of(2026, 11, 5)))
                .as("the first warning")
                .isEqualTo(1);
        assertThat(clock.warn(LocalDate.of(2026, 11, 6))).as("given already").isZero();
        assertThat(clock.warn(LocalDate.of(2026, 11, 12)))
                .as("the final warning")
                .isEqualTo(2);
        assertThat(clock.warn(LocalDate.of(2026, 11, 13))).isZero();
        assertThat(clock.getRemindersSent()).isEqualTo(2);

        Clock missedDays = recordsRequest(LocalDate.of(2026, 10, 1));
        assertThat(missedDays.warn(LocalDate.of(2026, 11, 13)))
                .as("the service down from 4 to 12 November: the final warning the next morning, once")
                .isEqualTo(2);
        assertThat(missedDays.getRemindersSent()).isEqualTo(2);
    }

    @Test
    void aClockIsOverdueTheDayAfterItsDueDateAndAPausedOneIsNotWarned() {
        Clock clock = recordsRequest(LocalDate.of(2026, 10, 1));
        assertThat(clock.markOverdue(LocalDate.of(2026, 11, 15)))
                .as("on its due date")
                .isFalse();
        assertThat(clock.markOverdue(LocalDate.of(2026, 11, 16))).isTrue();
        assertThat(clock.getStatus()).isEqualTo(ClockStatus.OVERDUE);
        assertThat(clock.warn(LocalDate.of(2026, 11, 16)))
                .as("an overdue clock is not warned")
                .isZero();

        Clock paused = recordsRequest(LocalDate.of(2026, 10, 1));
        paused.pause(LocalDate.of(2026, 11, 1), ReasonCode.OTHER, "Records held by the court.");
        assertThat(paused.warn(LocalDate.of(2026, 11, 13))).isZero();
        assertThat(paused.markOverdue(LocalDate.of(2026, 11, 20))).isFalse();
    }

    private static Clock recordsRequest(LocalDate start) {
        ClockRule rule = new ClockRule(
                ClockKind.RECORDS_REQUEST,
                "US",
                45,
                ClockRule.Unit.CALENDAR_DAYS,
                ClockRule.Direction.AFTER,
                ClockRule.Exclusion.NONE,
                ClockStart.REQUEST,
                "34 CFR 300.613(a)");
        Clock clock = new Clock("case-1", "lincoln-elementary", rule, start, start, null);
        clock.due(DeadlineCounter.count(rule, start, start, null, List.of()));
        return clock;
    }
}

package org.supportplans;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Pins "today" for a test class whose expected dates count from it: the engine's clock (and so the
 * service's {@code java.time.Clock}, which reads it) is set to the coming Wednesday at 10:00 in the demo
 * district, and runs on from there. The test's {@link Referrals#today()} reads the same clock, so a test
 * that starts at 23:59 in Denver cannot count from another day than the service, and none runs on a
 * weekend. The offset is the engine's ({@link ClockUtil#offset}): timers and the job executor keep
 * working; it is reset after the class.
 */
public class PinnedToday implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalDate wednesday =
                LocalDate.now(Referrals.DEMO_ZONE).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        Instant pinned = wednesday
                .atTime(LocalTime.of(10, 0))
                .atZone(Referrals.DEMO_ZONE)
                .toInstant();
        ClockUtil.offset(pinned.toEpochMilli() - System.currentTimeMillis());
    }

    /**
     * Moves the engine's clock (and the service's) to 10:00 on that day in the demo district, for a test that
     * lives through the years of a case; the clock is reset after the class.
     */
    public static void moveTo(LocalDate day) {
        Instant at = day.atTime(LocalTime.of(10, 0)).atZone(Referrals.DEMO_ZONE).toInstant();
        ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClockUtil.reset();
    }
}

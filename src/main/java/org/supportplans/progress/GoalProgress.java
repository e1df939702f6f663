package org.supportplans.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether a goal is on track: its latest data point against the straight line from the baseline, on the first day
 * of the plan version, to the target, on its last day (the aim line of curriculum-based measurement). On track when
 * the point is on the line or beyond it toward the target (above it for a goal that rises, below for one that
 * falls, such as fewer outbursts a week).
 */
record GoalProgress(LocalDate latestOn, BigDecimal latest, BigDecimal expected, boolean onTrack) {

    static BigDecimal expectedOn(LocalDate day, LocalDate from, LocalDate to, BigDecimal baseline, BigDecimal target) {
        long span = ChronoUnit.DAYS.between(from, to);
        long elapsed = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(from, day)));
        if (span <= 0) {
            return target.setScale(2, RoundingMode.HALF_UP);
        }
        return baseline.add(target.subtract(baseline)
                        .multiply(BigDecimal.valueOf(elapsed))
                        .divide(BigDecimal.valueOf(span), 10, RoundingMode.HALF_UP))
                .setScale(2, RoundingMode.HALF_UP);
    }

    static GoalProgress of(
            LocalDate latestOn,
            BigDecimal latest,
            LocalDate from,
            LocalDate to,
            BigDecimal baseline,
            BigDecimal target) {
        BigDecimal expected = expectedOn(latestOn, from, to, baseline, target);
        boolean rises = target.compareTo(baseline) >= 0;
        boolean onTrack = rises ? latest.compareTo(expected) >= 0 : latest.compareTo(expected) <= 0;
        return new GoalProgress(latestOn, latest, expected, onTrack);
    }
}

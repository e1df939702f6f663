package org.supportplans.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;

/**
 * Medians and percentiles of durations in days, computed here so that every database gives the same figures.
 * The p-th percentile is PostgreSQL's {@code percentile_cont(p)}: the values sorted, the position
 * p × (n − 1) counted from 0, and between the two values around it a straight line (10, 20, 30, 40: the
 * median is 25, the 90th percentile 37).
 */
final class Percentiles {

    private final int[] sorted;

    private Percentiles(int[] sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(Collection<Integer> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    int count() {
        return sorted.length;
    }

    int max() {
        return sorted[sorted.length - 1];
    }

    double median() {
        return percentile(0.5);
    }

    /** The p-th percentile (0 ≤ p ≤ 1) by linear interpolation, as {@code percentile_cont}. */
    double percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a percentile is between 0 and 1: " + p);
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Rounded to one decimal, half up: a median of days is a whole or a half day, a 90th percentile a tenth. */
    static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** part / whole × 100 to one decimal, half up; null when the whole is 0. */
    static Double percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}

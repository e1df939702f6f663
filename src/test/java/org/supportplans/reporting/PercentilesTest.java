package org.supportplans.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Medians and percentiles as PostgreSQL's {@code percentile_cont} gives them: each expected value below is
 * worked out by hand (sorted values v0..v(n-1), position p × (n − 1), a straight line between the values
 * around it) and was checked against {@code percentile_cont} on PostgreSQL 15.
 */
class PercentilesTest {

    @Test
    void betweenTwoValuesTheLineIsStraight() {
        // 10 20 30 40: median at 1.5 -> 20 + 0.5 × 10 = 25; p90 at 2.7 -> 30 + 0.7 × 10 = 37; p25 at 0.75 -> 17.5
        Percentiles days = Percentiles.of(List.of(40, 10, 30, 20));

        assertThat(days.median()).isEqualTo(25.0);
        assertThat(days.percentile(0.9)).isCloseTo(37.0, within(1e-9));
        assertThat(days.percentile(0.25)).isEqualTo(17.5);
        assertThat(days.max()).isEqualTo(40);
        assertThat(days.count()).isEqualTo(4);
    }

    @Test
    void anOddCountHasItsMiddleValueAsMedian() {
        // 12 30 41 58 63: median at 2 -> 41; p90 at 3.6 -> 58 + 0.6 × 5 = 61; p25 at 1 -> 30
        Percentiles days = Percentiles.of(List.of(63, 41, 12, 58, 30));

        assertThat(days.median()).isEqualTo(41.0);
        assertThat(days.percentile(0.9)).isCloseTo(61.0, within(1e-9));
        assertThat(days.percentile(0.25)).isEqualTo(30.0);
        assertThat(days.max()).isEqualTo(63);
    }

    @Test
    void oneValueIsEveryPercentile() {
        Percentiles days = Percentiles.of(List.of(7));

        assertThat(days.median()).isEqualTo(7.0);
        assertThat(days.percentile(0.9)).isEqualTo(7.0);
        assertThat(days.percentile(0)).isEqualTo(7.0);
        assertThat(days.percentile(1)).isEqualTo(7.0);
    }

    @Test
    void twoValues() {
        // 1 2: median at 0.5 -> 1.5; p90 at 0.9 -> 1.9
        Percentiles days = Percentiles.of(List.of(2, 1));

        assertThat(days.median()).isEqualTo(1.5);
        assertThat(Percentiles.oneDecimal(days.percentile(0.9))).isEqualTo(1.9);
    }

    @Test
    void anOutlierPullsTheNinetiethPercentileNotTheMedian() {
        // 3 5 5 5 8 13 100: median at 3 -> 5; p90 at 5.4 -> 13 + 0.4 × 87 = 47.8
        // (PostgreSQL prints 47.80000000000003: the report rounds to one decimal)
        Percentiles days = Percentiles.of(List.of(5, 5, 5, 100, 3, 8, 13));

        assertThat(days.median()).isEqualTo(5.0);
        assertThat(days.percentile(0.9)).isCloseTo(47.8, within(1e-9));
        assertThat(Percentiles.oneDecimal(days.percentile(0.9))).isEqualTo(47.8);
        assertThat(days.max()).isEqualTo(100);
    }

    @Test
    void theEndsAreTheSmallestAndTheLargestAndNegativeDaysCount() {
        // -2 0 4: p0 -> -2; median -> 0; p90 at 1.8 -> 0 + 0.8 × 4 = 3.2; p100 -> 4
        Percentiles days = Percentiles.of(List.of(4, -2, 0));

        assertThat(days.percentile(0)).isEqualTo(-2.0);
        assertThat(days.median()).isEqualTo(0.0);
        assertThat(Percentiles.oneDecimal(days.percentile(0.9))).isEqualTo(3.2);
        assertThat(days.percentile(1)).isEqualTo(4.0);
    }

    @Test
    void aWholePositionNeedsNoInterpolation() {
        // 1..31: p90 at 27 -> 28; p10 at 3 -> 4; median at 15 -> 16
        Percentiles days = Percentiles.of(IntStream.rangeClosed(1, 31).boxed().toList());

        assertThat(Percentiles.oneDecimal(days.percentile(0.9))).isEqualTo(28.0);
        assertThat(Percentiles.oneDecimal(days.percentile(0.1))).isEqualTo(4.0);
        assertThat(days.median()).isEqualTo(16.0);
    }

    @Test
    void noValuesOrAPercentileOutsideZeroToOneIsAMistake() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1)).percentile(90))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentsHaveOneDecimalRoundedHalfUpAndNoneOfNothing() {
        assertThat(Percentiles.percent(8, 10)).isEqualTo(80.0);
        // 2 / 3 = 66.666…
        assertThat(Percentiles.percent(2, 3)).isEqualTo(66.7);
        // 1 / 8 = 12.5 exactly; 1 / 16 = 6.25 -> 6.3 (half up)
        assertThat(Percentiles.percent(1, 8)).isEqualTo(12.5);
        assertThat(Percentiles.percent(1, 16)).isEqualTo(6.3);
        assertThat(Percentiles.percent(0, 5)).isEqualTo(0.0);
        assertThat(Percentiles.percent(0, 0)).isNull();
    }

    @Test
    void oneDecimalRoundsHalfUp() {
        assertThat(Percentiles.oneDecimal(28.000000000000004)).isEqualTo(28.0);
        assertThat(Percentiles.oneDecimal(2.25)).isEqualTo(2.3);
        assertThat(Percentiles.oneDecimal(41.0)).isEqualTo(41.0);
    }
}

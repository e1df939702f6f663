package org.supportplans.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * When an exited case's records are past the district's retention, worked by hand. States keep special education
 * records 5 to 7 years after the student exits (e.g. 5 years, 7 years); the parents are informed before the records
 * are destroyed (34 CFR 300.624(a)). "Kept N years after exit": through the N-th anniversary of the exit.
 */
class RecordsRetentionRuleTest {

    @Test
    void keptThroughTheAnniversaryPastRetentionTheDayAfter() {
        // exited 14 June 2019, kept 5 years: through 14 June 2024; past retention from 15 June 2024
        assertThat(RecordsRetention.pastRetentionFrom(LocalDate.of(2019, 6, 14), 5))
                .isEqualTo(LocalDate.of(2024, 6, 15));
        // exited 31 December 2018, kept 7 years: through 31 December 2025; past from 1 January 2026
        assertThat(RecordsRetention.pastRetentionFrom(LocalDate.of(2018, 12, 31), 7))
                .isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void anExitOnTheTwentyNinthOfFebruaryHasItsAnniversaryOnTheTwentyEighthInACommonYear() {
        // exited 29 February 2020, kept 7 years: 2027 has no 29 February, the anniversary is 28 February 2027;
        // past retention from 1 March 2027
        assertThat(RecordsRetention.pastRetentionFrom(LocalDate.of(2020, 2, 29), 7))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        // kept 4 years: 29 February 2024 exists; past from 1 March 2024
        assertThat(RecordsRetention.pastRetentionFrom(LocalDate.of(2020, 2, 29), 4))
                .isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void theReviewOfAYearOpensOnTheFirstOfJuly() {
        // 30 June 2026 is still in the review year that opened on 1 July 2025
        assertThat(RecordsRetention.reviewYear(LocalDate.of(2026, 6, 30))).isEqualTo(2025);
        assertThat(RecordsRetention.reviewYear(LocalDate.of(2026, 7, 1))).isEqualTo(2026);
        assertThat(RecordsRetention.reviewYear(LocalDate.of(2026, 12, 3))).isEqualTo(2026);
    }
}

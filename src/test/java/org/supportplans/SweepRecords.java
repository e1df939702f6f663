package org.supportplans;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the service's own hourly deadline sweep may record for a test's district while the test runs (its claim of
 * the day, the digests of its clocks, the yearly records review): removed before the test removes the district.
 */
public final class SweepRecords {

    private SweepRecords() {}

    public static void forget(JdbcTemplate jdbc, String districtId) {
        jdbc.update(
                "delete from deadline_digest_item where digest_id in"
                        + " (select id from deadline_digest where district_id = ?)",
                districtId);
        jdbc.update("delete from deadline_digest where district_id = ?", districtId);
        jdbc.update("delete from deadline_sweep where district_id = ?", districtId);
        jdbc.update(
                "delete from records_review_case where review_id in"
                        + " (select id from records_review where district_id = ?)",
                districtId);
        jdbc.update("delete from records_review where district_id = ?", districtId);
    }
}

package org.supportplans.deadlines;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.cases.ClockKind;

/**
 * A district's own counts for the clocks that are its policy, not law (table {@code district_clock_policy}): how
 * often a Section 504 plan or an ALP is reviewed, how many days a Section 504 evaluation takes. The rules table
 * gives each such clock its unit and default; a district sets the count. A clock counts with the district's count
 * from the day it starts: a clock already running keeps the count it started with, as the plan in effect names it.
 */
@Service
public class DistrictClockPolicies {

    /** The counts a district may choose, by the rule's unit. */
    static final Map<ClockRule.Unit, Integer> MAX_COUNT = Map.of(
            ClockRule.Unit.YEARS, 3,
            ClockRule.Unit.SCHOOL_DAYS, 180,
            ClockRule.Unit.CALENDAR_DAYS, 365,
            ClockRule.Unit.BUSINESS_DAYS, 180);

    record Policy(ClockKind clock, int count, String setBy, Instant setAt) {}

    private record Stored(String clock, int count, String setBy, Instant setAt) {}

    private final JdbcClient jdbc;
    private final java.time.Clock time;

    DistrictClockPolicies(JdbcClient jdbc, java.time.Clock time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** The rule as this district counts it: its own count where the rule is district policy and it set one. */
    @Transactional(readOnly = true)
    public ClockRule apply(String districtId, ClockRule rule) {
        if (districtId == null || !rule.isDistrictPolicy()) {
            return rule;
        }
        return jdbc.sql("select count_value from district_clock_policy where district_id = ? and clock = ?")
                .params(districtId, rule.kind().id())
                .query(Integer.class)
                .optional()
                .map(count -> rule.withDistrictCount(districtId, count))
                .orElse(rule);
    }

    @Transactional(readOnly = true)
    Map<ClockKind, Policy> of(String districtId) {
        return jdbc
                .sql("select clock, count_value, set_by, set_at from district_clock_policy where district_id = ?")
                .param(districtId)
                .query((rs, row) -> new Stored(
                        rs.getString("clock"),
                        rs.getInt("count_value"),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .list()
                .stream()
                .flatMap(stored -> ClockKind.ofId(stored.clock()).stream()
                        .map(kind -> new Policy(kind, stored.count(), stored.setBy(), stored.setAt())))
                .collect(Collectors.toMap(Policy::clock, policy -> policy));
    }

    /** Sets the district's count for a district-policy rule; the caller has checked that it may. */
    @Transactional
    Policy set(String districtId, ClockRule rule, int count, String actor) {
        if (!rule.isDistrictPolicy()) {
            throw new ClockRuleViolation("The " + rule.kind().id() + " clock is law (" + rule.citation()
                    + "), not district policy: a district cannot change its count.");
        }
        Integer max = MAX_COUNT.get(rule.unit());
        if (max == null) {
            throw new ClockRuleViolation("The " + rule.kind().id() + " clock's count cannot be set.");
        }
        if (count < 1 || count > max) {
            throw new ClockRuleViolation("count: give 1 to " + max + " "
                    + rule.unit().name().toLowerCase().replace('_', ' ') + " for the "
                    + rule.kind().id() + " clock; " + count + " is out of range.");
        }
        Instant now = Instant.now(time);
        int updated = jdbc.sql(
                        "update district_clock_policy set count_value = ?, set_by = ?, set_at = ? where district_id = ?"
                                + " and clock = ?")
                .params(
                        count,
                        actor,
                        java.sql.Timestamp.from(now),
                        districtId,
                        rule.kind().id())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into district_clock_policy (district_id, clock, count_value, set_by, set_at) values (?, ?,"
                            + " ?, ?, ?)")
                    .params(districtId, rule.kind().id(), count, actor, java.sql.Timestamp.from(now))
                    .update();
        }
        return new Policy(rule.kind(), count, actor, now);
    }

    /** Back to the rules table's default; false when the district had set none. */
    @Transactional
    boolean clear(String districtId, ClockKind kind) {
        return jdbc.sql("delete from district_clock_policy where district_id = ? and clock = ?")
                        .params(districtId, kind.id())
                        .update()
                > 0;
    }
}

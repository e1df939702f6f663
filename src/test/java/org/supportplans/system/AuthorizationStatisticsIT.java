package org.supportplans.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.PostgresIntegrationTest;

/**
 * PostgreSQL knows how many authorizations a task query's check reads (README, "Performance", item 6): a group
 * with an authorization on each of 300 tasks, and the planner's estimate of the rows the engine's check reads for
 * that group is of the order of 300 with the statistics on the permission expressions, and the handful it guesses
 * without them.
 */
@PostgresIntegrationTest
class AuthorizationStatisticsIT {

    static final String GROUP = "statistics-it-group";

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeAuthorizations() {
        jdbc.update("delete from act_ru_authorization where group_id_ = ?", GROUP);
    }

    @Test
    void thePlannerCountsTheAuthorizationsATaskQueryChecks() throws Exception {
        // what the engine grants a task's candidate group on each task: READ and UPDATE (6)
        jdbc.update("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                select gen_random_uuid()::text, 1, 1, ?, 7, gen_random_uuid()::text, 6 from generate_series(1, 300)
                """, GROUP);
        // what autovacuum's analyze does after such a change
        jdbc.execute("analyze act_ru_authorization");

        // the authorizations the engine's task query joins for a member of the group (Camunda's
        // authCheckJoinWithoutOnClause for READ on the task or READ_TASK on its process definition)
        String check = """
                select A.* from act_ru_authorization A where A.type_ < 2
                and (A.user_id_ in ('statistics-it-user', '*') or A.group_id_ in ('%s'))
                and ((A.resource_type_ = 7 and A.perms_ & 2 = 2 or A.resource_type_ = 6 and A.perms_ & 64 = 64))
                """.formatted(GROUP);
        long actual = jdbc.queryForObject("select count(*) from (" + check + ") c", Long.class);
        assertThat(actual).isGreaterThanOrEqualTo(300);
        double estimated = estimate(check);
        double guessed;
        // the same estimate without the statistics (what PostgreSQL guesses), then the statistics back as at start
        try {
            jdbc.execute("drop statistics " + AuthorizationStatistics.NAME);
            jdbc.execute("analyze act_ru_authorization");
            guessed = estimate(check);
        } finally {
            jdbc.execute(AuthorizationStatistics.CREATE);
            jdbc.execute("analyze act_ru_authorization");
        }

        // the estimate also depends on the other tests' authorizations in the table: within a factor of 10, where the
        // guess without the statistics is a handful of rows
        assertThat(estimated)
                .as("rows the planner expects with the statistics, of %d", actual)
                .isBetween(actual / 10.0, actual * 10.0);
        assertThat(guessed)
                .as("rows the planner guesses without them, of %d", actual)
                .isLessThan(actual / 10.0);
    }

    private double estimate(String query) throws Exception {
        JsonNode plan =
                new ObjectMapper().readTree(jdbc.queryForObject("explain (format json) " + query, String.class));
        return plan.get(0).path("Plan").path("Plan Rows").asDouble();
    }
}

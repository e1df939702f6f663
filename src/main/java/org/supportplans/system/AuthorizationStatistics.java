package org.supportplans.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL see how many authorizations the engine's task queries check. A task query run for a user
 * (Tasklist's filters, {@code /engine-rest/task}) joins the user's and their groups' authorizations whose
 * permissions hold the one checked: {@code perms_ & 2 = 2} (READ on a task) or {@code perms_ & 64 = 64} (READ_TASK on
 * a process definition). PostgreSQL cannot estimate such an expression and guesses a handful of rows where a role's
 * group holds one for every open task of the whole service; it then reads them all and compares each with each task
 * of the list, so a school's Tasklist slows down as the service grows (README, "Performance", item 6). Statistics on
 * the two expressions give it the real count, and it looks up each listed task's authorizations by id instead.
 *
 * <p>On PostgreSQL only, after the engine has created its tables (on a new database Flyway runs before that, so a
 * migration cannot do it), once: created and analysed when missing, kept up to date by the analyses that follow.
 */
@Component
class AuthorizationStatistics implements ApplicationRunner {

    static final String NAME = "sp_authorization_permissions";

    static final String CREATE =
            "create statistics if not exists " + NAME + " on (perms_ & 2), (perms_ & 64) from act_ru_authorization";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

    private final JdbcTemplate jdbc;
    private final StartupLock startupLock;

    AuthorizationStatistics(JdbcTemplate jdbc, StartupLock startupLock) {
        this.jdbc = jdbc;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        if (!postgres) {
            return;
        }
        // two nodes starting together would both find them missing
        startupLock.whileHolding(() -> {
            Long present = jdbc.queryForObject(
                    "select count(*) from pg_statistic_ext where stxname = ? and stxnamespace = current_schema()::regnamespace",
                    Long.class,
                    NAME);
            if (present != null && present > 0) {
                return;
            }
            jdbc.execute(CREATE);
            jdbc.execute("analyze act_ru_authorization");
            log.info("Statistics on the permissions of act_ru_authorization created (task queries' plans)");
        });
    }
}

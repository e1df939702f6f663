package org.supportplans.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * One node at a time does the start-up work that writes to a database shared by a cluster: the engine's
 * schema creation (Camunda takes no lock for it, and two nodes starting on an empty database both try to
 * create its tables) and our start-up runners (role groups, filters, demo data), which read and then
 * insert. Flyway's migration runs under it too, so that a node does not take for an existing schema
 * (baseline) the tables the other node's engine is creating. On PostgreSQL this is a session-level
 * advisory lock, released when the work is done or when a node dies holding it; on H2 (one node by
 * definition) it does nothing.
 *
 * <p>As a process engine plugin it holds the lock from the end of the engine's configuration to the end
 * of its build, which is where the schema is created or checked. The deployment that follows has the
 * engine's own deployment lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    /** The advisory lock's key: "support-plans start-up", any number no other code of ours uses. */
    static final long KEY = 0x5350_5354_4152_5400L;

    private final DataSource dataSource;
    private Connection held;
    private int depth;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} while no other node runs start-up work on this database. */
    public void whileHolding(Runnable work) {
        acquire();
        try {
            work.run();
        } finally {
            release();
        }
    }

    @Override
    public void migrate(Flyway flyway) {
        whileHolding(flyway::migrate);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
    }

    private synchronized void acquire() {
        if (depth++ > 0) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            long waitingSince = System.nanoTime();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            long waited = (System.nanoTime() - waitingSince) / 1_000_000;
            if (waited > 1000) {
                log.info("Waited {} ms for another node's start-up work on the shared database", waited);
            }
            held = connection;
        } catch (SQLException e) {
            depth--;
            throw new IllegalStateException("Could not take the start-up lock on the database", e);
        }
    }

    private synchronized void release() {
        if (--depth > 0 || held == null) {
            return;
        }
        try (Connection connection = held;
                PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            // the session's end releases the lock in any case
            log.warn("Could not release the start-up lock: {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}

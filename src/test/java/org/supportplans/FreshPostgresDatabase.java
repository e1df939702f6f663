package org.supportplans;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application at the real PostgreSQL, on a database created afresh once per test
 * run (JVM), so the engine's schema and ours are built from nothing by the code under test.
 *
 * <p>Where PostgreSQL is, and as whom, comes from the environment: {@code TEST_PG_HOST} (127.0.0.1),
 * {@code TEST_PG_PORT} (5432), {@code TEST_PG_USER} (postgres), {@code TEST_PG_PASSWORD} (empty),
 * {@code TEST_PG_DATABASE} (support_plans_test).
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    public static final String PORT = env("TEST_PG_PORT", "5432");
    public static final String USER = env("TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("TEST_PG_PASSWORD", "");
    public static final String DATABASE = env("TEST_PG_DATABASE", "support_plans_test");

    private static boolean created;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        createOncePerRun();
        TestPropertyValues.of(
                        "spring.datasource.url=" + url(DATABASE),
                        "spring.datasource.username=" + USER,
                        "spring.datasource.password=" + PASSWORD)
                .applyTo(context);
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static synchronized void createOncePerRun() {
        if (created) {
            return;
        }
        recreate(DATABASE);
        created = true;
    }

    /** Drops the database if it exists and creates it empty. */
    public static void recreate(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("A test database must have a plain lower-case name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Tests need PostgreSQL at " + HOST + ":" + PORT + " (see README, 'Tests'): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}

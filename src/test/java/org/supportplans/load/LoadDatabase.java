package org.supportplans.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the load test's database afresh before the service starts (run by the {@code load} profile):
 * {@code LoadDatabase <jdbc url of the postgres database> <user> <database> [<password>]}.
 */
public final class LoadDatabase {

    private LoadDatabase() {}

    public static void main(String[] args) throws SQLException {
        String database = args[2];
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("The load test's database needs a plain lower-case name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(args[0], args[1], args.length > 3 ? args[3] : "");
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
        System.out.println("Load test database " + database + " created afresh");
    }
}

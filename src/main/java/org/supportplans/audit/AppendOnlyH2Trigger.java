package org.supportplans.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The audit log's tables refuse UPDATE and DELETE on the embedded H2 database, as the PostgreSQL trigger
 * does in production ({@code db/vendor/h2/V5_1__audit_log_append_only.sql}).
 */
public class AppendOnlyH2Trigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(
                "The audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on " + table
                        + " is refused",
                "42501");
    }
}

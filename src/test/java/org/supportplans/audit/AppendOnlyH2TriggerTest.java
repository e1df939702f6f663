package org.supportplans.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** On the embedded H2 database too, the audit log takes new rows and refuses to change or lose any. */
class AppendOnlyH2TriggerTest {

    private static final String URL = "jdbc:h2:mem:audit-append-only;DB_CLOSE_DELAY=-1";

    @Test
    void theMigrationsOfTheEmbeddedDefaultMakeTheAuditLogAppendOnly() throws SQLException {
        Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load()
                .migrate();

        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into audit_event (occurred_at, user_id, action, resource, interface_name,"
                    + " http_method, path, status, outcome) values (current_timestamp, 'coordinator', 'READ', 'CASE',"
                    + " 'API', 'GET', '/api/cases/{id}', 200, 'DONE')");
            statement.executeUpdate(
                    "insert into audit_event_case (event_id, case_id)" + " select max(id), 'a-case' from audit_event");

            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set user_id = 'someone-else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event_case"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event_case set case_id = 'another'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("truncate table audit_event"))
                    .isInstanceOf(SQLException.class);
            try (var rows = statement.executeQuery("select user_id from audit_event")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("coordinator");
            }
        }
    }
}

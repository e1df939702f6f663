package org.supportplans.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo district, schools and staff ({@code support-plans.demo.*}).
 *
 * @param enabled load the demo data; when not set, it is loaded on the embedded H2 database only
 * @param allowServerDatabase let {@code enabled=true} seed a server database; for the test suite only,
 *     never for a real district
 * @param cases with the demo district, some 40 demo cases at every phase on the first start (a database with no
 *     case yet); {@code false} starts the demo district empty
 */
@ConfigurationProperties("support-plans.demo")
public record DemoProperties(
        Boolean enabled,
        boolean allowServerDatabase,
        @DefaultValue("true") boolean cases) {

    /**
     * Whether to seed demo data on the database at {@code jdbcUrl}.
     *
     * @throws IllegalStateException when demo users are asked for on a database that real student
     *     records may live in
     */
    public boolean seedOn(String jdbcUrl) {
        boolean embedded = jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:");
        if (enabled == null) {
            return embedded;
        }
        if (enabled && !embedded && !allowServerDatabase) {
            throw new IllegalStateException("Refusing to start: demo users (password = user id) are only for the"
                    + " embedded H2 database, and this one is not. Remove support-plans.demo.enabled=true,"
                    + " or run the embedded default without SPRING_DATASOURCE_URL.");
        }
        return enabled;
    }
}

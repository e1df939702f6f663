package org.supportplans.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoPropertiesTest {

    private static final String H2 = "jdbc:h2:file:./data/support-plans";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/support_plans";

    @Test
    void byDefaultTheDemoDistrictIsLoadedOnTheEmbeddedDatabaseOnly() {
        DemoProperties unset = new DemoProperties(null, false);
        assertThat(unset.seedOn(H2)).isTrue();
        assertThat(unset.seedOn(POSTGRES)).isFalse();
    }

    @Test
    void demoUsersAskedForOnAServerDatabaseStopTheStart() {
        assertThatThrownBy(() -> new DemoProperties(true, false).seedOn(POSTGRES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only for the embedded H2 database");
    }

    @Test
    void theTestSuiteMayLoadThemOnItsOwnPostgresDatabase() {
        assertThat(new DemoProperties(true, true).seedOn(POSTGRES)).isTrue();
    }

    @Test
    void demoDataCanBeSwitchedOffOnTheEmbeddedDatabase() {
        assertThat(new DemoProperties(false, false).seedOn(H2)).isFalse();
    }
}

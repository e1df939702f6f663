package org.supportplans.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DemoPropertiesTest {

    private static final String H2 = "jdbc:h2:file:./data/support-plans";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/support_plans";

    @Test
    void byDefaultTheDemoDistrictIsLoadedOnTheEmbeddedDatabaseOnly() {
        DemoProperties unset = new DemoProperties(null, false, true);
        assertThat(unset.seedOn(H2)).isTrue();
        assertThat(unset.seedOn(POSTGRES)).isFalse();
    }

    @Test
    void demoUsersAskedForOnAServerDatabaseStopTheStart() {
        assertThatThrownBy(() -> new DemoProperties(true, false, true).seedOn(POSTGRES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only for the embedded H2 database");
    }

    @Test
    void theTestSuiteMayLoadThemOnItsOwnPostgresDatabase() {
        assertThat(new DemoProperties(true, true, true).seedOn(POSTGRES)).isTrue();
    }

    @Test
    void demoDataCanBeSwitchedOffOnTheEmbeddedDatabase() {
        assertThat(new DemoProperties(false, false, true).seedOn(H2)).isFalse();
    }

    @Test
    void theDemoDistrictComesWithItsDemoCasesUnlessTheyAreSwitchedOff() {
        assertThat(bind(Map.of()).cases()).isTrue();
        assertThat(bind(Map.of("support-plans.demo.cases", "false")).cases()).isFalse();
    }

    private static DemoProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("support-plans.demo", DemoProperties.class);
    }
}

package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * A special education or related service of an IEP (34 CFR 300.320(a)(4), (7)): what, who provides it,
 * how much, how often, where, from when to when.
 */
@Embeddable
public record PlanService(
        @Column(name = "service") String service,
        @Column(name = "provider_role") String providerRole,
        @Column(name = "minutes") int minutes,
        @Column(name = "frequency") String frequency,
        @Column(name = "setting") String setting,
        @Column(name = "starts_on") LocalDate startsOn,
        @Column(name = "ends_on") LocalDate endsOn) {

    public String describe() {
        return service + ": " + minutes + " minutes " + frequency.toLowerCase() + ", "
                + setting.toLowerCase().replace('_', ' ') + ", " + startsOn + " to " + endsOn;
    }
}

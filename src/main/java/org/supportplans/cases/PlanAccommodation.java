package org.supportplans.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An accommodation of a Section 504 plan and the role that provides it. */
@Embeddable
public record PlanAccommodation(
        @Column(name = "accommodation") String accommodation,
        @Column(name = "provider_role") String providerRole) {}

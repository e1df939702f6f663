package org.supportplans.cases;

import java.time.Instant;

/**
 * Published (a Spring application event, in the transaction that writes it) when a version of a plan is finalised:
 * at the plan meeting, at an annual review, by an amendment. {@link PlanVersions#version} reads it.
 */
public record PlanVersionFinalised(
        String caseId, Long planId, PlanKind kind, int version, PlanOrigin origin, String finalisedBy, Instant at) {}

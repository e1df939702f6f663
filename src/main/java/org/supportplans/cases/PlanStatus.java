package org.supportplans.cases;

public enum PlanStatus {
    /** Written at the meeting, not yet in effect. */
    DRAFT,
    IN_EFFECT,
    /** The parents refused consent for initial services: the IEP is not implemented (34 CFR 300.300(b)(3)). */
    CONSENT_REFUSED,
    ENDED
}

package org.supportplans.cases;

public enum PlanStatus {
    /** Drafted before the meeting; finalised at it (then {@code finalisedAt} is set), not yet in effect. */
    DRAFT,
    IN_EFFECT,
    /** Replaced by a later version (an annual review, an amendment); readable as it was. */
    SUPERSEDED,
    /** The parents refused consent for initial services: the IEP is not implemented (34 CFR 300.300(b)(3)). */
    CONSENT_REFUSED,
    ENDED
}

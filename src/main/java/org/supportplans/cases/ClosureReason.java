package org.supportplans.cases;

/** Why a case ended: every ending of the process states one. */
public enum ClosureReason {
    EVALUATION_DECLINED("the school declined to evaluate (prior written notice sent)"),
    CONSENT_REFUSED("the parents refused consent to evaluate"),
    NOT_ELIGIBLE("the student is not eligible for a plan"),
    SERVICES_REFUSED("the parents refused consent for initial services"),
    NO_LONGER_ELIGIBLE("the student is no longer eligible"),
    CONSENT_REVOKED("the parents revoked consent for services (34 CFR 300.300(b)(4))"),
    TRANSFERRED_OUT("the student transferred out of the district"),
    GRADUATED("the student graduated with a regular diploma"),
    MOVED_AWAY("the student moved away"),
    AGED_OUT("the student aged out of eligibility");

    private final String description;

    ClosureReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Reasons a coordinator records for a student leaving while a plan is in effect (the case-exit event). */
    public boolean isExit() {
        return this == GRADUATED || this == MOVED_AWAY || this == AGED_OUT || this == NO_LONGER_ELIGIBLE;
    }
}

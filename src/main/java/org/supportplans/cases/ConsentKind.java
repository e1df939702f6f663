package org.supportplans.cases;

/** What the parents are asked to consent to (34 CFR 300.300). */
public enum ConsentKind {
    EVALUATION_CONSENT("consent to the initial evaluation (34 CFR 300.300(a))"),
    SERVICES_CONSENT("consent for initial special education services (34 CFR 300.300(b))"),
    REEVALUATION_CONSENT("consent to reevaluate (34 CFR 300.300(c))");

    private final String label;

    ConsentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.supportplans.cases;

/** The coordinator's triage of a referral (DESIGN.md section 2, step 2). */
public enum TriageOutcome {
    EVALUATE_IDEA(PlanKind.IEP),
    CONSIDER_504(PlanKind.SECTION_504),
    GIFTED_IDENTIFICATION(PlanKind.ALP),
    INTERVENTIONS_FIRST(null),
    DECLINE(null);

    private final PlanKind planKind;

    TriageOutcome(PlanKind planKind) {
        this.planKind = planKind;
    }

    /** The plan the evaluation is for; null when the school does not evaluate now. */
    public PlanKind planKind() {
        return planKind;
    }
}

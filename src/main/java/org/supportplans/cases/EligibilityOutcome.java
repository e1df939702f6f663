package org.supportplans.cases;

import java.util.EnumSet;
import java.util.Set;

/** What the team decides after the evaluation (34 CFR 300.306), with the plans each outcome leads to. */
public enum EligibilityOutcome {
    IEP(EnumSet.of(PlanKind.IEP)),
    SECTION_504(EnumSet.of(PlanKind.SECTION_504)),
    ALP(EnumSet.of(PlanKind.ALP)),
    IEP_AND_ALP(EnumSet.of(PlanKind.IEP, PlanKind.ALP)),
    SECTION_504_AND_ALP(EnumSet.of(PlanKind.SECTION_504, PlanKind.ALP)),
    NOT_ELIGIBLE(EnumSet.noneOf(PlanKind.class));

    private final EnumSet<PlanKind> plans;

    EligibilityOutcome(EnumSet<PlanKind> plans) {
        this.plans = plans;
    }

    public Set<PlanKind> plans() {
        return EnumSet.copyOf(plans);
    }

    public boolean needs(PlanKind kind) {
        return plans.contains(kind);
    }
}

package org.supportplans.cases;

/** What wrote a version of a plan. */
public enum PlanOrigin {
    /** The first plan, drafted before the plan meeting and finalised at it. */
    INITIAL,
    /** The annual review's new plan (34 CFR 300.324(b)(1)); for a 504 plan or an ALP, the periodic review. */
    ANNUAL_REVIEW,
    /** The plan revised at the team's meeting after a reevaluation, to address its results (34 CFR 300.324(b)(1)(ii)(B)). */
    REEVALUATION,
    /** A change between reviews agreed in writing without a meeting (34 CFR 300.324(a)(4)). */
    AMENDMENT,
    /** An IEP from another district adopted on a transfer in (34 CFR 300.323(e), (f)). */
    TRANSFER
}

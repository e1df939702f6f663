package org.supportplans.cases;

/** What happens in a case that stops a running compliance clock: the step the clock waited for is done. */
public enum ClockStop {
    /** The evaluation is done and eligibility decided: the initial and Section 504 evaluations. */
    ELIGIBILITY_DECIDED,
    /** The plan meeting was held: the IEP meeting after eligibility. */
    MEETING_HELD,
    /** The parents were sent the meeting notice. */
    NOTICE_SENT,
    /** The ALP took effect. */
    ALP_IN_EFFECT,
    /** The IEP took effect: the third-birthday clock (34 CFR 300.124(b)). */
    IEP_IN_EFFECT,
    /** The IEP in effect plans the transition (34 CFR 300.320(b)). */
    TRANSITION_PLAN_WRITTEN,
    /** The annual review was held; it also revisits the transition plan. */
    ANNUAL_REVIEW_HELD,
    /** The reevaluation was completed. */
    REEVALUATION_COMPLETED,
    /** A coordinator recorded that a clock started by hand was met. */
    RECORDED
}

package org.supportplans.cases;

/** What happens in a case that stops a running compliance clock: the step the clock waited for is done. */
public enum ClockStop {
    /** The evaluation is done and eligibility decided: the initial and Section 504 evaluations. */
    ELIGIBILITY_DECIDED,
    /** The plan meeting was held, the IEP developed at it: the IEP meeting after eligibility (CA, IL). */
    MEETING_HELD,
    /** The parents were sent the meeting notice. */
    NOTICE_SENT,
    /** The ALP took effect. */
    ALP_IN_EFFECT,
    /** The IEP took effect (implemented): the third-birthday clock (34 CFR 300.124(b)); NJ, CT, NY. */
    IEP_IN_EFFECT,
    /** An IEP with a transition plan is in effect (34 CFR 300.320(b)). */
    TRANSITION_PLAN_WRITTEN,
    /** The annual review was held (it does not meet the transition clock: only an IEP with a transition plan does). */
    ANNUAL_REVIEW_HELD,
    /** The reevaluation was completed. */
    REEVALUATION_COMPLETED,
    /** A coordinator recorded that a clock started by hand was met. */
    RECORDED,
    /** The written report of the evaluation completed: every area's report is in (Texas, TEC 29.004(a)). */
    EVALUATION_REPORT_WRITTEN,
    /** The proposed IEP given to the parents with its notice: the offer of FAPE (MA 603 CMR 28.05(1), MI R 340.1721b). */
    PROPOSED_IEP_SENT,
    /** The written notice that the student is not eligible sent to the parents (MA, MI). */
    INELIGIBILITY_NOTICE_SENT,
    /** The team decided the student is not eligible for an IEP: a state timeline to the IEP ends there. */
    NOT_ELIGIBLE,
    /** The referral triaged: the decision whether to evaluate (IL, WA, NJ). */
    TRIAGE_DECIDED,
    /** The parents asked for consent to evaluate, with the evaluation plan and notice (CA, MI, MA). */
    CONSENT_REQUESTED,
    /** The district declined to evaluate, with prior written notice. */
    EVALUATION_DECLINED,
    /** The yearly written notification on billing public benefits sent (34 CFR 300.154(d)(2)(v)). */
    BENEFITS_NOTICE_SENT
}

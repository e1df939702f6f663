package org.supportplans.cases;

/**
 * What happens in a case that can start a compliance clock. The rules table ({@code processes/clock-rules.dmn},
 * column "Starts at") names one of these for each jurisdiction and clock; a name that is not one of them
 * stops the service at start-up, so a misspelt event can never leave a legal clock silently unstarted.
 */
public enum ClockStart {
    /** The first referral of the case (Connecticut counts the initial evaluation from it). */
    REFERRAL,
    /** The parents' consent to evaluate (34 CFR 300.301(c)(1)). */
    CONSENT,
    /** The student's date of birth (the transition age, the third birthday). */
    BIRTH,
    /** Eligibility for an IEP decided (34 CFR 300.323(c)(1)). */
    ELIGIBILITY,
    /** Gifted identification (Colorado, 1 CCR 301-8 rule 12). */
    IDENTIFICATION,
    /** A plan meeting scheduled: its notice is counted back from the meeting's date (34 CFR 300.322(a)(1)). */
    MEETING,
    /** The meeting that wrote the plan, or the last annual review (34 CFR 300.324(b)(1)). */
    PLAN_MEETING,
    /** The last evaluation or reevaluation (34 CFR 300.303(b)(2)). */
    EVALUATION,
    /** A decision to change placement for a disciplinary removal (34 CFR 300.530(e)); started by hand. */
    DECISION_TO_CHANGE_PLACEMENT,
    /** The parents' request to inspect their child's records (34 CFR 300.613(a)); started by hand. */
    REQUEST,
    /** The written evaluation report completed (Texas: the ARD committee meets within 30 days of it). */
    EVALUATION_REPORT,
    /** The parents' consent to a reevaluation (34 CFR 300.300(c)). */
    REEVALUATION_CONSENT,
    /** The written notification on billing public benefits sent to the parents (34 CFR 300.154(d)(2)(v)). */
    BENEFITS_NOTICE,
    /** The jurisdiction has no such clock: it never starts. */
    NEVER
}

package org.supportplans.cases;

public enum MeetingPurpose {
    PLAN,
    ANNUAL_REVIEW,
    /** The plan reviewed with a reevaluation's results (34 CFR 300.324(b)(1)(ii)(B)). */
    REEVALUATION
}

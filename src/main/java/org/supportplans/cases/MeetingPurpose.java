package org.supportplans.cases;

public enum MeetingPurpose {
    PLAN,
    ANNUAL_REVIEW
}

package org.supportplans.progress;

/**
 * Why a session did not take place. Whether the minutes are still owed depends on it ({@link ServicesOwed}): a
 * student's absence and a closure of the school for everyone excuse them; the provider's absence and any other
 * reason do not.
 */
public enum MissedReason {
    STUDENT_ABSENT,
    PROVIDER_ABSENT,
    SCHOOL_CLOSED,
    OTHER;

    /** Whether the minutes missed for this reason are no longer owed. */
    boolean excuses() {
        return this == STUDENT_ABSENT || this == SCHOOL_CLOSED;
    }
}

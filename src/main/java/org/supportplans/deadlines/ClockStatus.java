package org.supportplans.deadlines;

public enum ClockStatus {
    RUNNING,
    PAUSED,
    MET,
    MET_LATE,
    OVERDUE,
    CANCELLED;

    /** Still counting (or past due and not yet met). */
    public boolean isOpen() {
        return this == RUNNING || this == PAUSED || this == OVERDUE;
    }
}

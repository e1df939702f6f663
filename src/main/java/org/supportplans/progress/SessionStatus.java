package org.supportplans.progress;

/** Whether a scheduled session of a service took place. */
public enum SessionStatus {
    DELIVERED,
    MISSED
}

package org.supportplans.deadlines;

/**
 * What happens to a running clock, published in the transaction that changes it: workflow's {@code ClockTasks} moves
 * the due dates of the step's tasks with it, and ends a missed clock's "record why" task when the clock is cancelled.
 * A clock's start is not published: nothing listened to it (the morning sweep reads the clock records; the step's
 * tasks take their due date when they open).
 * Listeners run synchronously: a listener that fails rolls the clock back with it.
 */
public sealed interface ClockEvent {

    ClockState clock();

    /** A clock was met, missed and then met late, or cancelled. */
    record Stopped(ClockState clock) implements ClockEvent {}

    /** A clock's due date or warnings changed: an extension, a pause, a resumption, a school calendar. */
    record Moved(ClockState clock) implements ClockEvent {}
}

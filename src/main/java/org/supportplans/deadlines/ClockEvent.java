package org.supportplans.deadlines;

/**
 * What happens to a clock, published in the transaction that changes it so that the clock's watch
 * process (workflow's {@code ClockWatches}) starts, moves or ends with it. Listeners run synchronously:
 * a watch that fails to start rolls the clock back with it.
 */
public sealed interface ClockEvent {

    ClockState clock();

    /** A clock started counting. */
    record Started(ClockState clock) implements ClockEvent {}

    /** A clock was met, missed and then met late, or cancelled. */
    record Stopped(ClockState clock) implements ClockEvent {}

    /** A clock's due date or warnings changed: an extension, a pause, a resumption, a school calendar. */
    record Moved(ClockState clock) implements ClockEvent {}
}

package org.supportplans.deadlines;

import java.util.Optional;

/** What a clock's watch process asks of the clocks and tells them: its timers' dates, reminders, lateness. */
public interface WatchedClocks {

    /** The clock as it stands now, or empty when there is no such clock. */
    Optional<ClockState> state(Long clockId);

    /**
     * Counts a reminder on a running clock and answers it as it stands after; a clock not running
     * (met, paused, cancelled) is not reminded and answers empty.
     */
    Optional<ClockState> remind(Long clockId);

    /** Called by the watch's timer the day after the due date: true when the clock is (now) overdue. */
    boolean markOverdue(Long clockId);

    /** Why a clock was met late or is overdue, as the coordinator records it; a rule broken is refused. */
    void explainLate(Long clockId, ReasonCode code, String text);
}

package org.supportplans.deadlines;

import java.util.Optional;

/** What the coordinator's "Deadline missed: record why" task asks of the clocks and tells them. */
public interface LateClocks {

    /** The clock as it stands now, or empty when there is no such clock. */
    Optional<ClockState> state(Long clockId);

    /** Why a clock was met late or is overdue, as the coordinator records it; a rule broken is refused. */
    void explainLate(Long clockId, ReasonCode code, String text);
}

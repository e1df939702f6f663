package org.supportplans.roster;

import java.util.Optional;
import org.supportplans.cases.ClosureReason;
import org.supportplans.engine.CaseTenants;

/**
 * "Student left the roster: transfer or exit?" ({@code processes/roster-departure.bpmn}, its steps in {@code
 * workflow}): the roster no longer has a student whose case is open. The coordinator says what happened: the
 * student transferred out, moved away or graduated (the case closes for that reason, as {@code POST
 * /api/cases/{id}/exit} closes it), or is still here and the roster was wrong (the case goes on).
 */
public final class RosterDeparture {

    public static final String PROCESS_KEY = "roster-departure";
    static final String SCHOOL_ID = CaseTenants.SCHOOL_ID_VARIABLE;

    /** What the coordinator decided (the form's answers). */
    public enum Decision {
        TRANSFERRED_OUT(ClosureReason.TRANSFERRED_OUT),
        MOVED_AWAY(ClosureReason.MOVED_AWAY),
        GRADUATED(ClosureReason.GRADUATED),
        STILL_ENROLLED(null);

        private final ClosureReason closure;

        Decision(ClosureReason closure) {
            this.closure = closure;
        }

        /** Why the case closes; empty when it stays open. */
        public Optional<ClosureReason> closure() {
            return Optional.ofNullable(closure);
        }
    }

    private RosterDeparture() {}
}

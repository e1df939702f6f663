package org.supportplans.workflow;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.supportplans.roster.RosterDeparture;

/** A student who left the roster, and the coordinator decided the case closes: it closes as an exit closes it. */
@Component
class RosterDepartures {

    private final CaseProcesses processes;

    RosterDepartures(CaseProcesses processes) {
        this.processes = processes;
    }

    @EventListener
    void close(RosterDeparture.CaseToClose decided) {
        processes.exit(decided.caseId(), decided.reason());
    }
}

package org.supportplans.roster;

import java.util.List;
import org.supportplans.system.RuleViolation;

/** A roster file that cannot be imported: every problem with its file and line; nothing was changed. */
class RosterRejected extends RuleViolation {

    private final transient List<OneRosterZip.Problem> problems;

    RosterRejected(List<OneRosterZip.Problem> problems) {
        super("The roster was not imported: " + problems.size() + " problem(s) in its files. Nothing was changed.");
        this.problems = List.copyOf(problems);
    }

    List<OneRosterZip.Problem> problems() {
        return problems;
    }
}

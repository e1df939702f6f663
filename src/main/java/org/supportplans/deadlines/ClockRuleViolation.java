package org.supportplans.deadlines;

import org.supportplans.system.RuleViolation;

/** A change to a clock that its rules do not allow (the API answers 400 with the message). */
class ClockRuleViolation extends RuleViolation {

    ClockRuleViolation(String message) {
        super(message);
    }
}

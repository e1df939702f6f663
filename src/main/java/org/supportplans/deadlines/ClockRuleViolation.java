package org.supportplans.deadlines;

import org.supportplans.cases.CaseRuleViolation;

/** A change to a clock that its rules do not allow (the API answers 400 with the message). */
class ClockRuleViolation extends CaseRuleViolation {

    public ClockRuleViolation(String message) {
        super(message);
    }
}

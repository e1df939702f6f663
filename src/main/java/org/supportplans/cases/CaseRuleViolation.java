package org.supportplans.cases;

import org.supportplans.system.RuleViolation;

/**
 * What a staff member entered breaks a rule of the case (a date before the step it follows, a missing
 * answer, an unknown value). The message is shown to that person: it says what is wrong and how to fix it.
 */
public class CaseRuleViolation extends RuleViolation {

    public CaseRuleViolation(String message) {
        super(message);
    }
}

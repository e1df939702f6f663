package org.supportplans.system;

/**
 * What someone entered breaks a rule (a date before the step it follows, a missing answer, an unknown value, a
 * change a clock's rules do not allow): the API answers 400, "Not accepted", with the message, which says what is
 * wrong and how to fix it.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}

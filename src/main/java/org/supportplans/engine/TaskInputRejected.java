package org.supportplans.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A value a staff member submitted with a task breaks a rule. Thrown from a task listener, it rolls the
 * completion back: Tasklist shows the message on the form and the engine REST API answers 400.
 */
public class TaskInputRejected extends FormFieldValidationException {

    public TaskInputRejected(String message) {
        super(message, message);
    }
}

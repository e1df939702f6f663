package org.supportplans.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a task listener's {@link TaskInputRejected} reach the person who submitted the form. The engine
 * wraps whatever a task listener throws in a plain {@link ProcessEngineException} (ENGINE-03051), which
 * the engine REST API, and so Tasklist, reports as a server error. This interceptor sits outside the
 * transaction (see {@link CommandInterceptors}): the command has been rolled back when it unwraps the
 * rejection, which the REST API then answers with 400 and our message, and Tasklist shows on the form.
 */
class TaskInputRejection extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException rejected) {
                    throw rejected;
                }
            }
            throw e;
        }
    }
}

package org.supportplans.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a task listener's {@link TaskInputRejected} reach the person who submitted the form. The engine
 * wraps whatever a task listener throws in a plain {@link ProcessEngineException} (ENGINE-03051), which
 * the engine REST API, and so Tasklist, reports as a server error. This interceptor sits outside the
 * transaction: the command has been rolled back when it unwraps the rejection, which the REST API then
 * answers with 400 and our message, and Tasklist shows on the form.
 */
@Component
class TaskInputRejection extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrapping());
    }

    static class Unwrapping extends CommandInterceptor {

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
}

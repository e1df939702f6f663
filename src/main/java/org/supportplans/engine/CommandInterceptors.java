package org.supportplans.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Our command interceptors, installed in one place and in one order. The engine runs a command through its
 * "pre" interceptors first, outermost first, then through its own (the transaction among them): all three run
 * outside the command's transaction, and each sees what the ones inside it let through.
 *
 * <ol>
 *   <li>{@link ConcurrentCompletionRetry}, outermost: each attempt must be a whole command, its transaction
 *       included, and it decides whether to try again on the failure as the caller will get it, after the two
 *       below have translated it. A form opened for a task that is gone reaches it as "No task found" (not the
 *       engine's {@link NullPointerException}) and is answered at once rather than tried three times; a value
 *       the form's checks refuse reaches it as the {@link TaskInputRejected} itself.
 *   <li>{@link TaskGone.FormOfAGoneTask}: turns the engine's failure to open the form of a task that is gone into
 *       a task not found.
 *   <li>{@link TaskInputRejection}, innermost: unwraps a task listener's {@link TaskInputRejected} from the
 *       engine's wrapper as soon as the transaction has rolled back, so that everything outside it sees the
 *       rejection. The two inner ones act on different failures (a {@link NullPointerException} of one command,
 *       a listener's rejection); their order is for reading, not for behaviour.
 * </ol>
 *
 * Only the engine's usual command executor ("transaction required") gets them: it runs the completions of
 * Tasklist, the engine REST API and our code. The "requires new" one runs the engine's own inner commands (id
 * blocks, deployment steps, history cleanup), where none of the three applies.
 */
@Component
class CommandInterceptors extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new ConcurrentCompletionRetry());
        interceptors.add(new TaskGone.FormOfAGoneTask());
        interceptors.add(new TaskInputRejection());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}

package org.supportplans.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two staff completing different tasks of one case at the same moment (two evaluators reporting their
 * areas, which join before the eligibility meeting) both change the case's process instance: the engine
 * lets one commit and rolls the other back with an {@link OptimisticLockingException}, although nobody
 * else completed that person's task. A completion rolled back so is tried again, in a new transaction, up
 * to {@value #ATTEMPTS} times: it then succeeds, or, when the task was in fact completed by someone else,
 * finds it gone ({@link TaskGone}, 404).
 *
 * <p>Only a completion that runs in a transaction of its own is retried (the engine REST API's, Tasklist's):
 * inside a caller's transaction, which the failure has already doomed, it is not.
 */
@Component
class ConcurrentCompletionRetry extends AbstractProcessEnginePlugin {

    static final int ATTEMPTS = 3;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new RetryInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The engine's words when a concurrent commit changed what a completion read or wrote. */
    static boolean concurrentChange(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException
                    || (cause instanceof ProcessEngineException
                            && cause.getMessage() != null
                            && cause.getMessage().contains("Cannot restore state of process instance"))) {
                return true;
            }
        }
        return false;
    }

    /** Before the engine's transaction interceptor, so that each attempt is a transaction of its own. */
    static class RetryInterceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
            if (!completion || TransactionSynchronizationManager.isActualTransactionActive()) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException e) {
                    if (attempt >= ATTEMPTS || !concurrentChange(e)) {
                        throw e;
                    }
                    pause(attempt);
                }
            }
        }

        /** A few milliseconds, more at each attempt, apart for each thread, so two retries do not meet again. */
        private static void pause(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessEngineException("interrupted while retrying a task completion", e);
            }
        }
    }
}

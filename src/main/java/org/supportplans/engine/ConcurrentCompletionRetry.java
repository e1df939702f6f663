package org.supportplans.engine;

import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two staff completing different tasks of one case at the same moment (two evaluators reporting their
 * areas, which join before the eligibility meeting) both change the case's process instance: the engine
 * lets one commit and rolls the other back with an {@link OptimisticLockingException}, although nobody
 * else completed that person's task. Two staff completing the same task fail in more ways than that one,
 * depending on what the loser read before the winner's commit: the engine's permission check finds no
 * candidate group any more (an {@code AuthorizationException}), a listener finds the process's variables
 * gone, our records already hold what the winner recorded ({@code NotAwaitedException}).
 *
 * <p>So a completion that fails is tried again, in a new transaction, up to {@value #ATTEMPTS} times,
 * unless the task is gone or is another school's (once only for a value the form's checks refuse): after a race the next attempt sees the other's commit and succeeds, or finds
 * the task gone ({@link TaskGone}, 404); any other failure fails again the same way and is answered as
 * before. Only a completion that runs in a transaction of its own is tried again (the engine REST API's,
 * Tasklist's): inside a caller's transaction, which the failure has already doomed, it is not. Installed
 * before the engine's transaction interceptor, so that each attempt is a transaction of its own (see
 * {@link CommandInterceptors}).
 */
class ConcurrentCompletionRetry extends CommandInterceptor {

    static final int ATTEMPTS = 3;

    @Override
    public <T> T execute(Command<T> command) {
        // opening a task's form while someone completes it fails in the same ways: tried again too
        boolean completion = command instanceof CompleteTaskCmd
                || command instanceof SubmitTaskFormCmd
                || command instanceof GetTaskFormVariablesCmd
                || command instanceof GetDeployedTaskFormCmd;
        if (!completion || TransactionSynchronizationManager.isActualTransactionActive()) {
            return next.execute(command);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS
                        || TaskGone.in(e)
                        || EngineRestConfiguration.otherTenant(e)
                        || (refusedInput(e) && attempt > 1)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * A value the form's checks refuse. It may be the race itself (the loser's listener read what the
     * winner had just committed: "the case is not waiting for ...", "already recorded"): tried once
     * more, that attempt finds the task gone (404); a value that is simply wrong is refused the same
     * way again and answered.
     */
    static boolean refusedInput(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException) {
                return true;
            }
        }
        return false;
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

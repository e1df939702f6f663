package org.supportplans.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.supportplans.cases.NotAwaitedException;

/** A task completion rolled back by another person's change to the same case is tried again. */
class ConcurrentCompletionRetryTest {

    private final AtomicInteger attempts = new AtomicInteger();

    private final ConcurrentCompletionRetry retry = new ConcurrentCompletionRetry();

    private final SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-1", Map.of(), false, false);

    /** The rest of the engine's chain: fails with that exception the first times, then completes. */
    private void engineFailing(int times, RuntimeException failure) {
        retry.setNext(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (attempts.incrementAndGet() <= times) {
                    throw failure;
                }
                return null;
            }
        });
    }

    @Test
    void aValueTheFormRefusesIsTriedOnceMoreOnlyAndAnswered() {
        engineFailing(3, new TaskInputRejected("The consent date cannot be before the referral."));

        assertThatThrownBy(() -> retry.execute(submit)).isInstanceOf(TaskInputRejected.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalThatWasTheRaceItselfIsTriedOnceMoreAndThenFindsTheTaskGone() {
        // the loser's listener read the winner's answer; at the next attempt the task is gone
        retry.setNext(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (attempts.incrementAndGet() == 1) {
                    throw new TaskInputRejected(
                            "The case is not waiting for the parents' consent to the initial evaluation.");
                }
                throw new NullValueException("Cannot find task with id task-1: task is null");
            }
        });

        assertThatThrownBy(() -> retry.execute(submit)).isInstanceOf(NullValueException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aTaskOfAnotherSchoolIsAnsweredAtOnceNotTriedAgain() {
        engineFailing(
                3,
                new ProcessEngineException(
                        "ENGINE-03034 Cannot work on task 'task-1' because it belongs to no authenticated tenant."));

        assertThatThrownBy(() -> retry.execute(submit)).isInstanceOf(ProcessEngineException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCompletionThatLostToAnotherChangeOfTheCaseIsTriedAgainAndSucceeds() {
        engineFailing(1, new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"));

        retry.execute(submit);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aTaskReadWhileAnotherCompletionCommittedIsTriedAgainToo() {
        engineFailing(
                1,
                new ProcessEngineException("Cannot restore state of process instance 96: list of executions is empty"));

        retry.execute(submit);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCompletionThatReadTheTaskBeforeAndItsCandidateGroupsAfterTheWinnersCommitIsTriedAgain() {
        engineFailing(1, new AuthorizationException("coordinator", "TASK_WORK", "Task", "task-1"));

        retry.execute(submit);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCompletionThatFoundTheWinnersRecordsIsTriedAgain() {
        engineFailing(
                1,
                new NotAwaitedException(
                        "The parents were already asked for consent to the initial evaluation (34 CFR 300.300(a))."));

        retry.execute(submit);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCompletionThatFoundTheProcessVariablesGoneIsTriedAgain() {
        engineFailing(
                1,
                new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener."
                        + " Message: 'the process has no caseId variable'"));

        retry.execute(submit);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void afterThreeAttemptsThePersonIsTold() {
        engineFailing(10, new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"));

        assertThatThrownBy(() -> retry.execute(submit)).isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(ConcurrentCompletionRetry.ATTEMPTS);
    }

    @Test
    void aTaskSomeoneElseCompletedIsNotTriedAgain() {
        engineFailing(1, new NullValueException("Cannot find task with id task-1: task is null"));

        assertThatThrownBy(() -> retry.execute(submit)).isInstanceOf(NullValueException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void otherCommandsAreNotTriedAgain() {
        engineFailing(1, new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"));

        assertThatThrownBy(() -> retry.execute(new GetTaskFormCmd("task-1")))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCompletionInsideTheCallersTransactionIsNotTriedAgain() {
        engineFailing(1, new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"));
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> retry.execute(submit)).isInstanceOf(OptimisticLockingException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }
}

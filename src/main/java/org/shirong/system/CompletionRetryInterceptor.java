package org.shirong.system;

import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a user's task completion (REST complete, form submission) again when it lost an optimistic
 * lock to the engine's own work on the same process instance (a timer firing, an async step), so
 * that the user sees success instead of a 500. Each attempt is a fresh command in a fresh transaction
 * (this interceptor sits before the transaction interceptor), so the retry reads the task as the
 * winner left it; a task the winner completed or deleted then fails as usual (not found → 404/409).
 * Claims are not retried: two people claiming one task is a real conflict, answered elsewhere.
 * Only the outermost command is retried, and only outside a caller's transaction, which would be
 * rolled back anyway.
 */
class CompletionRetryInterceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionRetryInterceptor.class);

    private final CompletionRetryProperties properties;

    CompletionRetryInterceptor(CompletionRetryProperties properties) {
        this.properties = properties;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!retries(command)) {
            return next.execute(command);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return next.execute(command);
            } catch (OptimisticLockingException conflict) {
                if (attempt >= properties.attempts()) {
                    throw conflict;
                }
                LOG.info("办理任务时同一流程实例正被另一事务（如定时器作业）修改，第 {} 次重试（{}）", attempt, command.getClass().getSimpleName());
                pause(attempt);
            }
        }
    }

    private static boolean retries(Command<?> command) {
        return (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                && Context.getCommandContext() == null
                && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Backoff grows with the attempt, with jitter so that two losers do not collide again. */
    private void pause(int attempt) {
        long base = properties.backoff().toMillis() * attempt;
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("重试办理任务时被中断", e);
        }
    }
}

package org.shirong.system;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The same person given one task twice at the same moment (a double click on 认领, a client's retry, a claim while the
 * office assigns the task to that person): both transactions insert the engine's permission for the new assignee, and the
 * later one fails on the permission's unique index ({@code ACT_UNIQ_AUTH_USER}/{@code _GROUP} of
 * {@code ACT_RU_AUTHORIZATION}) instead of on the task's revision, which the engine answers as a 500 "persistence
 * exception" (relreview-s58 L1; recognised by {@link UniqueViolationRaces}). Such a command is run once more in a fresh
 * transaction, which finds the task already theirs (204); one that cannot be run again, or loses again, is the lost race
 * it is: an {@link OptimisticLockingException}, answered 409 in Chinese ({@link EngineConflictAnswers}). {@link RefusalLogging} logs the lost insert in one INFO line.
 */
class TaskGrantRace extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (!UniqueViolationRaces.givesTask(command)) {
            return next.execute(command);
        }
        boolean outermost = Context.getCommandContext() == null && !TransactionSynchronizationManager.isActualTransactionActive();
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            if (!UniqueViolationRaces.duplicateGrant(e)) {
                throw e;
            }
            if (!outermost) {
                throw lost(e);
            }
        }
        try {
            return next.execute(command);
        } catch (RuntimeException again) {
            throw UniqueViolationRaces.duplicateGrant(again) ? lost(again) : again;
        }
    }

    private static OptimisticLockingException lost(RuntimeException e) {
        return new OptimisticLockingException("The task was given to the same user or group by another transaction at the same"
                + " moment: their permission was inserted twice", e);
    }
}

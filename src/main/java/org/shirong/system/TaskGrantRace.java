package org.shirong.system;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The same person given one task twice at the same moment (a double click on 认领, a client's retry, a claim while the
 * office assigns the task to that person): both transactions insert the engine's permission for the new assignee, and the
 * later one fails on the permission's unique index ({@code ACT_UNIQ_AUTH_USER}/{@code _GROUP} of
 * {@code ACT_RU_AUTHORIZATION}) instead of on the task's revision, which the engine answers as a 500 "persistence
 * exception" (relreview-s58 L1). Such a command is run once more in a fresh transaction, which finds the task already
 * theirs (204); one that cannot be run again, or loses again, is the lost race it is: an {@link OptimisticLockingException},
 * answered 409 in Chinese ({@link EngineConflictAnswers}). {@link RefusalLogging} logs the lost insert in one INFO line.
 */
class TaskGrantRace extends CommandInterceptor {

    /** The integrity-constraint class of SQLSTATE (23505 unique violation on H2 and PostgreSQL). */
    private static final String INTEGRITY_VIOLATION = "23";

    @Override
    public <T> T execute(Command<T> command) {
        if (!givesTask(command)) {
            return next.execute(command);
        }
        boolean outermost = Context.getCommandContext() == null && !TransactionSynchronizationManager.isActualTransactionActive();
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            if (!isDuplicateGrant(e)) {
                throw e;
            }
            if (!outermost) {
                throw lost(e);
            }
        }
        try {
            return next.execute(command);
        } catch (RuntimeException again) {
            throw isDuplicateGrant(again) ? lost(again) : again;
        }
    }

    /** A command that gives a task to a person or group: claim, set assignee or owner, delegate, add a candidate. */
    static boolean givesTask(Command<?> command) {
        return command instanceof ClaimTaskCmd || command instanceof AbstractAddIdentityLinkCmd || command instanceof DelegateTaskCmd;
    }

    /** Whether the failure is the insert of a task permission another transaction inserted at the same moment. */
    static boolean isDuplicateGrant(Throwable failure) {
        boolean integrity = false;
        boolean permission = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> causes = new ArrayDeque<>(List.of(failure));
        while (!causes.isEmpty()) {
            Throwable e = causes.pop();
            if (!seen.add(e)) {
                continue;
            }
            integrity |= e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(INTEGRITY_VIOLATION);
            String message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
            permission |= message.contains("ACT_UNIQ_AUTH_") || message.contains("INSERT AUTHORIZATIONENTITY");
            if (e.getCause() != null) {
                causes.push(e.getCause());
            }
            if (e instanceof SQLException sql && sql.getNextException() != null) {
                causes.push(sql.getNextException());
            }
        }
        return integrity && permission;
    }

    private static OptimisticLockingException lost(RuntimeException e) {
        return new OptimisticLockingException("The task was given to the same user or group by another transaction at the same"
                + " moment: their permission was inserted twice", e);
    }
}

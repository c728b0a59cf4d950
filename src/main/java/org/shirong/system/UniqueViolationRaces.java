package org.shirong.system;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The races an engine command loses on a unique index instead of on a row's revision, recognised in one place from the
 * failure's chain of causes (its causes and a batch's next exceptions, as H2 and PostgreSQL report them): the same task
 * given to the same person or group by two transactions at once, whose permission is inserted twice (relreview-s58 L1).
 * {@link TaskGrantRace} runs such a command again or turns it into the {@code OptimisticLockingException} that
 * {@link EngineConflictAnswers} answers 409; {@link RefusalLogging} logs it in one line. Another such race is one more
 * method here.
 */
final class UniqueViolationRaces {

    /** The integrity-constraint class of SQLSTATE (23505 unique violation on H2 and PostgreSQL). */
    private static final String INTEGRITY_VIOLATION = "23";

    private UniqueViolationRaces() {
    }

    /** A command that gives a task to a person or group: claim, set assignee or owner, delegate, add a candidate. */
    static boolean givesTask(Command<?> command) {
        return command instanceof ClaimTaskCmd || command instanceof AbstractAddIdentityLinkCmd || command instanceof DelegateTaskCmd;
    }

    /** Whether the failure is the insert of a task permission another transaction inserted at the same moment. */
    static boolean duplicateGrant(Throwable failure) {
        return violates(failure, message -> message.contains("ACT_UNIQ_AUTH_") || message.contains("INSERT AUTHORIZATIONENTITY"));
    }

    /**
     * Whether somewhere in the failure's chain an integrity constraint was violated (SQLSTATE class 23) and somewhere in it
     * a message (upper case) names what {@code insert} recognises: the index or the insert that lost.
     */
    private static boolean violates(Throwable failure, Predicate<String> insert) {
        boolean integrity = false;
        boolean named = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> causes = new ArrayDeque<>(List.of(failure));
        while (!causes.isEmpty()) {
            Throwable e = causes.pop();
            if (!seen.add(e)) {
                continue;
            }
            integrity |= e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(INTEGRITY_VIOLATION);
            named |= insert.test(e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT));
            if (e.getCause() != null) {
                causes.push(e.getCause());
            }
            if (e instanceof SQLException sql && sql.getNextException() != null) {
                causes.push(sql.getNextException());
            }
        }
        return integrity && named;
    }
}

package org.shirong.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a user with these groups may read every task ({@link TaskQueryAuthorizations}: {@code READ} on task {@code *}
 * or {@code READ_TASK} on process definition {@code *}), kept across requests instead of asked of the authorization
 * table before every task query (a fifth of the CPU of {@code GET /engine-rest/task}). Only a grant or revocation on
 * every resource ({@code *}) can change the answer, and an administrator makes those; every such write on this node
 * ({@link EveryTaskGrantWrites}) forgets all answers at once and again when its transaction ends, so that nothing read
 * before the change commits is kept. A change made on another node (or in the database directly) is seen after
 * {@code shirong.identity-cache.time-to-live} at the latest, as a change of the user's groups is.
 */
@Component
class EveryTaskReaders {

    private record Answer(boolean readsEveryTask, long readAt) {
    }

    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<List<Object>, Answer> answers = new ConcurrentHashMap<>();
    // Bumped by every forget(): an answer read from the database before it is not kept.
    private final AtomicLong generation = new AtomicLong();

    @Autowired
    EveryTaskReaders(IdentityCacheProperties settings) {
        this(settings, System::nanoTime);
    }

    EveryTaskReaders(IdentityCacheProperties settings, LongSupplier nanoTime) {
        this.timeToLiveNanos = settings.timeToLive().toNanos();
        this.maxEntries = settings.maxUsers();
        this.nanoTime = nanoTime;
    }

    /** The answer for this user and these groups: as read a moment ago, or else as {@code check} (the database) gives it. */
    boolean readsEveryTask(String userId, List<String> groupIds, BooleanSupplier check) {
        List<Object> caller = List.of(String.valueOf(userId), List.copyOf(groupIds));
        Answer known = answers.get(caller);
        if (known != null && nanoTime.getAsLong() - known.readAt() < timeToLiveNanos) {
            return known.readsEveryTask();
        }
        long readAt = generation.get();
        boolean answer = check.getAsBoolean();
        if (timeToLiveNanos > 0 && generation.get() == readAt) {
            if (answers.size() >= maxEntries) {
                answers.clear();
            }
            Answer kept = new Answer(answer, nanoTime.getAsLong());
            answers.put(caller, kept);
            if (generation.get() != readAt) {
                // a grant on everything was written between the check above and the put
                answers.remove(caller, kept);
            }
        }
        return answer;
    }

    /** Forgets every answer now and, inside an engine command, again when its transaction commits or rolls back. */
    void forget() {
        clear();
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            TransactionContext transaction = command.getTransactionContext();
            transaction.addTransactionListener(TransactionState.COMMITTED, ended -> clear());
            transaction.addTransactionListener(TransactionState.ROLLED_BACK, ended -> clear());
        }
    }

    private void clear() {
        generation.incrementAndGet();
        answers.clear();
    }
}

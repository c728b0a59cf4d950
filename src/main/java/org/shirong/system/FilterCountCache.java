package org.shirong.system;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The counts of saved Tasklist filters, per filter and caller (user, groups, organisations), kept for a short time:
 * Tasklist asks every filter's count on every refresh (the filter list with {@code itemCount}, {@code /filter/{id}/count}),
 * and at 100,000 open tasks each is a query over the unit's tasks. A count is reused only while no engine write that a
 * task query can read has happened on this node since it was read ({@link #engineDataChanged()}, called by
 * {@link TaskDataWrites}), so a user sees every change made here at once; {@code time-to-live} bounds how long a change
 * made on another node (or directly in the database) goes unseen.
 *
 * <p>One kind of change is narrower: a task given to or taken from a user (claim, unclaim, assign: only its assignee
 * changed, and that user's grant on it). A count of a filter whose query does not look at assignees
 * ({@link AssignmentFreeFilters}) is kept across such a change for every caller whose view of the task it cannot
 * change ({@link TaskChangeImpact}), so the filter list after a claim recounts 我的待办, not every filter.
 */
@Component
class FilterCountCache {

    /** Who asks for which filter's count, with the engine settings the count depends on. */
    record Key(String filterId, String userId, List<String> groupIds, List<String> tenantIds, boolean authorizationChecked,
            boolean tenantChecked) {

        boolean sameCaller(Key other) {
            return Objects.equals(userId, other.userId) && groupIds.equals(other.groupIds) && tenantIds.equals(other.tenantIds)
                    && authorizationChecked == other.authorizationChecked && tenantChecked == other.tenantChecked;
        }
    }

    private record Entry(long count, long generation, long readAt, boolean assignmentFree) {
        Entry at(long current) {
            return new Entry(count, current, readAt, assignmentFree);
        }
    }

    /** A task given to or taken from users: {@code userIds} are the users whose own rights on it changed. */
    record TaskUsers(String taskId, Set<String> userIds) {
    }

    /** Whether a change of a task's users may change what {@code caller} sees; true when in doubt. */
    interface TaskChangeJudge {
        boolean mayChangeView(Key caller, TaskUsers change);
    }

    private record UsersChange(List<TaskUsers> parts, long at, Map<Key, Boolean> judged) {
    }

    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    // Bumped by every engine write a task query can read, and again when its transaction ends.
    private final AtomicLong generation = new AtomicLong();
    // The generations that changes of tasks' users (and nothing else) made; any other generation changed anything.
    private final ConcurrentSkipListMap<Long, UsersChange> usersChanges = new ConcurrentSkipListMap<>();
    private volatile AssignmentFreeFilters assignmentFreeFilters;
    private volatile TaskChangeJudge judge;

    @Autowired
    FilterCountCache(FilterCountCacheProperties settings) {
        this(settings, System::nanoTime);
    }

    FilterCountCache(FilterCountCacheProperties settings, LongSupplier nanoTime) {
        this.timeToLiveNanos = settings.timeToLive().toNanos();
        this.maxEntries = settings.maxEntries();
        this.nanoTime = nanoTime;
    }

    /** The state of the engine's data as far as this node knows: read it before counting, give it to {@link #store}. */
    long generation() {
        return generation.get();
    }

    /** Lets counts of filters that do not look at assignees outlive changes of tasks' users that {@code judge} clears. */
    void keepAcrossAssignments(AssignmentFreeFilters filters, TaskChangeJudge judge) {
        this.assignmentFreeFilters = filters;
        this.judge = judge;
    }

    /**
     * The count read for {@code key} within the time to live, if nothing changed on this node since, or only tasks'
     * users in ways that cannot change this count; otherwise null.
     */
    Long cached(Key key) {
        Entry entry = entries.get(key);
        if (entry == null || nanoTime.getAsLong() - entry.readAt >= timeToLiveNanos) {
            return null;
        }
        long current = generation.get();
        if (entry.generation == current) {
            return entry.count;
        }
        if (!entry.assignmentFree || !onlyUsersChangedUnseenBy(key, entry.generation, current)) {
            return null;
        }
        entries.replace(key, entry, entry.at(current));
        return entry.count;
    }

    private boolean onlyUsersChangedUnseenBy(Key caller, long since, long current) {
        TaskChangeJudge judging = judge;
        Map<Long, UsersChange> changes = usersChanges.subMap(since, false, current, true);
        if (judging == null || changes.size() != current - since) {
            return false;
        }
        Key callerOnly = new Key(null, caller.userId(), caller.groupIds(), caller.tenantIds(), caller.authorizationChecked(),
                caller.tenantChecked());
        for (UsersChange change : changes.values()) {
            boolean seen = change.judged.computeIfAbsent(callerOnly,
                    c -> change.parts.stream().anyMatch(part -> judging.mayChangeView(c, part)));
            if (seen) {
                return false;
            }
        }
        return true;
    }

    /** Keeps a count read from the database while the data was at {@code readAtGeneration}, if nothing changed since. */
    void store(Key key, long readAtGeneration, long count) {
        if (timeToLiveNanos <= 0 || readAtGeneration != generation.get()) {
            return;
        }
        AssignmentFreeFilters filters = assignmentFreeFilters;
        boolean assignmentFree = filters != null && filters.assignmentFree(key.filterId());
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            long current = generation.get();
            entries.values().removeIf(e -> e.generation != current || now - e.readAt >= timeToLiveNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(count, readAtGeneration, now, assignmentFree));
    }

    /**
     * The caller's other filters whose counts were kept and are no longer current (changed since, or too old): those
     * the caller's next filter list is going to ask for again.
     */
    List<Key> outdatedOfSameCaller(Key asked) {
        long current = generation.get();
        long now = nanoTime.getAsLong();
        return entries.entrySet().stream()
                .filter(e -> e.getKey().sameCaller(asked) && !e.getKey().filterId().equals(asked.filterId()))
                // the first test only spares cached() (which may judge changes) for counts that are plainly current
                .filter(e -> (e.getValue().generation != current || now - e.getValue().readAt >= timeToLiveNanos)
                        && cached(e.getKey()) == null)
                .map(Map.Entry::getKey).toList();
    }

    /** Drops what was kept for {@code key}, so that it is no longer among {@link #outdatedOfSameCaller}. */
    void forget(Key key) {
        entries.remove(key);
    }

    /** Every count read before now is stale. */
    void engineDataChanged() {
        generation.incrementAndGet();
    }

    /** Only the users of these tasks changed (nothing else): counts that cannot see it are kept. */
    void taskUsersChanged(List<TaskUsers> parts) {
        long now = nanoTime.getAsLong();
        usersChanges.put(generation.incrementAndGet(), new UsersChange(List.copyOf(parts), now, new ConcurrentHashMap<>()));
        forgetExpiredUsersChanges(now);
    }

    /**
     * Drops the changes older than the time to live (every count read before them has expired anyway) from the oldest
     * on, stopping at the first younger one: generations grow with time, so this does not walk through every change kept
     * (about three per claim for the time to live; walking them all took a fifth of a claim's CPU, issue 13 W1). A change
     * left behind by a concurrent one that took its generation first goes with the next; keeping a change longer only
     * keeps a count that it leaves valid.
     */
    /** How many changes of tasks' users are kept (for tests). */
    int usersChangesKept() {
        return usersChanges.size();
    }

    private void forgetExpiredUsersChanges(long now) {
        for (Map.Entry<Long, UsersChange> oldest = usersChanges.firstEntry();
                oldest != null && now - oldest.getValue().at >= timeToLiveNanos;
                oldest = usersChanges.firstEntry()) {
            usersChanges.remove(oldest.getKey(), oldest.getValue());
        }
    }
}

package org.shirong.system;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Entry(long count, long generation, long readAt) {
    }

    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    // Bumped by every engine write a task query can read, and again when its transaction ends.
    private final AtomicLong generation = new AtomicLong();

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

    /** The count read for {@code key} since the last change on this node and within the time to live, or null. */
    Long cached(Key key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.generation != generation.get() || nanoTime.getAsLong() - entry.readAt >= timeToLiveNanos) {
            return null;
        }
        return entry.count;
    }

    /** Keeps a count read from the database while the data was at {@code readAtGeneration}, if nothing changed since. */
    void store(Key key, long readAtGeneration, long count) {
        if (timeToLiveNanos <= 0 || readAtGeneration != generation.get()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            long current = generation.get();
            entries.values().removeIf(e -> e.generation != current || now - e.readAt >= timeToLiveNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(count, readAtGeneration, now));
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
                .filter(e -> e.getValue().generation != current || now - e.getValue().readAt >= timeToLiveNanos)
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
}

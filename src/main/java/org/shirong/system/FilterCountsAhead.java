package org.shirong.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads the counts of one filter list alongside the request: when a caller's first count after a change is not in
 * {@link FilterCountCache}, the caller's other filters counted before are counted meanwhile on {@code parallel-counts}
 * worker threads, split between them, each share in one command (one transaction and connection; every count in it
 * still a filter count command of its own with the same guards and authorization checks), as that caller. Tasklist's
 * filter list then finds each count being read or read. A count read ahead is given only if nothing changed on this node
 * since it began, as for any kept count; one that failed or was not read is counted again by the request, which then
 * gets any error itself.
 */
@Component
class FilterCountsAhead implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(FilterCountsAhead.class);

    /** Counts the filters of {@code keys} (all of one caller) and hands each count to {@code counted} as it is read. */
    interface Counter {
        void countAll(List<FilterCountCache.Key> keys, BiConsumer<FilterCountCache.Key, Long> counted);
    }

    private record Pending(long generation, CompletableFuture<Long> count) {
    }

    private final FilterCountCache cache;
    private final int threads;
    private final Duration wait;
    private final ThreadPoolExecutor workers;
    private final Map<FilterCountCache.Key, Pending> pending = new ConcurrentHashMap<>();

    FilterCountsAhead(FilterCountCache cache, FilterCountCacheProperties settings) {
        this.cache = cache;
        this.threads = settings.parallelCounts();
        this.wait = settings.readAheadWait();
        if (threads <= 0) {
            this.workers = null;
            return;
        }
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.maxEntries()),
                work -> {
                    Thread thread = new Thread(work, "shirong-filter-count-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts reading the counts of {@code keys} with {@code counter}, the data being at {@code generation}; keys already
     * being read at that generation are left to that reading.
     */
    void start(List<FilterCountCache.Key> keys, long generation, Counter counter) {
        if (workers == null) {
            return;
        }
        List<List<FilterCountCache.Key>> shares = new ArrayList<>();
        Map<FilterCountCache.Key, Pending> started = new java.util.HashMap<>();
        for (FilterCountCache.Key key : keys) {
            Pending earlier = pending.get(key);
            if (earlier != null && earlier.generation == generation) {
                continue;
            }
            Pending reading = new Pending(generation, new CompletableFuture<>());
            pending.put(key, reading);
            started.put(key, reading);
            if (shares.size() < threads) {
                shares.add(new ArrayList<>());
            }
            shares.get((started.size() - 1) % threads).add(key);
        }
        for (List<FilterCountCache.Key> share : shares) {
            try {
                workers.execute(() -> count(share, generation, counter, started));
            } catch (RejectedExecutionException busy) {
                unread(share, started, busy);
            }
        }
    }

    private void count(List<FilterCountCache.Key> share, long generation, Counter counter, Map<FilterCountCache.Key, Pending> started) {
        try {
            counter.countAll(share, (key, value) -> {
                cache.store(key, generation, value);
                started.get(key).count.complete(value);
                pending.remove(key, started.get(key));
            });
        } catch (RuntimeException e) {
            LOG.debug("过滤器数量未能预先读出：{}", e.getMessage());
        } finally {
            unread(share, started, null);
        }
    }

    /** Ends the readings of {@code share} that gave no count: the request counts those itself. */
    private void unread(List<FilterCountCache.Key> share, Map<FilterCountCache.Key, Pending> started, Exception cause) {
        for (FilterCountCache.Key key : share) {
            Pending reading = started.get(key);
            reading.count.completeExceptionally(cause != null ? cause : new IllegalStateException("未读出"));
            pending.remove(key, reading);
        }
    }

    /**
     * The count of {@code key} being read ahead, waited for, if nothing changed on this node since its reading began;
     * null otherwise, if it gave no count, or if it gave none within the configured wait (a reading held up in the
     * database must not hold the request: it counts itself).
     */
    Long awaitCurrent(FilterCountCache.Key key) {
        Pending reading = pending.get(key);
        if (reading == null || reading.generation != cache.generation()) {
            return null;
        }
        try {
            return reading.count.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException notGiven) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}

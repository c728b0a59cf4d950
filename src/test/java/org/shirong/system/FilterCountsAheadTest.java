package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counts read alongside: on worker threads, given only while nothing changed since they began, never a failed one. */
@SharesJvm
class FilterCountsAheadTest {

    private final FilterCountCacheProperties settings = new FilterCountCacheProperties(Duration.ofSeconds(15), 100, 2, Duration.ofSeconds(5));
    private final FilterCountCache cache = new FilterCountCache(settings);
    private final FilterCountsAhead ahead = new FilterCountsAhead(cache, settings);

    private static FilterCountCache.Key key(String filterId) {
        return new FilterCountCache.Key(filterId, "chengguan2", List.of("chengguan"), List.of("jiuting"), true, true);
    }

    @AfterEach
    void stop() {
        ahead.destroy();
    }

    @Test
    void countsAreReadOnWorkerThreadsAndKept() {
        Map<String, String> threads = new ConcurrentHashMap<>();
        ahead.start(List.of(key("f1"), key("f2"), key("f3")), cache.generation(), (keys, counted) -> keys.forEach(k -> {
            threads.put(k.filterId(), Thread.currentThread().getName());
            counted.accept(k, (long) k.filterId().length() * 10);
        }));
        assertThat(current(key("f1"))).isEqualTo(20L);
        assertThat(current(key("f2"))).isEqualTo(20L);
        assertThat(current(key("f3"))).isEqualTo(20L);
        assertThat(threads.values()).allMatch(name -> name.startsWith("shirong-filter-count-"));
        assertThat(new java.util.HashSet<>(threads.values())).as("shared between the two threads").hasSize(2);
    }

    @Test
    void aCountBegunBeforeAChangeIsNotGiven() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ahead.start(List.of(key("f1")), cache.generation(), (keys, counted) -> {
            await(release);
            counted.accept(key("f1"), 7L);
        });
        cache.engineDataChanged();
        release.countDown();
        assertThat(ahead.awaitCurrent(key("f1"))).isNull();
        Thread.sleep(100);
        assertThat(cache.cached(key("f1"))).isNull();
    }

    @Test
    void aCountBeingReadIsWaitedFor() {
        CountDownLatch release = new CountDownLatch(1);
        ahead.start(List.of(key("f1")), cache.generation(), (keys, counted) -> {
            await(release);
            counted.accept(key("f1"), 7L);
        });
        new Thread(() -> {
            sleep();
            release.countDown();
        }).start();
        assertThat(ahead.awaitCurrent(key("f1"))).isEqualTo(7L);
    }

    @Test
    void aCountHeldUpBeyondTheWaitIsLeftToTheCaller() {
        FilterCountsAhead impatient = new FilterCountsAhead(cache,
                new FilterCountCacheProperties(Duration.ofSeconds(15), 100, 2, Duration.ofMillis(100)));
        CountDownLatch release = new CountDownLatch(1);
        try {
            impatient.start(List.of(key("f1")), cache.generation(), (keys, counted) -> {
                await(release);
                counted.accept(key("f1"), 7L);
            });
            long started = System.nanoTime();
            assertThat(impatient.awaitCurrent(key("f1"))).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        } finally {
            release.countDown();
            impatient.destroy();
        }
    }

    @Test
    void aFailedCountIsLeftToTheCaller() {
        CountDownLatch release = new CountDownLatch(1);
        ahead.start(List.of(key("f1"), key("f2")), cache.generation(), (keys, counted) -> {
            await(release);
            throw new IllegalStateException("no READ on the filter");
        });
        release.countDown();
        assertThat(ahead.awaitCurrent(key("f1"))).isNull();
        assertThat(ahead.awaitCurrent(key("f2"))).isNull();
        assertThat(cache.cached(key("f1"))).isNull();
    }

    @Test
    void aCountLeftUnreadIsLeftToTheCaller() {
        ahead.start(List.of(key("f1"), key("f2"), key("f3")), cache.generation(), (keys, counted) -> counted.accept(keys.get(0), 7L));
        // two shares ([f1, f3] and [f2]), each gives only its first count
        assertThat(current(key("f1"))).isEqualTo(7L);
        assertThat(current(key("f2"))).isEqualTo(7L);
        assertThat(current(key("f3"))).isNull();
    }

    @Test
    void noThreadsNoCountsAhead() {
        FilterCountsAhead off = new FilterCountsAhead(cache, new FilterCountCacheProperties(Duration.ofSeconds(15), 100, 0, Duration.ofSeconds(5)));
        off.start(List.of(key("f1")), cache.generation(), (keys, counted) -> counted.accept(key("f1"), 7L));
        assertThat(off.awaitCurrent(key("f1"))).isNull();
        assertThat(cache.cached(key("f1"))).isNull();
    }

    /** As the interceptor asks: kept, else being read (a reading stores its count before it stops being pending). */
    private Long current(FilterCountCache.Key key) {
        Long read = ahead.awaitCurrent(key);
        return read != null ? read : cache.cached(key);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

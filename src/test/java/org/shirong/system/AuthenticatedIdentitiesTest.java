package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The identity cache's bounds: time, size, forgetting, and never keeping a wrong password or a superseded read. */
@SharesJvm
class AuthenticatedIdentitiesTest {

    private final AtomicLong clock = new AtomicLong();
    private final AuthenticatedIdentities identities = new AuthenticatedIdentities(
            new IdentityCacheProperties(Duration.ofSeconds(60), 3), clock::get);
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger loads = new AtomicInteger();

    private boolean login(String user, String password) {
        return identities.passwordValid(user, password, (u, p) -> {
            checks.incrementAndGet();
            return p.equals("right-" + u);
        });
    }

    private AuthenticatedIdentities.Identity identity(String user, String group) {
        return identities.identity(user, u -> {
            loads.incrementAndGet();
            return new AuthenticatedIdentities.Identity(List.of(group), List.of("jiuting"));
        });
    }

    @Test
    void aRightPasswordIsCheckedOnceWithinTheBoundAndAgainAfterIt() {
        assertThat(login("chengguan1", "right-chengguan1")).isTrue();
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(login("chengguan1", "right-chengguan1")).isTrue();
        assertThat(checks).hasValue(1);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(login("chengguan1", "right-chengguan1")).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndNeverMatchesARememberedOne() {
        assertThat(login("chengguan1", "wrong")).isFalse();
        assertThat(login("chengguan1", "wrong")).isFalse();
        assertThat(checks).hasValue(2);
        assertThat(login("chengguan1", "right-chengguan1")).isTrue();
        assertThat(login("chengguan1", "wrong")).isFalse();
        assertThat(login("lvrong1", "right-chengguan1")).as("another user with this user's password").isFalse();
        assertThat(checks).hasValue(5);
    }

    @Test
    void groupsAreReloadedAfterTheBoundSoAMovedUserGetsTheNewUnit() {
        assertThat(identity("chengguan1", "chengguan").groups()).containsExactly("chengguan");
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(identity("chengguan1", "lvrong").groups()).as("within the bound").containsExactly("chengguan");
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(identity("chengguan1", "lvrong").groups()).containsExactly("lvrong");
        assertThat(loads).hasValue(2);
    }

    @Test
    void forgettingDropsEveryUserAtOnce() {
        login("chengguan1", "right-chengguan1");
        identity("chengguan1", "chengguan");
        identities.forgetAll();
        assertThat(identity("chengguan1", "lvrong").groups()).containsExactly("lvrong");
        login("chengguan1", "right-chengguan1");
        assertThat(checks).hasValue(2);
    }

    @Test
    void whatWasReadBeforeAForgetIsNotKept() {
        identities.identity("chengguan1", u -> {
            identities.forgetAll();
            return new AuthenticatedIdentities.Identity(List.of("chengguan"), List.of());
        });
        assertThat(identity("chengguan1", "lvrong").groups()).containsExactly("lvrong");
    }

    @Test
    void itHoldsAtMostMaxUsers() {
        for (int i = 0; i < 10; i++) {
            identity("user" + i, "chengguan");
        }
        identity("user9", "chengguan");
        int before = loads.get();
        for (int i = 0; i < 10; i++) {
            identity("user" + i, "chengguan");
        }
        assertThat(loads.get() - before).as("most users were dropped to stay within 3").isGreaterThanOrEqualTo(7);
    }

    /** An engine whose check holds until {@link #release}, answering whether the password is "right-" + user. */
    private final CountDownLatch checking = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService requests = Executors.newFixedThreadPool(4);

    private Future<Boolean> slowLogin(String user, String password) {
        return requests.submit(() -> identities.passwordValid(user, password, (u, p) -> {
            checks.incrementAndGet();
            checking.countDown();
            awaitQuietly(release);
            return p.equals("right-" + u);
        }));
    }

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void requestsArrivingWhileARightPasswordIsCheckedWaitForThatCheck() throws Exception {
        Future<Boolean> first = slowLogin("admin", "right-admin");
        checking.await(10, TimeUnit.SECONDS);
        List<Future<Boolean>> burst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            burst.add(slowLogin("admin", "right-admin"));
        }
        Thread.sleep(200);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> answer : burst) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(checks).as("one check for the whole burst").hasValue(1);
    }

    @Test
    void aWrongPasswordInFlightIsNotSharedEachRequestIsChecked() throws Exception {
        Future<Boolean> first = slowLogin("admin", "guess");
        checking.await(10, TimeUnit.SECONDS);
        Future<Boolean> second = slowLogin("admin", "guess");
        Thread.sleep(200);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(checks).as("each wrong guess reaches the engine and its throttle").hasValue(2);
    }

    @Test
    void aRequestArrivingAfterTheDirectoryChangedDoesNotTakeTheAnswerOfACheckBegunBefore() throws Exception {
        Future<Boolean> first = slowLogin("admin", "right-admin");
        checking.await(10, TimeUnit.SECONDS);
        identities.forgetAll();
        Future<Boolean> afterChange = slowLogin("admin", "right-admin");
        Thread.sleep(200);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(afterChange.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(checks).as("the password changed meanwhile may be another: checked again").hasValue(2);
    }

    @Test
    void withTheCacheOffEveryRequestReachesTheEngine() throws Exception {
        AuthenticatedIdentities uncached = new AuthenticatedIdentities(
                new IdentityCacheProperties(Duration.ZERO, 3), clock::get);
        Future<Boolean> first = requests.submit(() -> uncached.passwordValid("admin", "right-admin", (u, p) -> {
            checks.incrementAndGet();
            checking.countDown();
            awaitQuietly(release);
            return true;
        }));
        checking.await(10, TimeUnit.SECONDS);
        Future<Boolean> second = requests.submit(() -> uncached.passwordValid("admin", "right-admin", (u, p) -> {
            checks.incrementAndGet();
            return true;
        }));
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(checks).hasValue(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

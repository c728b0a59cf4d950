package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@link ForegroundRequests}: which requests hold background work back, and for how long at most. */
@SharesJvm
class ForegroundRequestsTest {

    private final ForegroundRequests requests = new ForegroundRequests();

    @Test
    void nothingInFlightDoesNotWait() {
        assertThat(requests.awaitNone(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void aRequestInFlightHoldsBackgroundWorkUntilItIsAnswered() throws Exception {
        InFlight report = send("POST", "/api/cases");
        CompletableFuture<Boolean> work = CompletableFuture.supplyAsync(() -> requests.awaitNone(Duration.ofMinutes(1)));
        while (requests.waiting() == 0) {
            Thread.sleep(5);
        }
        assertThat(work).isNotDone();
        report.answer();
        assertThat(work.get(1, TimeUnit.MINUTES)).as("waited").isTrue();
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void anImportsUploadDoesNotHoldBackgroundWork() throws Exception {
        InFlight upload = send("POST", "/api/cases/import");
        assertThat(requests.awaitNone(Duration.ofMinutes(1))).isFalse();
        upload.answer();
    }

    @Test
    void anImportsUploadWithPathParametersDoesNotHoldBackgroundWorkEither() throws Exception {
        InFlight upload = send("POST", "/api/cases/import;jsessionid=0A1B");
        assertThat(requests.awaitNone(Duration.ofMinutes(1))).isFalse();
        upload.answer();
    }

    @Test
    void aRequestDoesNotWaitForItself() throws Exception {
        boolean[] waited = {true};
        requests.doFilter(new MockHttpServletRequest("POST", "/api/zones/import-check"), new MockHttpServletResponse(),
                (request, response) -> waited[0] = requests.awaitNone(Duration.ofMinutes(1)));
        assertThat(waited[0]).isFalse();
    }

    @Test
    void aRequestHoldsBackgroundWorkOnlyDuringItsFirstLongestWait() throws Exception {
        InFlight longPoll = send("GET", "/engine-rest/task");
        assertThat(requests.awaitNone(Duration.ofMillis(200))).as("waited for the request").isTrue();
        assertThat(requests.awaitNone(Duration.ofMillis(200))).as("the request, still in flight, no longer holds it").isFalse();
        longPoll.answer();
    }

    @Test
    void onlyBackgroundWorkGivesWayWhereItDoesNotKnowItIsBackgroundWork() throws Exception {
        InFlight report = send("POST", "/api/cases");
        int[] waits = {0};
        ForegroundRequests.giveWay(); // not background work: goes straight on
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> requests.asBackground(Duration.ofMinutes(1), () -> {
            ForegroundRequests.giveWay();
            return waits[0]++;
        }));
        while (requests.waiting() == 0) {
            Thread.sleep(5);
        }
        assertThat(waits[0]).isZero();
        report.answer();
        work.get(1, TimeUnit.MINUTES);
        assertThat(waits[0]).isEqualTo(1);
    }

    /** A request going through the filter on its own thread until {@link #answer}. */
    private final class InFlight {
        final CountDownLatch inChain = new CountDownLatch(1);
        final CountDownLatch answered = new CountDownLatch(1);
        final CompletableFuture<Void> done;

        InFlight(String method, String uri) {
            done = CompletableFuture.runAsync(() -> {
                try {
                    requests.doFilter(new MockHttpServletRequest(method, uri), new MockHttpServletResponse(), (request, response) -> {
                        inChain.countDown();
                        try {
                            answered.await(1, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        void answer() throws Exception {
            answered.countDown();
            done.get(1, TimeUnit.MINUTES);
        }
    }

    private InFlight send(String method, String uri) throws InterruptedException {
        InFlight request = new InFlight(method, uri);
        request.inChain.await(1, TimeUnit.MINUTES);
        return request;
    }
}

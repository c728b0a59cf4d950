package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Wrong passwords from one computer lock that computer out of that account for a while, never the
 * account itself: the owner logs in from their own computer meanwhile, the lock ends by itself, and
 * an administrator lifts it at once. The attacker is on 127.0.0.2, the owner on 127.0.0.1.
 */
@ShirongWebTest
class LoginThrottleTest {

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    /** A GET /api/me sent from the given loopback address, answered with its status. */
    private int loginFrom(String address, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @Test
    void anAttackerLocksOnlyHimselfOutAndTheAdministratorLiftsTheLock() throws IOException {
        for (int i = 0; i < 6; i++) {
            assertThat(loginFrom("127.0.0.2", "xuanchuan1", "wrong-" + i)).isEqualTo(401);
        }
        assertThat(loginFrom("127.0.0.2", "xuanchuan1", "demo")).as("locked from the attacker's address").isEqualTo(401);
        assertThat(loginFrom("127.0.0.1", "xuanchuan1", "demo")).as("the owner's own computer").isEqualTo(200);

        assertThat(rest.withBasicAuth("admin", "admin").getForObject("/api/system/login-locks", String.class))
                .contains("xuanchuan1").contains("127.0.0.2");
        var notAdmin = rest.withBasicAuth("chengguan1", "demo").exchange("/api/system/login-locks/xuanchuan1",
                HttpMethod.DELETE, null, String.class);
        assertThat(notAdmin.getStatusCode().value()).isEqualTo(403);
        assertThat(notAdmin.getBody()).contains("只有系统管理员");
        assertThat(rest.withBasicAuth("admin", "admin").exchange("/api/system/login-locks/xuanchuan1",
                HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(loginFrom("127.0.0.2", "xuanchuan1", "demo")).isEqualTo(200);
    }

    @Test
    void locksEndByThemselvesAndAnAddressTryingManyAccountsIsLockedAsAWhole() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 5, Duration.ofMinutes(15),
                Duration.ofMinutes(10)), clock);
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "10.1.1.9");
        }
        assertThat(throttle.locked("admin", "10.1.1.9")).isTrue();
        assertThat(throttle.locked("admin", "10.1.1.10")).isFalse();
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.locked("admin", "10.1.1.9")).isFalse();

        for (String user : new String[] {"a", "b", "c", "d", "e"}) {
            throttle.failed(user, "10.1.1.66");
        }
        assertThat(throttle.locked("f", "10.1.1.66")).isTrue();
        assertThat(throttle.locked("f", "10.1.1.67")).isFalse();
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.locked("f", "10.1.1.66")).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 50, Duration.ofMinutes(15),
                Duration.ofMinutes(10)), new MovableClock());
        throttle.failed("lvrong1", "10.0.0.5");
        throttle.failed("lvrong1", "10.0.0.5");
        throttle.succeeded("lvrong1", "10.0.0.5");
        throttle.failed("lvrong1", "10.0.0.5");
        throttle.failed("lvrong1", "10.0.0.5");
        assertThat(throttle.locked("lvrong1", "10.0.0.5")).isFalse();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

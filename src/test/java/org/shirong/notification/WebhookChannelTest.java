package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;

/**
 * The robot channel makes its HTTP client (a selector thread, TLS set-up) at its first message, not when Shirong
 * starts (W6), and then keeps using that one client.
 */
@SharesJvm
class WebhookChannelTest {

    private HttpServer robot;
    private final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void startRobot() throws IOException {
        robot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        robot.createContext("/robot", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            byte[] body = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        robot.start();
    }

    @AfterEach
    void stopRobot() {
        robot.stop(0);
    }

    private static long httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).count();
    }

    private static OutboxMessage message(String text) {
        return new OutboxMessage(1, "JT-2026-0001", "template", "1", WebhookChannel.DEFAULT_TARGET, Channel.WEBHOOK, "主题", text,
                null, OutboxMessage.OutboxStatus.PENDING, Instant.now(), null, 0, null, null);
    }

    @Test
    void theHttpClientIsMadeAtTheFirstMessageAndKept() {
        long before = httpClientThreads();
        String url = "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot";
        WebhookChannel channel = new WebhookChannel(new NotificationProperties.Webhook(true, url, Map.of(), Duration.ofSeconds(5)),
                new ObjectMapper());

        assertThat(httpClientThreads()).as("HTTP clients made by starting the channel").isEqualTo(before);

        assertThat(channel.send(message("第一条"))).isEmpty();
        assertThat(channel.send(message("第二条"))).isEmpty();

        assertThat(received).hasValue(2);
        assertThat(httpClientThreads()).as("one client for both messages").isEqualTo(before + 1);
    }
}

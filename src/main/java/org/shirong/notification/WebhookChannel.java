package org.shirong.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Group robots (WeCom/DingTalk style): POSTs {@code {"msgtype":"text","text":{"content":…}}} to the
 * group's URL, or to the default URL for groups without one (one message per URL). 2xx with
 * {@code errcode} 0 or absent is done; anything else (connection error, 4xx, 5xx, a non-zero
 * {@code errcode} such as a rate limit) throws, so the job retries on the cycle and then shows an
 * incident; a wrong URL is fixed in the configuration and retried in Cockpit. The JVM's proxy
 * settings ({@code -Dhttps.proxyHost}) apply. Redirects are not followed (an answer 3xx is a failure). The whole
 * exchange, the answer's body included, must end within the configured timeout, and only the answer's first
 * {@value #MAX_ANSWER_BYTES} bytes are read: the client's own timeout ends at the answer's headers, so a robot (or a
 * proxy in front of it) that sent headers and then its body a byte at a time held a job thread for as long as it
 * liked (three such sends stopped every timer and e-mail of the node), and one that sent an endless body filled the heap.
 * A robot that did not answer in time or could not be reached rests for {@value #REST_TIMEOUTS} timeouts: its other
 * messages fail at once (tried again on the retry cycle) instead of each holding one of the job executor's few threads
 * for the timeout while timers and e-mails wait behind them.
 */
class WebhookChannel implements ExternalChannel {

    static final String DEFAULT_TARGET = "(default)";
    /** How much of a robot's answer is read: its status and error code are at the start. */
    static final int MAX_ANSWER_BYTES = 16 * 1024;
    /** How many timeouts a robot that did not answer is left alone. */
    static final int REST_TIMEOUTS = 6;

    private final NotificationProperties.Webhook settings;
    private final ObjectMapper json;
    private volatile HttpClient http;
    /** Robot URLs that did not answer, and until when (engine clock) they are not tried. */
    private final Map<String, Instant> resting = new ConcurrentHashMap<>();

    WebhookChannel(NotificationProperties.Webhook settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /**
     * The HTTP client, made at the first message rather than at start-up: making it (TLS set-up, a selector thread)
     * took 0.3–0.4 s of every start (W6), and most installations have no robot.
     */
    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                            .proxy(ProxySelector.getDefault()).build();
                }
                client = http;
            }
        }
        return client;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    boolean active() {
        return settings.enabled() && (!blank(settings.defaultUrl()) || settings.groups().values().stream().anyMatch(u -> !blank(u)));
    }

    @Override
    public List<String> targets(Recipients recipients) {
        List<String> targets = new ArrayList<>();
        if (settings.enabled()) {
            for (String group : recipients.groups()) {
                if (!blank(settings.groups().get(group))) {
                    targets.add(group);
                } else if (!blank(settings.defaultUrl())) {
                    targets.add(DEFAULT_TARGET);
                }
            }
        }
        return ExternalChannel.distinct(targets);
    }

    @Override
    public Optional<String> send(OutboxMessage message) {
        String url = DEFAULT_TARGET.equals(message.recipient()) ? settings.defaultUrl() : settings.groups().get(message.recipient());
        if (!settings.enabled() || blank(url)) {
            return Optional.of("群机器人 " + message.recipient() + " 未配置或已关闭");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant restingUntil = resting.get(url);
        if (restingUntil != null && now.isBefore(restingUntil)) {
            throw new IllegalStateException("群机器人刚才没有回应，" + Duration.between(now, restingUntil).toSeconds()
                    + " 秒内不再尝试，稍后按重试间隔再发");
        }
        try {
            ObjectNode payload = json.createObjectNode().put("msgtype", "text");
            payload.putObject("text").put("content", message.fullText());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response;
            try {
                response = answer(request);
            } catch (IOException | RobotSilent e) {
                resting.put(url, now.plus(settings.timeout().multipliedBy(REST_TIMEOUTS)));
                throw e;
            }
            resting.remove(url);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("群机器人返回 HTTP " + response.statusCode() + "：" + abbreviate(response.body()));
            }
            if (errorCode(response.body()) != 0) {
                throw new IllegalStateException("群机器人拒绝消息：" + abbreviate(response.body()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("群机器人无法连接：" + e.getMessage(), e);
        }
    }

    /** The robot's answer to {@code request}, waited for at most the timeout in all; the exchange is abandoned after it. */
    private HttpResponse<String> answer(HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<String>> exchange = http().sendAsync(request, info -> firstBytes());
        try {
            return exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new RobotSilent("群机器人在 " + settings.timeout().toSeconds() + " 秒内没有回应完毕");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("群机器人回应有误：" + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("发送被中断", e);
        }
    }

    /** A robot that did not finish its answer within the timeout. */
    private static final class RobotSilent extends IllegalStateException {
        RobotSilent(String message) {
            super(message);
        }
    }

    /** The answer's first {@link #MAX_ANSWER_BYTES} bytes as UTF-8 text; the rest is not read (the connection is closed). */
    private static HttpResponse.BodySubscriber<String> firstBytes() {
        return new HttpResponse.BodySubscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final CompletableFuture<String> text = new CompletableFuture<>();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<String> getBody() {
                return text;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer buffer : buffers) {
                    byte[] part = new byte[Math.min(buffer.remaining(), MAX_ANSWER_BYTES - bytes.size())];
                    buffer.get(part);
                    bytes.writeBytes(part);
                }
                if (bytes.size() >= MAX_ANSWER_BYTES) {
                    subscription.cancel();
                    onComplete();
                } else {
                    subscription.request(1);
                }
            }

            @Override
            public void onError(Throwable failure) {
                text.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                text.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        };
    }

    /** The robot's {@code errcode}; 0 when the answer has none or is not JSON. */
    private int errorCode(String body) {
        try {
            return body.isBlank() ? 0 : json.readTree(body).path("errcode").asInt(0);
        } catch (JsonProcessingException notJson) {
            return 0;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * At most 200 characters of a robot's answer, for the error the outbox stores and Cockpit shows, its control characters
     * (and a pair cut in half) as U+FFFD: PostgreSQL refuses to store a NUL, and a robot answering 500 with one left the
     * row 发送中, so the next try recorded 发送结果未确认 and the message, surely not sent, was never sent.
     */
    private static String abbreviate(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.codePoints().map(c -> Character.getType(c) == Character.CONTROL && c != '\n' || Character.getType(c) == Character.SURROGATE
                ? 0xFFFD : c).forEach(shown::appendCodePoint);
        return shown.toString();
    }
}

package org.shirong.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Group robots (WeCom/DingTalk style): POSTs {@code {"msgtype":"text","text":{"content":…}}} to the
 * group's URL, or to the default URL for groups without one (one message per URL). 2xx with
 * {@code errcode} 0 or absent is done; anything else (connection error, 4xx, 5xx, a non-zero
 * {@code errcode} such as a rate limit) throws, so the job retries on the cycle and then shows an
 * incident; a wrong URL is fixed in the configuration and retried in Cockpit. The JVM's proxy
 * settings ({@code -Dhttps.proxyHost}) apply.
 */
class WebhookChannel implements ExternalChannel {

    static final String DEFAULT_TARGET = "(default)";

    private final NotificationProperties.Webhook settings;
    private final ObjectMapper json;
    private volatile HttpClient http;

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
        try {
            ObjectNode payload = json.createObjectNode().put("msgtype", "text");
            payload.putObject("text").put("content", message.fullText());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("群机器人返回 HTTP " + response.statusCode() + "：" + abbreviate(response.body()));
            }
            if (errorCode(response.body()) != 0) {
                throw new IllegalStateException("群机器人拒绝消息：" + abbreviate(response.body()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("群机器人无法连接：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("发送被中断", e);
        }
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

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

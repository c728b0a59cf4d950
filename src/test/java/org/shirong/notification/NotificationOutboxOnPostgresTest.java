package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.notification.OutboxMessage.OutboxStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The outbox and inbox SQL on a real PostgreSQL 17 (what H2 forgives, PostgreSQL may not): a repeated
 * write queues nothing, and two runs of one delivery at the same time (two nodes) send it once,
 * the second waiting for the first one's row lock; a group robot's refusal with a NUL in it (which PostgreSQL cannot store)
 * is recorded and the message sent on the next try.
 */
class NotificationOutboxOnPostgresTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("shirong_schema_history").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Notification notice(String iteration) {
        return new Notification("JT-2026-000042", "case-warning", iteration, NotificationTemplatesTest.sampleModel(),
                new Recipients(Set.of("huanwei1"), Set.of("huanwei")), "jiuting");
    }

    @Test
    void aRepeatedWriteQueuesNothingAndTheInboxShowsTheMessageOnce() {
        NotificationOutbox outbox = new NotificationOutbox(jdbc);
        InboxRecords inbox = new InboxRecords(jdbc);
        Rendered text = new NotificationTemplates().render("case-warning", NotificationTemplatesTest.sampleModel());

        assertThat(outbox.insertDeliveredIfAbsent(notice("2026-05-08T02:00:00Z"), List.of("huanwei1", "huanwei2"), text)).isEqualTo(2);
        inbox.deliverQueued(notice("2026-05-08T02:00:00Z"));
        Optional<Long> first = jdbc.queryForList("select id from notification_outbox where recipient = 'huanwei1' and channel = 'INBOX'"
                + " and iteration = '2026-05-08T02:00:00Z'", Long.class)
                .stream().findFirst();
        assertThat(outbox.insertDeliveredIfAbsent(notice("2026-05-08T02:00:00Z"), List.of("huanwei1", "huanwei2"), text)).isZero();
        inbox.deliverQueued(notice("2026-05-08T02:00:00Z"));
        assertThat(outbox.insertIfAbsent(notice("2026-05-08T02:00:00Z"), "huanwei1", Channel.INBOX, text, OutboxStatus.DELIVERED)).isEmpty();
        assertThat(outbox.insertIfAbsent(notice("2026-05-15T02:00:00Z"), "huanwei1", Channel.INBOX, text, OutboxStatus.DELIVERED))
                .as("a warning for a new due date").isPresent();

        assertThat(first).isPresent();
        OutboxMessage row = outbox.find(first.get()).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(row.finishedAt()).isNotNull();
        assertThat(row.subject()).startsWith("【黄灯提醒】JT-2026-000042");
        List<InboxRecords.InboxMessage> messages = inbox.list("huanwei1", true, 10);
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo(row.subject()));
        assertThat(inbox.markRead(messages.get(0).id(), "nongfu1")).isFalse();
        assertThat(inbox.markRead(messages.get(0).id(), "huanwei1")).isTrue();
        assertThat(inbox.list("huanwei1", true, 10)).isEmpty();
        assertThat(inbox.list("huanwei2", true, 10)).as("the colleague's message, of the same statement")
                .singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo(row.subject()));
    }

    /**
     * On PostgreSQL a notification's outbox rows and their inbox rows are one statement (issue 13): each new outbox row
     * has exactly its inbox row, with the same recipient, subject and time; a repeat writes neither, and a new recipient
     * of the same notification gets only its own rows.
     */
    @Test
    void onPostgresTheInboxRowsAreWrittenWithTheirOutboxRowsAndARepeatWritesNothing() {
        NotificationOutbox outbox = new NotificationOutbox(jdbc);
        InboxRecords inbox = new InboxRecords(jdbc);
        Rendered text = new NotificationTemplates().render("case-warning", NotificationTemplatesTest.sampleModel());
        Notification n = notice("2026-06-01T02:00:00Z");

        assertThat(outbox.insertDeliveredWithInboxIfAbsent(n, List.of("chengguan1", "chengguan2"), text)).hasValue(2);
        assertThat(outbox.insertDeliveredWithInboxIfAbsent(n, List.of("chengguan1", "chengguan2"), text)).hasValue(0);
        assertThat(outbox.insertDeliveredWithInboxIfAbsent(n, List.of("chengguan1", "chengguan3"), text)).hasValue(1);
        assertThat(outbox.insertDeliveredWithInboxIfAbsent(n, List.of(), text)).hasValue(0);

        List<Map<String, Object>> rows = jdbc.queryForList("select o.recipient, o.status, o.subject, o.created_at,"
                + " i.recipient_id, i.subject inbox_subject, i.created_at inbox_created_at, i.template_id, i.business_key"
                + " from notification_outbox o left join notification_inbox i on i.outbox_id = o.id"
                + " where o.iteration = '2026-06-01T02:00:00Z' order by o.recipient");
        assertThat(rows).extracting(r -> r.get("recipient")).containsExactly("chengguan1", "chengguan2", "chengguan3");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("DELIVERED");
            assertThat(r.get("recipient_id")).isEqualTo(r.get("recipient"));
            assertThat(r.get("inbox_subject")).isEqualTo(r.get("subject")).isEqualTo(text.subject());
            assertThat(r.get("inbox_created_at")).isEqualTo(r.get("created_at"));
            assertThat(r.get("template_id")).isEqualTo("case-warning");
            assertThat(r.get("business_key")).isEqualTo("JT-2026-000042");
        });
        assertThat(inbox.list("chengguan3", true, 10)).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo(text.subject()));
    }

    @Test
    void twoRunsOfOneDeliveryAtTheSameTimeSendItOnce() throws Exception {
        NotificationOutbox outbox = new NotificationOutbox(jdbc);
        Rendered text = new Rendered("【测试】并发发送", "正文");
        long id = outbox.insertIfAbsent(notice("concurrent"), "huanwei1", Channel.EMAIL, text, OutboxStatus.PENDING).orElseThrow();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch sending = new CountDownLatch(1);
        ExternalChannel slowMail = new ExternalChannel() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public List<String> targets(Recipients recipients) {
                return List.of();
            }

            @Override
            public Optional<String> send(OutboxMessage message) {
                sent.incrementAndGet();
                sending.countDown();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }
        };
        NotificationDelivery delivery = new NotificationDelivery(outbox, List.of(slowMail), new DataSourceTransactionManager(dataSource));

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> delivery.deliver(id));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> delivery.deliver(id));
        CompletableFuture.allOf(first, second).get(20, TimeUnit.SECONDS);

        assertThat(sent).hasValue(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void aRobotsRefusalWithANulCharacterIsRecordedAndTheMessageSentOnTheNextTry() throws Exception {
        NotificationOutbox outbox = new NotificationOutbox(jdbc);
        long id = outbox.insertIfAbsent(notice("nul"), WebhookChannel.DEFAULT_TARGET, Channel.WEBHOOK,
                new Rendered("【测试】群机器人", "正文"), OutboxStatus.PENDING).orElseThrow();
        AtomicReference<String> answer = new AtomicReference<>("{\"errcode\":500,\"errmsg\":\"busy\u0000\"}");
        AtomicInteger posted = new AtomicInteger();
        HttpServer robot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        robot.createContext("/robot", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posted.incrementAndGet();
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get().contains("busy") ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        robot.start();
        try {
            WebhookChannel webhook = new WebhookChannel(new NotificationProperties.Webhook(true,
                    "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot", Map.of(), Duration.ofSeconds(5)), new ObjectMapper());
            NotificationDelivery delivery = new NotificationDelivery(outbox, List.of(webhook), new DataSourceTransactionManager(dataSource));

            assertThatThrownBy(() -> delivery.deliver(id)).hasMessageStartingWith("群机器人返回 HTTP 500").hasMessageNotContaining("\u0000");
            OutboxMessage refused = outbox.find(id).orElseThrow();
            assertThat(refused.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(refused.lastError()).contains("busy\uFFFD");

            answer.set("{\"errcode\":0,\"errmsg\":\"ok\"}");
            delivery.deliver(id);
            assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(posted).hasValue(2);
        } finally {
            robot.stop(0);
        }
    }
}

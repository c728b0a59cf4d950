package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.system.ShirongJvm;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A node killed (SIGKILL) while the SMTP server takes its message, after the server has it and before
 * the node hears "250" and commits: the node restarted on the same (embedded default) database runs
 * the delivery job again once its lock expires, and the recipient still has exactly one message; the
 * outbox row says 发送结果未确认 (UNCONFIRMED) and the node logs one WARN line about it.
 */
class MailAtMostOnceTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path workDir;

    @Test
    void aNodeKilledBetweenSmtpAcceptanceAndCommitSendsTheMessageOnce() throws Exception {
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        AtomicReference<ShirongJvm> sending = new AtomicReference<>();
        CountDownLatch killed = new CountDownLatch(1);
        UserManager users = smtp.getUserManager();
        MessageDeliveryHandler store = users.getMessageDeliveryHandler();
        // Runs while the server takes the DATA, before it answers 250: the first message kills its sender.
        users.setMessageDeliveryHandler((message, address) -> {
            ShirongJvm node = sending.getAndSet(null);
            if (node != null) {
                node.kill();
                killed.countDown();
            }
            return store.handle(message, address);
        });
        smtp.start();
        try {
            try (ShirongJvm first = node("first", smtpPort)) {
                sending.set(first);
                first.awaitReady(START);
                assertThat(reportCase(first).getStatusCode()).isEqualTo(HttpStatus.CREATED);
                assertThat(killed.await(90, TimeUnit.SECONDS)).as("the dispatch mail reached the server; log:%n%s", first.logTail()).isTrue();
                assertThat(first.alive()).isFalse();
            }
            assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("the server kept the message").isTrue();

            String secondLog;
            try (ShirongJvm second = node("second", smtpPort)) {
                second.awaitReady(START);
                awaitNoDeliveryLeft(second);
                secondLog = second.log();
            }

            // The dispatch mails the lead unit's head and the 协办 notices the responsible units' heads, several at
            // once: every send the kill interrupted is UNCONFIRMED and never repeated, the one whose DATA the server
            // took among them; every other row was delivered once. No message reached the server twice.
            MimeMessage[] received = smtp.getReceivedMessages();
            List<Map<String, Object>> rows = emailRows();
            List<String> ids = new java.util.ArrayList<>();
            for (MimeMessage message : received) {
                ids.add(message.getMessageID());
            }
            assertThat(ids).as("no message twice").doesNotHaveDuplicates();
            assertThat(rows).extracting(r -> r.get("STATUS")).as("each row delivered, left unconfirmed or without an address")
                    .isSubsetOf("DELIVERED", "UNCONFIRMED", "SKIPPED");
            List<Map<String, Object>> unconfirmed = rows.stream().filter(r -> "UNCONFIRMED".equals(r.get("STATUS"))).toList();
            assertThat(unconfirmed).as("the sends the kill interrupted").isNotEmpty();
            assertThat(secondLog.split("发送结果未确认", -1)).as("one warning per unconfirmed row").hasSize(unconfirmed.size() + 1);
            for (Map<String, Object> row : rows) {
                String pattern = "<shirong\\." + row.get("ID") + "\\.\\d+\\." + row.get("RECIPIENT") + "@localhost>";
                long copies = ids.stream().filter(id -> id.matches(pattern)).count();
                assertThat(copies).as("messages of row %s (%s)", row.get("ID"), row.get("STATUS"))
                        .isLessThanOrEqualTo(1).isGreaterThanOrEqualTo("DELIVERED".equals(row.get("STATUS")) ? 1 : 0);
            }
            assertThat(unconfirmed).as("the killed send reached the server").anyMatch(row -> ids.stream().anyMatch(id -> id.matches(
                    "<shirong\\." + row.get("ID") + "\\.\\d+\\." + row.get("RECIPIENT") + "@localhost>")));
            assertThat(rows).as("the dispatch mail to 环卫所's head is among them").anyMatch(r -> "huanwei1".equals(r.get("RECIPIENT")));
        } finally {
            smtp.stop();
        }
    }

    private ShirongJvm node(String name, int smtpPort) {
        return ShirongJvm.in(workDir, name)
                .arg("--spring.mail.host=127.0.0.1")
                .arg("--spring.mail.port=" + smtpPort)
                // A dead node's job is taken over once its lock expires (300 s by default).
                .arg("--camunda.bpm.job-execution.lock-time-in-millis=5000")
                .arg("--shirong.notification.retry-cycle=PT5S,PT5S")
                .start();
    }

    /** A case for 环卫所, whose head huanwei1 gets the dispatch mail. */
    private static ResponseEntity<Map> reportCase(ShirongJvm node) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return node.as("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"九亭大街垃圾堆放","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"九亭大街 88 号"},"externalRef":"MAIL-KILL-1"}
                """, headers), Map.class);
    }

    /** Waits until no delivery job is left: the taken-over job has run (or would show as an incident). */
    private static void awaitNoDeliveryLeft(ShirongJvm node) throws InterruptedException {
        TestRestTemplate admin = node.as("admin", "admin");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<?> jobs = admin.getForObject("/engine-rest/job?maxResults=10&processDefinitionKey="
                    + NotificationDeliveryProcess.KEY, List.class);
            List<?> done = admin.getForObject("/engine-rest/history/process-instance?maxResults=10&finished=true&processDefinitionKey="
                    + NotificationDeliveryProcess.KEY, List.class);
            if (jobs.isEmpty() && !done.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the delivery job did not finish on the restarted node:\n" + node.logTail());
    }

    private List<Map<String, Object>> emailRows() throws Exception {
        String url = "jdbc:h2:file:" + workDir.resolve("data/shirong").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForList(
                    "select id, status, recipient from notification_outbox where channel = 'EMAIL'");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.notification.OutboxMessage.OutboxStatus;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.NewCase;
import org.shirong.rectification.RectificationCases;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.ShirongWebTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail through the whole application to a real SMTP server (GreenMail on a free local port): a
 * dispatched case's lead unit gets one mail with a correctly encoded Chinese subject, however often
 * the send task or the delivery job runs, even after the job's own transaction rolled back; with the
 * server down the job retries on the configured cycle (here PT1M,PT5M) into an incident, and
 * Cockpit's retry delivers it once the server is back.
 */
@ShirongWebTest
@TestPropertySource(properties = "shirong.notification.retry-cycle=PT1M,PT5M")
class EmailDeliveryTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    RectificationCases cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    NotificationDigests digests;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case for 环卫所 (whose only member is huanwei1), its dispatch notification written with it. */
    private CaseRecord dispatchedCase(String title) {
        return cases.report("jiuting", new NewCase(title, "EXPOSED_GARBAGE", "NORMAL", "PATROL",
                new NewCase.Location("九亭大街 88 号", null, null, null), "巡查发现", null), "lvrong1").record();
    }

    private List<String> rows(CaseRecord c) {
        return jdbc.queryForList("select channel || ':' || recipient from notification_outbox where business_key = ?"
                + " order by channel, recipient", String.class, c.caseNo());
    }

    private long emailRow(CaseRecord c) {
        return jdbc.queryForObject("select id from notification_outbox where business_key = ? and channel = 'EMAIL'",
                Long.class, c.caseNo());
    }

    private ProcessInstance deliveryOf(long outboxId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY)
                .processInstanceBusinessKey(Long.toString(outboxId)).singleResult();
    }

    private Job deliveryJob(long outboxId) {
        return managementService.createJobQuery().processInstanceId(deliveryOf(outboxId).getId()).singleResult();
    }

    @Test
    void theLeadUnitGetsOneUtf8MailHoweverOftenTheSendTaskAndTheDeliveryRun() throws Exception {
        CaseRecord c = dispatchedCase("九亭大街路口暴露垃圾");
        assertThat(rows(c)).containsExactly("EMAIL:huanwei1", "INBOX:huanwei1");

        // The send task once more (as when a redispatch lands on the same unit and due date): no new row, no second delivery.
        runtimeService.createProcessInstanceModification(c.processInstanceId())
                .startBeforeActivity(RectificationProcess.TASK_NOTIFY_DISPATCHED).execute();
        assertThat(rows(c)).containsExactly("EMAIL:huanwei1", "INBOX:huanwei1");
        long id = emailRow(c);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY)
                .processInstanceBusinessKey(Long.toString(id)).count()).isEqualTo(1);

        managementService.executeJob(deliveryJob(id).getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("【案件派遣】" + c.caseNo() + " 九亭大街路口暴露垃圾");
        assertThat(mail.getHeader("Subject")[0]).startsWithIgnoringCase("=?UTF-8?");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("huanwei1@jiuting.example.cn");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("shirong@localhost");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).startsWith("环卫所：").contains("地点：九亭大街 88 号", "打开任务列表：http://");
        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(mail.getMessageID()).as("stable per outbox row")
                .isEqualTo("<shirong." + id + "." + row.createdAt().toEpochMilli() + ".huanwei1@localhost>");
        assertThat(deliveryOf(id)).isNull();

        // The same row's job again (run twice, or its lock expired): no second mail.
        runtimeService.createProcessInstanceByKey(NotificationDeliveryProcess.KEY).processDefinitionTenantId("jiuting").businessKey(Long.toString(id)).execute();
        managementService.executeJob(deliveryJob(id).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /**
     * 任务下达 to two units in one handing-out: chuangban1, head of 创建工作办公室 and of 绿容所, gets one mail listing each
     * unit's tasks under the unit's name (it got two before, s54); a clerk of one of the units gets that unit's alone.
     */
    @Test
    void aHeadOfTwoUnitsGetsOneMailListingEachUnitsTasksUnderItsName() throws Exception {
        String campaign = "JT-DIGEST-" + System.nanoTime();
        var values = java.util.Map.<String, Object>of("campaignName", "九亭镇创建达标镇", "occasion", "“前期准备”阶段开始");
        var parts = List.of(
                new NotificationDigests.UnitPart("chuangban", java.util.Map.of("taskCount", "2", "tasks", List.of(
                        java.util.Map.of("name", "完善组织网络", "requirement", "", "due", "2027年2月19日 17:00"),
                        java.util.Map.of("name", "拟订工作方案并明确职责", "requirement", "", "due", "2027年2月19日 17:00")))),
                new NotificationDigests.UnitPart("lvrong", java.util.Map.of("taskCount", "1", "tasks", List.of(
                        java.util.Map.of("name", "签订目标责任书", "requirement", "签订后上传责任书", "due", "2027年2月19日 17:00")))));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> assertThat(digests.sendPerPerson(campaign, "phase1", "campaign-tasks-issued",
                values, parts, "jiuting", campaign)).isPositive());
        List<String> mailRows = jdbc.queryForList("select recipient from notification_outbox where business_key = ?"
                + " and channel = 'EMAIL' order by recipient", String.class, campaign);
        assertThat(mailRows).as("each person once").doesNotHaveDuplicates().contains("chuangban1", "chuangban2", "lvrong1");
        // the same handing-out again (a retried job): nothing more
        transaction.executeWithoutResult(status -> assertThat(digests.sendPerPerson(campaign, "phase1", "campaign-tasks-issued",
                values, parts, "jiuting", campaign)).isZero());
        for (String user : List.of("chuangban1", "chuangban2")) {
            long id = jdbc.queryForObject("select id from notification_outbox where business_key = ? and channel = 'EMAIL'"
                    + " and recipient = ?", Long.class, campaign, user);
            managementService.executeJob(deliveryJob(id).getId());
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage head = java.util.Arrays.stream(received).filter(m -> addressedTo(m, "chuangban1@jiuting.example.cn"))
                .findFirst().orElseThrow();
        assertThat(head.getSubject()).isEqualTo("【任务下达】九亭镇创建达标镇“前期准备”阶段开始，向你所在的 2 个单位下达 3 项任务");
        assertThat((String) head.getContent()).startsWith("创建工作办公室、绿容所：")
                .contains("向你所在的 2 个单位下达以下任务", "【创建工作办公室】2 项\n\n1. 完善组织网络", "2. 拟订工作方案并明确职责",
                        "【绿容所】1 项\n\n签订目标责任书\n   期限：2027年2月19日 17:00\n   要求：签订后上传责任书",
                        "#/?about=" + campaign);
        MimeMessage clerk = java.util.Arrays.stream(received).filter(m -> addressedTo(m, "chuangban2@jiuting.example.cn"))
                .findFirst().orElseThrow();
        assertThat(clerk.getSubject()).isEqualTo("【任务下达】九亭镇创建达标镇“前期准备”阶段开始，向你单位下达 2 项任务");
        assertThat((String) clerk.getContent()).startsWith("创建工作办公室：").doesNotContain("绿容所", "签订目标责任书");
    }

    /**
     * s55: a 属地 town answering 非本镇属地 on a district's case tells the district's office: its 【属地有误】 is queued under
     * the district (it was the town's), so that its mail is delivered by the district's own delivery process.
     */
    @Test
    void theTerritoryDisputeIsTheDistrictsNoticeDeliveredInTheDistrict() {
        ResponseEntity<java.util.Map> reported = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases",
                json("{\"title\":\"涞亭南路绿化缺株\",\"category\":\"SURVEY_URBAN_GREENERY\",\"source\":\"SURVEY\","
                        + "\"location\":{\"address\":\"涞亭南路 38 号\",\"territory\":\"石湖荡镇\"}}"), java.util.Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        String cooperation = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNo + "/shdshirongban").singleResult().getId();
        for (var jobs = managementService.createJobQuery().processInstanceId(cooperation).executable().list(); !jobs.isEmpty();
                jobs = managementService.createJobQuery().processInstanceId(cooperation).executable().list()) {
            managementService.executeJob(jobs.get(0).getId());
        }
        String task = taskService.createTaskQuery().processInstanceId(cooperation).singleResult().getId();
        assertThat(rest.withBasicAuth("shdshirongban1", "demo").postForEntity("/engine-rest/task/" + task + "/complete",
                json("{\"variables\":{\"cooperationOutcome\":{\"value\":\"NOT_TERRITORY\"},"
                        + "\"cooperationNote\":{\"value\":\"应属九亭镇\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        long id = jdbc.queryForObject("select id from notification_outbox where template_id = 'case-territory-disputed'"
                + " and recipient = 'sjshirongban1' and channel = 'EMAIL'", Long.class);
        assertThat(deliveryOf(id).getTenantId()).isEqualTo("songjiang");
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private static boolean addressedTo(MimeMessage mail, String address) {
        try {
            return java.util.Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeliveryWhoseJobRollsBackAfterTheSendIsNotSentAgainWhenTheJobIsRetried() {
        CaseRecord c = dispatchedCase("沪松公路绿化带垃圾");
        long id = emailRow(c);

        // The job's transaction fails after the mail went out: the row stays delivered (its own transaction).
        TransactionTemplate jobTransaction = new TransactionTemplate(transactions);
        jobTransaction.executeWithoutResult(status -> {
            delivery.deliver(id);
            status.setRollbackOnly();
        });
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);

        managementService.executeJob(deliveryJob(id).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(deliveryOf(id)).isNull();
    }

    @Test
    void aRowLeftSendingByANodeThatDiedIsNotSentAgainButRecordedAsUnconfirmed() {
        CaseRecord c = dispatchedCase("沪亭北路乱堆物");
        long id = emailRow(c);
        // As a node leaves it that died after handing the message over and before recording the answer.
        jdbc.update("update notification_outbox set status = 'SENDING', send_started_at = current_timestamp where id = ?", id);

        managementService.executeJob(deliveryJob(id).getId());

        assertThat(smtp.getReceivedMessages()).isEmpty();
        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.UNCONFIRMED);
        assertThat(row.lastError()).startsWith("发送结果未确认");
        assertThat(deliveryOf(id)).as("the delivery ends without an incident").isNull();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void theRowIsMarkedSendingOnlyOnceTheServerIsConnectedSoANodeDyingWhileConnectingLeavesItToBeSent() throws Exception {
        CaseRecord c = dispatchedCase("九亭大街垃圾桶满溢");
        long id = emailRow(c);
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // a server that takes the connection and has not greeted yet (as a slow or far one)
            org.springframework.mail.javamail.JavaMailSenderImpl slow = new org.springframework.mail.javamail.JavaMailSenderImpl();
            slow.setHost("127.0.0.1");
            slow.setPort(silent.getLocalPort());
            NotificationDelivery connecting = new NotificationDelivery(outbox,
                    List.of(new EmailChannel(slow, "shirong@localhost", identityService)), transactions);
            var run = java.util.concurrent.CompletableFuture.runAsync(() -> connecting.deliver(id));
            try (java.net.Socket accepted = silent.accept()) {
                assertThat(outbox.find(id).orElseThrow().status()).as("while only connecting, a node that died would leave it")
                        .isEqualTo(OutboxStatus.PENDING);
            }
            assertThatThrownBy(run::join).hasMessageContaining("邮件服务器连接失败：127.0.0.1:" + silent.getLocalPort());
        }
        OutboxMessage row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        managementService.executeJob(deliveryJob(id).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    }

    /**
     * With the server down the job retries into an incident whose text is Chinese and names the server, each attempt one
     * WARN line of Shirong's and nothing at ERROR or with a stack trace from the engine (relreview-s58 L5); Cockpit's
     * default 重试 (PUT /job/{id}/retries without a due date) makes the job due now, not at its last failure plus the
     * retry interval (L4), and the mail goes out once.
     */
    @Test
    void withTheServerDownTheJobRetriesIntoAnIncidentAndCockpitsRetryDeliversOnce() throws Exception {
        CaseRecord c = dispatchedCase("涞寅路乱张贴");
        long id = emailRow(c);
        String jobId = deliveryJob(id).getId();
        smtp.stop();

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger engineContext = logback.getLogger("org.camunda.bpm.engine.context");
        Level engineContextLevel = engineContext.getLevel();
        engineContext.setLevel(Level.INFO);
        log.start();
        logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(log);
        List<Throwable> failures = new java.util.ArrayList<>();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThatThrownBy(() -> managementService.executeJob(jobId)).as("attempt %d", attempt)
                        .satisfies(failures::add).hasMessageContaining("邮件服务器连接失败：127.0.0.1:" + SMTP_PORT);
            }
            // what the job executor's thread does with each failure after the engine's own handling (ENGINE-14006)
            failures.forEach(failure -> ExecuteJobHelper.LOGGING_HANDLER.exceptionWhileExecutingJob(jobId, failure));
        } finally {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(log);
            engineContext.setLevel(engineContextLevel);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .allSatisfy(e -> {
                    assertThat(e.getLoggerName()).isEqualTo(NotificationDelivery.class.getName());
                    assertThat(e.getFormattedMessage()).contains("通知 " + id + " 发送失败", "邮件服务器连接失败");
                    assertThat(e.getThrowableProxy()).isNull();
                })
                .hasSize(3);

        assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
        var incident = runtimeService.createIncidentQuery().processInstanceId(deliveryOf(id).getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getIncidentMessage()).startsWith("邮件服务器连接失败：127.0.0.1:" + SMTP_PORT + "（");
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(3);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult())
                .as("the case goes on").isNotNull();
        assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getDuedate())
                .as("due at the last failure plus the retry interval").isAfter(new java.util.Date());

        smtp.start();
        ResponseEntity<String> retried = rest.withBasicAuth("admin", "admin").exchange("/engine-rest/job/" + jobId + "/retries",
                org.springframework.http.HttpMethod.PUT, json("{\"retries\":1}"), String.class);
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        List<Job> due = managementService.createJobQuery().processInstanceId(deliveryOf(id).getId()).executable().list();
        assertThat(due).as("due now, for the job executor's next round").extracting(Job::getId).containsExactly(jobId);
        assertThat(due.get(0).getDuedate()).isBeforeOrEqualTo(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        managementService.executeJob(jobId);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("【案件派遣】" + c.caseNo() + " 涞寅路乱张贴");
        assertThat(deliveryOf(id)).isNull();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.DELIVERED);
    }

    /**
     * relreview-s58 L9: a server that accepts the connection and never greets held a job thread for the whole timeout on
     * every message. After one such timeout the channel rests: the next delivery fails at once onto its retry cycle
     * without connecting (the server accepts no second connection from Shirong).
     */
    @Test
    void afterAServerThatNeverGreetsTimedOutTheNextDeliveryFailsWithoutConnecting() throws Exception {
        long first = emailRow(dispatchedCase("九亭大街占道经营"));
        long second = emailRow(dispatchedCase("九亭大街乱晾晒衣物"));
        try (ServerSocket hanging = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hanging.accept()); // and never a greeting
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            org.springframework.mail.javamail.JavaMailSenderImpl silent = new org.springframework.mail.javamail.JavaMailSenderImpl();
            silent.setHost("127.0.0.1");
            silent.setPort(hanging.getLocalPort());
            silent.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "10000");
            silent.getJavaMailProperties().setProperty("mail.smtp.timeout", "300");
            NotificationDelivery delivering = new NotificationDelivery(outbox,
                    List.of(new EmailChannel(silent, "shirong@localhost", identityService)), transactions);

            assertThatThrownBy(() -> delivering.deliver(first)).isInstanceOf(MailServerUnreachable.class)
                    .hasMessageStartingWith("邮件服务器连接失败：127.0.0.1:" + hanging.getLocalPort() + "（连接或等待服务器应答超时）");
            assertThatThrownBy(() -> delivering.deliver(second)).isInstanceOf(MailServerUnreachable.class)
                    .hasMessageContaining("刚才没有应答").hasMessageContaining("秒内不再连接");

            // A connection of the test's own: once the server took it, any the second delivery made was taken before it.
            try (java.net.Socket probe = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), hanging.getLocalPort())) {
                while (accepted.stream().noneMatch(s -> s.getPort() == probe.getLocalPort())) {
                    Thread.sleep(10);
                }
                assertThat(accepted).as("the first delivery's connection and the probe, none of the second delivery").hasSize(2);
            } finally {
                synchronized (accepted) {
                    for (java.net.Socket s : accepted) {
                        s.close();
                    }
                }
            }
        }
        assertThat(outbox.find(first).orElseThrow().attempts()).isEqualTo(1);
        OutboxMessage waiting = outbox.find(second).orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("秒内不再连接");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}

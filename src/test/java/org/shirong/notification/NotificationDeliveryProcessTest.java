package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.notification.OutboxMessage.OutboxStatus;
import org.shirong.system.SharesJvm;

/**
 * 通知投递 with the webhook channel against a group robot on 127.0.0.1: the payload, exactly one
 * message however often the job runs, retries on 5xx and on a robot's error code along the
 * configured cycle, the incident after the last retry, and Cockpit's retry delivering it once; a robot that
 * never finishes its answer (a byte at a time, or without end) holds the delivery job no longer than the timeout, and
 * then rests: its other messages fail at once and are sent on the retry cycle.
 */
@Deployment(resources = "processes/NotificationDeliveryProcess.bpmn")
@SharesJvm
class NotificationDeliveryProcessTest {

    private static final Instant NOW = Instant.parse("2026-05-09T02:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    private record Request(String method, String contentType, String body) {
    }

    private static HttpServer robot;
    private static final List<Request> requests = new CopyOnWriteArrayList<>();
    /** The robot's next answers: HTTP status and body. */
    private static final AtomicReference<Object[]> answer = new AtomicReference<>();
    /** Bodies the robot does not simply send: the first byte and then nothing, until released; bytes without end. */
    private static final String STALLING = "STALLING", ENDLESS = "ENDLESS";
    private static volatile CountDownLatch stalled = new CountDownLatch(1);

    ProcessEngine processEngine;
    NotificationFixture fixture;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startRobot() throws IOException {
        robot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        robot.createContext("/robot", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Object[] reply = answer.get();
            if (reply[1] == STALLING || reply[1] == ENDLESS) {
                exchange.sendResponseHeaders((int) reply[0], 0);
                try {
                    if (reply[1] == STALLING) {
                        exchange.getResponseBody().write('{');
                        exchange.getResponseBody().flush();
                        stalled.await(2, TimeUnit.MINUTES);
                    } else {
                        byte[] chunk = "服务繁忙".repeat(5000).getBytes(StandardCharsets.UTF_8);
                        while (true) {
                            exchange.getResponseBody().write(chunk);
                        }
                    }
                } catch (IOException | InterruptedException clientGone) {
                    // the delivery stopped reading
                }
                exchange.close();
                return;
            }
            byte[] body = ((String) reply[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((int) reply[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        robot.setExecutor(Executors.newCachedThreadPool());
        robot.start();
    }

    @AfterAll
    static void stopRobot() {
        robot.stop(0);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        NotificationFixture.migrate(processEngine);
        fixture = new NotificationFixture(processEngine, "http://127.0.0.1:" + robot.getAddress().getPort() + "/robot");
        fixture.register();
        fixture.member("chuangban1", "chuangban", true);
        fixture.member("lingdao1", "lingdao", true);
        requests.clear();
        robotAnswers(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    @AfterEach
    void tearDown() {
        stalled.countDown();
        stalled = new CountDownLatch(1);
        fixture.clear();
        Mocks.reset();
        ClockUtil.reset();
    }

    private static void robotAnswers(int status, String body) {
        answer.set(new Object[] {status, body});
    }

    private static Notification overdue(Recipients recipients) {
        return new Notification("JT-2026-000042", "case-overdue", "2026-05-09T02:00:00Z",
                NotificationTemplatesTest.sampleModel(), recipients, null);
    }

    private static final Recipients OFFICE = new Recipients(Set.of("chuangban1"), Set.of("chuangban"));

    private ProcessInstance delivery() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).singleResult();
    }

    private static Job job(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private OutboxMessage row(ProcessInstance pi) {
        return fixture.outbox.find(Long.parseLong(pi.getBusinessKey())).orElseThrow();
    }

    @Test
    void theRobotGetsTheTextOnceEvenWhenTheDeliveryJobRunsAgain() throws IOException {
        assertThat(fixture.notifications.send(overdue(OFFICE))).isEqualTo(2);
        ProcessInstance pi = delivery();
        assertThat(pi).isWaitingAt(NotificationDeliveryProcess.TASK_DELIVER);
        assertThat(row(pi).channel()).isEqualTo(Channel.WEBHOOK);
        assertThat(row(pi).recipient()).isEqualTo(WebhookChannel.DEFAULT_TARGET);

        managementService().executeJob(job(pi).getId());

        assertThat(pi).hasPassed(NotificationDeliveryProcess.END_DELIVERED).isEnded();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        });
        JsonNode payload = json.readTree(requests.get(0).body());
        assertThat(payload.path("msgtype").asText()).isEqualTo("text");
        assertThat(payload.path("text").path("content").asText())
                .startsWith("【超期督办】JT-2026-000042 已超过整改期限\n创建工作办公室、环卫所负责同志：")
                .contains("地点：九亭大街 88 号");
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(row(pi).attempts()).isEqualTo(1);

        // The same row's job once more (a job run twice, a lock that expired): nothing is posted again.
        ProcessInstance again = runtimeService().createProcessInstanceByKey(NotificationDeliveryProcess.KEY)
                .businessKey(pi.getBusinessKey()).execute();
        managementService().executeJob(job(again).getId());
        assertThat(again).isEnded();
        assertThat(requests).hasSize(1);
        // The same notification written again (a retried send task): nothing new is queued.
        assertThat(fixture.notifications.send(overdue(OFFICE))).isZero();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).count()).isZero();
    }

    @Test
    void serverErrorsAreRetriedOnTheCycleThenAnIncidentAndCockpitsRetryDeliversOnce() {
        robotAnswers(503, "service unavailable");
        fixture.notifications.send(overdue(OFFICE));
        ProcessInstance pi = delivery();
        String jobId = job(pi).getId();

        // PT1M,PT10M,PT1H: four tries in all, the next one due after each interval.
        for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1))) {
            assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("HTTP 503");
            assertThat(job(pi).getDuedate()).isEqualTo(Date.from(NOW.plus(wait)));
            assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        }
        assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("HTTP 503");
        assertThat(job(pi).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentType())
                .isEqualTo("failedJob");
        assertThat(requests).hasSize(4);
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row(pi).attempts()).isEqualTo(4);
        assertThat(row(pi).lastError()).contains("HTTP 503");

        robotAnswers(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        managementService().setJobRetries(jobId, 1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        managementService().executeJob(jobId);

        assertThat(pi).isEnded();
        assertThat(requests).hasSize(5);
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void aRobotThatRefusesWithAnErrorCodeIsTriedAgain() {
        robotAnswers(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        fixture.notifications.send(overdue(OFFICE));
        ProcessInstance pi = delivery();

        assertThatThrownBy(() -> managementService().executeJob(job(pi).getId())).hasMessageContaining("45009");
        assertThat(job(pi).getRetries()).isEqualTo(3);

        robotAnswers(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        managementService().executeJob(job(pi).getId());
        assertThat(pi).isEnded();
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(row(pi).attempts()).isEqualTo(2);
    }

    @Test
    void groupsWithoutARobotOfTheirOwnShareTheDefaultOneAndUsersAloneGetNone() {
        Recipients officeAndLeaders = new Recipients(Set.of("chuangban1", "lingdao1"), Set.of("chuangban", "lingdao"));

        assertThat(fixture.notifications.send(overdue(officeAndLeaders))).isEqualTo(3);
        assertThat(fixture.notifications.send(overdue(officeAndLeaders))).isZero();
        assertThat(fixture.jdbc.queryForList("select channel || ':' || recipient from notification_outbox order by channel, recipient",
                String.class)).containsExactly("INBOX:chuangban1", "INBOX:lingdao1", "WEBHOOK:(default)");

        Notification usersOnly = new Notification("JT-2026-000043", "case-overdue", "1",
                NotificationTemplatesTest.sampleModel(), new Recipients(Set.of("lingdao1"), Set.of()), null);
        assertThat(fixture.notifications.send(usersOnly)).isEqualTo(1);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).count())
                .isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void aRobotThatStopsHalfWayThroughItsAnswerFailsTheTryWithinTheTimeoutAndIsTriedAgainOnTheCycle() {
        robotAnswers(200, STALLING);
        fixture.notifications.send(overdue(OFFICE));
        ProcessInstance pi = delivery();
        String jobId = job(pi).getId();

        long started = System.nanoTime();
        // the job thread comes back after the 5 s timeout (the test's @Timeout interrupts it otherwise)
        assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("没有回应完毕");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(job(pi).getRetries()).isEqualTo(3);
        assertThat(job(pi).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(1))));
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row(pi).lastError()).contains("5 秒内没有回应完毕");

        // the robot rests for six timeouts: another message's job fails at once, without a request, and tries again later
        fixture.notifications.send(new Notification("JT-2026-000043", "case-overdue", "1", NotificationTemplatesTest.sampleModel(),
                OFFICE, null));
        ProcessInstance next = runtimeService().createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY)
                .list().stream().filter(p -> !p.getId().equals(pi.getId())).findFirst().orElseThrow();
        long nextStarted = System.nanoTime();
        assertThatThrownBy(() -> managementService().executeJob(job(next).getId())).hasMessageContaining("秒内不再尝试");
        assertThat(Duration.ofNanos(System.nanoTime() - nextStarted)).isLessThan(Duration.ofSeconds(2));
        assertThat(job(next).getRetries()).isEqualTo(3);
        assertThat(requests).hasSize(1);

        robotAnswers(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(1))));
        managementService().executeJob(jobId);
        managementService().executeJob(job(next).getId());
        assertThat(pi).isEnded();
        assertThat(next).isEnded();
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(requests).hasSize(3);
    }

    @Test
    @Timeout(30)
    void aRobotThatAnswersWithoutEndIsReadOnlyToTheLimitAndItsStatusCounts() {
        robotAnswers(503, ENDLESS);
        fixture.notifications.send(overdue(OFFICE));
        ProcessInstance pi = delivery();
        String jobId = job(pi).getId();

        assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("HTTP 503");
        assertThat(row(pi).lastError()).hasSizeLessThan(400);

        robotAnswers(200, ENDLESS);
        managementService().executeJob(jobId);
        assertThat(pi).isEnded();
        assertThat(row(pi).status()).isEqualTo(OutboxStatus.DELIVERED);
    }
}

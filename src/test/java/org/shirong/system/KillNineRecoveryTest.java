package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.rectification.RectificationProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code kill -9} under load on the embedded default database (H2 file under {@code ./data} with the
 * settings of {@code config/application.yaml}, job executor on, demo accounts): four clients report
 * cases and claim them until the node is killed with SIGKILL; after a restart on the same directory
 * every case answered 201 is still there under the same number (its external reference answers 200,
 * not a new case), every claim answered 204 is still done, and no job sits at 0 retries without an
 * incident. A job the killed node held runs right after the restart, not when its lock expires.
 */
class KillNineRecoveryTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final int CLIENTS = 4;
    /** Claims acknowledged before the kill: enough that commits are in flight when it comes. */
    private static final int CLAIMS_BEFORE_KILL = 16;

    @TempDir
    Path workDir;

    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private final Map<String, String> claimed = new ConcurrentHashMap<>();
    private final AtomicInteger clientErrorsBeforeKill = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();

    @Test
    void everyAcknowledgedCaseAndStepSurvivesAKillNineOfTheEmbeddedDefault() throws Exception {
        try (ShirongJvm node = ShirongJvm.in(workDir, "before-kill").start().awaitReady(START)) {
            List<Thread> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                Thread thread = new Thread(() -> drive(node, number), "client-" + client);
                thread.start();
                clients.add(thread);
            }
            long started = System.nanoTime();
            long deadline = started + Duration.ofSeconds(90).toNanos();
            while (claimed.size() < CLAIMS_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            killed.set(true);
            node.kill();
            for (Thread client : clients) {
                client.join(70_000);
            }
            assertThat(claimed).as("claims acknowledged before the kill; log:%n%s", node.logTail()).hasSizeGreaterThanOrEqualTo(CLAIMS_BEFORE_KILL);
            System.out.printf("kill -9 after %d ms: %d cases answered 201, %d claims answered 204, %d calls refused%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), reported.size(), claimed.size(), clientErrorsBeforeKill.get());
        }

        try (ShirongJvm node = ShirongJvm.in(workDir, "after-kill").start().awaitReady(START)) {
            TestRestTemplate reporter = node.as("lvrong1", "demo");
            Map<String, String> lostOrRenumbered = new ConcurrentHashMap<>();
            reported.forEach((ref, caseNo) -> {
                ResponseEntity<Map> again = reporter.postForEntity("/api/cases", json(body(ref)), Map.class);
                if (again.getStatusCode() != HttpStatus.OK || !caseNo.equals(again.getBody().get("caseNo"))) {
                    lostOrRenumbered.put(ref, caseNo + " -> " + again.getStatusCode() + " " + again.getBody());
                }
            });
            SoftAssertions after = new SoftAssertions();
            after.assertThat(lostOrRenumbered).as("cases answered 201 before the kill (of %d) that the restarted node does not know",
                    reported.size()).isEmpty();

            TestRestTemplate admin = node.as("admin", "admin");
            List<String> undone = new ArrayList<>();
            claimed.forEach((taskId, caseNo) -> {
                List<Map<String, Object>> history = admin.getForObject("/engine-rest/history/task?maxResults=10&taskId=" + taskId, List.class);
                List<?> open = admin.getForObject("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNo
                        + "&taskDefinitionKey=" + RectificationProcess.TASK_CLAIM, List.class);
                boolean done = history.size() == 1 && history.get(0).get("endTime") != null
                        && "completed".equals(history.get(0).get("deleteReason")) && open.isEmpty();
                if (!done) {
                    undone.add(caseNo + " 认领案件 " + taskId + (open.isEmpty() ? " not completed in history" : " open again"));
                }
            });
            after.assertThat(undone).as("claims answered 204 before the kill (of %d) that are back at 认领案件", claimed.size()).isEmpty();

            List<Map<String, Object>> exhausted = admin.getForObject("/engine-rest/job?maxResults=2000&noRetriesLeft=true", List.class);
            Set<Object> withIncident = ((List<Map<String, Object>>) admin.getForObject("/engine-rest/incident?maxResults=2000&incidentType=failedJob", List.class))
                    .stream().map(incident -> incident.get("configuration")).collect(Collectors.toSet());
            after.assertThat(exhausted).as("jobs at 0 retries without an incident")
                    .allSatisfy(job -> assertThat(withIncident).contains(job.get("id")));
            after.assertAll();
        }
    }

    /**
     * A job the killed node had locked when it fell due (here the case's 黄灯 timer, left in the database as a node
     * killed while running it leaves it: due, with that node's lock still valid) runs as soon as the node is
     * back, not when the lock expires (5 minutes on the embedded default, which only one JVM can open).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aJobTheKilledNodeHadLockedRunsRightAfterTheRestart() throws Exception {
        String caseNo;
        String warning;
        try (ShirongJvm node = ShirongJvm.in(workDir, "before-kill").start().awaitReady(START)) {
            ResponseEntity<Map> created = node.as("lvrong1", "demo").postForEntity("/api/cases", json(body("KILL9-LOCKED")), Map.class);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            caseNo = (String) created.getBody().get("caseNo");
            TestRestTemplate admin = node.as("admin", "admin");
            String instance = (String) ((List<Map<String, Object>>) admin.getForObject("/engine-rest/process-instance?maxResults=2&businessKey="
                    + caseNo, List.class)).get(0).get("id");
            warning = (String) ((List<Map<String, Object>>) admin.getForObject("/engine-rest/job?maxResults=2&processInstanceId=" + instance
                    + "&activityId=" + RectificationProcess.BOUNDARY_WARNING, List.class)).get(0).get("id");
            node.kill();
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/shirong").toAbsolutePath(), "sa", "");
                PreparedStatement lock = db.prepareStatement("update act_ru_job set duedate_ = ?, lock_owner_ = 'the-killed-node',"
                        + " lock_exp_time_ = ? where id_ = ?")) {
            // a day either way: the node writes local time of shirong.time-zone, this JVM may be in another zone
            lock.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
            lock.setTimestamp(2, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
            lock.setString(3, warning);
            assertThat(lock.executeUpdate()).isOne();
        }

        try (ShirongJvm node = ShirongJvm.in(workDir, "after-kill").start().awaitReady(START)) {
            TestRestTemplate admin = node.as("admin", "admin");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean warned = false;
            while (!warned && System.nanoTime() < deadline) {
                Thread.sleep(500);
                warned = Boolean.TRUE.equals(((Map<String, Object>) admin.getForObject("/api/cases/" + caseNo, Map.class).get("record"))
                        .get("warningSent"));
            }
            assertThat(warned).as("the 黄灯 timer %s the killed node had locked ran within a minute of the restart; log:%n%s",
                    warning, node.logTail()).isTrue();
            assertThat(node.log()).contains("释放它锁定的 1 个作业");
        }
    }

    /** Reports cases as 绿容所 and claims each as 环卫所 (their lead unit) until the node is killed; records every 2xx. */
    private void drive(ShirongJvm node, int client) {
        TestRestTemplate reporter = node.as("lvrong1", "demo");
        TestRestTemplate unit = node.as("huanwei1", "demo");
        for (int i = 0; !killed.get(); i++) {
            String ref = "KILL9-" + client + "-" + i;
            try {
                ResponseEntity<Map> created = reporter.postForEntity("/api/cases", json(body(ref)), Map.class);
                if (created.getStatusCode() != HttpStatus.CREATED) {
                    failedBeforeKill();
                    continue;
                }
                String caseNo = (String) created.getBody().get("caseNo");
                reported.put(ref, caseNo);
                List<Map<String, Object>> tasks = unit.getForObject("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNo
                        + "&taskDefinitionKey=" + RectificationProcess.TASK_CLAIM, List.class);
                String taskId = (String) tasks.get(0).get("id");
                ResponseEntity<String> claim = unit.postForEntity("/engine-rest/task/" + taskId + "/complete",
                        json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class);
                if (claim.getStatusCode() == HttpStatus.NO_CONTENT) {
                    claimed.put(taskId, caseNo);
                } else {
                    failedBeforeKill();
                }
            } catch (RuntimeException e) {
                // Connection refused or reset: the node is gone (or going); anything else counts as a failure.
                failedBeforeKill();
            }
        }
    }

    private void failedBeforeKill() {
        if (!killed.get()) {
            clientErrorsBeforeKill.incrementAndGet();
        }
    }

    private static String body(String externalRef) {
        return """
                {"title":"崩溃恢复测试 %s","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"九亭大街 88 号"},"description":"kill -9 测试","externalRef":"%s"}
                """.formatted(externalRef, externalRef);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

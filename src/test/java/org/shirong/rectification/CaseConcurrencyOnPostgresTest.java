package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongOnPostgres;
import org.shirong.system.StatementCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Users' requests racing the engine's own background work on PostgreSQL, with the job executor on:
 * four clients drive 200 cases from report to closure over HTTP (every answer must be 2xx), and single
 * reports sent while a large import runs are answered while it runs, not after it. Statements per case and per
 * imported row (all threads, {@link StatementCounter}) and the import's rows per second are logged, not asserted.
 */
class CaseConcurrencyOnPostgresTest {

    private static final Logger LOG = LoggerFactory.getLogger(CaseConcurrencyOnPostgresTest.class);
    private static final String PASSWORD = "Jiuting#2026-Concurrency";
    private static final int CASES = 200;
    private static final int THREADS = 4;
    private static final int IMPORT_ROWS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ShirongOnPostgres.Running shirong;
    private static ConfigurableApplicationContext context;
    private static TestRestTemplate rest;
    private static JdbcTemplate jdbc;
    private static String engineRest;

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        shirong = ShirongOnPostgres.startWithDatabase(true, StatementCounter.Config.class);
        context = shirong.context();
        StatementCounter.countThreads(t -> true);
        rest = ShirongOnPostgres.adminRest(context);
        jdbc = context.getBean(JdbcTemplate.class);
        // The test's engine has a unique name, so engine REST is addressed by that name.
        engineRest = "/engine-rest/engine/" + context.getBean(ProcessEngine.class).getName();
        IdentityService identity = context.getBean(IdentityService.class);
        for (String id : List.of("lvrong1", "chengguan1", "ducha1")) {
            User user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        shirong.close();
    }

    @Test
    void fourClientsDriveTwoHundredCasesToClosureWithoutAFailedCall() throws Exception {
        // The second layer (retrying a completion that lost to a timer) is installed in the engine as started in production.
        assertThat(((ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getCustomPreCommandInterceptorsTxRequired()).extracting(i -> i.getClass().getSimpleName())
                .contains("CompletionRetryInterceptor");
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        StatementCounter.Counts before = StatementCounter.snapshot();
        List<String> caseNos = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int n = i;
            runs.add(CompletableFuture.runAsync(() -> driveToVerification(n, caseNos), clients));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        clients.shutdown();
        long driven = System.nanoTime();
        long closed = awaitClosed(caseNos, Duration.ofSeconds(90));
        StatementCounter.Counts spent = StatementCounter.snapshot().minus(before);
        LOG.info("W1 PostgreSQL 每件案件 SQL 语句 {} 条，其中写 {} 条（含后台作业和查询任务的调用）；按语句和表：{}",
                spent.total() / (double) CASES, spent.writes() / (double) CASES, spent.perUnit(CASES));
        LOG.info("W1 {} 个案件、{} 个线程：{} 次调用，失败 {} 次；驱动用时 {} ms，全部结案用时 {} ms", CASES, THREADS, calls.get(),
                failures.size(), (driven - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).isEmpty();
        assertThat(caseNos).hasSize(CASES);
        assertThat(closed).isEqualTo(CASES);
        // each closed once, on time, with its event; its cooperation (a 责任单位 of 乱设摊) ended with it and none still runs
        assertThat(jdbc.queryForObject("select count(*) from rect_case_event e join rect_case c on c.case_no = e.case_no"
                + " where c.external_ref like 'W1-%' and e.kind = 'CLOSED' and e.detail = '按期办结' and c.closed_on_time", Long.class))
                .isEqualTo(CASES);
        // the claim, the photo and the submission, each written with its event in one statement: once a case, by whom,
        // for no unit, and when the case's row (the photo's row) says
        assertThat(jdbc.queryForList("select e.kind || ' ' || e.actor || ' ' || coalesce(e.detail, '-') || ' ' || count(*)"
                + " from rect_case_event e join rect_case c on c.case_no = e.case_no where c.external_ref like 'W1-%'"
                + " and e.kind in ('CLAIMED', 'PHOTO_ADDED', 'SUBMITTED') and e.unit_id is null and e.occurred_at = case e.kind"
                + " when 'CLAIMED' then c.claimed_at when 'SUBMITTED' then c.submitted_at else (select p.uploaded_at"
                + " from rect_case_photo p where p.case_no = c.case_no and p.kind = 'AFTER') end"
                + " group by e.kind, e.actor, e.detail order by e.kind", String.class))
                .containsExactly("CLAIMED chengguan1 - " + CASES, "PHOTO_ADDED chengguan1 整改后照片 after.png " + CASES,
                        "SUBMITTED chengguan1 已清理 " + CASES);
        List<String> cooperations = jdbc.queryForList("select p.process_instance_id from rect_case_party p join rect_case c"
                + " on c.case_no = p.case_no where c.external_ref like 'W1-%' and p.ended_at is not null", String.class);
        assertThat(cooperations).hasSize(CASES).doesNotContainNull();
        assertThat(context.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(cooperations)).count()).isZero();
    }

    @Test
    void singleReportsAreAnsweredWhileALargeImportRuns() throws Exception {
        StringBuilder csv = new StringBuilder("externalRef,category,title,location,description,urgency\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append("IMP-").append(i).append(",ILLEGAL_STALL,占道经营 ").append(i).append(",九亭大街 ").append(i)
                    .append(" 号,,一般\n");
        }
        StatementCounter.Counts before = StatementCounter.snapshot();
        long started = System.nanoTime();
        CompletableFuture<ResponseEntity<Map>> importing = CompletableFuture.supplyAsync(() -> upload(csv.toString()));
        while (jdbc.queryForObject("select count(*) from rect_case where external_ref like 'IMP-%'", Long.class) == 0) {
            assertThat(importing.isDone()).as("import answered before any of its cases was seen: %s", importing).isFalse();
            Thread.sleep(50);
        }
        List<Long> singles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String ref = "SINGLE-" + i;
            long sent = System.nanoTime();
            ResponseEntity<String> answer = call("单件上报", () -> as("lvrong1").postForEntity("/api/cases", json(report(ref)), String.class));
            boolean importRunning = !importing.isDone();
            assertThat(answer.getStatusCode().value()).isEqualTo(201);
            assertThat(importRunning).as("single report %s answered before the import ended", i).isTrue();
            singles.add((System.nanoTime() - sent) / 1_000_000);
        }
        ResponseEntity<Map> imported = importing.get(5, TimeUnit.MINUTES);
        long importMs = (System.nanoTime() - started) / 1_000_000;
        StatementCounter.Counts spent = StatementCounter.snapshot().minus(before);
        LOG.info("导入 {} 行用时 {} ms（{} 行/秒），每行 SQL 语句约 {} 条（含其间的单件上报）；其间单件上报各用时（ms）：{}",
                IMPORT_ROWS, importMs, IMPORT_ROWS * 1000L / Math.max(1, importMs), spent.total() / IMPORT_ROWS, singles);
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(imported.getBody()).containsEntry("created", IMPORT_ROWS);
        assertThat(failures).isEmpty();
    }

    private void driveToVerification(int n, List<String> caseNos) {
        ResponseEntity<String> reported = call("上报", () -> as("lvrong1").postForEntity("/api/cases", json(report("W1-" + n)), String.class));
        if (!reported.getStatusCode().is2xxSuccessful()) {
            return;
        }
        String caseNo = (String) read(reported.getBody(), new TypeReference<Map<String, Object>>() { }).get("caseNo");
        caseNos.add(caseNo);
        if (!completeOwnTask("chengguan1", caseNo, "Task_ClaimCase", "{\"claimDecision\":{\"value\":\"claim\"}}")) {
            return;
        }
        String photo = Base64.getEncoder().encodeToString(CaseApiTest.PNG);
        if (!completeOwnTask("chengguan1", caseNo, "Task_RectifyProblem", "{\"rectifyAction\":{\"value\":\"submit\"},"
                + "\"measures\":{\"value\":\"已清理\"},\"photoAfter\":{\"type\":\"File\",\"value\":\"" + photo
                + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}")) {
            return;
        }
        completeOwnTask("ducha1", caseNo, "Task_VerifyRectification",
                "{\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"已整改到位\"}}");
    }

    /** Finds the case's task as {@code user}, claims it and completes it with {@code variables}; false after a failed call. */
    private boolean completeOwnTask(String user, String caseNo, String taskKey, String variables) {
        ResponseEntity<String> found = call("查询 " + taskKey, () -> as(user).getForEntity(
                engineRest + "/task?processInstanceBusinessKey=" + caseNo + "&taskDefinitionKey=" + taskKey + "&maxResults=10", String.class));
        if (!found.getStatusCode().is2xxSuccessful()) {
            return false;
        }
        List<Map<String, Object>> tasks = read(found.getBody(), new TypeReference<>() { });
        if (tasks.size() != 1) {
            failures.add(caseNo + " " + taskKey + "：找到 " + tasks.size() + " 个任务");
            return false;
        }
        String id = (String) tasks.get(0).get("id");
        return call("认领 " + taskKey, () -> as(user).postForEntity(engineRest + "/task/" + id + "/claim",
                        json("{\"userId\":\"" + user + "\"}"), String.class)).getStatusCode().is2xxSuccessful()
                && call("完成 " + taskKey, () -> as(user).postForEntity(engineRest + "/task/" + id + "/complete",
                        json("{\"variables\":" + variables + "}"), String.class)).getStatusCode().is2xxSuccessful();
    }

    private ResponseEntity<String> call(String step, Supplier<ResponseEntity<String>> request) {
        calls.incrementAndGet();
        ResponseEntity<String> answer = request.get();
        if (!answer.getStatusCode().is2xxSuccessful()) {
            String body = answer.getBody() == null ? "" : answer.getBody();
            failures.add(step + " → " + answer.getStatusCode().value() + " " + body.substring(0, Math.min(200, body.length())));
        }
        return answer;
    }

    private static long awaitClosed(List<String> caseNos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long closed = 0;
        while (System.nanoTime() < deadline) {
            closed = jdbc.queryForObject("select count(*) from rect_case where external_ref like 'W1-%' and status = 'CLOSED'", Long.class);
            if (closed == caseNos.size()) {
                break;
            }
            Thread.sleep(500);
        }
        return closed;
    }

    private static TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    private static String report(String externalRef) {
        return """
                {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"沪亭北路 100 号"},"externalRef":"%s"}
                """.formatted(externalRef);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static ResponseEntity<Map> upload(String csv) {
        return CsvUpload.post(rest, "/api/cases/import?organization=jiuting", csv.getBytes(StandardCharsets.UTF_8), "import.csv");
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}

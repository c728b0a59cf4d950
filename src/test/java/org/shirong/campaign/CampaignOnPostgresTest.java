package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongOnPostgres;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole 九亭 campaign on a real PostgreSQL 17 with the production profile: started through the API,
 * its phase tasks done, findings recorded as cases, meetings and monthly reports with their documents,
 * ended on its last day.
 */
class CampaignOnPostgresTest {

    private static ShirongOnPostgres.Running shirong;
    private static ConfigurableApplicationContext context;
    private static TestRestTemplate rest;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        shirong = ShirongOnPostgres.startWithDatabase(false);
        context = shirong.context();
        rest = ShirongOnPostgres.adminRest(context);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() throws Exception {
        ClockUtil.reset();
        shirong.close();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJiutingCampaignRunsFromStartToEndOnPostgres() {
        CampaignDriver.clockAt(at("2026-02-26T10:00"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> created = rest.postForEntity("/api/campaigns?organization=jiuting", new HttpEntity<>("""
                {"template":"jiuting-2023-standard-town","code":"JT-PG","name":"九亭镇创建达标镇（PostgreSQL）","dates":{"start":"2026-03-01"}}""",
                headers), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("JT-PG", context.getBean(ManagementService.class), context.getBean(RuntimeService.class),
                context.getBean(TaskService.class), jdbc);

        run.runUntil(at("2026-03-01T08:00"));
        run.completePhase(1);
        run.runUntil(at("2026-06-01T08:00"));
        run.complete("selfInspection/huanwei", Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "九亭大街 18 号垃圾桶满溢｜九亭大街 18 号｜暴露垃圾\n涞寅路沿街晾晒\t涞寅路 200 号\tHANGING_LAUNDRY"));
        run.completePhase(2);
        run.runUntil(at("2027-01-01T08:00"));

        Map<String, Object> detail = rest.getForObject("/api/campaigns/JT-PG", Map.class);
        assertThat((Map<String, Object>) detail.get("campaign")).containsEntry("status", "ENDED");
        assertThat((Map<String, Object>) detail.get("cases")).containsEntry("total", 2);
        assertThat(run.inboxBodies("lingdao1", "phase-ending-open-work")).as("phase 2 ended with its two cases open, and so did the campaign")
                .hasSize(2).allSatisfy(body -> assertThat(body).contains("环卫所（", "· 案件 ", "九亭大街 18 号垃圾桶满溢"))
                .last().asString().contains("“总结迎检”阶段", "活动随之结束");
        assertThat(run.meetingsConvened(context.getBean(HistoryService.class))).isEqualTo(20);
        List<Map<String, Object>> documents = rest.getForObject("/api/campaigns/JT-PG/documents", List.class);
        assertThat(documents).extracting(d -> d.get("kind")).contains("AGENDA", "MONTHLY_REPORT");
        assertThat(rest.getForObject((String) documents.get(0).get("url"), String.class)).contains("九亭镇创建达标镇（PostgreSQL）");
    }

    /**
     * The overlap check of a start, serialised on PostgreSQL as on H2 ({@link CampaignStartLock}): two overlapping starts
     * of 锦溪's 931 template sent at the same moment, held at the lock until both wait for it, start one (201) and refuse
     * the other (409 OVERLAPPING_CAMPAIGN); one campaign is stored.
     */
    @Test
    @SuppressWarnings("unchecked")
    void twoOverlappingStartsAtTheSameMomentStartOneOnPostgres() throws Exception {
        CampaignDriver.clockAt(at("2026-02-26T10:00"));
        String lock = CampaignStartLock.name("jinxi", "jinxi-2017-931");
        jdbc.update("insert into shirong_lock (name) select ? where not exists (select 1 from shirong_lock where name = ?)", lock, lock);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ResponseEntity<Map>>> answers = new java.util.ArrayList<>();
            new org.springframework.transaction.support.TransactionTemplate(context.getBean(
                    org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(held -> {
                jdbc.queryForObject("select name from shirong_lock where name = ? for update", String.class, lock);
                for (String code : List.of("JX-PG-A", "JX-PG-B")) {
                    answers.add(threads.submit(() -> {
                        together.await();
                        return rest.postForEntity("/api/campaigns?organization=jinxi", new HttpEntity<>("""
                                {"template":"jinxi-2017-931","code":"%s","name":"锦溪 931（同时发起）"}""".formatted(code), headers), Map.class);
                    }));
                }
                long until = System.nanoTime() + 60_000_000_000L;
                // pg_locks, not pg_stat_activity (a snapshot taken once per transaction); the second start waits behind the
                // first, not behind this transaction
                while (jdbc.queryForObject("select count(distinct pid) from pg_locks where not granted and pid <> pg_backend_pid()",
                        Integer.class) < 2) {
                    assertThat(System.nanoTime()).as("both starts wait for the lock").isLessThan(until);
                    assertThat(answers).as("no start is answered before it has the lock").noneMatch(java.util.concurrent.Future::isDone);
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
            });
            List<ResponseEntity<Map>> done = new java.util.ArrayList<>();
            for (var answer : answers) {
                done.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(done).extracting(ResponseEntity::getStatusCode).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
            ResponseEntity<Map> refused = done.stream().filter(r -> r.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
            assertThat(refused.getBody().toString()).contains("OVERLAPPING_CAMPAIGN", "重叠");
            assertThat(jdbc.queryForObject("select count(*) from campaign where code in ('JX-PG-A', 'JX-PG-B')", Integer.class)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}

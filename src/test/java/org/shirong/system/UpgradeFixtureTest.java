package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The current code on the databases the last single-organisation version (Flyway V21) wrote
 * ({@link UpgradeFixtures}: its H2 demo file and its PostgreSQL production database): it starts, and
 * serves the old data — every case with its status and flags, the campaigns, the inbox — lets a unit
 * claim an old case and an inspector close another through /engine-rest, serves an old case's photos,
 * and numbers a new case after the fixture's highest. Everything it stored now belongs to 九亭镇 (migration V22),
 * and another organisation sees none of it.
 */
class UpgradeFixtureTest {

    /** The fixture's cases (src/test/resources/upgrade/v21/README.md) with the status each was left in. */
    private static final Map<String, String> STATUSES = Map.ofEntries(
            entry("JT-2026-000001", "DISPATCHED"),
            entry("JT-2026-000002", "IN_RECTIFICATION"),
            entry("JT-2026-000003", "AWAITING_VERIFICATION"),
            entry("JT-2026-000004", "CLOSED"),
            entry("JT-2026-000005", "DISPATCHED"),
            entry("JT-2026-000006", "IN_RECTIFICATION"),
            entry("JT-2026-000007", "IN_RECTIFICATION"),
            entry("JT-2026-000008", "SUSPENDED"),
            entry("JT-2026-000009", "IN_RECTIFICATION"),
            entry("JT-2026-000010", "IN_RECTIFICATION"),
            entry("JT-2026-000011", "DISPATCHED"),
            entry("JT-2026-000012", "DISPATCHED"),
            entry("JT-2026-000013", "DISPATCHED"),
            entry("JT-2026-000014", "DISPATCHED"));

    /** act_ru_task, process instances in act_ru_execution, act_hi_procinst of the fixture. */
    private static final int OPEN_TASKS = 76;
    private static final int RUNNING_INSTANCES = 78;
    private static final int ALL_INSTANCES = 81;

    @TempDir
    Path workDir;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDemoRunsH2FileOfV21IsServedByTheCurrentVersion() {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = UpgradeFixtures.startOnH2(workDir)) {
            System.out.printf("started on the V21 H2 fixture in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            servesTheOldData(context, UpgradeFixtures.H2_ADMIN_PASSWORD, UpgradeFixtures.H2_USER_PASSWORD);
            anotherOrganisationSeesNoneOfIt(context, UpgradeFixtures.H2_USER_PASSWORD);
        }
    }

    @Test
    void theProductionPostgresDatabaseOfV21IsServedByTheCurrentVersion() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = UpgradeFixtures.postgres()) {
            System.out.printf("V21 PostgreSQL dump restored in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            try (ConfigurableApplicationContext context = UpgradeFixtures.startOnPostgres(postgres)) {
                System.out.printf("started on the V21 PostgreSQL fixture after %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
                servesTheOldData(context, UpgradeFixtures.PG_ADMIN_PASSWORD, UpgradeFixtures.PG_USER_PASSWORD);
            }
        }
    }

    /**
     * V22 put everything the single-organisation version stored into 九亭镇: no instance, task or definition is
     * left without a tenant (which every organisation would see), and a 锦溪 user sees none of it.
     */
    @SuppressWarnings("unchecked")
    private void anotherOrganisationSeesNoneOfIt(ConfigurableApplicationContext context, String userPassword) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (String table : List.of("act_ru_task", "act_ru_execution", "act_ru_variable", "act_hi_procinst", "act_hi_taskinst",
                "act_hi_varinst")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where tenant_id_ is null and proc_inst_id_ is not null",
                    Long.class)).as("%s rows without an organisation", table).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where tenant_id_ is null", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from rect_case where tenant_id <> 'jiuting'", Long.class)).isZero();
        // V23: an old case lies in its own organisation (its 属地), as a new one that names none.
        assertThat(jdbc.queryForObject("select count(*) from rect_case where territory is null or territory <> tenant_id",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from campaign where tenant_id <> 'jiuting'", Long.class)).isZero();
        // V24: the meeting case the old version linked in campaign_case belongs to its campaign, on the case itself.
        assertThat(jdbc.queryForList("select case_no || ':' || campaign_code from rect_case where campaign_code is not null",
                String.class)).containsExactly("JT-2026-000014:V21-JT");
        assertThat(jdbc.queryForObject("select count(*) from rect_case where due_at is not null and due_bound is null", Long.class))
                .isZero();

        String root = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        String engineRest = "/engine-rest/engine/" + context.getBean(ProcessEngine.class).getName();
        TestRestTemplate jinxi = new TestRestTemplate(new RestTemplateBuilder().rootUri(root)).withBasicAuth("jxtuijinban1", userPassword);
        assertThat((List<Object>) jinxi.getForObject("/api/cases?size=200", Map.class).get("items")).isEmpty();
        assertThat(jinxi.getForEntity("/api/cases/JT-2026-000004", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jinxi.getForObject(engineRest + "/task/count", Map.class)).containsEntry("count", 0);
        assertThat(jinxi.getForObject(engineRest + "/process-instance/count", Map.class)).containsEntry("count", 0);
        assertThat(jinxi.getForObject("/api/campaigns", List.class)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void servesTheOldData(ConfigurableApplicationContext context, String adminPassword, String userPassword) {
        String root = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        String engineRest = "/engine-rest/engine/" + context.getBean(ProcessEngine.class).getName();
        TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(root));
        TestRestTemplate office = anonymous.withBasicAuth("chuangban1", userPassword);
        TestRestTemplate admin = anonymous.withBasicAuth("admin", adminPassword);

        List<Map<String, Object>> cases = (List<Map<String, Object>>) office.getForObject("/api/cases?size=200", Map.class).get("items");
        assertThat(cases.stream().collect(Collectors.toMap(c -> (String) c.get("caseNo"), c -> (String) c.get("status"))))
                .as("the fixture's cases and their statuses").isEqualTo(STATUSES);
        Map<String, Map<String, Object>> byNo = cases.stream().collect(Collectors.toMap(c -> (String) c.get("caseNo"), c -> c));
        assertThat(byNo.get("JT-2026-000010")).as("the overdue case").containsEntry("overdue", true).containsEntry("escalated", true);
        assertThat(byNo.get("JT-2026-000009")).containsEntry("reworkCount", 1);
        assertThat(byNo.get("JT-2026-000007")).containsEntry("extensionCount", 1);
        assertThat(byNo.get("JT-2026-000014")).containsEntry("source", "MEETING").containsEntry("leadUnit", "chengguan");

        // V66: the fixture's history copies of uploads (6 File variables, 12 details) are gone, with their content
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (String table : List.of("act_hi_varinst", "act_hi_detail")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where var_type_ in ('file', 'bytes')", Integer.class))
                    .as(table).isZero();
        }

        // The engine's state as the old version left it (counts in the fixture's README).
        assertThat(admin.getForObject(engineRest + "/task/count", Map.class)).containsEntry("count", OPEN_TASKS);
        assertThat(admin.getForObject(engineRest + "/process-instance/count", Map.class)).containsEntry("count", RUNNING_INSTANCES);
        assertThat(admin.getForObject(engineRest + "/history/process-instance/count", Map.class)).containsEntry("count", ALL_INSTANCES);

        Map<String, Object> closed = office.getForObject("/api/cases/JT-2026-000004", Map.class);
        assertThat((List<Map<String, Object>>) closed.get("timeline")).extracting(e -> e.get("kind"))
                .contains("REPORTED", "CLAIMED", "CLOSED");
        List<Map<String, Object>> photos = (List<Map<String, Object>>) closed.get("photos");
        assertThat(photos).extracting(p -> p.get("kind")).containsExactlyInAnyOrder("BEFORE", "AFTER");
        for (Map<String, Object> photo : photos) {
            ResponseEntity<byte[]> image = office.getForEntity((String) photo.get("url"), byte[].class);
            assertThat(image.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(image.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            assertThat(image.getBody()).hasSize((Integer) photo.get("sizeBytes"));
            assertThat(readable(image.getBody())).as("photo %s is a picture", photo.get("url")).isTrue();
        }

        // An old open task, done by the unit it waits for, and an old verification by the inspectors.
        TestRestTemplate huanwei = anonymous.withBasicAuth("huanwei1", userPassword);
        String claim = taskId(huanwei, engineRest, "JT-2026-000001", "Task_ClaimCase");
        assertThat(huanwei.postForEntity(engineRest + "/task/" + claim + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(status(office, "JT-2026-000001")).isEqualTo("IN_RECTIFICATION");
        TestRestTemplate ducha = anonymous.withBasicAuth("ducha2", userPassword);
        String verify = taskId(ducha, engineRest, "JT-2026-000003", "Task_VerifyRectification");
        assertThat(ducha.postForEntity(engineRest + "/task/" + verify + "/complete",
                json("{\"variables\":{\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"升级后核查通过\"}}}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // 结案归档 is asynchronous; the job executor is off, so the admin runs its job as the executor would.
        String instance = (String) byNo.get("JT-2026-000003").get("processInstanceId");
        List<Map<String, Object>> closeJobs = admin.getForObject(engineRest + "/job?maxResults=10&processInstanceId=" + instance
                + "&activityId=Task_CloseCase", List.class);
        assertThat(closeJobs).hasSize(1);
        assertThat(admin.postForEntity(engineRest + "/job/" + closeJobs.get(0).get("id") + "/execute", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(status(office, "JT-2026-000003")).isEqualTo("CLOSED");

        // A new case, reported on the fixture's day (its numbers are per year), gets the next number.
        Instant lastReported = cases.stream().map(c -> Instant.parse((String) c.get("reportedAt"))).max(Instant::compareTo).orElseThrow();
        ClockUtil.setCurrentTime(Date.from(lastReported.plus(Duration.ofHours(1))));
        ResponseEntity<Map> reported = anonymous.withBasicAuth("lvrong1", userPassword).postForEntity("/api/cases", json("""
                {"title":"升级后上报","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"九亭大街 100 号"},"description":"升级测试"}"""), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reported.getBody()).containsEntry("caseNo", "JT-2026-000015");

        List<Map<String, Object>> campaigns = office.getForObject("/api/campaigns", List.class);
        assertThat(campaigns).extracting(c -> c.get("code"), c -> c.get("templateId")).contains(
                org.assertj.core.groups.Tuple.tuple("V21-JT", "jiuting-2023-standard-town"),
                org.assertj.core.groups.Tuple.tuple("V21-JX", "jinxi-2017-931"),
                org.assertj.core.groups.Tuple.tuple("V21-SJ", "songjiang-2024-satisfaction"));
        List<Map<String, Object>> inbox = huanwei.getForObject("/api/notifications?limit=200", List.class);
        assertThat(inbox).isNotEmpty().anySatisfy(m -> assertThat(m.get("readAt")).isNotNull());
        List<Map<String, Object>> filters = admin.getForObject(engineRest + "/filter?maxResults=200&owner=huanwei1", List.class);
        assertThat(filters).extracting(f -> f.get("name")).contains("环卫所整改案件");
    }

    @SuppressWarnings("unchecked")
    private static String taskId(TestRestTemplate user, String engineRest, String caseNo, String taskKey) {
        List<Map<String, Object>> tasks = user.getForObject(engineRest + "/task?maxResults=10&processInstanceBusinessKey=" + caseNo
                + "&taskDefinitionKey=" + taskKey, List.class);
        assertThat(tasks).as("%s of %s, visible to its unit", taskKey, caseNo).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    @SuppressWarnings("unchecked")
    private static String status(TestRestTemplate user, String caseNo) {
        return (String) ((Map<String, Object>) user.getForObject("/api/cases/" + caseNo, Map.class).get("record")).get("status");
    }

    private static boolean readable(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image)) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

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
}

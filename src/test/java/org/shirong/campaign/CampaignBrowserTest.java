package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign task worked in the real Tasklist: 环卫所 opens its 认领测评点位问题 task, adds a problem
 * on the findings list of the form and completes it; the problem becomes a rectification case of the
 * campaign under the item's category.
 */
@ShirongWebTest
class CampaignBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void unitRecordsAFindingOnItsCampaignTaskAndItBecomesACase() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/campaigns", new HttpEntity<>("""
                {"template":"songjiang-2024-satisfaction","code":"SJ-BROWSER","name":"松江满意度测评提升（浏览器测试）"}""", headers),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("SJ-BROWSER", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.now());
        String taskName = run.task("claimPointProblems/SURVEY_URBAN_ROADS").getName();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("sjlvrongju1", "demo");
                browser.claimTask("本单位待办（区绿化市容局）", taskName);
                browser.until(d -> d.findElement(By.cssSelector("input[id$='-Field_taskName']")).getAttribute("value").equals(taskName));
                browser.visible(By.cssSelector("textarea[id$='-Field_findings']")).sendKeys("沪亭北路人行道板破损｜沪亭北路 300 号");
                browser.until(d -> d.findElement(By.cssSelector("textarea[id$='-Field_categoryList']")).getAttribute("value")
                        .contains("城市道路"));
                browser.screenshot("campaign-findings-form");
                browser.complete();
                browser.until(d -> jdbc.queryForObject("select count(*) from rect_case where campaign_code = 'SJ-BROWSER'",
                        Integer.class) == 1);
            } catch (RuntimeException e) {
                browser.screenshot("campaign-findings-failure");
                throw e;
            }
        }
        assertThat(jdbc.queryForMap("select c.title, c.category, c.source, c.address, c.reported_by from rect_case c"
                + " where c.campaign_code = 'SJ-BROWSER'"))
                .containsEntry("TITLE", "沪亭北路人行道板破损").containsEntry("CATEGORY", "SURVEY_URBAN_ROADS")
                .containsEntry("SOURCE", "SURVEY").containsEntry("ADDRESS", "沪亭北路 300 号").containsEntry("REPORTED_BY", "sjlvrongju1");
    }
}

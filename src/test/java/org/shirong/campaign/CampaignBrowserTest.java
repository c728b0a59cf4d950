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
 * campaign under the item's category. And a campaign seen in the real Cockpit: its diagram names the
 * campaign's own phases, from its template.
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

    @Test
    void cockpitNamesTheJinxiCampaignsOwnPhases() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/campaigns", new HttpEntity<>("""
                {"template":"jinxi-2017-931","code":"JX-COCKPIT","name":"锦溪镇环境综合整治（驾驶舱测试）"}""", headers),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        new CampaignDriver("JX-COCKPIT", managementService, runtimeService, taskService, jdbc).runUntil(Instant.now());
        String instanceId = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
                .processInstanceBusinessKey("JX-COCKPIT").singleResult().getId();

        assertThat(rest.getForObject("/camunda/app/cockpit/shirong/campaign-phases.js", String.class)).contains("shirong.campaignPhases");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/");
                browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("jxtuijinban1");
                browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
                browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
                browser.until(d -> d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
                String phases = browser.visible(By.cssSelector(".djs-overlay .shirong-campaign-phases")).getText();
                browser.screenshot("cockpit-campaign-phases");

                assertThat(phases).contains("第 1 阶段　明确任务制定方案（进行中）", "第 2 阶段　深入推进全面整治（未开始）",
                        "第 3 阶段　考核评估表彰先进（未开始）").doesNotContain("前期准备", "总结迎检");
                assertThat(browser.driver().findElement(By.cssSelector(".djs-container")).getAttribute("textContent"))
                        .as("the diagram itself draws the phase once, under no town's names")
                        .contains("活动阶段（按模板依次进行）").doesNotContain("宣传动员和自查整改");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-campaign-phases-failure");
                throw e;
            }
        }
    }
}

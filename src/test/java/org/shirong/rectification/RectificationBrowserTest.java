package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A case worked end to end in the real Tasklist: 环卫所 claims it and uploads a before and an after
 * photo on the 整改 form, 督导检查组 sees both photos on its form and passes the case, which closes.
 */
@ShirongWebTest
class RectificationBrowserTest {

    // Two different 2×2 PNGs, so that each photo can be recognised when it comes back.
    private static final byte[] BEFORE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YWQERAwQCgAjNgSxRnwWMwAAAABJRU5ErkJggg==");
    private static final byte[] AFTER = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwOmEERAwQCgAg3gSxlYW56AAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Test
    void leadUnitUploadsTwoPhotosInspectorPassesAndTheCaseCloses() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String caseNo = (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"涞寅路垃圾房周边暴露垃圾","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"涞寅路 88 弄垃圾房"}}
                """, headers), Map.class).getBody().get("caseNo");
        Path before = Files.write(Files.createTempFile("before", ".png"), BEFORE);
        Path after = Files.write(Files.createTempFile("after", ".png"), AFTER);

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("huanwei1", "demo");
                browser.claimTask("本单位待办（环卫所）", "认领案件");
                browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                browser.assertNoEnglish("zh-case-claim");
                browser.clickText("认领，由本单位牵头整改");
                browser.complete();

                browser.claimTask("本单位待办（环卫所）", "整改问题");
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                new Select(browser.visible(By.id("rectifyAction"))).selectByValue("submit");
                browser.visible(By.id("measures")).sendKeys("已清运暴露垃圾并冲洗地面，垃圾房加装围挡");
                browser.driver().findElement(By.id("photoBefore")).sendKeys(before.toString());
                browser.driver().findElement(By.id("photoAfter")).sendKeys(after.toString());
                browser.screenshot("rectify-form");
                browser.assertNoEnglish("zh-rectify-form");
                browser.complete();
                browser.until(d -> "AWAITING_VERIFICATION".equals(status(caseNo)));

                browser.login("ducha2", "demo");
                browser.claimTask("本单位待办（督导检查组）", "核查整改结果");
                List<WebElement> photos = browser.until(d -> {
                    List<WebElement> images = d.findElements(By.cssSelector(".evidence-photos img"));
                    return images.size() == 2 && images.stream().allMatch(img -> loaded(browser, img)) ? images : null;
                });
                assertThat(photos).hasSize(2);
                browser.screenshot("verify-form");
                browser.assertNoEnglish("zh-verify-form");
                new Select(browser.visible(By.id("verificationResult"))).selectByValue("pass");
                browser.visible(By.id("verificationComment")).sendKeys("现场已整洁");
                browser.complete();
                browser.until(d -> managementService.createJobQuery().processInstanceId(processInstanceId(caseNo)).activityId(
                        RectificationProcess.TASK_CLOSE).count() > 0);
            } catch (RuntimeException e) {
                browser.screenshot("rectify-failure");
                throw e;
            }
        }
        // The job executor is off in tests: run the 结案归档 job as it would.
        managementService.createJobQuery().processInstanceId(processInstanceId(caseNo)).activityId(RectificationProcess.TASK_CLOSE)
                .list().forEach(job -> managementService.executeJob(job.getId()));

        Map<String, Object> record = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) record.get("record")).containsEntry("status", "CLOSED").containsEntry("closedOnTime", true);
        List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
        assertThat(photos).extracting(p -> p.get("kind")).containsExactly("BEFORE", "AFTER");
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject((String) photos.get(0).get("url"), byte[].class)).isEqualTo(BEFORE);
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject((String) photos.get(1).get("url"), byte[].class)).isEqualTo(AFTER);
        assertThat((List<Map<String, Object>>) record.get("timeline")).extracting(e -> e.get("actor") + ":" + e.get("kind"))
                .contains("huanwei1:CLAIMED", "huanwei1:SUBMITTED", "ducha2:VERIFIED");
    }

    private String processInstanceId(String caseNo) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    }

    private String status(String caseNo) {
        Map<String, Object> record = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        return (String) ((Map<String, Object>) record.get("record")).get("status");
    }

    private static boolean loaded(TasklistBrowser browser, WebElement image) {
        Object width = ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
        return width instanceof Number n && n.intValue() > 0;
    }
}

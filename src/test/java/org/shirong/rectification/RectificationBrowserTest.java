package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * A case worked end to end in the real Tasklist: 环卫所 claims it once and uploads a before and an after
 * photo on the 整改 form, 督导检查组 sees both photos on its form and passes the case, which closes. And the unit's
 * lists on a desk and a phone: each row names its case and shows its traffic light.
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
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

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
                browser.claimTask("本单位待办（环卫所）", "认领案件 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                browser.clickText("认领，由本单位牵头整改");
                browser.complete();

                // One claim: 整改问题 is already huanwei1's, in 我的待办, with no second 认领.
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                new Select(browser.visible(By.id("rectifyAction"))).selectByValue("submit");
                browser.visible(By.id("measures")).sendKeys("已清运暴露垃圾并冲洗地面，垃圾房加装围挡");
                browser.driver().findElement(By.id("photoBefore")).sendKeys(before.toString());
                browser.driver().findElement(By.id("photoAfter")).sendKeys(after.toString());
                browser.screenshot("rectify-form");
                dismissNotices(browser);
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

    /**
     * On a desk and on a phone, as 环卫所's clerk: the unit's list names each case (number, title, address) and shows its
     * traffic light as the 已超期 and 即将到期 filters count it; the list opens most urgent first; one 认领 and the
     * case's 整改问题 is the clerk's, in 我的待办, without a second claim.
     */
    @Test
    void theListNamesEachCaseWithItsLightAndOneClaimCarriesThroughOnDeskAndPhone() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            for (String device : List.of("desk", "phone")) {
                try {
                    if (device.equals("desk")) {
                        browser.viewport(1366, 900);
                    } else {
                        browser.viewport(390, 844);
                    }
                    String title = "沪亭北路人行道堆物" + device;
                    String caseNo = report(title, "沪亭北路 88 号");
                    String overdue = report("九亭大街垃圾桶满溢" + device, "九亭大街 1 号");
                    String warned = report("涞寅路绿化带垃圾" + device, "涞寅路 20 号");
                    // Fix each light whatever the hour the test runs at: the clock of a case is the process's own.
                    Instant now = Instant.now();
                    dates(caseNo, now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(4)));
                    dates(overdue, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(3)));
                    dates(warned, now.plus(Duration.ofDays(3)), now.minus(Duration.ofHours(1)));

                    browser.login("huanwei1", "demo");
                    browser.taskRow("已超期（环卫所）", overdue);
                    browser.until(d -> "red".equals(attribute(d, overdue, "data-shirong-light")));
                    browser.taskRow("即将到期（环卫所）", warned);
                    browser.until(d -> "yellow".equals(attribute(d, warned, "data-shirong-light")));
                    assertThat(browser.driver().findElements(By.cssSelector("li.task"))).noneMatch(r -> r.getText().contains(overdue));
                    browser.taskRow("本单位待办（环卫所）", caseNo);
                    browser.until(d -> "green".equals(attribute(d, caseNo, "data-shirong-light")));
                    assertThat(browser.taskRow("本单位待办（环卫所）", caseNo).getText())
                            .contains("认领案件 · " + caseNo + " · " + title + " · 沪亭北路 88 号", "绿灯");
                    // Most urgent first: by due date, so the overdue case leads the unit's list.
                    browser.until(d -> d.getCurrentUrl().contains("dueDate"));
                    browser.until(d -> rowIndex(d, overdue) >= 0 && rowIndex(d, overdue) < rowIndex(d, caseNo));
                    browser.screenshot("case-list-" + device);

                    openRow(browser, "本单位待办（环卫所）", caseNo);
                    browser.click(By.cssSelector("button.claim"));
                    browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                    browser.clickText("认领，由本单位牵头整改");
                    browser.complete();
                    browser.until(d -> "huanwei1".equals(rectifyAssignee(caseNo)));

                    // Tasklist itself points to it: "您还被指派了同一流程中的以下任务".
                    browser.visible(By.xpath("//*[contains(@class,'page-notifications')]//*[contains(text(),'整改问题 · " + caseNo + "')]"));
                    dismissNotices(browser);
                    assertThat(browser.taskRow("我的待办", "整改问题 · " + caseNo).getText()).contains(title, "沪亭北路 88 号");
                    openRow(browser, "我的待办", "整改问题 · " + caseNo);
                    browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                    assertThat(browser.driver().findElements(By.cssSelector("button.claim"))).noneMatch(WebElement::isDisplayed);
                    browser.screenshot("case-claimed-" + device);
                    // Still the unit's: the colleagues' list shows it, assigned to huanwei1 (by name).
                    org.camunda.bpm.engine.identity.User clerk = identityService.createUserQuery().userId("huanwei1").singleResult();
                    assertThat(browser.taskRow("本单位待办（环卫所）", "整改问题 · " + caseNo).getText())
                            .contains((clerk.getFirstName() + " " + java.util.Objects.toString(clerk.getLastName(), "")).strip());
                } catch (RuntimeException | AssertionError e) {
                    browser.screenshot("case-list-failure-" + device);
                    throw e;
                }
            }
        }
    }

    private String report(String title, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"%s","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"%s"}}
                """.formatted(title, address), headers), Map.class).getBody().get("caseNo");
    }

    /** Sets the open 认领案件 of the case to the given due and follow-up instants (test setup, through the engine). */
    private void dates(String caseNo, Instant due, Instant followUp) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        task.setDueDate(Date.from(due));
        task.setFollowUpDate(Date.from(followUp));
        taskService.saveTask(task);
    }

    private String rectifyAssignee(String caseNo) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_RECTIFY).singleResult();
        return task == null ? null : task.getAssignee();
    }

    private static String attribute(org.openqa.selenium.WebDriver driver, String text, String name) {
        for (WebElement row : driver.findElements(By.cssSelector("li.task"))) {
            if (row.getText().contains(text)) {
                return row.getAttribute(name);
            }
        }
        return null;
    }

    /** Opens the task of the list's row that contains {@code text}, looking the row up again if the list refreshed. */
    private static void openRow(TasklistBrowser browser, String filter, String text) {
        browser.taskRow(filter, text);
        browser.click(By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')][.//*[contains(text(),'"
                + text + "')]]//h4//a"));
    }

    /** Closes Tasklist's notices, which sit over the form's 完成 button. */
    private static void dismissNotices(TasklistBrowser browser) {
        browser.driver().findElements(By.cssSelector(".page-notifications button.close")).stream()
                .filter(WebElement::isDisplayed).forEach(WebElement::click);
    }

    private static int rowIndex(org.openqa.selenium.WebDriver driver, String text) {
        List<WebElement> rows = driver.findElements(By.cssSelector("li.task"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(text)) {
                return i;
            }
        }
        return -1;
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

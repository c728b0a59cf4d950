package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of 城管中队 works a task in the real Tasklist with a zh-CN browser: logs in, sees the
 * Chinese UI and the unit's filter, claims the task, fills its form and completes it.
 */
@ShirongWebTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void unitStaffClaimFillAndCompleteTheirTaskInChinese() throws IOException {
        String instanceId = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(
                WorkAssignmentProcess.VAR_TITLE, "清理沪松公路乱张贴",
                WorkAssignmentProcess.VAR_UNIT_GROUP, "chengguan",
                WorkAssignmentProcess.VAR_REQUIREMENT, "三日内清理完毕",
                WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).execute().getId();
        String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chengguan1", "demo");
                browser.visible(By.xpath("//*[contains(text(),'本单位待办（城管中队）')]"));
                browser.screenshot("tasklist-filters");
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).contains("我的待办").contains("发起流程").contains("张队长").doesNotContain("null")
                        .doesNotContain("Start process").doesNotContain("Filters");
                assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();

                browser.claimTask("本单位待办（城管中队）", "办理交办事项");
                // The form is rendered again once the claimed task's variables arrive: type only after that.
                browser.until(d -> "清理沪松公路乱张贴".equals(
                        d.findElement(By.cssSelector("input[id$='-Field_title']")).getAttribute("value")));
                String text = "已清理 23 处小广告，并对沿街商户进行门责告知";
                browser.until(d -> {
                    WebElement result = d.findElement(By.cssSelector("textarea[id$='-Field_handlingResult']"));
                    if (!text.equals(result.getAttribute("value"))) {
                        result.clear();
                        result.sendKeys(text);
                    }
                    return text.equals(result.getAttribute("value"));
                });
                browser.click(By.cssSelector("input[id$='-Field_handled']"));
                browser.screenshot("tasklist-form");
                browser.complete();
                browser.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
            } catch (RuntimeException e) {
                browser.screenshot("tasklist-failure");
                throw e;
            }
        }

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getAssignee()).isEqualTo("chengguan1");
        assertThat(done.getEndTime()).isNotNull();
        assertThat(runtimeService.getVariable(instanceId, WorkAssignmentProcess.VAR_HANDLING_RESULT))
                .isEqualTo("已清理 23 处小广告，并对沿街商户进行门责告知");
        assertThat(runtimeService.getVariable(instanceId, WorkAssignmentProcess.VAR_HANDLED)).isEqualTo(true);
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey())
                .isEqualTo(WorkAssignmentProcess.TASK_REVIEW_RESULT);
    }
}

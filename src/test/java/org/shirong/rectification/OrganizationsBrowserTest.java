package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.shirong.system.SharesSpringContext;

/**
 * 九亭镇 and 锦溪镇 in one Tasklist, in one browser: 锦溪's 环卫所 sees its own task under 本单位待办（环卫所） but none
 * of 九亭's 环卫所 (same unit name, other organisation), cannot open a 九亭 task by its address, and its browser
 * session does not get a 九亭 photo; 锦溪's office, which may read every task, cannot open it either and is offered
 * only 锦溪's processes to start; then 九亭's 规建办 logs in in the same browser, sees only 九亭's tasks and claims its
 * case.
 */
@ShirongWebTest
@SharesSpringContext
class OrganizationsBrowserTest {

    private static final Pattern TASK_ID = Pattern.compile("[?&]task=([^&]+)");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void eachOrganisationSeesAndWorksOnlyItsOwnTasksInTasklist() throws IOException {
        String jinxiCase = report("jxtuijinban1", "EXPOSED_GARBAGE", "锦溪镇长寿路 6 号");
        String jiutingHuanweiCase = report("lvrong1", "EXPOSED_GARBAGE", "九亭大街 99 号");
        String jiutingGuijianCase = report("lvrong1", "ROAD_DAMAGE", "涞坊路 200 号人行道");
        String photoUrl = rectifiedWithPhoto(report("lvrong1", "SEWER_BLOCKED", "九新公路 18 号"));
        Task jinxiTask = openTask(jinxiCase);
        Task jiutingHuanweiTask = openTask(jiutingHuanweiCase);
        Task jiutingGuijianTask = openTask(jiutingGuijianCase);
        // first in its unit's list (by due date), on the first page: campaigns and cases of tests run earlier in the shared
        // context leave 规建办 and 锦溪's 环卫所 more tasks due earlier than a page holds
        jiutingGuijianTask.setDueDate(java.util.Date.from(java.time.Instant.parse("2020-01-02T09:00:00Z")));
        taskService.saveTask(jiutingGuijianTask);
        jinxiTask.setDueDate(java.util.Date.from(java.time.Instant.parse("2020-01-02T09:00:00Z")));
        taskService.saveTask(jinxiTask);
        assertThat(jinxiTask.getTenantId()).isEqualTo("jinxi");
        assertThat(taskService.getIdentityLinksForTask(jinxiTask.getId())).anyMatch(l -> "jxhuanwei".equals(l.getGroupId()));
        assertThat(taskService.getIdentityLinksForTask(jiutingHuanweiTask.getId())).anyMatch(l -> "huanwei".equals(l.getGroupId()));
        assertThat(jiutingGuijianTask.getTenantId()).isEqualTo("jiuting");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                // 锦溪 环卫所: its own 认领案件 in 本单位待办（环卫所）, none of 九亭 环卫所's.
                browser.login("jxhuanwei1", "demo");
                List<String> listed = listedTasks(browser, "本单位待办（环卫所）", jinxiTask.getId());
                assertThat(listed).contains(jinxiTask.getId()).doesNotContain(jiutingHuanweiTask.getId());
                assertThat(taskService.createTaskQuery().taskIdIn(listed.toArray(String[]::new)).list())
                        .hasSize(listed.size()).allMatch(t -> "jinxi".equals(t.getTenantId()));
                browser.screenshot("organizations-jinxi-list");

                openedByAddressShowsNothing(browser, jiutingHuanweiTask.getId());
                assertThat(fetch(browser, photoUrl)).as("a 九亭 photo in 锦溪 环卫所's session").startsWith("404 ");

                // The unit may start nothing by hand: the dialog says so rather than list other organisations' processes.
                browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程')]"));
                browser.visible(By.xpath("//div[contains(@class,'modal-body')]//div[contains(@class,'well')][contains(normalize-space(.),'您没有需要在这里发起的流程')]"));

                // 锦溪's office may read every task (TASK *), so only the organisation boundary keeps 九亭's from it.
                browser.login("jxtuijinban1", "demo");
                openedByAddressShowsNothing(browser, jiutingHuanweiTask.getId());
                assertThat(fetch(browser, photoUrl)).as("a 九亭 photo in 锦溪 office's session").startsWith("404 ");
                browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程')]"));
                List<WebElement> offered = browser.until(d -> {
                    List<WebElement> items = d.findElements(By.cssSelector(".modal-body ul.processes > li"));
                    return items.isEmpty() ? null : items;
                });
                browser.screenshot("organizations-jinxi-start");
                List<String> tenants = offered.stream().map(li -> li.findElement(By.cssSelector(".tenant-id")).getAttribute("textContent").strip()).toList();
                List<String> names = offered.stream().map(li -> li.findElement(By.tagName("a")).getText().strip()).toList();
                long startable = repositoryService.createProcessDefinitionQuery().startableInTasklist().latestVersion()
                        .tenantIdIn("jinxi").count();
                assertThat(tenants).as("processes offered to 锦溪's office: %s", names).hasSize((int) startable).containsOnly("jinxi");
                assertThat(names).containsExactlyInAnyOrder("开展活动", "工作交办", "临时会议");

                // 九亭 规建办, same browser: its own task, none of 锦溪's; it claims its case and the photo is there for 九亭.
                browser.login("guijian1", "demo");
                List<String> own = listedTasks(browser, "本单位待办（规建办）", jiutingGuijianTask.getId());
                assertThat(taskService.createTaskQuery().taskIdIn(own.toArray(String[]::new)).list())
                        .hasSize(own.size()).allMatch(t -> "jiuting".equals(t.getTenantId()));
                assertThat(own).doesNotContain(jinxiTask.getId());
                openedByAddressShowsNothing(browser, jinxiTask.getId());
                assertThat(fetch(browser, photoUrl)).as("九亭's own photo in 九亭's session").startsWith("200 image/png ");

                browser.openFilter("本单位待办（规建办）");
                browser.click(By.cssSelector("a[href*='task=" + jiutingGuijianTask.getId() + "']"));
                // The tenant id is in the card though hidden from staff (it tells them nothing): the card is 九亭's task.
                browser.until(d -> d.findElement(By.xpath("//section[contains(@class,'task-card')]//*[contains(@class,'tenant-id')][contains(.,'jiuting')]")));
                browser.click(By.cssSelector("button.claim"));
                browser.until(d -> jiutingGuijianCase.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                browser.clickText("认领，由本单位牵头整改");
                browser.screenshot("organizations-jiuting-claim");
                browser.complete();
                browser.until(d -> taskService.createTaskQuery().taskId(jiutingGuijianTask.getId()).count() == 0);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("organizations-failure");
                throw e;
            }
        }

        HistoricTaskInstance claimed = historyService.createHistoricTaskInstanceQuery().taskId(jiutingGuijianTask.getId()).singleResult();
        assertThat(claimed.getAssignee()).isEqualTo("guijian1");
        assertThat(claimed.getEndTime()).isNotNull();
        assertThat(openTask(jiutingGuijianCase).getTaskDefinitionKey()).isEqualTo(RectificationProcess.TASK_RECTIFY);
        assertThat(taskService.createTaskQuery().taskId(jinxiTask.getId()).singleResult().getAssignee())
                .as("锦溪's task untouched by 九亭").isNull();
        assertThat(taskService.createTaskQuery().taskId(jiutingHuanweiTask.getId()).singleResult().getAssignee())
                .as("九亭's task untouched by 锦溪").isNull();
    }

    @SuppressWarnings("unchecked")
    private String report(String user, String category, String address) {
        ResponseEntity<Map> reported = rest.withBasicAuth(user, "demo").postForEntity("/api/cases",
                CaseApiTest.json(CaseApiTest.body(category, "NORMAL", address, null)), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) reported.getBody().get("caseNo");
    }

    private Task openTask(String caseNo) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    /** 规建办 claims and rectifies a 九亭 case with an after photo, through /engine-rest; returns the photo's address. */
    @SuppressWarnings("unchecked")
    private String rectifiedWithPhoto(String caseNo) {
        TestRestTemplate guijian = rest.withBasicAuth("guijian1", "demo");
        assertThat(guijian.postForEntity("/engine-rest/task/" + openTask(caseNo).getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(guijian.postForEntity("/engine-rest/task/" + openTask(caseNo).getId() + "/complete", CaseApiTest.json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已疏通\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        List<Map<String, Object>> photos = (List<Map<String, Object>>) guijian.getForObject("/api/cases/" + caseNo, Map.class).get("photos");
        return (String) photos.get(0).get("url");
    }

    /** Opens the filter and returns the ids of the tasks it lists, once {@code expected} is among them. */
    private static List<String> listedTasks(TasklistBrowser browser, String filter, String expected) {
        browser.openFilter(filter);
        browser.visible(By.cssSelector("a[href*='task=" + expected + "']"));
        return browser.driver().findElements(By.cssSelector("a[href*='task=']")).stream()
                .map(a -> TASK_ID.matcher(a.getAttribute("href"))).filter(Matcher::find).map(m -> m.group(1)).distinct().toList();
    }

    /** Tasklist at {@code #/?task=<id>}: the engine answers that there is no such task, and no task card is shown. */
    private static void openedByAddressShowsNothing(TasklistBrowser browser, String taskId) throws IOException {
        browser.driver().get(browser.driver().getCurrentUrl().replaceAll("#.*", "") + "#/?task=" + taskId);
        // The same answer as for an id that never existed, so the address does not tell that the task exists.
        browser.until(d -> d.findElements(By.cssSelector(".notifications .alert")).stream()
                .anyMatch(n -> n.getText().contains("此任务已办结、已撤销，或不由您所在的单位办理，请刷新列表") && !n.getText().contains("No matching task")));
        assertThat(browser.visible(By.cssSelector(".no-task")).getText()).contains("请在列表中选择一个任务");
        assertThat(browser.driver().findElements(By.cssSelector("section.task-card"))).isEmpty();
        browser.screenshot("organizations-foreign-task");
        // Dismissed, as staff would: it stays over the bottom of the page, where a form's 完成 button is.
        // Tasklist has more than one notifications panel; the message shows in the page's own.
        browser.until(d -> {
            d.findElements(By.cssSelector(".notifications .alert button.close")).stream().filter(WebElement::isDisplayed)
                    .forEach(WebElement::click);
            return d.findElements(By.cssSelector(".notifications .alert")).stream().noneMatch(WebElement::isDisplayed);
        });
    }

    /** GETs the address with the browser's session (as a task form does) and answers "status content-type bytes". */
    private static String fetch(TasklistBrowser browser, String url) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + (r.headers.get('content-type') || '') + ' ' + b.byteLength)))
                    .catch(e => done('error ' + e));
                """, url);
    }
}

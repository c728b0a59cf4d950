package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.NewCase;
import org.shirong.rectification.RectificationCases;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.shirong.system.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/notifications}: each user sees and marks read only their own inbox; anonymous callers get 401;
 * links are absolute, built from the address derived from the real (random) port since the test run sets no
 * {@code shirong.public-url}; a link's target is the reader's own task; Tasklist's session may write with its CSRF token.
 * In the browser (desk and phone): the unread count in Tasklist's header, the inbox, an item opening its task.
 */
@ShirongWebTest
class InboxApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RectificationCases cases;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    FilterService filterService;
    @LocalServerPort
    int port;

    /** What start-up derives without {@code shirong.public-url}: this machine's name and the port really listened on. */
    private String tasklist() throws UnknownHostException {
        return "http://" + InetAddress.getLocalHost().getHostName() + ":" + port + "/camunda/app/tasklist/default/";
    }

    /** Reports a case; its dispatch notification is written in the same transaction. */
    private CaseRecord dispatched(String category, String title) {
        return cases.report("jiuting", new NewCase(title, category, "NORMAL", "PATROL",
                new NewCase.Location("九亭大街 88 号", null, null, null), null, null), "lvrong1").record();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inbox(String user, String query) {
        ResponseEntity<List> response = rest.withBasicAuth(user, "demo").getForEntity("/api/notifications" + query, List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map> markRead(String user, Object id) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/notifications/" + id + "/read", null, Map.class);
    }

    @Test
    void everyoneSeesAndMarksReadOnlyTheirOwnMessages() throws UnknownHostException {
        CaseRecord garbage = dispatched("EXPOSED_GARBAGE", "九亭大街路口暴露垃圾");
        CaseRecord green = dispatched("GREEN_SPACE_MAINTENANCE", "沪亭北路绿化缺株");

        List<Map<String, Object>> huanwei = inbox("huanwei1", "");
        assertThat(huanwei).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("template", "case-dispatched").containsEntry("businessKey", garbage.caseNo())
                    .containsEntry("subject", "【案件派遣】" + garbage.caseNo() + " 九亭大街路口暴露垃圾").containsEntry("readAt", null);
            assertThat((String) m.get("body")).startsWith("环卫所：");
            assertThat((String) m.get("link")).isEqualTo(tasklist() + "#/?about=" + garbage.caseNo());
            assertThat((String) m.get("body")).endsWith("打开任务列表：" + tasklist() + "#/?about=" + garbage.caseNo());
        });
        assertThat(inbox("nongfu1", "")).extracting(m -> m.get("businessKey")).containsExactly(green.caseNo());
        Object huanweiMessage = huanwei.get(0).get("id");

        ResponseEntity<Map> foreign = markRead("nongfu1", huanweiMessage);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().toString()).contains("NOTIFICATION_NOT_FOUND");
        assertThat(inbox("huanwei1", "?unread=true")).hasSize(1);

        assertThat(markRead("huanwei1", huanweiMessage).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(markRead("huanwei1", huanweiMessage).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inbox("huanwei1", "?unread=true")).isEmpty();
        assertThat(inbox("huanwei1", "")).singleElement().satisfies(m -> assertThat(m.get("readAt")).isNotNull());
        assertThat(markRead("huanwei1", 999_999).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anonymousCallersAndBadLimitsAreRefused() {
        ResponseEntity<String> anonymous = rest.getForEntity("/api/notifications", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        // Tasklist's inbox after its session ended: 401, but no Basic challenge, or the browser pops up its own login box.
        org.springframework.http.HttpHeaders pageCall = new org.springframework.http.HttpHeaders();
        pageCall.set("X-XSRF-TOKEN", "ended-session");
        ResponseEntity<String> fromPage = rest.exchange("/api/notifications/unread", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(pageCall), String.class);
        assertThat(fromPage.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(fromPage.getHeaders().containsKey("WWW-Authenticate")).isFalse();
        assertThat(rest.postForEntity("/api/notifications/1/read", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> badLimit = rest.withBasicAuth("huanwei1", "demo").getForEntity("/api/notifications?limit=0", Map.class);
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody().toString()).contains("limit");
        ResponseEntity<Map> controlCharacter = rest.withBasicAuth("huanwei1", "demo").getForEntity(
                "/api/notifications/target?about={about}", Map.class, "JT-2026-000001\u0000");
        assertThat(controlCharacter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controlCharacter.getBody().toString()).contains("about", "U+0000");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String user, String path) {
        ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity("/api/notifications" + path, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A notice about one task of many under a business key (a campaign's), or of a 交办 without one, names its process instance. */
    @Test
    void aLinkAboutAProcessInstanceOpensThatInstancesTask() {
        String instance = runtimeService.createProcessInstanceByKey("WorkAssignmentProcess").processDefinitionTenantId("jiuting")
                .setVariables(Map.of("title", "清理乱张贴", "unitGroup", "chengguan", "requirement", "本周内完成", "dueDate", "2026-12-01"))
                .execute().getId();
        Task handle = taskService.createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(get("chengguan2", "/target?about=" + instance)).containsEntry("task", handle.getId());
        assertThat(get("nongfu1", "/target?about=" + instance)).containsEntry("task", null);
        runtimeService.deleteProcessInstance(instance, "测试结束");
    }

    @Test
    void unreadCountAllReadAndTheTaskALinkOpens() {
        int before = (Integer) get("chengguan2", "/unread").get("unread");
        CaseRecord stall = dispatched("ILLEGAL_STALL", "九亭大街菜场门口占道经营");
        assertThat(get("chengguan2", "/unread")).containsEntry("unread", before + 1);

        Map<String, Object> target = get("chengguan2", "/target?about=" + stall.caseNo());
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(stall.caseNo()).singleResult();
        assertThat(target).containsEntry("businessKey", stall.caseNo()).containsEntry("task", claim.getId())
                .containsEntry("taskName", claim.getName());
        // The filter holding it is the unit's, not 我的待办 (nobody has claimed the case yet).
        assertThat(filterService.getFilter((String) target.get("filter")).getName()).isEqualTo("本单位待办（城管中队）");
        // Someone without a task of the case gets none, and learns nothing about it.
        Map<String, Object> stranger = get("nongfu1", "/target?about=" + stall.caseNo());
        assertThat(stranger).containsEntry("task", null).containsEntry("filter", null).containsEntry("casePage", null);
        assertThat((String) stranger.get("note")).doesNotContain(stall.statusName()).contains("不由您所在的单位办理");
        // whoever may read the case but has no task of it (its reporter) is offered its page, with its status (jtphone-s61 F5)
        Map<String, Object> reporter = get("lvrong1", "/target?about=" + stall.caseNo());
        assertThat(reporter).containsEntry("task", null).containsEntry("casePage", "/shirong/cases/" + stall.caseNo());
        assertThat((String) reporter.get("note")).isEqualTo("案件“" + stall.caseNo() + "”（" + stall.statusName()
                + "）目前没有需要您办理的任务，可打开案件页查看进展。");

        ResponseEntity<Map> all = rest.withBasicAuth("chengguan2", "demo").postForEntity("/api/notifications/read", null, Map.class);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).containsEntry("unread", 0);
        assertThat(get("chengguan2", "/unread")).containsEntry("unread", 0);
    }

    @Test
    void tasklistSessionWritesOnlyWithItsCsrfToken() {
        dispatched("ILLEGAL_STALL", "涞寅路口占道经营");
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        String unread = tasklist.api("GET", "/notifications/unread", false).body();
        assertThat(unread).matches("\\{\"unread\":[1-9]\\d*}");

        // A page of another site can make the browser send the cookie, but cannot read the token.
        HttpResponse<String> forged = tasklist.api("POST", "/notifications/read", false);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(tasklist.api("GET", "/notifications/unread", false).body()).isEqualTo(unread);

        HttpResponse<String> withToken = tasklist.api("POST", "/notifications/read", true);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).isEqualTo("{\"unread\":0}");
    }

    private static final By COUNT = By.cssSelector(".shirong-inbox-toggle .shirong-inbox-count");
    /** On the phone the count sits beside the header's menu button, visible without opening the menu. */
    private static final By PHONE_COUNT = By.cssSelector(".shirong-inbox-phone .shirong-inbox-count");

    /** Opens the inbox from the header (on the phone the header's menu first) and the message about the case. */
    private static void openFromInbox(TasklistBrowser browser, String caseNo) {
        boolean desk = browser.driver().findElement(By.cssSelector(".shirong-inbox-toggle")).isDisplayed();
        browser.click(By.cssSelector(desk ? ".shirong-inbox-toggle" : ".shirong-inbox-phone"));
        browser.visible(By.xpath("//li[contains(@class,'shirong-inbox-item') and contains(@class,'unread')]"
                + "//*[contains(text(),'" + caseNo + "')]"));
    }

    /** The case's claim form is open, in the unit's filter (the task is nobody's yet, so not in 我的待办). */
    private static void waitForTaskForm(TasklistBrowser browser, String caseNo) {
        browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value"))
                && d.findElement(By.cssSelector(".task-card h2.task")).getText().contains("认领案件")
                && d.findElement(By.cssSelector(".task-filter.active .name")).getText().contains("本单位待办"));
    }

    @Test
    void inTasklistTheUnitSeesTheUnreadCountOpensTheInboxAndTheMessageOpensItsTask() throws IOException {
        CaseRecord desk = dispatched("ROAD_DAMAGE", "沪亭北路人行道板破损");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            // a PC set to another zone still reads the messages' times in 九亭's (Asia/Shanghai), as their text gives them
            browser.deviceTimeZone("America/New_York");
            browser.login("guijian1", "demo");
            browser.until(d -> "1".equals(d.findElement(COUNT).getText()));
            browser.screenshot("inbox-count-desk");
            openFromInbox(browser, desk.caseNo());
            Object createdAt = inbox("guijian1", "").stream().filter(m -> desk.caseNo().equals(m.get("businessKey")))
                    .findFirst().orElseThrow().get("createdAt");
            assertThat(browser.visible(By.xpath("//li[contains(@class,'shirong-inbox-item') and .//*[contains(text(),'"
                    + desk.caseNo() + "')]]//*[contains(@class,'shirong-inbox-time')]")).getText())
                    .isEqualTo("未读 · " + java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm")
                            .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.Instant.parse((String) createdAt)));
            browser.screenshot("inbox-list-desk");
            browser.click(By.xpath("//li[contains(@class,'shirong-inbox-item')]//*[contains(text(),'" + desk.caseNo() + "')]"));
            waitForTaskForm(browser, desk.caseNo());
            browser.until(d -> !d.findElement(COUNT).isDisplayed());
            browser.screenshot("inbox-task-desk");
            assertThat(inbox("guijian1", "")).filteredOn(m -> desk.caseNo().equals(m.get("businessKey")))
                    .singleElement().satisfies(m -> assertThat(m.get("readAt")).isNotNull());

            CaseRecord phone = dispatched("ROAD_DAMAGE", "虬泾路窨井盖缺失");
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.driver().navigate().refresh();
            browser.until(d -> d.findElement(PHONE_COUNT).isDisplayed() && "1".equals(d.findElement(PHONE_COUNT).getText()));
            browser.screenshot("inbox-count-phone");
            openFromInbox(browser, phone.caseNo());
            browser.screenshot("inbox-list-phone");
            browser.click(By.xpath("//li[contains(@class,'shirong-inbox-item')]//*[contains(text(),'" + phone.caseNo() + "')]"));
            waitForTaskForm(browser, phone.caseNo());
            browser.until(d -> !d.findElement(PHONE_COUNT).isDisplayed());
            // The task's card is brought into view, not left below the filters and the list.
            browser.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var r = document.querySelector('.task-card').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2;"));
            browser.screenshot("inbox-task-phone");
            assertThat(inbox("guijian1", "?unread=true")).isEmpty();

            // The e-mail's link (absolute, on the derived address) leads through Tasklist's login to the same task.
            String link = (String) inbox("guijian1", "").get(0).get("link");
            assertThat(link).startsWith("http://").contains(":" + port + "/camunda/app/tasklist/default/#/?about=" + phone.caseNo());
            browser.driver().manage().deleteAllCookies();
            browser.driver().get(link);
            browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("guijian1");
            browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
            browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
            waitForTaskForm(browser, phone.caseNo());
            browser.screenshot("inbox-mail-link-phone");
        }
    }
}

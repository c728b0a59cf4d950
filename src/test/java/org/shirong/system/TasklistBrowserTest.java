package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.shirong.campaign.WorkAssignmentProcess;
import org.shirong.meeting.AdHocMeetingProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of 城管中队 works a task in the real Tasklist with a zh-CN browser: logs in, sees the
 * Chinese UI and the unit's filter, claims the task, fills its form and completes it.
 */
@ShirongWebTest
class TasklistBrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    @Test
    void unitStaffClaimFillAndCompleteTheirTaskInChinese() throws IOException {
        Task assigned = assignedToChengguan("清理沪松公路乱张贴", "三日内清理完毕", "2026-12-01");
        String instanceId = assigned.getProcessInstanceId();
        String taskId = assigned.getId();

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
                        d.findElement(By.cssSelector("input#title")).getAttribute("value")));
                // The process set the task's dates: staff read them, and nothing offers to change them (refused if tried).
                browser.until(d -> !d.findElements(By.cssSelector(".shirong-dates-fixed")).isEmpty());
                assertThat(browser.driver().findElements(By.cssSelector(".reset-due-date, .reset-follow-up-date, "
                        + "a[translate='SET_FOLLOW_UP_DATE'], a[translate='SET_DUE_DATE']")).stream().noneMatch(WebElement::isDisplayed))
                        .isTrue();
                browser.click(By.cssSelector("[cam-widget-inline-field].due-date .view-value"));
                assertThat(browser.driver().findElements(By.cssSelector(".cam-widget-inline-field.field-control")).stream()
                        .noneMatch(WebElement::isDisplayed)).as("no date picker for staff").isTrue();
                // jtphone-s61 F4: 完成 with 办理情况 empty says so under it (HTML required greyed 完成 out without a word)
                browser.complete();
                assertThat(browser.visible(By.id("resultMissing")).getText()).isEqualTo("请填写办理情况。");
                String text = "已清理 23 处小广告，并对沿街商户进行门责告知";
                browser.until(d -> {
                    WebElement result = d.findElement(By.cssSelector("textarea#handlingResult"));
                    if (!text.equals(result.getAttribute("value"))) {
                        result.clear();
                        result.sendKeys(text);
                    }
                    return text.equals(result.getAttribute("value"));
                });
                browser.click(By.cssSelector("input#handled"));
                // sjreview-s57 D4: a photo of the site, taken with the phone's camera (the 拍照 button's input), goes with the result
                java.nio.file.Path photo = java.nio.file.Files.createTempFile("site", ".jpg");
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
                image.getGraphics().fillRect(8, 8, 20, 20);
                javax.imageio.ImageIO.write(image, "jpg", photo.toFile());
                assertThat(browser.visible(By.cssSelector("label[for='photo1Camera']")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
                browser.driver().findElement(By.id("photo1Camera")).sendKeys(photo.toAbsolutePath().toString());
                browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "const i = document.querySelector('#photo1Preview img'); return !!i && i.complete && i.naturalWidth > 0;")));
                // jtphone-s61 F1: a 12 MP phone photo as 其他材料 is shrunk on the phone, under the 5 MB a file may have
                java.nio.file.Path ledger = TasklistBrowser.phonePhoto(java.nio.file.Files.createTempDirectory("materials").resolve("清理台账.jpg"));
                browser.driver().findElement(By.id("attachment1")).sendKeys(ledger.toAbsolutePath().toString());
                browser.until(d -> d.findElement(By.id("attachment1Name")).getText().startsWith("清理台账.jpg（已压缩："));
                browser.screenshot("tasklist-form");
                browser.complete();
                browser.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
                // the form is gone and the list back: a short notice says the task was done, by name
                assertThat(browser.visible(By.cssSelector(".shirong-completion-notice-shown")).getText())
                        .isEqualTo("已完成：" + assigned.getName());
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
        assertThat((String) runtimeService.getVariable(instanceId, WorkAssignmentProcess.VAR_ATTACHMENT_NAMES))
                .as("the photo is kept with the assignment, its name shown to the reviewer").contains(".jpg").contains("清理台账.jpg");
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKey("photo1");
    }

    /**
     * A PC or phone whose browser asks for English (or any language but Chinese) still gets Chinese: Tasklist, Cockpit
     * and Admin offered English too and fell back to it, so such a clerk saw Camunda's English around Shirong's Chinese
     * forms.
     */
    @Test
    void aBrowserAskingForEnglishStillShowsChinese() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port, "en-US", "en-US,en")) {
            browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            browser.visible(By.cssSelector("input[ng-model='username']"));
            browser.assertNoEnglish("en-browser-tasklist-login");
            browser.login("chengguan2", "demo");
            browser.assertNoEnglish("en-browser-my-tasks");
            browser.loginTo("cockpit", "chuangban1", "demo");
            browser.until(d -> !d.findElement(By.cssSelector(".shirong-dashboard")).getAttribute("textContent").isBlank());
            browser.assertNoEnglish("en-browser-cockpit");
        }
    }

    /**
     * Issue 11 point 4: every Tasklist page a unit clerk and the office see, scanned for English: login, filters, the
     * list with its relative dates, a task before and after claiming, its tabs, a validation error, the start dialog,
     * the start forms of 工作交办 and 创建活动 with the date picker open and a refused campaign code.
     */
    @Test
    void everyPageStaffSeeIsChinese() throws IOException {
        Task assigned = assignedToChengguan("清理九新公路沿线占道堆物", "一周内清理完毕", LocalDate.now().plusDays(6).toString());
        String taskId = assigned.getId();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
                browser.visible(By.cssSelector("input[ng-model='username']"));
                browser.assertNoEnglish("zh-login");

                browser.login("chengguan2", "demo");
                browser.assertNoEnglish("zh-my-tasks");
                browser.click(By.xpath("//a[contains(normalize-space(.),'键盘快捷键')]"));
                browser.visible(By.cssSelector(".modal-dialog"));
                browser.assertNoEnglish("zh-shortcuts");
                browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
                browser.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
                browser.openFilter("本单位待办（城管中队）");
                browser.visible(By.xpath("//*[contains(@class,'task')]//*[contains(text(),'办理交办事项')]"));
                browser.until(d -> d.findElement(By.tagName("body")).getText().contains("天后"));
                browser.assertNoEnglish("zh-unit-tasks");
                // The locale race: Tasklist's fallback 'en' dates arriving last made moment English for the whole page.
                Object locale = ((JavascriptExecutor) browser.driver()).executeScript("const moment = angular.element(document.body)"
                        + ".injector().get('moment'); moment.updateLocale('en', {}); return moment.locale();");
                assertThat(locale).isEqualTo("zh");
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("天后").doesNotContain("in 6 days");

                // Other tests give the unit tasks of the same name: open this one as a link to it does.
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.visible(By.cssSelector("button.claim"));
                browser.assertNoEnglish("zh-task-unclaimed");
                browser.click(By.cssSelector("button.claim"));
                // The claimed task moves to 我的待办 and Tasklist lets go of it: open it again.
                browser.until(d -> "chengguan2".equals(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.until(d -> "清理九新公路沿线占道堆物".equals(
                        d.findElement(By.cssSelector("input#title")).getAttribute("value")));
                WebElement result = browser.visible(By.cssSelector("textarea#handlingResult"));
                result.sendKeys("已清");
                result.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE);
                browser.driver().findElement(By.cssSelector("input#title")).click();
                // 办理情况 is required: with it empty the form is not completed (完成 disabled, or the form says what is missing)
                browser.until(d -> {
                    WebElement done = d.findElement(By.cssSelector("button[ng-click='complete()']"));
                    if (done.getAttribute("disabled") != null) {
                        return true;
                    }
                    done.click();
                    return d.findElement(By.tagName("body")).getText().contains("请填写办理情况。");
                });
                assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
                browser.assertNoEnglish("zh-task-validation");
                for (String tab : new String[] {"历史", "流程图", "描述", "表单"}) {
                    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[contains(normalize-space(.),'" + tab + "')]"));
                    browser.assertNoEnglish("zh-task-tab-" + tab);
                }

                browser.login("chuangban2", "demo");
                browser.click(By.xpath("//a[@ng-click='open()' and contains(normalize-space(.),'发起流程')]"));
                browser.visible(By.xpath("//*[contains(@class,'modal')]//*[contains(text(),'工作交办')]"));
                browser.assertNoEnglish("zh-start-dialog");
                browser.click(By.xpath("//*[contains(@class,'modal')]//a[contains(normalize-space(.),'工作交办')]"));
                browser.visible(By.cssSelector("input[id$='-Field_title']"));
                browser.assertNoEnglish("zh-start-work-assignment");
                browser.click(By.cssSelector(".fjs-datepicker input"));
                browser.visible(By.cssSelector(".flatpickr-calendar.open"));
                browser.assertNoEnglish("zh-date-picker");
                browser.click(By.cssSelector(".modal button[ng-click='back()']"));
                browser.click(By.xpath("//*[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'开展活动')]"));
                WebElement code = browser.visible(By.cssSelector("input[id$='-Field_campaignCode']"));
                code.sendKeys("九亭2027");
                browser.driver().findElement(By.cssSelector("input[id$='-Field_campaignName']")).click();
                browser.until(d -> d.findElement(By.cssSelector(".modal")).getText().contains("格式不符合要求"));
                browser.assertNoEnglish("zh-start-campaign-refused-code");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("zh-failure");
                throw e;
            }
        }
    }

    /**
     * Issue 11 point 5: the office may read every task of its town, but claiming a unit's task is the unit's: Tasklist
     * shows Shirong's Chinese sentence naming the unit, not the engine's English 403.
     */
    @Test
    void theOfficeClaimingAUnitsTaskReadsWhichUnitMayDoIt() throws IOException {
        Task assigned = assignedToChengguan("整治沪亭北路店招店牌", "五日内完成", LocalDate.now().plusDays(5).toString());
        String taskId = assigned.getId();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chuangban2", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.visible(By.xpath("//h2[contains(text(),'办理交办事项')]"));
                browser.click(By.cssSelector("button.claim"));
                browser.until(d -> d.findElement(By.tagName("body")).getText()
                        .contains("此任务由城管中队办理，只有该单位的人员可以认领和办理。"));
                browser.assertNoEnglish("zh-office-claim-refused");
                // The refusal stays until closed: it must not sit over the 完成 button.
                Object overlaps = ((JavascriptExecutor) browser.driver()).executeScript("""
                        const done = document.querySelector("button[ng-click='complete()']");
                        done.scrollIntoView({block: 'end'});
                        const b = done.getBoundingClientRect();
                        return Array.from(document.querySelectorAll('.page-notifications .alert')).some(n => {
                          const a = n.getBoundingClientRect();
                          return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                        });""");
                browser.screenshot("zh-office-claim-refused-complete-button");
                assertThat(overlaps).isEqualTo(false);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("zh-office-claim-failure");
                throw e;
            }
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    /**
     * A unit's clerk adds a note (添加备注) to the unit's task and finds it in the task's 历史 tab, which no longer says
     * 暂无历史记录 (the clerk may not read the process's history, only the task's notes), under the clerk's name. On a
     * 375 px phone set to another time zone (New York, 13 hours behind), the note is dated and timed as the office's
     * clock reads it (Asia/Shanghai), as Shirong's other pages do, and the tab says which zone its times are in.
     */
    @Test
    void aUnitsClerkAddsANoteAndReadsItInTheTasksHistory() throws IOException {
        Task assigned = assignedToChengguan("清理九亭大街占道经营", "三日内完成", LocalDate.now().plusDays(3).toString());
        String taskId = assigned.getId();
        String note = "已约谈摊主，周五前撤离";

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(375, 812);
                browser.deviceTimeZone("America/New_York");
                browser.login("chengguan1", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.visible(By.xpath("//h2[contains(text(),'办理交办事项')]"));
                // on a phone the task is brought to the top of the screen with its 添加备注 bar, below the fixed header
                browser.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                        const link = document.querySelector('a.createCommentLink');
                        const r = link && link.getBoundingClientRect();
                        return !!r && r.top >= 0 && r.bottom <= window.innerHeight / 3
                            && link.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));"""));
                browser.click(By.cssSelector("a.createCommentLink"));
                WebElement message = browser.visible(By.id("comment-form-message"));
                message.sendKeys(note);
                browser.click(By.cssSelector(".modal button[type='submit']"));
                browser.until(d -> d.findElements(By.id("comment-form-message")).isEmpty());
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("备注保存失败");

                browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[contains(normalize-space(.),'历史')]"));
                browser.until(d -> d.findElement(By.tagName("body")).getText().contains(note));
                browser.screenshot("tasklist-note-in-history");
                // The tab's content, once loaded, leaves the page where it was: Tasklist scrolled the window to its top
                // after each view loaded (on a phone the page scrolls), throwing the clerk back to the filters.
                assertThat(((JavascriptExecutor) browser.driver()).executeScript("""
                        const tabs = document.querySelector('[cam-tasklist-task] .nav-tabs').getBoundingClientRect();
                        return tabs.top >= 0 && tabs.bottom <= window.innerHeight;""")).as("历史页签仍在屏幕上").isEqualTo(true);
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("暂无历史记录");
                // the writer by name, as organization.yaml gives it (the case page and the PDFs do the same)
                assertThat(browser.driver().findElements(By.cssSelector(".history-pane .operation-user")))
                        .extracting(WebElement::getText).containsExactly("张队长");
                // the office's day and time, not New York's
                ZonedDateTime written = taskService.getTaskComments(taskId).get(0).getTime().toInstant().atZone(SHANGHAI);
                String time = written.format(DateTimeFormatter.ofPattern("HH:mm"));
                browser.within(Duration.ofSeconds(10), d -> d.findElement(By.cssSelector(".history-pane .operation-time")).getText()
                        .equals(time));
                assertThat(browser.driver().findElement(By.cssSelector(".history-pane .operation-time")).getText()).isEqualTo(time);
                assertThat(browser.driver().findElement(By.cssSelector(".history-pane .operation-time")).getAttribute("uib-tooltip"))
                        .isEqualTo(written.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "（中国标准时间）");
                assertThat(browser.driver().findElement(By.cssSelector(".history-pane .date-badge .day")).getAttribute("textContent"))
                        .isEqualTo(written.format(DateTimeFormatter.ofPattern("dd")));
                assertThat(browser.driver().findElement(By.cssSelector(".history-pane .date-badge .month")).getAttribute("textContent"))
                        .isEqualTo(written.getMonthValue() + "月");
                assertThat(browser.visible(By.cssSelector(".history-pane .shirong-zone-note")).getText())
                        .isEqualTo("以下时间为中国标准时间（本组织的时区），与本设备设置的时区不同。");
                // On the phone the writer's name stands on one line (it stood one character a line, 张/队/长) and the day's
                // badge reads as one line, year, month and day (its round badge had room for the day alone).
                assertThat(((JavascriptExecutor) browser.driver()).executeScript("""
                        const lines = el => {
                          const range = document.createRange();
                          range.selectNodeContents(el);
                          return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
                        };
                        const badge = Array.from(document.querySelectorAll('.history-pane .date-badge span'))
                            .map(s => Math.round(s.getBoundingClientRect().top));
                        return {writer: lines(document.querySelector('.history-pane .operation-user')),
                                badge: new Set(badge).size,
                                badgeText: Array.from(document.querySelectorAll('.history-pane .date-badge span'))
                                    .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
                                    .map(s => s.textContent.trim()).join('|')};"""))
                        .isEqualTo(Map.of("writer", 1L, "badge", 1L, "badgeText", written.getYear() + "|" + written.getMonthValue() + "月|"
                                + written.format(DateTimeFormatter.ofPattern("dd"))));
                browser.screenshot("tasklist-note-in-history-new-york");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("tasklist-note-failure");
                throw e;
            }
        }
        assertThat(taskService.getTaskComments(taskId)).extracting(c -> c.getFullMessage() + "/" + c.getUserId())
                .containsExactly(note + "/chengguan1");
    }

    /**
     * A task's 到期 and 跟进 dates on a 375 px phone set to New York (13 hours behind 九亭): the list's and the task
     * header's tooltips give 九亭's day and time, naming its zone, not New York's (the day before, 20:30). The header's
     * date picker (the administrator's: staff may not change a task's dates) opens at 九亭's day and time, and a day and
     * hour picked there are that day and hour in 九亭; the date is saved although the task has a Camunda Form (the
     * engine's REST refused the form's reference Tasklist sent back with it).
     */
    @Test
    void dueAndFollowUpDatesReadAndAreSetInTheOrganisationsZone() throws IOException {
        String taskId = assignedToChengguan("清理九亭大街沿街晾晒", "五日内完成", LocalDate.now(SHANGHAI).plusDays(5).toString()).getId();
        ZonedDateTime due = LocalDate.now(SHANGHAI).plusDays(5).atTime(9, 30).atZone(SHANGHAI);
        ZonedDateTime followUp = due.minusDays(2);
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        task.setDueDate(Date.from(due.toInstant()));
        task.setFollowUpDate(Date.from(followUp.toInstant()));
        taskService.saveTask(task);
        DateTimeFormatter tooltip = DateTimeFormatter.ofPattern("yyyy年M月d日EEEE HH:mm（中国标准时间）", java.util.Locale.CHINA);

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(375, 812);
                browser.deviceTimeZone("America/New_York");
                browser.login("chengguan1", "demo");
                WebElement row = browser.taskRow("本单位待办（城管中队）", "清理九亭大街沿街晾晒");
                browser.until(d -> tooltip.format(due).equals(row.findElement(By.cssSelector(".due-date [am-time-ago]")).getAttribute("uib-tooltip")));
                assertThat(row.findElement(By.cssSelector(".followup-date [am-time-ago]")).getAttribute("uib-tooltip")).isEqualTo(tooltip.format(followUp));
                assertThat(row.findElement(By.cssSelector(".due-date")).getText()).contains("天后");
                assertThat(row.findElement(By.cssSelector(".due-date")).getAttribute("class")).doesNotContain("overdue");
                browser.screenshot("tasklist-due-dates-list-new-york");

                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                By header = By.cssSelector("[cam-tasklist-task-meta] .due-date [am-time-ago]");
                browser.until(d -> tooltip.format(due).equals(d.findElement(header).getAttribute("uib-tooltip")));
                assertThat(browser.driver().findElement(By.cssSelector("[cam-tasklist-task-meta] .followup-date [am-time-ago]"))
                        .getAttribute("uib-tooltip")).isEqualTo(tooltip.format(followUp));
                assertThat(browser.driver().findElement(header).getText()).contains("天后");
                browser.screenshot("tasklist-due-dates-header-new-york");

                // staff may not change a task's dates (StaffCommandGuard): the administrator sets them, on the same device
                browser.login("admin", "admin");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.until(d -> tooltip.format(due).equals(d.findElement(header).getAttribute("uib-tooltip")));
                browser.click(By.cssSelector("[cam-tasklist-task-meta] .due-date .view-value"));
                By selectedDay = By.cssSelector(".cam-widget-inline-field.field-control .uib-daypicker button.btn-info");
                browser.until(d -> String.format("%02d", due.getDayOfMonth()).equals(d.findElement(selectedDay).getText().strip()));
                By hours = By.cssSelector(".cam-widget-inline-field.field-control .uib-time.hours input");
                assertThat(browser.driver().findElement(hours).getAttribute("value")).isEqualTo("09");
                // in Chinese, as the forms' date pickers: it wrote December 2026 and Sun Mon …, weeks from Sunday
                assertThat(browser.driver().findElement(By.cssSelector(".uib-daypicker .uib-title")).getText())
                        .isEqualTo(due.getYear() + "年" + due.getMonthValue() + "月");
                assertThat(browser.driver().findElements(By.cssSelector(".uib-daypicker thead small"))).extracting(WebElement::getText)
                        .containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
                browser.assertNoEnglish("tasklist-due-date-picker-new-york");
                // the day after (or before, at a month's end) as the picker shows this month's days, then 10 o'clock
                ZonedDateTime picked = (due.plusDays(1).getMonth() == due.getMonth() ? due.plusDays(1) : due.minusDays(1)).withHour(10);
                browser.click(By.xpath("//*[contains(@class,'uib-daypicker')]//button[span[not(contains(@class,'text-muted'))"
                        + " and normalize-space(.)='" + String.format("%02d", picked.getDayOfMonth()) + "']]"));
                WebElement hour = browser.visible(hours);
                hour.clear();
                hour.sendKeys("10");
                browser.click(By.cssSelector(".cam-widget-inline-field.btn-group button[ng-click='applyChange($event);']"));
                browser.until(d -> Date.from(picked.toInstant()).equals(taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate()));
                browser.until(d -> tooltip.format(picked).equals(d.findElement(header).getAttribute("uib-tooltip")));
                browser.screenshot("tasklist-due-date-set-new-york");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("tasklist-due-dates-failure");
                throw e;
            }
        }
    }

    /**
     * Admin's 组 pages name a group's type in Chinese, as organization.yaml's types are named (领导小组, 成员单位 …), not by
     * its code (LEADING_GROUP, UNIT): the list of groups, a user's groups, the list to add a user to groups, and the
     * group's page, where the type is chosen by name and kept as its code.
     */
    @Test
    void adminNamesTheGroupsTypesInChinese() throws IOException {
        String base = "http://localhost:" + port + "/camunda/app/admin/default/#";
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.loginTo("admin", "admin", "admin");
                browser.driver().get(base + "/groups");
                browser.until(d -> "领导小组".equals(d.findElement(By.xpath("//tr[td[contains(@class,'group-id')]//a[text()='cdlingdao']]"
                        + "/td[contains(@class,'group-type')]")).getText().strip()));
                browser.screenshot("admin-groups");
                // no vendor banner linking outside the intranet, no English footer: as in Tasklist and Cockpit
                assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner, footer[cam-widget-footer]")))
                        .noneMatch(WebElement::isDisplayed);
                String groups = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(groups).contains("成员单位", "办公室", "系统管理").doesNotContain("LEADING_GROUP", "OFFICE", "UNIT", "SYSTEM");

                browser.driver().get(base + "/users/chengguan1?tab=groups");
                browser.until(d -> d.findElement(By.xpath("//tr[td[contains(@class,'group-id')]//a[text()='chengguan']]"
                        + "/td[contains(@class,'group-type')]")).getText().strip().equals("成员单位"));
                browser.click(By.xpath("//a[contains(@ng-click,'openCreateGroupMembershipDialog')]"));
                browser.until(d -> d.findElements(By.cssSelector(".modal td.group-type")).stream()
                        .anyMatch(cell -> cell.getText().strip().equals("领导小组")));
                assertThat(browser.driver().findElement(By.cssSelector(".modal")).getText()).doesNotContain("LEADING_GROUP", "UNIT");
                browser.screenshot("admin-user-add-to-groups");

                browser.driver().get(base + "/groups/huanwei?tab=group");
                WebElement type = browser.visible(By.id("inputType"));
                browser.until(d -> "成员单位".equals(new org.openqa.selenium.support.ui.Select(d.findElement(By.id("inputType")))
                        .getFirstSelectedOption().getText().strip()));
                assertThat(new org.openqa.selenium.support.ui.Select(type).getOptions()).extracting(WebElement::getText)
                        .contains("领导小组", "办公室", "工作组", "成员单位", "居委会", "物业公司");
                browser.screenshot("admin-group-page");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("admin-group-types-failure");
                throw e;
            }
        }
    }

    /**
     * 转交 by name: staff know their colleagues' names, not their login ids. Beside the assignee the task offers the
     * colleagues of the unit it is given to (not the leading group's other members), and 转交 hands it to the one chosen.
     */
    @Test
    void aClerkHandsHisTaskToAColleagueChosenByName() throws IOException {
        String taskId = assignedToChengguan("清理九亭大街乱张贴", "两日内完成", LocalDate.now().plusDays(2).toString()).getId();
        taskService.setAssignee(taskId, "chengguan1");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("chengguan1", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                WebElement picker = browser.visible(By.cssSelector(".shirong-handover select"));
                org.openqa.selenium.support.ui.Select colleagues = new org.openqa.selenium.support.ui.Select(picker);
                assertThat(colleagues.getOptions()).extracting(WebElement::getText).contains("选择同事", "刘队员")
                        .doesNotContain("张队长");
                assertThat(browser.driver().findElement(By.cssSelector(".shirong-handover-button")).isEnabled()).isFalse();
                colleagues.selectByVisibleText("刘队员");
                browser.click(By.cssSelector(".shirong-handover-button"));
                browser.until(d -> "chengguan2".equals(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
                browser.screenshot("tasklist-handed-over-phone");

                // the diagram's zoom buttons are named in Chinese, as in Cockpit
                browser.click(By.xpath("//a[normalize-space()='流程图']"));
                browser.until(d -> d.findElements(By.cssSelector(".navigation button[title]")).stream()
                        .map(b -> b.getAttribute("title")).toList().containsAll(List.of("放大", "缩小", "还原大小")));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("tasklist-hand-over-failure");
                throw e;
            }
        }
    }

    /**
     * szreview-s60 S6: a unit's clerk opening, on a 390 px phone, the link of a task given to the unit (not yet claimed)
     * landed on Tasklist's first filter, 我的待办 (0), whose 没有符合过滤条件的任务。 stood above the task: the first screen
     * said there was nothing to do. The filters and the empty list now fold away while the task is open; a bar above the
     * task says why and brings them back.
     */
    @Test
    void onAPhoneATaskOpenedByLinkIsNotHeadedByAnEmptyList() throws IOException {
        String taskId = assignedTo("pingan", "核查九亭大街夜间施工投诉", "两日内答复", LocalDate.now().plusDays(2).toString()).getId();
        assertThat(taskService.createTaskQuery().taskAssignee("pingan1").count()).as("曹干事的我的待办为空").isZero();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(390, 844);
                browser.login("pingan1", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.visible(By.xpath("//h2[contains(text(),'核查九亭大街夜间施工投诉')]"));
                WebElement bar = browser.visible(By.cssSelector(".shirong-list-folded-bar"));
                assertThat(bar.getText()).contains("过滤器“我的待办”中没有任务，过滤器和任务列表已收起。").contains("显示过滤器和任务列表");
                browser.screenshot("phone-task-by-link-list-folded");
                // nothing on the screen says there is nothing to do; the task's name is on the first screen
                assertThat(((JavascriptExecutor) browser.driver()).executeScript("""
                        const shown = el => !!el && el.offsetParent !== null;
                        const notice = document.querySelector('.column-center [cam-tasks] .well');
                        const title = Array.from(document.querySelectorAll('[cam-tasklist-task] h2'))
                            .find(h => h.textContent.includes('核查九亭大街夜间施工投诉'));
                        const r = title.getBoundingClientRect();
                        return {notice: shown(notice), filters: shown(document.querySelector('.column-left .task-filter')),
                                title: r.top >= 0 && r.bottom <= window.innerHeight};"""))
                        .isEqualTo(Map.of("notice", false, "filters", false, "title", true));
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("没有符合过滤条件的任务");

                // the way back: the filters (with 本单位待办, where the task is) and the list return, the task stays open
                browser.click(By.cssSelector(".shirong-list-show"));
                assertThat(browser.visible(By.cssSelector(".column-center [cam-tasks] .well")).getText()).contains("没有符合过滤条件的任务");
                browser.visible(By.cssSelector(".column-left .task-filter.active"));
                assertThat(browser.driver().findElements(By.cssSelector(".shirong-list-folded-bar")))
                        .noneMatch(WebElement::isDisplayed);
                assertThat(browser.driver().getCurrentUrl()).contains("task=" + taskId);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-task-by-link-failure");
                throw e;
            }
        }
    }

    /**
     * A refused claim (the office claiming a unit's task) neither keeps 认领 disabled on the next task opened (Tasklist
     * re-enabled it only once an assignee changed) nor leaves its red error on screen once a later action succeeded
     * (claiming the office's own task): it would say the opposite of what just happened.
     */
    @Test
    void aRefusedClaimNeitherBlocksTheNextClaimNorOutlivesIt() throws IOException {
        String unitTask = assignedToChengguan("清理九亭大街乱堆物", "三日内完成", LocalDate.now().plusDays(3).toString()).getId();
        String officeTask = JiutingWork.assign(runtimeService, taskService, "chuangban", "汇总本周巡查情况").getId();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chuangban2", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + unitTask);
                browser.visible(By.xpath("//h2[contains(text(),'清理九亭大街乱堆物')]"));
                browser.click(By.cssSelector("button.claim"));
                browser.until(d -> d.findElement(By.tagName("body")).getText().contains("此任务由城管中队办理"));

                // on the same page (no reload, which would clear everything anyway)
                ((JavascriptExecutor) browser.driver()).executeScript("window.location.hash = '#/?task=' + arguments[0];", officeTask);
                browser.visible(By.xpath("//h2[contains(text(),'汇总本周巡查情况')]"));
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("此任务由城管中队办理");
                browser.click(By.cssSelector("button.claim"));
                browser.until(d -> "chuangban2".equals(taskService.createTaskQuery().taskId(officeTask).singleResult().getAssignee()));
                browser.until(d -> d.findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
                        .noneMatch(WebElement::isDisplayed));
                browser.screenshot("tasklist-refusal-gone");
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("此任务由城管中队办理");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("tasklist-refusal-gone-failure");
                throw e;
            }
        }
    }

    /**
     * Staff rectify and verify on their phones: on a phone screen the header has no warning sign saying Tasklist is made
     * for larger screens (Camunda's "本应用专为较大屏幕设计"), which the page still carries.
     */
    @Test
    void onAPhoneTheHeaderDoesNotSayTasklistIsForLargerScreens() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            browser.phoneViewport();
            browser.login("huanwei1", "demo");
            browser.visible(By.cssSelector(".navbar-header .navbar-toggle"));
            // beside the menu button, the phone's own 消息 and 上报 buttons (header-buttons.js, shared by their plugins)
            browser.visible(By.cssSelector(".navbar-header .shirong-inbox-phone"));
            browser.visible(By.cssSelector(".navbar-header .shirong-report-phone.shirong-report-offered"));
            browser.screenshot("phone-header");
            List<WebElement> warnings = browser.driver().findElements(By.cssSelector(".small-screen-warning"));
            assertThat(warnings).as("Camunda's warning is in the page").isNotEmpty();
            assertThat(warnings).noneMatch(WebElement::isDisplayed);
            // nor, in its menu, 键盘快捷键: a phone has no keyboard
            browser.click(By.cssSelector(".navbar-header .navbar-toggle"));
            browser.until(d -> d.findElements(By.xpath("//a[contains(normalize-space(.),'发起流程')]")).stream()
                    .anyMatch(WebElement::isDisplayed));
            List<WebElement> shortcuts = browser.driver().findElements(By.cssSelector("a.showShortcutHelp"));
            assertThat(shortcuts).as("the menu carries it").isNotEmpty();
            assertThat(shortcuts).as("键盘快捷键").noneMatch(WebElement::isDisplayed);
        }
    }

    /**
     * On a 375 px phone each webapp's header is a menu button (☰) whose text, for screen readers, named it
     * CAM_WIDGET_HEADER_TOGGLE_NAVIGATION in Cockpit and Admin (Camunda's header writes it untranslated where the page
     * does not hand it a text). No page staff, supervisors or the administrator open leaves a translation key, shown or
     * read out: the menu button says 切换导航 in all three. Cockpit, which supervisors read on their phones too, does not
     * show Camunda's sign that it is made for larger screens, and its 活动驾驶舱 title is not broken over two lines. Admin's
     * app switcher names the other apps in Chinese (its header translated by the same helper as the menu button's text).
     */
    @Test
    void onAPhoneNoWebappLeavesATranslationKeyInItsPages() throws IOException {
        String base = "http://localhost:" + port;
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(375, 812);
                browser.login("huanwei1", "demo");
                browser.visible(By.cssSelector(".navbar-header .navbar-toggle"));
                assertThat(browser.untranslatedKeys()).as("任务列表").isEmpty();
                assertThat(menuButton(browser)).as("任务列表的菜单按钮").isEqualTo("切换导航");

                browser.loginTo("cockpit", "chuangban1", "demo");
                // the 活动驾驶舱 section drawn (its campaigns, or 目前没有活动)
                browser.until(d -> !d.findElement(By.cssSelector(".shirong-dashboard")).getAttribute("textContent").isBlank());
                assertThat(browser.untranslatedKeys()).as("驾驶舱概览").isEmpty();
                assertThat(menuButton(browser)).as("驾驶舱的菜单按钮").isEqualTo("切换导航");
                // supervisors read it on their phones: no sign saying Cockpit is for larger screens, its title on one line
                List<WebElement> warnings = browser.driver().findElements(By.cssSelector(".small-screen-warning"));
                assertThat(warnings).as("Camunda's warning is in the page").isNotEmpty();
                assertThat(warnings).as("“本应用专为较大屏幕设计”").noneMatch(WebElement::isDisplayed);
                assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript("""
                        const title = document.querySelector('.shirong-dashboard').closest('section').querySelector('.section-title');
                        return title.textContent.trim() === '活动驾驶舱'
                            && title.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(title).lineHeight);"""))
                        .as("“活动驾驶舱”一行写下").isTrue();

                browser.loginTo("admin", "admin", "admin");
                browser.driver().get(base + "/camunda/app/admin/default/#/users");
                browser.visible(By.xpath("//*[contains(text(),'chengguan1')]"));
                assertThat(browser.untranslatedKeys()).as("管理").isEmpty();
                assertThat(menuButton(browser)).as("管理的菜单按钮").isEqualTo("切换导航");
                // its app switcher (home icon) names the other apps from zh.json (app-names.js, listed from Cockpit's folder)
                assertThat(browser.driver().findElements(By.cssSelector("[cam-widget-header] .app-switch .dropdown-menu a")))
                        .extracting(a -> a.getAttribute("textContent").strip()).contains("驾驶舱", "任务列表")
                        .doesNotContain("Cockpit", "Tasklist");
                browser.screenshot("phone-admin-users");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-keys-failure");
                throw e;
            }
        }
    }

    /** What a screen reader reads for the header's menu button, which a phone shows in place of the menu. */
    private static String menuButton(TasklistBrowser browser) {
        WebElement button = browser.visible(By.cssSelector("[cam-widget-header] .navbar-toggle"));
        return button.findElement(By.cssSelector(".sr-only")).getAttribute("textContent").strip();
    }

    /**
     * A unit's clerk following a link into 驾驶舱 (a bookmark, the process link of a task) is refused; the refusal is a
     * Chinese page that says why and leads back to Tasklist, not Spring's English "Whitelabel Error Page", and its header
     * does not offer the 驾驶舱 again.
     */
    @Test
    void aClerkOpeningTheCockpitReadsInChineseWhyNot() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            browser.login("huanwei1", "demo");
            browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/");
            browser.visible(By.id("error-heading"));
            browser.assertNoEnglish("cockpit-refused-clerk");
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .contains("没有权限打开此页面", "驾驶舱供各组织的办公室", "错误代码 403", "返回任务列表");
            assertThat(browser.driver().findElements(By.cssSelector(".shirong-header a")))
                    .as("the header no longer offers the 驾驶舱 it refused").extracting(a -> a.getAttribute("textContent"))
                    .contains("任务列表").doesNotContain("驾驶舱");
            browser.click(By.linkText("返回任务列表"));
            browser.visible(By.xpath("//*[contains(text(),'我的待办')]"));
        }
    }

    /**
     * 新建任务 (a task outside any process, asking for a 租户 ID) is refused to staff and the office alike, with a message
     * about claiming: the header does not offer it; work is handed out through 发起流程 → 工作交办.
     */
    @Test
    void theHeaderOffersNoTaskThatCannotBeCreated() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            for (String user : List.of("huanwei1", "chuangban1")) {
                browser.login(user, "demo");
                browser.visible(By.xpath("//a[@ng-click='open()' and contains(normalize-space(.),'发起流程')]"));
                List<WebElement> create = browser.driver().findElements(By.cssSelector(".create-task-action"));
                assertThat(create).as("Tasklist's action is in the page").isNotEmpty();
                assertThat(create).as(user).noneMatch(WebElement::isDisplayed);
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).as(user).doesNotContain("新建任务");
            }
        }
    }

    /** The names 发起流程 lists, read from its dialog, which is then closed. */
    private static List<String> startableProcesses(TasklistBrowser browser, String screenshot) throws IOException {
        browser.click(By.xpath("//a[@ng-click='open()' and contains(normalize-space(.),'发起流程')]"));
        browser.until(d -> !d.findElements(By.cssSelector(".modal .available-processes ul.processes li, .modal .well")).isEmpty());
        browser.assertNoEnglish(screenshot);
        List<String> names = browser.driver().findElements(By.cssSelector(".modal ul.processes li a")).stream()
                .map(WebElement::getText).map(String::strip).sorted().toList();
        browser.click(By.cssSelector(".modal button[ng-click='$dismiss()']"));
        browser.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
        return names;
    }

    /**
     * Issue 11 point 5: 发起流程 lists what the user can really start — the office and the approvers 创建活动, 工作交办 and
     * 临时会议, a unit clerk nothing; processes started by Shirong itself (工作例会, 活动任务, 整改案件 …) nobody.
     */
    @Test
    void startProcessListsExactlyWhatEachUserCanStart() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chuangban2", "demo");
                assertThat(startableProcesses(browser, "zh-start-dialog-office")).containsExactly("临时会议", "工作交办", "开展活动");
                browser.login("lingdao1", "demo");
                assertThat(startableProcesses(browser, "zh-start-dialog-approver")).containsExactly("临时会议", "工作交办", "开展活动");
                browser.login("chengguan2", "demo");
                assertThat(startableProcesses(browser, "zh-start-dialog-unit")).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("zh-start-dialog-failure");
                throw e;
            }
        }
    }

    /**
     * Clicks 启动 until the dialog closes: it is clicked again only while no meeting was started, so never twice started;
     * a dialog that stays open fails with what it shows (so it was found that a typed field had been lost, see
     * {@link #typeUntilKept}).
     */
    private void startOnce(TasklistBrowser browser) {
        By start = By.cssSelector(".modal button[ng-click='startProcessInstance()']");
        for (int attempt = 1; ; attempt++) {
            browser.click(start);
            if (browser.within(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty())) {
                return;
            }
            boolean started = runtimeService.createProcessInstanceQuery().processDefinitionKey(AdHocMeetingProcess.KEY)
                    .variableValueEquals(AdHocMeetingProcess.VAR_PLACE, "镇政府三楼会议室").count() > 0;
            if (started) {
                browser.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
                return;
            }
            if (attempt == 3) {
                String shown = browser.driver().findElements(By.cssSelector(".modal-dialog")).stream().map(e -> e.getText())
                        .findFirst().orElse("");
                throw new AssertionError("启动 clicked 3 times, no meeting started; the dialog shows: " + shown);
            }
        }
    }

    /**
     * Types {@code text} into a form field and checks that the form kept it: under the full build the 会议地点 typed right
     * after the time picker was lost once (the dialog then showed 此项必填), the form re-rendering the field meanwhile.
     */
    private static void typeUntilKept(TasklistBrowser browser, By field, String text) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            WebElement input = browser.visible(field);
            input.clear();
            input.sendKeys(text);
            browser.settle(Duration.ofMillis(500));
            if (text.equals(browser.visible(field).getAttribute("value"))) {
                return;
            }
        }
        throw new AssertionError("the form did not keep " + text + " in " + field);
    }

    /**
     * Issue 11 point 5: the office calls a 临时会议 through its start form (date picker writing 2027-01-10, time, place,
     * agenda, units); the units are notified and the office's 召开会议并记录 appears in its list. A meeting time already past is refused in Chinese.
     */
    @Test
    void theOfficeCallsAnAdHocMeetingThroughItsForm() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chuangban2", "demo");
                browser.click(By.xpath("//a[@ng-click='open()' and contains(normalize-space(.),'发起流程')]"));
                browser.click(By.xpath("//*[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'临时会议')]"));
                browser.visible(By.cssSelector("input[id$='-Field_place']"));
                browser.assertNoEnglish("zh-adhoc-meeting-form");
                browser.click(By.cssSelector(".fjs-datepicker input"));
                browser.visible(By.cssSelector(".flatpickr-calendar.open"));
                browser.assertNoEnglish("zh-adhoc-meeting-date-picker");
                assertThat(browser.driver().findElement(By.cssSelector(".flatpickr-calendar.open")).getText())
                        .containsAnyOf("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月")
                        .contains("一", "日");
                browser.click(By.cssSelector(".flatpickr-calendar.open .flatpickr-next-month"));
                browser.click(By.xpath("//*[contains(@class,'flatpickr-calendar')]//span[contains(@class,'flatpickr-day')"
                        + " and not(contains(@class,'prevMonthDay')) and not(contains(@class,'nextMonthDay')) and normalize-space(.)='10']"));
                // the day as Shirong writes dates (2027-01-10), not in the US order form-js uses beside a time (1/10/2027)
                browser.until(d -> d.findElement(By.cssSelector(".fjs-datepicker input")).getAttribute("value").matches("\\d{4}-\\d{2}-10"));
                WebElement time = browser.visible(By.cssSelector(".fjs-timepicker input, input[id$='-Field_meetingAt_time']"));
                time.sendKeys("14:00");
                typeUntilKept(browser, By.cssSelector("input[id$='-Field_place']"), "镇政府三楼会议室");
                browser.driver().findElement(By.cssSelector("textarea[id$='-Field_agenda']"))
                        .sendKeys("通报九新公路沿线整治进展", Keys.ENTER, "研究占道堆物反弹问题");
                browser.clickText("城管中队");
                browser.clickText("环卫所");
                browser.assertNoEnglish("zh-adhoc-meeting-filled");
                startOnce(browser);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("zh-adhoc-meeting-failure");
                throw e;
            }

            var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(AdHocMeetingProcess.KEY)
                    .variableValueEquals(AdHocMeetingProcess.VAR_PLACE, "镇政府三楼会议室").singleResult();
            assertThat(instance).isNotNull();
            assertThat(instance.getBusinessKey()).startsWith("临时会议-");
            assertThat(runtimeService.getVariable(instance.getId(), AdHocMeetingProcess.VAR_MEETING_AT)).isInstanceOf(Date.class);
            assertThat(runtimeService.getVariable(instance.getId(), AdHocMeetingProcess.VAR_PARTICIPANTS))
                    .isEqualTo("group:chengguan,group:huanwei");
            // The job executor is off in tests: run the notice's jobs (its document, then the message) as it would.
            for (var job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult(); job != null;
                    job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult()) {
                managementService.executeJob(job.getId());
            }
            var record = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(record.getTaskDefinitionKey()).isEqualTo(AdHocMeetingProcess.TASK_HOLD_MEETING);
            assertThat(record.getName()).as("the list tells which meeting")
                    .isEqualTo("召开会议并记录 · " + taskService.getVariable(record.getId(), AdHocMeetingProcess.VAR_MEETING_NAME));
            assertThat(taskService.getIdentityLinksForTask(record.getId())).anyMatch(l -> "chuangban".equals(l.getGroupId()));

            try {
                browser.driver().navigate().refresh();
                browser.openFilter("本单位待办（创建工作办公室）");
                browser.click(By.xpath("//*[contains(@class,'task')]//*[contains(text(),'召开会议并记录')]"));
                // What the office typed is shown in read-only fields, as text, never as Markdown or HTML.
                browser.until(d -> "镇政府三楼会议室".equals(d.findElement(By.cssSelector("input[id$='-Field_place']")).getAttribute("value")));
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-Field_place']")).getAttribute("readonly")).isNotNull();
                browser.assertNoEnglish("zh-adhoc-meeting-record");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("zh-adhoc-meeting-failure");
                throw e;
            }
        }
    }

    /** A 工作交办 of 九亭's office to 城管中队, started as the office's start form does; its 办理交办事项 task. */
    private Task assignedToChengguan(String title, String requirement, String dueDate) {
        return assignedTo("chengguan", title, requirement, dueDate);
    }

    /** A 工作交办 of 九亭's office to one of its units, started as the office's start form does; its 办理交办事项 task. */
    private Task assignedTo(String unitGroup, String title, String requirement, String dueDate) {
        String instanceId = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(
                        WorkAssignmentProcess.VAR_TITLE, title,
                        WorkAssignmentProcess.VAR_UNIT_GROUP, unitGroup,
                        WorkAssignmentProcess.VAR_REQUIREMENT, requirement,
                        WorkAssignmentProcess.VAR_DUE_DATE, dueDate)).execute().getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }
}

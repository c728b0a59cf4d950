package org.shirong.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.meeting.JointMeetingProcess.*;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.shirong.campaign.WorkAssignmentProcess;
import org.shirong.report.CampaignFixture;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organiser records a meeting in the real Tasklist: the record form lists the units and categories
 * to use, a bad 决定事项 line is refused with a message naming the line, and after correcting it the
 * form completes; the task decision becomes a work assignment for 城管中队 and the case decision a case
 * with source MEETING.
 */
@ShirongWebTest
class JointMeetingBrowserTest {

    private static final String CAMPAIGN = "JT-MEET-B";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FILTER = "本单位待办（创建工作办公室）";

    @LocalServerPort
    int port;
    @Autowired
    Meetings meetings;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.shirong.calendar.WorkingCalendars calendars;

    CampaignFixture fixture;
    MeetingFixture meetingFixture;

    @BeforeEach
    void campaign() {
        meetingFixture = new MeetingFixture(CAMPAIGN, runtimeService, managementService, jdbc);
        fixture = meetingFixture.campaign();
        clear();
        fixture.campaign("九亭镇会议记录浏览器测试", 2).unit("chengguan", "城管中队", 1).unit("huanwei", "环卫所", 2);
    }

    @AfterEach
    void clear() {
        meetingFixture.clear();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }


    @Test
    void organiserRecordsATaskAndACaseDecisionAsLinesInTasklist() throws IOException {
        Instant meetingAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String pi = meetings.convene("jiuting", CAMPAIGN, "九亭镇会议记录浏览器测试", "weekly", "工作例会", "chuangban", meetingAt, null, null)
                .processInstanceId();
        meetingFixture.runJobs(pi);
        Task record = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(record.getTaskDefinitionKey()).isEqualTo(TASK_HOLD_MEETING);
        // the meeting has begun: a meeting is recorded once held (jtreview-s56 T13)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(meetingAt.plus(5, ChronoUnit.MINUTES)));
        LocalDate today = LocalDate.now(SHANGHAI);
        // a decision's 期限 must be a working day: two weeks on, or the first working day after
        String due = calendars.of("jiuting").workingDayFrom(today.plusDays(14)).toString();

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chuangban1", "demo");
                browser.claimTask(FILTER, "召开会议并记录");
                // The form is rendered again once the claimed task's variables arrive: type only after that.
                browser.until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("可用的责任单位：城管中队、环卫所"));
                assertThat(browser.driver().findElement(By.cssSelector(".fjs-form")).getText())
                        .contains("责任单位 ｜ 决定事项 ｜ 期限 ｜ 问题类别 ｜ 地点", "可用的问题类别：暴露垃圾、")
                        .doesNotContain("{{");
                // What the office typed is shown in read-only fields, as text, never as Markdown or HTML.
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-Field_campaignName']")).getAttribute("value"))
                        .isEqualTo("九亭镇会议记录浏览器测试");
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-Field_meetingName']")).getAttribute("value"))
                        .isEqualTo("工作例会");
                type(browser, "textarea[id$='-Field_minutes']", "听取各单位汇报，研究九亭大街环境整治。");
                browser.clickText("城管中队");
                type(browser, "textarea[id$='-Field_decisions']", "城管队 ｜ 整治九亭大街沿街商户门责 ｜ " + due);
                browser.complete();
                WebElement refusal = browser.visible(By.xpath("//*[contains(text(),'第 1 行：没有单位“城管队”')]"));
                assertThat(refusal.getText()).contains("可用：城管中队、环卫所");
                assertThat(browser.driver().findElement(By.cssSelector(".notifications")).getText()).doesNotContain("Cannot");
                browser.screenshot("meeting-record-refused");
                assertThat(taskService.createTaskQuery().taskId(record.getId()).count()).isEqualTo(1);
                // Close the message, which covers 完成, as the organiser would.
                By close = By.cssSelector(".notifications .alert button.close");
                browser.until(d -> d.findElements(close).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
                browser.until(d -> d.findElements(close).stream().noneMatch(WebElement::isDisplayed));

                type(browser, "textarea[id$='-Field_decisions']", "城管中队 ｜ 整治九亭大街沿街商户门责 ｜ " + due + "\n"
                        + "环卫所|清理九亭大街 88 号暴露垃圾|" + due + "|暴露垃圾|九亭大街 88 号");
                browser.screenshot("meeting-record-form");
                browser.complete();
                browser.until(d -> taskService.createTaskQuery().taskId(record.getId()).count() == 0);
                browser.until(d -> tasksNamed(d, "召开会议并记录").isEmpty());
            } catch (RuntimeException e) {
                browser.screenshot("meeting-record-failure");
                throw e;
            }
        }
        assertThat(runtimeService.getVariable(pi, VAR_DECISION_COUNT)).isEqualTo(2);
        assertThat(runtimeService.getVariable(pi, VAR_RECORDED_BY)).isEqualTo("chuangban1");
        meetingFixture.runJobs(pi);

        Task assignment = taskService.createTaskQuery().processDefinitionKey(WorkAssignmentProcess.KEY)
                .processInstanceBusinessKey(CAMPAIGN).singleResult();
        assertThat(assignment.getTaskDefinitionKey()).isEqualTo(WorkAssignmentProcess.TASK_HANDLE_ASSIGNMENT);
        assertThat(taskService.createTaskQuery().taskId(assignment.getId()).taskCandidateGroup("chengguan").count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(assignment.getProcessInstanceId(), WorkAssignmentProcess.VAR_REQUIREMENT).toString())
                .contains("工作例会决定：整治九亭大街沿街商户门责", "责任单位：城管中队", "完成期限：" + due);
        List<Map<String, Object>> cases = jdbc.queryForList("select source, category, address, lead_unit from rect_case where external_ref like ?",
                "meeting-" + CAMPAIGN + "-%");
        assertThat(cases).singleElement().satisfies(c -> assertThat(c).containsEntry("SOURCE", "MEETING")
                .containsEntry("CATEGORY", "EXPOSED_GARBAGE").containsEntry("ADDRESS", "九亭大街 88 号"));
        assertThat(jdbc.queryForList("select kind from meeting_decision where meeting_key like ? order by decision_no", String.class,
                CAMPAIGN + "/%")).containsExactly("ASSIGNMENT", "CASE");
    }

    /** Replaces a textarea's text as someone typing would. */
    private static void type(TasklistBrowser browser, String css, String text) {
        browser.until(d -> {
            WebElement field = d.findElement(By.cssSelector(css));
            if (!text.equals(field.getAttribute("value"))) {
                field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                field.sendKeys(text);
            }
            return text.equals(field.getAttribute("value"));
        });
    }

    private static List<WebElement> tasksNamed(WebDriver driver, String name) {
        return driver.findElements(By.xpath("//*[contains(@class,'task')]//*[contains(text(),'" + name + "')]"));
    }
}

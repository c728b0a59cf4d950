package org.shirong.campaign;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.campaign.CampaignTaskProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.notification.NotificationFixture;
import org.shirong.notification.NotificationDigests;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CaseCooperators;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.shirong.system.SharesJvm;

/**
 * Every path of 活动任务: a plain task, a findings task, a checkpoint and a 通报's 书面报告整改情况, each reported back to the campaign; each told to
 * its unit and the office once when its deadline passes undone, through the real notification send task.
 */
@Deployment(resources = "processes/CampaignTaskProcess.bpmn")
@SharesJvm
class CampaignTaskProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource(ProcessTestEngine.CONFIGURATION).assertClassCoverageAtLeast(1.0).build();

    private static final Date DUE = Date.from(Instant.parse("2026-05-31T09:00:00Z"));

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();
    NotificationFixture notifications;

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("campaignTaskListener", (TaskListener) t -> calls.add(t.getEventName() + ":" + t.getTaskDefinitionKey()));
        Mocks.register("campaignTaskDoneListener", (ExecutionListener) e -> calls.add("complete:" + e.getCurrentTransitionId()));
        Mocks.register("reportCampaignTaskDoneDelegate", (JavaDelegate) e -> calls.add("done:" + e.getVariable(VAR_TASK_ID)));
        OrganizationRoles roles = new OrganizationRoles(Organizations.read("jiuting"), processEngine.getIdentityService(),
                () -> CaseCooperators.NONE);
        Mocks.register("organizationRoles", roles);
        // the office's digest needs the campaign's task rows (CampaignApiTest); here no row is found, so it sends nothing
        Mocks.register("campaignTaskOverdueNotices", new TaskOverdueNotices(mock(CampaignRecords.class),
                mock(NotificationDigests.class), roles, mock(WorkingCalendars.class)));
        NotificationFixture.migrate(processEngine);
        notifications = new NotificationFixture(processEngine);
        notifications.register();
        notifications.member("chengguan1", "chengguan", false);
        notifications.member("chuangban1", "chuangban", false);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        notifications.clear();
    }

    private ProcessInstance issue(Kind kind) {
        return runtimeService().startProcessInstanceByKey(KEY, "JT-2026", withVariables(VAR_TASK_ID, 7L, VAR_TASK_KIND, kind.name(),
                VAR_TASK_NAME, "签订目标责任书（城管中队）", VAR_GROUP, kind == Kind.CHECKPOINT ? "chuangban" : "chengguan", VAR_DUE_AT, DUE,
                VAR_CAMPAIGN_NAME, "九亭镇创建达标镇", VAR_REQUIREMENT, "与镇政府签订目标责任书并报办公室备案",
                VAR_CAMPAIGN_ORGANIZATION, "jiuting"));
    }

    @Test
    void plainTaskIsHandledByTheUnitAndReportedBack() {
        ProcessInstance pi = issue(Kind.TASK);

        assertThat(task(pi)).hasDefinitionKey(TASK_HANDLE).hasCandidateGroup("chengguan").hasDueDate(DUE);
        complete(task(pi), withVariables(VAR_RESULT, "已签订"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).hasPassed(END_TASK_DONE).isEnded();
        assertThat(calls).containsExactly("create:" + TASK_HANDLE, "complete:SequenceFlow_TaskHandled", "done:7");
    }

    @Test
    void findingsTaskRecordsTheProblemsFound() {
        ProcessInstance pi = issue(Kind.FINDINGS);

        assertThat(task(pi)).hasDefinitionKey(TASK_RECORD_FINDINGS);
        complete(task(pi), withVariables(VAR_RESULT, "未发现问题"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).isEnded();
        assertThat(calls).contains("complete:SequenceFlow_FindingsRecorded", "done:7");
    }

    @Test
    void checkpointIsConfirmedByTheOffice() {
        ProcessInstance pi = issue(Kind.CHECKPOINT);

        assertThat(task(pi)).hasDefinitionKey(TASK_CONFIRM_RECTIFICATION);
        complete(task(pi), withVariables(VAR_ALL_RECTIFIED, "yes"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).isEnded();
        assertThat(calls).contains("complete:SequenceFlow_RectificationConfirmed", "done:7");
    }

    /** sjreview-s57 D9: a unit named in a 通报 reports its rectification in writing; done, the campaign is told as of any task. */
    @Test
    void noticeReplyIsWrittenByTheNamedUnitAndReportedBack() {
        ProcessInstance pi = issue(Kind.NOTICE_REPLY);

        assertThat(task(pi)).hasDefinitionKey(TASK_REPORT_NOTICE_RECTIFICATION).hasCandidateGroup("chengguan").hasDueDate(DUE);
        complete(task(pi), withVariables(VAR_RESULT, "已逐项整改，附整改前后照片"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).hasPassed(END_TASK_DONE).isEnded();
        assertThat(calls).containsExactly("create:" + TASK_REPORT_NOTICE_RECTIFICATION,
                "complete:SequenceFlow_NoticeRectificationReported", "done:7");
    }

    @Test
    void taskPastItsDeadlineIsToldToTheUnitOnceAndStaysWithTheUnit() {
        for (Kind kind : Kind.values()) {
            ProcessInstance pi = issue(kind);
            String userTask = task(pi).getTaskDefinitionKey();

            execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
            execute(job("Task_NotifyTaskOverdue", pi));

            assertThat(pi).isWaitingAt(userTask).hasPassed("EndEvent_OverdueNotified");
            assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
            if (kind == Kind.CHECKPOINT) { // the office's own task: its digest names it, no second message
                assertThat(notifications.inbox("chuangban1")).isEmpty();
                notifications.clear();
                continue;
            }
            String body = notifications.latestBody("chengguan1", "campaign-task-overdue");
            assertThat(body).contains("九亭镇创建达标镇的任务“签订目标责任书（城管中队）”期限为 2026年5月31日 17:00，至今尚未办结，已超期")
                    .contains("要求：与镇政府签订目标责任书并报办公室备案")
                    .contains("about=" + pi.getId());
            notifications.clear();
        }
    }

    @Test
    void overdueNoticeGoesToEveryMemberOfTheUnitAndNotSeparatelyToTheOffice() {
        notifications.member("chengguan2", "chengguan", false);
        ProcessInstance pi = issue(Kind.TASK);

        execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        execute(job("Task_NotifyTaskOverdue", pi));

        assertThat(notifications.inbox("chengguan1")).containsExactly("campaign-task-overdue");
        assertThat(notifications.inbox("chengguan2")).containsExactly("campaign-task-overdue");
        assertThat(notifications.inbox("chuangban1")).as("the office gets one digest of all units instead (D7)").isEmpty();
        assertThat(notifications.latestBody("chengguan1", "campaign-task-overdue")).startsWith("城管中队：")
                .contains("请城管中队抓紧办理并在任务列表中填写办理情况。");
        complete(task(pi), withVariables(VAR_RESULT, "已签订"));
        execute(job(TASK_REPORT_DONE, pi));
        assertThat(pi).isEnded();
    }

    /**
     * s55: every unit's overdue timer of one task and due moment runs the digest's listener; the first reads the open tasks,
     * renders the office's digest and queues it, the others find its key in the outbox and neither read nor render it.
     */
    @Test
    void theOfficesDigestIsReadAndRenderedByTheFirstOverdueUnitOnly() {
        notifications.member("zhifa1", "zhifa", false);
        CampaignRecords records = mock(CampaignRecords.class);
        CampaignRecords.TaskRow first = taskRow(7L, "chengguan", "签订目标责任书（城管中队）");
        CampaignRecords.TaskRow second = taskRow(8L, "zhifa", "签订目标责任书（执法整治组）");
        when(records.task(7L)).thenReturn(java.util.Optional.of(first));
        when(records.task(8L)).thenReturn(java.util.Optional.of(second));
        when(records.openTasksDueWith(any())).thenReturn(List.of(first, second));
        WorkingCalendars calendars = mock(WorkingCalendars.class);
        when(calendars.of("jiuting")).thenReturn(org.shirong.calendar.WorkingCalendar.bundled());
        Mocks.register("campaignTaskOverdueNotices", new TaskOverdueNotices(records, notifications.digests(),
                (OrganizationRoles) Mocks.get("organizationRoles"), calendars));

        for (CampaignRecords.TaskRow row : List.of(first, second)) {
            ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "JT-2026", withVariables(VAR_TASK_ID, row.id(),
                    VAR_TASK_KIND, Kind.TASK.name(), VAR_TASK_NAME, row.name(), VAR_GROUP, row.groupId(), VAR_DUE_AT, DUE,
                    VAR_CAMPAIGN_NAME, "九亭镇创建达标镇", VAR_REQUIREMENT, "", VAR_CAMPAIGN_ORGANIZATION, "jiuting"));
            execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
            execute(job("Task_NotifyTaskOverdue", pi));
        }

        verify(records, times(1)).openTasksDueWith(any());
        assertThat(notifications.inbox("chuangban1")).containsExactly(TaskOverdueNotices.DIGEST_TEMPLATE);
        assertThat(notifications.latestBody("chuangban1", TaskOverdueNotices.DIGEST_TEMPLATE)).contains("城管中队", "执法整治组");
    }

    /**
     * sjreview-s57 D10: 松江区's 区市容专办 leads the 区级联合检查组 (roles.office-led). When only the office's own work — its
     * 月度考核 and the group's 联合检查 — is overdue at a moment, no digest asks the office to 督促落实 itself (the group is told
     * of its own task as any unit); with a department overdue at the same moment, the digest names the department only.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theOfficesDigestLeavesOutItsOwnWorkAndThatOfTheGroupItLeads() {
        OrganizationRoles songjiang = new OrganizationRoles(Organizations.read("songjiang"), processEngine.getIdentityService(),
                () -> CaseCooperators.NONE);
        Mocks.register("organizationRoles", songjiang);
        notifications.member("sjlianjian1", "sjlianjian", false);
        notifications.member("sjlvrongju1", "sjlvrongju", false);
        CampaignRecords records = mock(CampaignRecords.class);
        CampaignRecords.TaskRow inspection = taskRow(7L, "sjlianjian", "满意度区级联合专项检查（2026年5月15日）");
        CampaignRecords.TaskRow assessment = taskRow(8L, "sjshirongban", "月度考核（2026年4月）");
        CampaignRecords.TaskRow report = taskRow(9L, "sjlvrongju", "自查整改情况报送（2026年5月）（区绿化市容局）");
        when(records.task(7L)).thenReturn(java.util.Optional.of(inspection));
        when(records.task(9L)).thenReturn(java.util.Optional.of(report));
        when(records.openTasksDueWith(inspection)).thenReturn(List.of(inspection, assessment));
        when(records.openTasksDueWith(report)).thenReturn(List.of(report, inspection));
        NotificationDigests digests = mock(NotificationDigests.class);
        WorkingCalendars calendars = mock(WorkingCalendars.class);
        when(calendars.of("songjiang")).thenReturn(org.shirong.calendar.WorkingCalendar.bundled());
        Mocks.register("campaignTaskOverdueNotices", new TaskOverdueNotices(records, digests, songjiang, calendars));

        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "SJ-2026", withVariables(VAR_TASK_ID, 7L,
                VAR_TASK_KIND, Kind.FINDINGS.name(), VAR_TASK_NAME, inspection.name(), VAR_GROUP, "sjlianjian", VAR_DUE_AT, DUE,
                VAR_CAMPAIGN_NAME, "松江区满意度测评提升", VAR_REQUIREMENT, "", VAR_CAMPAIGN_ORGANIZATION, "songjiang"));
        execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        execute(job("Task_NotifyTaskOverdue", pi));

        assertThat(notifications.inbox("sjlianjian1")).as("the group hears of its own task").containsExactly("campaign-task-overdue");
        verify(digests, org.mockito.Mockito.never()).sendPerPerson(any(), any(), any(), any(), any(), any(), any());

        pi = runtimeService().startProcessInstanceByKey(KEY, "SJ-2026", withVariables(VAR_TASK_ID, 9L,
                VAR_TASK_KIND, Kind.TASK.name(), VAR_TASK_NAME, report.name(), VAR_GROUP, "sjlvrongju", VAR_DUE_AT, DUE,
                VAR_CAMPAIGN_NAME, "松江区满意度测评提升", VAR_REQUIREMENT, "", VAR_CAMPAIGN_ORGANIZATION, "songjiang"));
        execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        execute(job("Task_NotifyTaskOverdue", pi));

        var model = org.mockito.ArgumentCaptor.forClass(java.util.Map.class);
        verify(digests).sendPerPerson(any(), any(), org.mockito.ArgumentMatchers.eq(TaskOverdueNotices.DIGEST_TEMPLATE),
                model.capture(), any(), org.mockito.ArgumentMatchers.eq("songjiang"), any());
        assertThat((java.util.Map<String, Object>) model.getValue()).containsEntry("unitCount", "1")
                .containsEntry("overdueUnits", List.of("区绿化市容局"));
    }

    private static CampaignRecords.TaskRow taskRow(long id, String group, String name) {
        return new CampaignRecords.TaskRow(id, "JT-2026", "responsibility-letter", 1, null, "responsibility-letter", name, "TASK",
                group, group, null, null, DUE.toInstant(), null, "OPEN", null, null, DUE.toInstant(), null, null);
    }
}

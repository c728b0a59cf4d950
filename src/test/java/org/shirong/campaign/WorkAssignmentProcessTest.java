package org.shirong.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.campaign.WorkAssignmentProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.shirong.organization.CaseCooperators;
import org.shirong.organization.OrganizationRoles;
import org.shirong.rectification.CampaignPlans;
import org.shirong.organization.Organizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.notification.NotificationFixture;
import org.shirong.system.SharesJvm;

/**
 * 工作交办: handled by the unit and reviewed by the office, the unit told when it is given the work (the meeting that
 * decided it named) and the unit and the office told once when its deadline passes undone, through the real send tasks;
 * a district's work for a town done by the town's process in the town's organisation.
 */
@Deployment(resources = "processes/WorkAssignmentProcess.bpmn")
@SharesJvm
class WorkAssignmentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource(ProcessTestEngine.CONFIGURATION).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    NotificationFixture notifications;
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("organizationRoles", new OrganizationRoles(Organizations.read("jiuting"), processEngine.getIdentityService(),
                () -> CaseCooperators.NONE));
        Mocks.register("taskNames", new org.shirong.system.TaskNames());
        Mocks.register("workAssignmentIssuedListener", new WorkAssignmentIssuedListener(new WorkAssignmentCampaigns(
                new org.springframework.beans.factory.support.StaticListableBeanFactory(java.util.Map.of("plans", RUNNING))
                        .getBeanProvider(CampaignPlans.class))));
        NotificationFixture.migrate(processEngine);
        jdbc = new org.springframework.jdbc.core.JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration()).getDataSource());
        WorkAssignmentFiles files = new WorkAssignmentFiles(jdbc, new CampaignAttachments(new AttachmentRecords(jdbc),
                new AttachmentProperties(5_000_000)));
        Mocks.register("workAssignmentFilesListener", new WorkAssignmentFilesListener(files));
        Mocks.register("workAssignmentFileLinks", new WorkAssignmentFileLinks(files));
        Mocks.register("workAssignmentReturnListener", new WorkAssignmentReturnListener(
                org.shirong.calendar.WorkingCalendars.bundled(), new WorkAssignmentProperties(3)));
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

    /** 九亭镇 runs one campaign, JT-DEMO: what the start form's 所属活动 offers. */
    private static final CampaignPlans RUNNING = new CampaignPlans() {
        @Override
        public java.util.Optional<PlanFacts> plan(String organization, String campaignCode, String category) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<Campaign> campaign(String campaignCode) {
            return running("jiuting").stream().filter(c -> c.code().equals(campaignCode)).findFirst();
        }

        @Override
        public java.util.List<Campaign> running(String organization) {
            return java.util.List.of(new Campaign("JT-DEMO", "九亭镇创建达标镇", "jiuting"));
        }

        @Override
        public java.util.Set<String> unitGroups(String campaignCode) {
            return java.util.Set.of();
        }
    };

    private ProcessInstance issue() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_TITLE, "清理九亭大街乱张贴",
                VAR_UNIT_GROUP, "chengguan",
                VAR_REQUIREMENT, "两个工作日内清理完毕并反馈照片",
                VAR_DUE_DATE, "2026-11-25"));
        execute(job(TASK_NOTIFY_ISSUED, instance));
        return instance;
    }

    private static final String TASK_NOTIFY_ISSUED = "Task_NotifyAssignmentIssued";
    private static final String TASK_NOTIFY_OVERDUE = "Task_NotifyAssignmentOverdue";

    private void deadlinePasses(ProcessInstance instance) {
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
        if (managementService().createJobQuery().processInstanceId(instance.getId()).activityId(TASK_NOTIFY_OVERDUE).count() > 0) {
            execute(job(TASK_NOTIFY_OVERDUE, instance));
        }
    }

    @Test
    void unitHandlesAndOfficeAcceptsSoTheAssignmentEnds() {
        ProcessInstance instance = issue();

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT);
        assertThat(task(instance)).hasCandidateGroup("chengguan").hasName("办理交办事项 · 清理九亭大街乱张贴")
                .hasDueDate(Date.from(LocalDateTime.parse("2026-11-25T17:00:00").atZone(ZoneId.systemDefault()).toInstant()));
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已清理 12 处", VAR_HANDLED, true));

        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT);
        assertThat(task(instance)).hasCandidateGroup("chuangban").hasName("审阅办理结果 · 清理九亭大街乱张贴");
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));

        assertThat(instance).hasPassed(END_COMPLETED).isEnded();
    }

    /**
     * sjreview-s57 D4: 办理交办事项 takes a photo (拍照) and files through the task's completion; they are kept under the
     * 工作交办 outside the process (no File variable stays, so none reaches history), checked as a campaign task's files are,
     * and the reviewer reads their names. A file that is not what it says is refused naming the field, and nothing is kept.
     */
    @Test
    void theUnitHandsInAPhotoAndAFileWhichAreKeptWithTheAssignmentAndNotInTheProcess() throws java.io.IOException {
        ProcessInstance instance = issue();
        String handle = task(instance).getId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getTaskService().complete(handle, withVariables(
                VAR_HANDLING_RESULT, "已清理", VAR_HANDLED, true, "attachment1", org.camunda.bpm.engine.variable.Variables
                        .fileValue("现场.jpg").file("<script>alert(1)</script>".getBytes()).mimeType("image/jpeg").create())))
                .hasMessageContaining("不是本任务可接受的类型");
        assertThat(jdbc.queryForObject("select count(*) from work_assignment_attachment where assignment_id = ?", Integer.class,
                instance.getId())).as("nothing kept").isZero();

        processEngine.getTaskService().complete(handle, withVariables(VAR_HANDLING_RESULT, "已清理 12 处", VAR_HANDLED, true,
                "photo1", org.camunda.bpm.engine.variable.Variables.fileValue("整治后.jpg").file(jpeg()).mimeType("image/jpeg").create(),
                "attachment1", org.camunda.bpm.engine.variable.Variables.fileValue("台账.pdf").file("%PDF-1.4\n%%EOF\n".getBytes())
                        .mimeType("application/pdf").create()));

        assertThat(jdbc.queryForList("select file_name || '/' || kind from work_assignment_attachment"
                + " where assignment_id = ? and process_instance_id = ? order by id", String.class, instance.getId(), instance.getId()))
                .containsExactlyInAnyOrder("整治后.jpg/photo", "台账.pdf/pdf");
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("photo1", "attachment1");
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT);
        assertThat((String) runtimeService().getVariable(instance.getId(), VAR_ATTACHMENT_NAMES)).contains("整治后.jpg", "台账.pdf");
        // szreview-s60 S1: the reviewer's form links each file to its download
        String links = String.join("、", jdbc.queryForList("select '[' || replace(file_name, '.', '\\.') || '](/shirong/work-assignments/files/'"
                + " || id || ')' from work_assignment_attachment where process_instance_id = ? order by id", String.class, instance.getId()));
        assertThat(links).contains("[整治后\\.jpg](/shirong/work-assignments/files/", "[台账\\.pdf](/shirong/work-assignments/files/");
        assertThat((String) processEngine.getTaskService().getVariableLocal(task(instance).getId(), WorkAssignmentFileLinks.VAR_ATTACHMENT_LINKS))
                .startsWith("照片、材料：" + links + "\n\n点文件名下载");
        assertThat(WorkAssignmentFileLinks.escaped("现场](javascript:x)<b>https://www.example.cn.jpg")).as("a name stays text")
                .isEqualTo("现场\\]\\(javascript\\:x\\)\\<b\\>https\\:\\/\\/www\\.example\\.cn\\.jpg");
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));
        assertThat(instance).isEnded();
    }

    private static byte[] jpeg() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(8, 8, 20, 20);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /**
     * jtphone-s61 F3: 退回重办 needs a 审阅意见 (refused naming it, the review left open); the unit is told (【交办退回】 with the
     * reason and the new deadline), the redo goes back to whoever handled it, with the return counted and what was handed
     * in kept for its form, and is due {@code redo-working-days} working days after the return, not on the old, passed day.
     */
    @Test
    void officeReturnsTheResultSoTheUnitHandlesItAgain() {
        ProcessInstance instance = issue();
        processEngine.getTaskService().claim(task(instance).getId(), "chengguan1");
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已清理部分", VAR_HANDLED, false));

        String review = task(instance).getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getTaskService().complete(review,
                withVariables(VAR_REVIEW_RESULT, REVIEW_RETURN, VAR_REVIEW_COMMENT, "  ")))
                .hasMessageContaining("退回重办时请填写审阅意见");
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT);
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_RETURN, VAR_REVIEW_COMMENT, "北段仍有残留"));
        execute(job(TASK_NOTIFY_RETURNED, instance));

        org.shirong.calendar.WorkingCalendar calendar = org.shirong.calendar.WorkingCalendars.bundled().of("jiuting");
        java.time.LocalDate redoDue = java.time.LocalDate.now(calendar.zone());
        for (int i = 0; i < 3; i++) {
            redoDue = calendar.workingDayFrom(redoDue.plusDays(1));
        }
        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).variables().containsEntry(VAR_REVIEW_COMMENT, "北段仍有残留")
                .containsEntry(VAR_RETURN_COUNT, 1).containsEntry(VAR_RETURNED_RESULT, "已清理部分")
                .containsEntry(VAR_DUE_DATE, redoDue.toString());
        assertThat(task(instance)).isAssignedTo("chengguan1")
                .hasDueDate(Date.from(redoDue.atTime(17, 0).atZone(ZoneId.systemDefault()).toInstant()));
        assertThat(notifications.latestBody("chengguan1", "work-assignment-returned")).startsWith("城管中队：")
                .contains("“清理九亭大街乱张贴”经审阅退回重办（第 1 次）", "审阅意见：北段仍有残留",
                        "重办期限：" + redoDue.getYear() + "年" + redoDue.getMonthValue() + "月" + redoDue.getDayOfMonth() + "日 17:00",
                        "about=" + instance.getId());
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已全部清理", VAR_HANDLED, true));
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));
        assertThat(instance).isEnded();
    }

    @Test
    void unitIsToldOfTheWorkItsRequirementAndDeadline() {
        ProcessInstance instance = issue();

        assertThat(notifications.inbox("chengguan1")).containsExactly("work-assignment-issued");
        assertThat(notifications.inbox("chuangban1")).isEmpty();
        assertThat(notifications.latestBody("chengguan1", "work-assignment-issued")).startsWith("城管中队：")
                .contains("创建工作办公室向你单位交办以下工作").contains("交办事项：清理九亭大街乱张贴")
                .contains("期限：2026年11月25日 17:00").contains("要求：两个工作日内清理完毕并反馈照片")
                .contains("about=" + instance.getId());
        assertThat(notifications.outboxRows(instance.getId())).isEqualTo(1);
    }

    @Test
    void meetingDecisionNamesTheMeetingAndItsCampaign() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "JT-2026", withVariables(
                VAR_TITLE, "清洗果壳箱", VAR_UNIT_GROUP, "chengguan", VAR_REQUIREMENT, "工作例会决定：清洗果壳箱",
                VAR_DUE_DATE, "2026-12-11", VAR_MEETING_NAME, "工作例会", VAR_CAMPAIGN_NAME, "九亭镇创建达标镇"));
        execute(job(TASK_NOTIFY_ISSUED, instance));

        assertThat(notifications.latestBody("chengguan1", "work-assignment-issued"))
                .contains("工作例会决定向你单位交办以下工作（九亭镇创建达标镇）").contains("期限：2026年12月11日 17:00");
    }

    @Test
    void workPastItsDeadlineIsToldToTheUnitAndTheOfficeOnceEvenWhenReturned() {
        ProcessInstance instance = issue();

        deadlinePasses(instance);

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).hasPassed("EndEvent_OverdueNotified");
        assertThat(notifications.inbox("chengguan1")).containsExactly("work-assignment-issued", "work-assignment-overdue");
        assertThat(notifications.inbox("chuangban1")).containsExactly("work-assignment-overdue");
        assertThat(notifications.latestBody("chuangban1", "work-assignment-overdue")).startsWith("城管中队、创建工作办公室：")
                .contains("创建工作办公室交办城管中队的工作“清理九亭大街乱张贴”期限为 2026年11月25日 17:00，至今尚未办理完毕，已超期");

        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已清理部分", VAR_HANDLED, false));
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_RETURN, VAR_REVIEW_COMMENT, "北段仍有残留"));
        execute(job(TASK_NOTIFY_RETURNED, instance));
        deadlinePasses(instance);

        assertThat(notifications.inbox("chuangban1")).containsExactly("work-assignment-overdue");
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已全部清理", VAR_HANDLED, true));
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));
        assertThat(instance).isEnded();
    }

    /**
     * 松江区 hands work to 石湖荡镇 by choosing its office: the district's process calls 工作交办 in the town's own
     * organisation, where the town's office handles it (deadline and overdue timer as any unit's) and the town's approvers
     * review it; the town's notices name the district's office, and the result comes back to the district's process.
     */
    @Test
    void workForATownIsDoneInTheTownsOwnOrganisationAndItsResultComesBackToTheDistrict() {
        Mocks.register("organizationRoles", new OrganizationRoles(Organizations.read("songjiang", "shihudang"),
                processEngine.getIdentityService(), () -> CaseCooperators.NONE));
        notifications.member("sjshirongban1", "sjshirongban", false);
        java.util.List<String> deployments = java.util.stream.Stream.of("songjiang", "shihudang").map(tenant -> repositoryService()
                .createDeployment().tenantId(tenant).addClasspathResource("processes/WorkAssignmentProcess.bpmn").deploy().getId())
                .toList();
        try {
            ProcessInstance district = runtimeService().createProcessInstanceByKey(KEY).processDefinitionTenantId("songjiang")
                    .setVariables(withVariables(VAR_TITLE, "某菜场周边整治", VAR_UNIT_GROUP, "shdshirongban",
                            VAR_REQUIREMENT, "清理占道经营和乱堆物", VAR_DUE_DATE, "2026-12-18")).execute();
            assertThat(district).isWaitingAt(CALL_TOWN_HANDLES);
            execute(job(CALL_TOWN_HANDLES, district));

            ProcessInstance town = runtimeService().createProcessInstanceQuery().superProcessInstanceId(district.getId()).singleResult();
            assertThat(town.getTenantId()).isEqualTo("shihudang");
            assertThat(town).isWaitingAt(TASK_HANDLE_ASSIGNMENT, TASK_NOTIFY_ISSUED).variables()
                    .containsEntry(VAR_ASSIGNED_BY, "区市容管理专项办公室").containsEntry(VAR_UNIT_GROUP, "shdshirongban");
            assertThat(task(town)).hasCandidateGroup("shdshirongban").hasName("办理交办事项 · 某菜场周边整治")
                    .hasDueDate(Date.from(LocalDateTime.parse("2026-12-18T17:00:00").atZone(ZoneId.systemDefault()).toInstant()));
            assertThat(managementService().createJobQuery().processInstanceId(town.getId()).timers().singleResult().getDuedate())
                    .isEqualTo(Date.from(LocalDateTime.parse("2026-12-18T17:00:00").atZone(ZoneId.systemDefault()).toInstant()));
            assertThat(task(district)).isNull();
            execute(job(TASK_NOTIFY_ISSUED, town));

            complete(task(town), withVariables(VAR_HANDLING_RESULT, "已清理 8 处占道摊位", VAR_HANDLED, true));
            assertThat(task(town)).hasCandidateGroup("shdlingdao");
            complete(task(town), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));

            assertThat(town).hasPassed(END_COMPLETED).isEnded();
            assertThat(district).isWaitingAt(TASK_NOTIFY_DONE);
            execute(job(TASK_NOTIFY_DONE, district));
            assertThat(district).hasPassed(END_TOWN_COMPLETED).isEnded();
            assertThat(notifications.inbox("sjshirongban1")).as("sjreview-s57 D3: the district's office learns the town is done")
                    .containsExactly("work-assignment-done");
            assertThat(notifications.latestBody("sjshirongban1", "work-assignment-done"))
                    .contains("交办石湖荡镇的工作“某菜场周边整治”已办结", "期限：2026年12月18日 17:00", "办理情况：已清理 8 处占道摊位",
                            "/shirong/work-assignments?organization=songjiang");
            assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(district.getId())
                    .variableName(VAR_HANDLING_RESULT).singleResult().getValue()).isEqualTo("已清理 8 处占道摊位");
        } finally {
            deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        }
    }

    /**
     * sjreview-s57 D4: the start form's 所属活动 files the work under a running campaign of the organisation — its code
     * the business key its 驾驶舱、月报 and 通报 count work by, its name in the unit's notice; 不属于活动 leaves it out of any
     * campaign, and a campaign that is not running is refused naming the field, nothing started.
     */
    @Test
    void workFiledUnderARunningCampaignCountsForItAndAnyOtherCampaignIsRefused() {
        ProcessInstance filed = runtimeService().startProcessInstanceByKey(KEY, withVariables(VAR_TITLE, "清洗果壳箱", VAR_UNIT_GROUP, "chengguan", VAR_REQUIREMENT, "清洗九亭大街果壳箱",
                        VAR_DUE_DATE, "2026-12-11", VAR_CAMPAIGN, "JT-DEMO"));
        assertThat(filed.getBusinessKey()).isEqualTo("JT-DEMO");
        assertThat(filed).variables().containsEntry(VAR_CAMPAIGN_NAME, "九亭镇创建达标镇");
        execute(job(TASK_NOTIFY_ISSUED, filed));
        assertThat(notifications.latestBody("chengguan1", "work-assignment-issued")).contains("向你单位交办以下工作（九亭镇创建达标镇）");

        ProcessInstance none = runtimeService().startProcessInstanceByKey(KEY, withVariables(VAR_TITLE, "清理乱张贴", VAR_UNIT_GROUP, "chengguan", VAR_REQUIREMENT, "清理",
                        VAR_DUE_DATE, "2026-12-11", VAR_CAMPAIGN, NO_CAMPAIGN));
        assertThat(none.getBusinessKey()).isNull();
        assertThat(none).variables().doesNotContainKey(VAR_CAMPAIGN_NAME);

        long before = runtimeService().createProcessInstanceQuery().count();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
                        withVariables(VAR_TITLE, "x", VAR_UNIT_GROUP, "chengguan", VAR_REQUIREMENT, "x", VAR_DUE_DATE, "2026-12-11",
                                VAR_CAMPAIGN, "SJ-DEMO")))
                .hasMessageContaining("所属活动“SJ-DEMO”不是本组织正在进行的活动");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    }

    /**
     * diffreview-s57 R1: a person's start carries no business key but the 所属活动 it chose, so that no one files work
     * into a campaign (another organisation's among them) by its code: refused naming what was sent, nothing started.
     * A meeting's decision, started by Shirong on its own behalf, keeps the campaign's code it is given.
     */
    @Test
    void aPersonsStartWithABusinessKeyOtherThanItsCampaignIsRefusedAndAMeetingsDecisionKeepsItsKey() {
        long before = runtimeService().createProcessInstanceQuery().count();
        processEngine.getIdentityService().setAuthentication("chuangban1", java.util.List.of("chuangban"));
        try {
            for (String campaign : new String[] {null, NO_CAMPAIGN, "JT-DEMO"}) {
                java.util.Map<String, Object> variables = withVariables(VAR_TITLE, "x", VAR_UNIT_GROUP, "chengguan",
                        VAR_REQUIREMENT, "x", VAR_DUE_DATE, "2026-12-11");
                if (campaign != null) {
                    variables.put(VAR_CAMPAIGN, campaign);
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, "SJ-DEMO", variables))
                        .as(String.valueOf(campaign)).hasMessageContaining("工作交办的业务键由“所属活动”确定，不能另行填写（收到“SJ-DEMO”）");
            }
            assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
            ProcessInstance keyed = runtimeService().startProcessInstanceByKey(KEY, "JT-DEMO", withVariables(VAR_TITLE, "x",
                    VAR_UNIT_GROUP, "chengguan", VAR_REQUIREMENT, "x", VAR_DUE_DATE, "2026-12-11", VAR_CAMPAIGN, "JT-DEMO"));
            assertThat(keyed.getBusinessKey()).as("the key of the campaign chosen").isEqualTo("JT-DEMO");
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        ProcessInstance decision = runtimeService().startProcessInstanceByKey(KEY, "SJ-DEMO", withVariables(VAR_TITLE, "x",
                VAR_UNIT_GROUP, "chengguan", VAR_REQUIREMENT, "x", VAR_DUE_DATE, "2026-12-11", VAR_CAMPAIGN_NAME, "松江区活动"));
        assertThat(decision.getBusinessKey()).isEqualTo("SJ-DEMO");
    }
}

package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.rectification.RectificationProcess.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.organization.CaseCooperators;
import org.shirong.system.SharesJvm;

/**
 * Every path of 整改案件 with the real case services and working calendar: claim and return, rework,
 * verification, the 80 %/100 %/200 % timers across a weekend and 劳动节 with its make-up working day,
 * extensions (office, then leading group) and 挂账 stopping and resuming the clock; and the
 * notifications its send tasks put in the inbox, once each even when a timer fires again; and 协办: each
 * responsible unit of the decision table is told and gets its own 记录协办情况 task, which the case's closing ends.
 */
@Deployment(resources = {"processes/RectificationProcess.bpmn", "config/organizations/jiuting/CaseDispatch.dmn",
        "processes/CaseCooperationProcess.bpmn"})
@SharesJvm
class RectificationProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final byte[] PNG = TestPhotos.PNG;

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    RectificationFixture fixture;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new RectificationFixture(processEngine);
    }

    @AfterEach
    void tearDown() {
        // an approver some tests tell of requests: left behind, the approvers would have a member outside 农副公司
        if (processEngine.getIdentityService().createUserQuery().userId("zuzhang1").count() > 0) {
            processEngine.getIdentityService().deleteUser("zuzhang1");
        }
        fixture.clear();
        ClockUtil.reset();
    }

    private CaseRecord report(String category, String reportedAt) {
        clockAt(at(reportedAt));
        return fixture.cases.register("jiuting", new NewCase("九亭大街 12 号门前问题", category, "NORMAL", "PATROL",
                new NewCase.Location("九亭大街 12 号", null, null, null), "巡查发现", null), "lvrong1");
    }

    private ProcessInstance instance(CaseRecord c) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(c.caseNo()).singleResult();
    }

    private CaseRecord record(CaseRecord c) {
        return fixture.cases.get(c.caseNo());
    }

    private static Map<String, Object> submitWithPhotos() {
        return withVariables(VAR_RECTIFY_ACTION, SUBMIT, VAR_MEASURES, "已清运并冲洗地面",
                VAR_PHOTO_BEFORE, Variables.fileValue("before.png").file(PNG).mimeType("image/png").create(),
                VAR_PHOTO_AFTER, Variables.fileValue("after.png").file(PNG).mimeType("image/png").create());
    }

    private static String display(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(instant.atZone(SHANGHAI));
    }

    private static long asyncJobs(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).messages().count();
    }

    private void claim(ProcessInstance pi) {
        complete(task(TASK_CLAIM, pi), withVariables(VAR_CLAIM_DECISION, CLAIM));
    }

    @Test
    void reportedCaseIsDispatchedClaimedRectifiedVerifiedAndClosed() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);

        assertThat(c.caseNo()).matches("JT-2026-\\d{6}");
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.leadUnit()).isEqualTo("huanwei");
        assertThat(pi).isWaitingAt(TASK_CLAIM);
        // Dispatched by category, which only the case's record keeps: the instance never wrote it.
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_CATEGORY, VAR_SOURCE)
                .containsEntry(VAR_CASE_NO, c.caseNo());
        assertThat(task(TASK_CLAIM, pi)).hasCandidateGroup("huanwei").hasDueDate(Date.from(c.dueAt()));
        // The notice is queued in the dispatch's own transaction: no job is left that could race the unit's claim.
        assertThat(asyncJobs(pi)).isZero();
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly("case-dispatched");
        assertThat(fixture.notifications.latestBody("huanwei1", "case-dispatched"))
                .contains(c.caseNo(), "九亭大街 12 号门前问题", "九亭大街 12 号", "整改期限：" + display(c.dueAt()))
                .contains("打开任务列表：https://shirong.example.cn/camunda/app/tasklist/default/#/?about=" + c.caseNo());

        claim(pi);
        assertThat(record(c).status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        assertThat(record(c).status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);
        assertThat(fixture.records.photos(c.caseNo())).extracting(CaseRecords.Photo::kind).containsExactly("BEFORE", "AFTER");
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_PHOTO_BEFORE, VAR_PHOTO_AFTER);

        assertThat(task(TASK_VERIFY, pi)).hasCandidateGroup("ducha");
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "现场已整洁"));
        execute(job(TASK_CLOSE, pi));

        assertThat(pi).hasPassed(END_CLOSED).isEnded();
        CaseRecord closed = record(c);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedOnTime()).isTrue();
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.CLOSED)
                .extracting(CaseEvent::detail).containsExactly("按期办结");
        assertThat(fixture.cases.timeline(c.caseNo())).extracting(CaseEvent::kind).containsExactly(
                CaseEventKind.REPORTED, CaseEventKind.DISPATCHED, CaseEventKind.CLAIMED, CaseEventKind.PHOTO_ADDED,
                CaseEventKind.PHOTO_ADDED, CaseEventKind.SUBMITTED, CaseEventKind.VERIFIED, CaseEventKind.CLOSED);
    }

    /** A problem {@code user} entered in a campaign task of {@code unit}, as the task's findings are reported. */
    private CaseRecord enteredInCampaignTask(String category, String unit, String user, int no) {
        return fixture.cases.reportCampaignWork("jiuting", new NewCase("九亭公园门口果壳箱满溢", category, "NORMAL", "SELF_INSPECTION",
                new NewCase.Location("九亭公园门口", null, null, null), "自查发现", OwnReferences.campaignFinding("JT-SELF", 7, no)),
                user, new RectificationCases.Directions(null, null, null,
                        new RectificationCases.EnteredBy(unit, "对照标准全面自查（" + unit + "）"))).record();
    }

    /**
     * sjreview F12: a unit that enters a problem in its own campaign task (认领测评点位问题, 自查) and is made its lead unit
     * has claimed it by entering it (主动认领 is one act): 是否已认领? takes the case straight to 整改问题, assigned to whoever
     * entered it, with no 认领案件 to claim again or 回退; the timeline and the dispatch notice say so. Entered by another
     * unit, the case waits to be claimed as any other; entered by someone not of the lead unit, it goes to the unit.
     */
    @Test
    void aCaseItsLeadUnitEnteredInItsOwnCampaignTaskIsClaimedAsEnteredAndGoesStraightToRectification() {
        clockAt(at("2026-03-02T09:00"));
        CaseRecord own = enteredInCampaignTask("EXPOSED_GARBAGE", "huanwei", "huanwei1", 1);
        ProcessInstance pi = instance(own);

        assertThat(record(own).leadUnit()).isEqualTo("huanwei");
        assertThat(pi).hasNotPassed(TASK_CLAIM).isWaitingAt(TASK_RECTIFY);
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CLAIM).count()).isZero();
        assertAssignedAndVisibleToUnit(task(TASK_RECTIFY, pi), "huanwei1", "huanwei");
        assertThat(record(own).status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        assertThat(record(own).claimedAt()).isEqualTo(at("2026-03-02T09:00"));
        assertThat(fixture.cases.timeline(own.caseNo())).extracting(CaseEvent::kind)
                .containsExactly(CaseEventKind.REPORTED, CaseEventKind.DISPATCHED, CaseEventKind.CLAIMED);
        assertThat(fixture.cases.timeline(own.caseNo())).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("huanwei1");
            assertThat(e.detail()).isEqualTo("录入即认领：本单位在“对照标准全面自查（huanwei）”中录入本问题，由本单位牵头整改，不再另行认领");
        });
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).as("transient: read by the dispatch only")
                .doesNotContainKeys(VAR_ENTERED_BY_UNIT, VAR_ENTERED_IN_TASK).containsEntry(VAR_CLAIMED, true);
        assertThat(fixture.notifications.latestBody("huanwei1", "case-dispatched"))
                .contains(own.caseNo(), "由你单位在活动任务中录入", "录入即认领，无需再认领", "整改任务已交给录入问题的")
                .doesNotContain("请及时在任务列表中认领");
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        assertThat(record(own).status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);

        CaseRecord others = enteredInCampaignTask("EXPOSED_GARBAGE", "chengguan", "chengguan1", 2);
        ProcessInstance othersPi = instance(others);
        assertThat(othersPi).as("entered by 城管中队, led by 环卫所: claimed or returned by 环卫所").isWaitingAt(TASK_CLAIM);
        assertThat(record(others).status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(fixture.cases.timeline(others.caseNo())).extracting(CaseEvent::kind).doesNotContain(CaseEventKind.CLAIMED);
        assertThat(fixture.notifications.latestBody("huanwei1", "case-dispatched")).contains(others.caseNo(), "请及时在任务列表中认领并整改");

        CaseRecord byOutsider = enteredInCampaignTask("EXPOSED_GARBAGE", "huanwei", "nongfu2", 3);
        ProcessInstance byOutsiderPi = instance(byOutsider);
        assertThat(byOutsiderPi).isWaitingAt(TASK_RECTIFY);
        assertThat(task(TASK_RECTIFY, byOutsiderPi)).as("not of 环卫所: the unit's to take").hasCandidateGroup("huanwei");
        assertThat(task(TASK_RECTIFY, byOutsiderPi).getAssignee()).isNull();
    }

    @Test
    void submittingWithoutAnAfterPhotoOrWithANonImageOrAnOversizedOneIsRefusedAndNothingChanges() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        String taskId = task(TASK_RECTIFY, pi).getId();

        assertThatThrownBy(() -> taskService().complete(taskId, withVariables(VAR_RECTIFY_ACTION, SUBMIT, VAR_MEASURES, "已处理")))
                .isInstanceOf(FormFieldValidationException.class).hasMessage("请上传整改后照片");
        assertThatThrownBy(() -> taskService().complete(taskId, withVariables(VAR_RECTIFY_ACTION, SUBMIT, VAR_MEASURES, "已处理",
                VAR_PHOTO_AFTER, Variables.fileValue("after.pdf").file("%PDF-1.4".getBytes()).mimeType("image/png").create())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不是图片");
        byte[] oversized = java.util.Arrays.copyOf(PNG, 5_000_001);
        assertThatThrownBy(() -> taskService().complete(taskId, withVariables(VAR_RECTIFY_ACTION, SUBMIT, VAR_MEASURES, "已处理",
                VAR_PHOTO_AFTER, Variables.fileValue("after.png").file(oversized).mimeType("image/png").create())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("过大");

        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        assertThat(record(c).status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        assertThat(fixture.records.photos(c.caseNo())).isEmpty();
    }

    /**
     * jtreview-s56 T8: the office's 重新派遣案件 is due a working day after the return (redispatch-working-days), and the new
     * lead unit's limit runs from the re-dispatch, not from the first dispatch: the time the returning unit and the office
     * used is not the new unit's; the timeline says so with the deadline before.
     */
    @Test
    void returnedCaseIsRedispatchedByTheOfficeAndClaimedByTheNewUnitOnANewClock() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        // 4 工作时 (暴露垃圾) from 09:00: 2.5 h to 11:30, 1.5 h from 13:00 → 14:30.
        assertThat(record(c).dueAt()).isEqualTo(at("2026-03-02T14:30"));
        clockAt(at("2026-03-02T10:00"));

        complete(task(TASK_CLAIM, pi), withVariables(VAR_CLAIM_DECISION, RETURN, VAR_RETURN_REASON, "属于绿化，应由农副公司处理"));

        assertThat(pi).isWaitingAt(TASK_REDISPATCH);
        // Monday 10:00 + 1 工作日, at the close of that office day
        assertThat(task(TASK_REDISPATCH, pi)).hasCandidateGroup("chuangban").hasDueDate(Date.from(at("2026-03-03T17:00")));
        clockAt(at("2026-03-03T09:00"));
        complete(task(TASK_REDISPATCH, pi), withVariables(VAR_NEW_LEAD_UNIT, "nongfu"));

        CaseRecord redispatched = record(c);
        assertThat(redispatched.leadUnit()).isEqualTo("nongfu");
        assertThat(redispatched.returnCount()).isEqualTo(1);
        assertThat(redispatched.dispatchedAt()).isEqualTo(at("2026-03-03T09:00"));
        // 4 工作时 from the re-dispatch on Tuesday 09:00 → 14:30, not the first dispatch's Monday 14:30 (past already)
        assertThat(redispatched.dueAt()).isEqualTo(at("2026-03-03T14:30"));
        assertThat(task(TASK_CLAIM, pi)).hasCandidateGroup("nongfu").hasDueDate(Date.from(at("2026-03-03T14:30")));
        assertThat(fixture.records.events(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.REDISPATCHED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("牵头单位 农副公司", "时限 4 工作时",
                        "整改时限自重新派遣时起重新计算（原整改期限 2026年3月2日 14:30）"));
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly("case-dispatched");
        assertThat(fixture.notifications.inbox("nongfu1")).containsExactly("case-dispatched");
        assertThat(fixture.notifications.latestBody("nongfu1", "case-dispatched")).contains(display(at("2026-03-03T14:30")));
    }

    /** The unit's 协办 of the case, as the case's record names it (classes sharing the JVM leave instances of equal keys). */
    private ProcessInstance cooperation(CaseRecord c, String unit) {
        String id = fixture.parties.of(c.caseNo()).stream().filter(p -> p.unitId().equals(unit))
                .map(CaseParties.Party::processInstanceId).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** 乱堆物料 (PILED_ITEMS): lead unit 城管中队, responsible units 环卫所 and 物业公司. */
    @Test
    void eachResponsibleUnitIsToldAndRecordsItsCooperationAndTheCaseClosingEndsTheOpenOne() {
        fixture.notifications.member("chengguan1", "chengguan", true);
        fixture.notifications.member("wuye1", "wuye01", true);
        fixture.zones.add(new RectificationFixture.Zone("九亭大街 12 号", "wuye01", null)); // 各物业公司 helps: the company of the place
        CaseRecord c = report("PILED_ITEMS", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);

        assertThat(c.leadUnit()).isEqualTo("chengguan");
        assertThat(pi).hasPassed(TASK_START_COOPERATION).isWaitingAt(TASK_CLAIM);
        assertThat(asyncJobs(pi)).isZero();
        assertThat(fixture.parties.of(c.caseNo())).extracting(CaseParties.Party::unitId).containsExactly("huanwei", "wuye01");
        assertThat(fixture.parties.of(c.caseNo())).allSatisfy(p -> {
            assertThat(p.reason()).isEqualTo(CaseParties.Reason.RESPONSIBLE);
            assertThat(p.dueAt()).isEqualTo(c.dueAt());
        });
        ProcessInstance huanwei = cooperation(c, "huanwei");
        ProcessInstance wuye = cooperation(c, "wuye01");
        execute(job(CaseCooperationProcess.START, huanwei));
        execute(job(CaseCooperationProcess.START, wuye));
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly("case-cooperation");
        assertThat(fixture.notifications.inbox("wuye1")).containsExactly("case-cooperation");
        assertThat(fixture.notifications.inbox("chengguan1")).containsExactly("case-dispatched");
        assertThat(task(CaseCooperationProcess.TASK_RECORD, huanwei)).hasCandidateGroup("huanwei").hasDueDate(Date.from(c.dueAt()));
        assertThat(task(CaseCooperationProcess.TASK_RECORD, wuye)).hasCandidateGroup("wuye01");

        clockAt(at("2026-03-02T10:00"));
        complete(task(CaseCooperationProcess.TASK_RECORD, huanwei), withVariables(CaseCooperationProcess.VAR_OUTCOME, "COOPERATED",
                CaseCooperationProcess.VAR_NOTE, "已清运堆物"));
        claim(pi);
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "现场已整洁"));
        execute(job(TASK_CLOSE, pi));

        assertThat(pi).hasPassed(END_CLOSED).isEnded();
        assertThat(huanwei).hasPassed(CaseCooperationProcess.END_RECORDED).isEnded();
        assertThat(wuye).hasPassed(CaseCooperationProcess.END_CASE_CLOSED).isEnded();
        assertThat(fixture.parties.of(c.caseNo())).extracting(CaseParties.Party::unitId, CaseParties.Party::doneOnTime,
                p -> p.endedAt() != null).containsExactly(org.assertj.core.groups.Tuple.tuple("huanwei", true, true),
                org.assertj.core.groups.Tuple.tuple("wuye01", false, true));
        // The lead unit stays accountable: the case closed on time whatever its cooperating units did.
        assertThat(record(c).closedOnTime()).isTrue();
        // 物业's cooperation was cut short by the closing before it was due: not counted against it (sjreview F3).
        assertThat(fixture.parties.of(c.caseNo())).filteredOn(p -> p.unitId().equals("wuye01")).singleElement()
                .satisfies(p -> assertThat(p.cutShort()).isTrue());
        // 通知案件已结案 (sjreview F4): the reporter and both cooperating units, the one that recorded and the one cut short; not the lead.
        assertThat(pi).hasPassed("Task_NotifyCaseClosed");
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly("case-cooperation", "case-closed");
        assertThat(fixture.notifications.inbox("wuye1")).containsExactly("case-cooperation", "case-closed");
        assertThat(fixture.notifications.inbox("lvrong1")).containsExactly("case-closed");
        assertThat(fixture.notifications.inbox("chengguan1")).containsExactly("case-dispatched");
        assertThat(fixture.notifications.latestBody("wuye1", "case-closed")).contains(c.caseNo(), "经核查整改到位，已结案归档",
                "在协办期限前结案的，不计入协办考核");
    }

    /**
     * 合并关闭: the office merges a case in rectification into another of the same category (Message_CaseMerged, as
     * CaseMerges sends it). Its tasks, timers and open 协办 end at once, it is MERGED (not closed on time or late), both
     * timelines say so, and the lead unit and the reporter are told, and so is the cooperating unit whose 记录协办情况
     * ended (环卫所), not the one never told of the case (物业, its cooperation not begun); the primary goes on.
     */
    @Test
    void aMergedCaseEndsWithItsTasksTimersAndCooperationsAndBothTimelinesSaySo() {
        fixture.notifications.member("chengguan1", "chengguan", true);
        fixture.notifications.member("lvrong1", "lvrong", false);
        fixture.notifications.member("wuye1", "wuye01", true);
        fixture.zones.add(new RectificationFixture.Zone("九亭大街 12 号", "wuye01", null)); // 各物业公司 helps: the company of the place
        CaseRecord primary = report("PILED_ITEMS", "2026-03-02T09:00");
        CaseRecord duplicate = report("PILED_ITEMS", "2026-03-02T09:30");
        ProcessInstance pi = instance(duplicate);
        ProcessInstance huanwei = cooperation(duplicate, "huanwei");
        ProcessInstance wuye = cooperation(duplicate, "wuye01");
        execute(job(CaseCooperationProcess.START, huanwei)); // wuye's cooperation has not begun yet
        claim(pi);
        assertThat(pi).isWaitingAt(TASK_RECTIFY);

        clockAt(at("2026-03-02T10:00"));
        processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_CASE_MERGED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_MERGED_INTO, primary.caseNo(), VAR_MERGE_REASON, "同一处堆物，12345 与巡查重复上报",
                        VAR_MERGED_BY, "chuangban1", VAR_MERGE_ALSO_TELL, "user:lvrong1"))
                .correlateWithResult();

        assertThat(pi).hasPassed(TASK_CLOSE_MERGED, TASK_NOTIFY_MERGED, TASK_NOTIFY_COOPERATORS_MERGED, END_MERGED).isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).as("timers").isZero();
        assertThat(huanwei).hasPassed(CaseCooperationProcess.END_CASE_CLOSED).isEnded();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(wuye.getId()).count()).isZero();
        assertThat(fixture.parties.of(duplicate.caseNo())).allSatisfy(p -> assertThat(p.endedAt()).isNotNull());
        CaseRecord merged = record(duplicate);
        assertThat(merged.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(primary.caseNo());
        assertThat(merged.closedAt()).isEqualTo(at("2026-03-02T10:00"));
        assertThat(merged.closedOnTime()).isNull();
        assertThat(fixture.cases.timeline(duplicate.caseNo())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CaseEventKind.MERGED);
            assertThat(e.actor()).isEqualTo("chuangban1");
            assertThat(e.detail()).isEqualTo("并入 " + primary.caseNo() + "：同一处堆物，12345 与巡查重复上报");
        });
        assertThat(fixture.cases.timeline(primary.caseNo())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CaseEventKind.DUPLICATE_MERGED);
            assertThat(e.detail()).startsWith(duplicate.caseNo() + " 作为重复案件并入本案");
        });
        assertThat(fixture.notifications.inbox("chengguan1")).containsExactly("case-dispatched", "case-dispatched", "case-merged");
        assertThat(fixture.notifications.inbox("lvrong1")).containsExactly("case-merged");
        assertThat(fixture.notifications.latestBody("lvrong1", "case-merged"))
                .contains(duplicate.caseNo(), "并入 " + primary.caseNo(), "合并理由：同一处堆物",
                        "https://shirong.example.cn/shirong/cases/" + primary.caseNo());
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly("case-cooperation", "case-merged-cooperation");
        assertThat(fixture.notifications.latestBody("huanwei1", "case-merged-cooperation")).contains(duplicate.caseNo(),
                "并入 " + primary.caseNo(), "你单位协办", "无需再记录", "合并理由：同一处堆物",
                "https://shirong.example.cn/shirong/cases/" + duplicate.caseNo());
        assertThat(fixture.notifications.inbox("wuye1")).as("never told of the case").isEmpty();
        assertThat(instance(primary)).isWaitingAt(TASK_CLAIM);
        assertThat(record(primary).status()).isEqualTo(CaseStatus.DISPATCHED);
    }

    /**
     * 作废 (user review s48, M15): CaseVoided (as CaseVoids sends it) ends the case wherever it waits, here at 审批挂账申请
     * outside the handling subprocess: its tasks, timers and open 协办 end, it is VOIDED (not closed on time or late), the
     * timeline says who voided it and why, the lead unit is told and so is the cooperating unit whose 记录协办情况 ended.
     */
    @Test
    void aVoidedCaseEndsWithItsTasksTimersAndCooperationsAndItsTimelineSaysWhoAndWhy() {
        fixture.notifications.member("chengguan1", "chengguan", true);
        CaseRecord c = report("PILED_ITEMS", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        ProcessInstance huanwei = cooperation(c, "huanwei");
        execute(job(CaseCooperationProcess.START, huanwei));
        claim(pi);
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        assertThat(pi).isWaitingAt(TASK_APPROVE_SUSPENSION);

        clockAt(at("2026-03-02T11:00"));
        processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_CASE_VOIDED).processInstanceId(pi.getId())
                .setVariables(Map.of(VAR_VOID_REASON, "地址在泗泾镇，不属本镇范围", VAR_VOIDED_BY, "chuangban1"))
                .correlateWithResult();

        assertThat(pi).hasPassed(TASK_VOID, TASK_NOTIFY_VOIDED, TASK_NOTIFY_COOPERATORS_VOIDED, END_VOIDED).isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).as("timers").isZero();
        assertThat(huanwei).isEnded();
        CaseRecord voided = record(c);
        assertThat(voided.status()).isEqualTo(CaseStatus.VOIDED);
        assertThat(voided.closedAt()).isEqualTo(at("2026-03-02T11:00"));
        assertThat(voided.closedOnTime()).isNull();
        assertThat(fixture.cases.timeline(c.caseNo())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CaseEventKind.VOIDED);
            assertThat(e.actor()).isEqualTo("chuangban1");
            assertThat(e.occurredAt()).isEqualTo(at("2026-03-02T11:00"));
            assertThat(e.detail()).isEqualTo("地址在泗泾镇，不属本镇范围");
        });
        assertThat(fixture.notifications.inbox("chengguan1")).endsWith("case-voided");
        assertThat(fixture.notifications.latestBody("chengguan1", "case-voided")).contains(c.caseNo(), "作废（不予立案或撤销）", "不再办理",
                "作废理由：地址在泗泾镇，不属本镇范围", "https://shirong.example.cn/shirong/cases/" + c.caseNo());
        assertThat(fixture.notifications.inbox("huanwei1")).endsWith("case-voided-cooperation");
        assertThat(fixture.notifications.latestBody("huanwei1", "case-voided-cooperation")).contains("你单位协办", "无需再记录");
    }

    /**
     * 重新打开: a closed case whose problem came back starts a new instance at 案件重新打开, which puts it back to its lead
     * unit's 整改问题 (no claim) on a new clock from the reopening by its time limit, with the timers of a case in
     * handling, tells the unit why, and is verified and closed again as usual; the first round's closure stays on the
     * timeline.
     */
    @Test
    void aReopenedCaseGoesBackToItsLeadUnitOnANewClockAndIsVerifiedAndClosedAgain() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance first = instance(c);
        claim(first);
        complete(task(TASK_RECTIFY, first), submitWithPhotos());
        complete(task(TASK_VERIFY, first), withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "现场已整洁"));
        execute(job(TASK_CLOSE, first));
        Instant firstClosed = record(c).closedAt();

        clockAt(at("2026-03-10T10:00"));
        fixture.jdbc.update("update rect_case set urgency = 'URGENT' where case_no = ?", c.caseNo());
        ProcessInstance reopened = processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_CASE_REOPENED)
                .processInstanceBusinessKey(c.caseNo())
                .setVariables(Map.of(VAR_REOPEN_REASON, "12345 市民再次反映垃圾堆放", VAR_REOPENED_BY, "chuangban1"))
                .correlateStartMessage();

        assertThat(reopened).hasPassed(START_REOPENED, TASK_REOPEN, TASK_NOTIFY_REOPENED).isWaitingAt(TASK_RECTIFY);
        assertThat(task(TASK_RECTIFY, reopened).getPriority()).as("an urgent case stays urgent").isEqualTo(CaseTaskListener.URGENT_PRIORITY);
        CaseRecord again = record(c);
        assertThat(again.status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        assertThat(again.reopenCount()).isEqualTo(1);
        assertThat(again.processInstanceId()).isEqualTo(reopened.getId());
        assertThat(again.closedAt()).isNull();
        assertThat(again.closedOnTime()).isNull();
        assertThat(again.submittedAt()).isNull();
        assertThat(again.clockStartedAt()).isEqualTo(at("2026-03-10T10:00"));
        assertThat(again.dueAt()).as("the case's time limit from the reopening, on the working calendar").isEqualTo(
                new CaseDeadlines(org.shirong.calendar.WorkingCalendars.bundled(), new RectificationProperties(0.8, 2.0))
                        .start("jiuting", at("2026-03-10T10:00"), new org.shirong.calendar.TimeLimit(again.limitAmount(),
                                org.shirong.calendar.LimitUnit.valueOf(again.limitUnit()))).dueAt());
        assertThat(task(TASK_RECTIFY, reopened)).hasCandidateGroup("huanwei").hasDueDate(Date.from(again.dueAt()));
        assertThat(managementService().createJobQuery().processInstanceId(reopened.getId()).timers().count())
                .as("yellow, red and 通报 timers").isEqualTo(3);
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly("case-dispatched", "case-reopened");
        assertThat(fixture.notifications.latestBody("huanwei1", "case-reopened"))
                .contains(c.caseNo(), "重新打开的理由：12345 市民再次反映垃圾堆放", "（第 1 次）", "新的整改期限：" + display(again.dueAt()));
        assertThat(fixture.cases.timeline(c.caseNo())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CaseEventKind.REOPENED);
            assertThat(e.actor()).isEqualTo("chuangban1");
            assertThat(e.detail()).startsWith("12345 市民再次反映垃圾堆放（第 1 次重新打开；上一轮于 " + display(firstClosed)
                    + " 按期办结；新的整改期限 " + display(again.dueAt()));
        });

        complete(task(TASK_RECTIFY, reopened), submitWithPhotos());
        assertThat(fixture.jdbc.queryForList("select distinct round from rect_case_photo where case_no = ? order by round",
                Integer.class, c.caseNo())).as("the reopened round's photos apart from the first's").containsExactly(1, 2);
        complete(task(TASK_VERIFY, reopened), withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "已清运"));
        execute(job(TASK_CLOSE, reopened));
        assertThat(reopened).hasPassed(END_CLOSED).isEnded();
        assertThat(record(c).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(record(c).reopenCount()).isEqualTo(1);
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.CLOSED)
                .extracting(CaseEvent::occurredAt).containsExactly(firstClosed, record(c).closedAt());
    }

    /**
     * A reopened case's 整改问题 goes first to whoever handed in the round it ends (徐所长, who is told so in the notice),
     * the lead unit staying its candidate so that a colleague can take it; once that person has left the unit, to the
     * unit alone, as before.
     */
    @Test
    void aReopenedCaseGoesFirstToWhoeverHandledTheLastRoundWhileStillOfTheLeadUnit() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        claimAs("huanwei1", instance(c));
        handInAndCloseAs("huanwei1", instance(c));

        clockAt(at("2026-03-10T10:00"));
        ProcessInstance reopened = reopen(c);
        assertThat(task(TASK_RECTIFY, reopened)).isAssignedTo("huanwei1");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(task(TASK_RECTIFY, reopened).getId())
                .taskCandidateGroup("huanwei").includeAssignedTasks().count()).as("the unit still a candidate").isEqualTo(1);
        assertThat(fixture.notifications.latestBody("huanwei1", "case-reopened"))
                .contains("整改任务已交给上一轮办理整改的徐所长，本单位其他人员也可在任务列表中查看和接手");

        handInAndCloseAs("huanwei1", reopened);
        clockAt(at("2026-03-20T10:00"));
        processEngine.getIdentityService().deleteMembership("huanwei1", "huanwei");
        try {
            ProcessInstance again = reopen(c);
            assertThat(task(TASK_RECTIFY, again)).as("no longer of the lead unit").isNotAssigned().hasCandidateGroup("huanwei");
        } finally {
            processEngine.getIdentityService().createMembership("huanwei1", "huanwei");
        }
    }

    private ProcessInstance reopen(CaseRecord c) {
        return processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_CASE_REOPENED)
                .processInstanceBusinessKey(c.caseNo())
                .setVariables(Map.of(VAR_REOPEN_REASON, "12345 市民再次反映垃圾堆放", VAR_REOPENED_BY, "chuangban1"))
                .correlateStartMessage();
    }

    /** {@code user} hands in the case's 整改 (as Tasklist would, logged in), which is verified and closed. */
    private void handInAndCloseAs(String user, ProcessInstance pi) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        try {
            complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "现场已整洁"));
        execute(job(TASK_CLOSE, pi));
    }

    /**
     * A duplicate is most often merged while it waits for the office's re-dispatch (the unit returned it as reported
     * twice), or for a decision on 挂账: the cancelled task records nothing (no one chose a new unit or decided), and its
     * form's required fields, empty, do not refuse the merge.
     */
    @Test
    void aCaseMergedWhileWaitingForRedispatchOrASuspensionDecisionRecordsNoDecision() {
        CaseRecord primary = report("PILED_ITEMS", "2026-03-02T09:00");
        CaseRecord returned = report("PILED_ITEMS", "2026-03-02T09:10");
        CaseRecord suspending = report("PILED_ITEMS", "2026-03-02T09:20");
        clockAt(at("2026-03-02T10:00"));
        complete(task(TASK_CLAIM, instance(returned)), withVariables(VAR_CLAIM_DECISION, RETURN, VAR_RETURN_REASON, "重复上报"));
        assertThat(instance(returned)).isWaitingAt(TASK_REDISPATCH);
        claim(instance(suspending));
        complete(task(TASK_RECTIFY, instance(suspending)), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        assertThat(instance(suspending)).isWaitingAt(TASK_APPROVE_SUSPENSION);

        for (CaseRecord duplicate : List.of(returned, suspending)) {
            ProcessInstance pi = instance(duplicate);
            int events = fixture.cases.timeline(duplicate.caseNo()).size();
            processEngine.getRuntimeService().createMessageCorrelation(MESSAGE_CASE_MERGED).processInstanceId(pi.getId())
                    .setVariables(Map.of(VAR_MERGED_INTO, primary.caseNo(), VAR_MERGE_REASON, "重复上报", VAR_MERGED_BY, "chuangban1",
                            VAR_MERGE_ALSO_TELL, ""))
                    .correlateWithResult();
            assertThat(pi).as(duplicate.caseNo()).hasPassed(END_MERGED).isEnded();
            assertThat(record(duplicate).status()).isEqualTo(CaseStatus.MERGED);
            assertThat(fixture.cases.timeline(duplicate.caseNo())).as("only the merge is added").hasSize(events + 1)
                    .last().extracting(e -> e.kind()).isEqualTo(CaseEventKind.MERGED);
        }
        assertThat(record(returned).leadUnit()).isEqualTo(returned.leadUnit());
    }

    /**
     * 重新派遣案件's form sends the new lead unit alone ({@code newLeadUnit}): the case keeps its 责任单位 and their
     * cooperations, no unit is told anew; a closing case ends a cooperation not yet done.
     */
    @Test
    void redispatchKeepsTheCasesResponsibleUnitsAndClosingEndsTheirCooperation() {
        fixture.notifications.member("zongguan1", "zongguan", true);
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        assertThat(fixture.parties.of(c.caseNo())).extracting(CaseParties.Party::unitId).containsExactly("zongguan");

        complete(task(TASK_CLAIM, pi), withVariables(VAR_CLAIM_DECISION, RETURN, VAR_RETURN_REASON, "需居委会配合"));
        clockAt(at("2026-03-02T10:00"));
        complete(task(TASK_REDISPATCH, pi), withVariables(VAR_NEW_LEAD_UNIT, "chengguan"));

        assertThat(record(c).leadUnit()).isEqualTo("chengguan");
        assertThat(record(c).responsibleUnits()).isEqualTo("zongguan");
        assertThat(fixture.parties.of(c.caseNo())).extracting(CaseParties.Party::unitId, CaseParties.Party::assignedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zongguan", at("2026-03-02T09:00")));
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(CaseCooperationProcess.KEY).count()).isEqualTo(1);

        claim(pi);
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "已整洁"));
        execute(job(TASK_CLOSE, pi));

        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(CaseCooperationProcess.KEY).count()).isZero();
        assertThat(fixture.parties.of(c.caseNo())).allSatisfy(p -> {
            assertThat(p.done()).isFalse();
            assertThat(p.endedAt()).isNotNull();
        });
    }

    @Test
    void failedVerificationSendsTheCaseBackForReworkWithoutResettingTheClock() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());

        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, FAIL, VAR_VERIFICATION_COMMENT, "墙角仍有垃圾"));

        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        CaseRecord rework = record(c);
        assertThat(rework.reworkCount()).isEqualTo(1);
        assertThat(rework.status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        assertThat(rework.dueAt()).isEqualTo(c.dueAt());
        assertThat(task(TASK_RECTIFY, pi)).hasDueDate(Date.from(c.dueAt()));
        assertThat(fixture.notifications.latestBody("huanwei1", "verification-failed")).contains("墙角仍有垃圾", "第 1 次返工");

        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, FAIL, VAR_VERIFICATION_COMMENT, "仍有污渍"));
        assertThat(fixture.notifications.inbox("huanwei1")).filteredOn("verification-failed"::equals).hasSize(2);
        assertThat(fixture.notifications.latestBody("huanwei1", "verification-failed")).contains("仍有污渍", "第 2 次返工");
    }

    /**
     * 核查整改结果 is due 3 working days (shirong.rectification.verification-working-days, of office time) after the round
     * was handed in, across 劳动节, at the close of that office day as every other deadline (s53 T14, not at the hand-in's
     * clock time): handed in Thu 30 Apr 10:00 → Apr 30 5.5 h, May 6 7 (12.5), May 7 7 (19.5), May 8 1.5 h → Fri 8 May,
     * 17:00; a rework's next hand-in sets it anew (Fri 8 May 16:00 → May 8 1 h, Sat 9 May, a make-up working day, 7 (8),
     * May 11 7 (15), May 12 6 h → Tue 12 May, 17:00). Hence the task shows in 即将到期 and 已超期.
     */
    @Test
    void verificationIsDueThreeWorkingDaysAfterTheFixWasHandedIn() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        clockAt(at("2026-04-30T10:00"));
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        assertThat(task(TASK_VERIFY, pi)).hasDueDate(Date.from(at("2026-05-08T17:00")));
        assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_VERIFY).dueBefore(Date.from(at("2026-05-08T16:59")))
                .count()).as("not overdue during its last office day").isZero();
        assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_VERIFY).dueBefore(Date.from(at("2026-05-08T17:01")))
                .count()).as("已超期 once the day has passed").isEqualTo(1);

        clockAt(at("2026-05-08T15:00"));
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, FAIL, VAR_VERIFICATION_COMMENT, "未补种"));
        clockAt(at("2026-05-08T16:00"));
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        assertThat(task(TASK_VERIFY, pi)).hasDueDate(Date.from(at("2026-05-12T17:00")));
        assertThat(task(TASK_VERIFY, pi).getFollowUpDate()).isNull();
    }

    @Test
    void warningOverdueAndEscalationFallOnWorkingTimeAcrossLabourDayAndItsMakeUpSaturday() {
        // 5 工作日 = 35 office hours of 7 a day, from Wed 2026-04-29 10:00; 劳动节 Fri 1 – Tue 5 May off,
        // Sat 9 May a make-up working day. Apr 29: 5.5 h; Apr 30: 7 (12.5); May 6: 7 (19.5); May 7: 7 (26.5);
        // 80 % = 28 h → May 8 10:00; 100 % = 35 h → May 8 full (33.5) + 1.5 h on Sat May 9 → 10:00;
        // 200 % = 70 h → May 9 (40.5), 11–14 May (68.5) + 1.5 h → Fri May 15 10:00.
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        assertThat(c.limitAmount()).isEqualTo(5);
        assertThat(c.limitUnit()).isEqualTo("WORKING_DAYS");
        assertThat(c.warnAt()).isEqualTo(at("2026-05-08T10:00"));
        assertThat(c.dueAt()).isEqualTo(at("2026-05-09T10:00"));
        assertThat(c.escalateAt()).isEqualTo(at("2026-05-15T10:00"));
        claim(pi);

        clockAt(at("2026-05-08T10:00"));
        execute(job(BOUNDARY_WARNING, pi));
        // The whole warning branch ran in the timer's job, leaving no second job to race the unit's work.
        assertThat(asyncJobs(pi)).isZero();
        assertThat(record(c).warningSent()).isTrue();
        assertThat(fixture.notifications.inbox("nongfu2")).containsExactly("case-dispatched", "case-warning");

        clockAt(at("2026-05-09T10:00"));
        execute(job(BOUNDARY_DEADLINE, pi));
        assertThat(record(c).overdue()).isTrue();
        assertThat(fixture.notifications.inbox("chuangban1")).containsExactly("case-overdue");
        assertThat(fixture.notifications.inbox("nongfu1")).endsWith("case-overdue");
        assertThat(fixture.notifications.inbox("nongfu2")).doesNotContain("case-overdue");
        // 督办 is due 1 working day (shirong.rectification.supervision-working-days) after the case fell overdue, at the
        // day's close: Sat 9 May (a make-up working day) 10:00 + 7 office hours → Mon 11 May, 17:00; no 黄灯 of the case's
        assertThat(task(TASK_SUPERVISE, pi)).hasCandidateGroup("chuangban").hasDueDate(Date.from(at("2026-05-11T17:00")));
        assertThat(task(TASK_SUPERVISE, pi).getFollowUpDate()).isNull();
        // the form names the unit written to, the deadline and how late the case is (supervisors' review s54 V7)
        String supervise = task(TASK_SUPERVISE, pi).getId();
        assertThat(taskService().getVariableLocal(supervise, VAR_SUPERVISION_FACTS)).isEqualTo("牵头单位：农副公司\n"
                + "整改期限：2026年5月9日 10:00\n已超期：不足 1 个工作日（截至 2026年5月9日 10:00）\n通报名单：尚未列入");
        clockAt(at("2026-05-12T09:00"));
        taskService().claim(supervise, "chuangban1");
        // claimed on Tue 12 May: Mon 11 and Tue 12 are working days since the deadline's day
        assertThat(taskService().getVariableLocal(supervise, VAR_SUPERVISION_FACTS)).isEqualTo("牵头单位：农副公司\n"
                + "整改期限：2026年5月9日 10:00\n已超期：2 个工作日（截至 2026年5月12日 09:00）\n通报名单：尚未列入");
        complete(task(TASK_SUPERVISE, pi), withVariables(VAR_SUPERVISION_INSTRUCTION, "请于周一前整改完毕"));
        // the office's 督办 reaches the lead unit and its head, not the office that wrote it
        assertThat(fixture.notifications.latestBody("nongfu2", "case-supervised")).contains("创建工作办公室", "请于周一前整改完毕");
        assertThat(fixture.notifications.inbox("nongfu1")).endsWith("case-overdue", "case-supervised");
        assertThat(fixture.notifications.inbox("chuangban1")).containsExactly("case-overdue");

        clockAt(at("2026-05-15T10:00"));
        var identity = processEngine.getIdentityService();
        boolean approversExisted = identity.createGroupQuery().groupId("zuzhang").count() > 0;
        // 九亭镇's 领导小组: its 组长、副组长 (zuzhang) lead it; the other members are there as their units' heads
        fixture.notifications.member("zuzhang8", "zuzhang", false);
        identity.createMembership("zuzhang8", "lingdao");
        fixture.notifications.member("dangzheng8", "dangzheng", true);
        identity.createMembership("dangzheng8", "lingdao");
        try {
            execute(job(BOUNDARY_ESCALATION, pi));
            assertThat(record(c).escalated()).isTrue();
            assertThat(fixture.notifications.inbox("lingdao1")).as("the leading group's head").containsExactly("case-escalated");
            assertThat(fixture.notifications.inbox("zuzhang8")).as("a 副组长").containsExactly("case-escalated");
            assertThat(fixture.notifications.inbox("dangzheng8")).as("another unit's head, a member of the leading group as such")
                    .isEmpty();
            assertThat(fixture.notifications.inbox("nongfu1")).as("the named unit's head").endsWith("case-escalated");
            assertThat(fixture.notifications.inbox("nongfu2")).doesNotContain("case-escalated");
            assertThat(fixture.notifications.latestBody("nongfu1", "case-escalated"))
                    .startsWith("创建工作领导小组、农副公司：").contains("已列入通报名单，请领导小组知悉并督促整改；农副公司请抓紧整改。")
                    .contains("查看案件（办理经过、整改期限和督办情况）：").doesNotContain("请审阅", "任务列表");
            // jtreview-s59 T7: the 组长 has no task of the case in Tasklist; the message opens the case page, not an empty Tasklist
            assertThat(fixture.notifications.latestLink("lingdao1", "case-escalated")).endsWith("/shirong/cases/" + c.caseNo())
                    .doesNotContain("tasklist");
            assertThat(fixture.notifications.latestBody("lingdao1", "case-escalated")).contains("/shirong/cases/" + c.caseNo());
        } finally {
            identity.deleteUser("zuzhang8");
            identity.deleteUser("dangzheng8");
            if (!approversExisted) {
                identity.deleteGroup("zuzhang");
            }
        }
        assertThat(pi).isWaitingAt(TASK_RECTIFY);

        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, FAIL, VAR_VERIFICATION_COMMENT, "未补种"));
        long rows = fixture.notifications.outboxRows(c.caseNo());
        // Back in handling after the deadlines passed: the timers fire again but nothing is given twice.
        execute(job(BOUNDARY_WARNING, pi));
        execute(job(BOUNDARY_DEADLINE, pi));
        execute(job(BOUNDARY_ESCALATION, pi));
        assertThat(pi).hasPassed(END_ALREADY_SUPERVISED);
        // The warning and escalation send tasks ran a second time for the same instants: nothing new queued.
        assertThat(fixture.notifications.outboxRows(c.caseNo())).isEqualTo(rows);
        assertThat(fixture.notifications.inbox("nongfu2"))
                .containsExactly("case-dispatched", "case-warning", "case-supervised", "verification-failed");
        assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_SUPERVISE).count()).isZero();
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.OVERDUE).hasSize(1);

        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, PASS));
        execute(job(TASK_CLOSE, pi));
        assertThat(record(c).closedOnTime()).isFalse();
        assertThat(record(c).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.CLOSED)
                .extracting(CaseEvent::detail).containsExactly("超期办结");
        assertThat(pi).isEnded();
    }

    /**
     * F4: the office (创建办) is a 责任单位 of a case 农服中心 leads (a plan item's direction): when the case falls overdue its
     * 督办超期案件 goes to the approvers, as for a case the office leads, not to the office whose staff would all be refused
     * it. A case the office has no part in still goes to the office (above).
     */
    @Test
    void theOverdueCaseTheOfficeCooperatesOnIsSupervisedByTheApprovers() {
        clockAt(at("2026-03-02T09:00"));
        CaseRecord c = fixture.cases.reportCampaignWork("jiuting", new NewCase("九亭大街 12 号绿地缺株", "GREEN_SPACE_MAINTENANCE",
                "NORMAL", "PATROL", new NewCase.Location("九亭大街 12 号", null, null, null), "巡查发现",
                OwnReferences.campaignFinding("JT-F4", 4, 1)), "lvrong1",
                new RectificationCases.Directions("nongfu", List.of("chuangban"), null)).record();
        ProcessInstance pi = instance(c);
        assertThat(record(c).leadUnit()).isEqualTo("nongfu");
        claim(pi);
        clockAt(record(c).dueAt());
        execute(job(BOUNDARY_DEADLINE, pi));
        assertThat(task(TASK_SUPERVISE, pi)).hasCandidateGroup("zuzhang");
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(TASK_SUPERVISE, pi).getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).doesNotContain("chuangban");
        var roles = new org.shirong.organization.OrganizationRoles(RectificationFixture.ORGANIZATIONS,
                processEngine.getIdentityService(), () -> CaseCooperators.NONE);
        assertThat(roles.supervisorsOtherThan("jiuting", java.util.Set.of("nongfu", "chuangban"))).containsExactly("zuzhang");
    }

    @Test
    void aLeadUnitWithoutAHeadIsToldOfItsOverdueCaseAndOfTheOfficesSupervisionThroughItsMembers() {
        // 第一居委会 without a head: its members, the director and a staff member, are told
        fixture.jdbc.update("delete from org_unit_head where group_id = 'juwei01'");
        fixture.notifications.member("juwei01a", "juwei01", false);
        fixture.notifications.member("juwei01b", "juwei01", false);
        fixture.zones.add(new RectificationFixture.Zone("九亭大街 12 号", "juwei01", "第一居委会"));
        CaseRecord c = report("HANGING_LAUNDRY", "2026-05-11T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        clockAt(c.dueAt());
        execute(job(BOUNDARY_DEADLINE, pi));
        assertThat(fixture.notifications.inbox("juwei01a")).endsWith("case-overdue");
        assertThat(fixture.notifications.inbox("juwei01b")).endsWith("case-overdue");
        complete(task(TASK_SUPERVISE, pi), withVariables(VAR_SUPERVISION_INSTRUCTION, "请今天下班前收回晾晒衣物"));
        assertThat(pi).hasPassed("Task_NotifyOverdueSupervision");
        assertThat(fixture.notifications.latestBody("juwei01a", "case-supervised")).contains("请今天下班前收回晾晒衣物");
    }

    /**
     * jtreview T1: the table gives 乱晾晒 to 各居委会; a case at a zone of 第二居委会 goes to 第二居委会 alone (and 各物业公司, its
     * responsible unit, whose company the place does not tell, is left out rather than told as a whole).
     */
    @Test
    void aCaseForTheCommitteesGoesToTheCommitteeOfTheZoneAtItsPlace() {
        fixture.notifications.member("juwei02a", "juwei02", true);
        fixture.zones.add(new RectificationFixture.Zone("九亭大街 12 号", "juwei02", "第二居委会"));
        CaseRecord c = report("HANGING_LAUNDRY", "2026-05-11T10:00");
        ProcessInstance pi = instance(c);

        assertThat(record(c).leadUnit()).isEqualTo("juwei02");
        assertThat(record(c).responsibleUnits()).isNull();
        assertThat(task(TASK_CLAIM, pi)).hasCandidateGroup("juwei02");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("juweihui").count())
                .isZero();
        assertThat(fixture.notifications.inbox("juwei02a")).contains("case-dispatched");
    }

    /**
     * A committee's own member reports about its own 居民区: the case of 各居委会 goes to the reporter's committee (one of
     * the reporter's groups; the others, not members of 各居委会, do not count), with no zone at the place.
     */
    @Test
    void aCaseForTheCommitteesReportedByACommitteeMemberGoesToThatCommittee() {
        fixture.notifications.member("juwei02r", "juwei02", false);
        fixture.notifications.member("juwei02r", "lingdao", false);
        clockAt(at("2026-05-11T10:00"));
        CaseRecord c = fixture.cases.register("jiuting", new NewCase("九亭大街 30 号晾晒", "HANGING_LAUNDRY", "NORMAL", "PATROL",
                new NewCase.Location("九亭大街 30 号", null, null, null), "居委会巡查发现", null), "juwei02r");
        ProcessInstance pi = instance(c);

        assertThat(record(c).leadUnit()).isEqualTo("juwei02");
        assertThat(task(TASK_CLAIM, pi)).hasCandidateGroup("juwei02");
    }

    /**
     * jtreview T1: where nothing tells which committee's the place is, the case is not given to every committee: the
     * office chooses one in 重新派遣案件, told why; it may not choose 各居委会 again.
     */
    @Test
    void aCaseForTheCommitteesWhosePlaceTellsNoneGoesToTheOfficeToAssign() {
        CaseRecord c = report("HANGING_LAUNDRY", "2026-05-11T10:00");
        ProcessInstance pi = instance(c);

        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CLAIM).count())
                .isZero();
        assertThat(task(TASK_REDISPATCH, pi)).hasCandidateGroup("chuangban");
        assertThat((String) processEngine.getRuntimeService().getVariable(pi.getId(), VAR_RETURN_REASON))
                .contains("各居委会", "请办公室指定具体的单位");
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.DISPATCHED)
                .extracting(CaseEvent::detail).singleElement().asString().contains("无法", "各居委会");
        assertThatThrownBy(() -> complete(task(TASK_REDISPATCH, pi), withVariables(VAR_NEW_LEAD_UNIT, "juweihui")))
                .hasMessageContaining("是若干单位的统称");

        complete(task(TASK_REDISPATCH, pi), withVariables(VAR_NEW_LEAD_UNIT, "juwei01"));
        assertThat(record(c).leadUnit()).isEqualTo("juwei01");
        assertThat(task(TASK_CLAIM, pi)).hasCandidateGroup("juwei01");
        claim(pi);
        assertThat(task(TASK_RECTIFY, pi)).hasCandidateGroup("juwei01");
    }

    /**
     * The office decides the first extension, the approvers the second. Each request is told to the group that decides it
     * and is due 2 working days later (shirong.rectification.approval-working-days) at the day's close (Wed 29 Apr 10:00 →
     * 29 Apr 5.5 h, 30 Apr 7 h, 劳动节, 6 May 1.5 h → Wed 6 May 17:00); its form shows the 整改期限 it would move, the unit,
     * which request it is and the working days it adds; each decision is told to the lead unit at once, a refusal saying
     * that the 整改期限 stands (s53 T4, T5).
     */
    @Test
    void firstExtensionIsApprovedByTheOfficeAndMovesTheDeadlinesSecondGoesToTheLeadingGroup() {
        fixture.notifications.member("zuzhang1", "zuzhang", false);
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "苗木需采购",
                VAR_EXTENSION_DUE, Date.from(at("2026-05-15T17:00"))));
        assertThat(task(TASK_APPROVE_EXTENSION, pi)).hasCandidateGroup("chuangban").hasDueDate(Date.from(at("2026-05-06T17:00")));
        assertThat(task(TASK_APPROVE_EXTENSION, pi).getFollowUpDate()).as("no 黄灯 of the case's clock").isNull();
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).as("what 审批延期申请's form shows")
                .containsEntry(VAR_EXTENSION_LEAD_UNIT_NAME, "农副公司").containsEntry(VAR_EXTENSION_REQUEST_KIND, "首次延期申请")
                .containsEntry(VAR_EXTENSION_CURRENT_DUE_TEXT, display(c.dueAt())).containsEntry(VAR_EXTENSION_DUE_TEXT, "2026年5月15日 17:00")
                .containsEntry(VAR_EXTENSION_DAYS_ADDED, "5 个工作日").containsEntry(VAR_EXTENSION_HISTORY, "无（本次为本案件的首次延期申请）");
        assertThat(fixture.notifications.inbox("chuangban1")).containsExactly("case-extension-requested");
        assertThat(fixture.notifications.latestBody("chuangban1", "case-extension-requested")).startsWith("创建工作办公室：")
                .contains(c.caseNo(), "农副公司对整改案件", "提出首次延期申请", "由 " + display(c.dueAt()) + " 延至 2026年5月15日 17:00（延长 5 个工作日）",
                        "延期理由：苗木需采购", "?about=" + c.caseNo());
        assertThat(fixture.notifications.inbox("nongfu2")).doesNotContain("case-extension-requested");
        complete(task(TASK_APPROVE_EXTENSION, pi), withVariables(VAR_EXTENSION_APPROVED, "yes", VAR_DECISION_COMMENT, "同意"));
        assertThat(fixture.notifications.inbox("nongfu2")).endsWith("case-extension-decided");
        assertThat(fixture.notifications.latestBody("nongfu2", "case-extension-decided"))
                .contains("首次延期申请（申请延期至 2026年5月15日 17:00）已获同意，整改期限延至 2026年5月15日 17:00", "审批意见：同意");

        CaseRecord extended = record(c);
        assertThat(extended.dueAt()).isEqualTo(at("2026-05-15T17:00"));
        assertThat(extended.extensionCount()).isEqualTo(1);
        assertThat(extended.warnAt()).isAfter(c.warnAt()).isBefore(extended.dueAt());
        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        assertThat(task(TASK_RECTIFY, pi)).hasDueDate(Date.from(at("2026-05-15T17:00")));

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "仍缺苗木",
                VAR_EXTENSION_DUE, Date.from(at("2026-05-29T17:00"))));
        // The organisation's approvers (roles.approvers: 九亭's 组长/副组长), as the diagram assigns it.
        assertThat(task(TASK_APPROVE_SECOND_EXTENSION, pi)).hasCandidateGroup("zuzhang").hasDueDate(Date.from(at("2026-05-06T17:00")));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
                .containsEntry(VAR_EXTENSION_REQUEST_KIND, "第二次延期申请").containsEntry(VAR_EXTENSION_CURRENT_DUE_TEXT, "2026年5月15日 17:00")
                .containsEntry(VAR_EXTENSION_DAYS_ADDED, "10 个工作日");
        // the leaders decide the second because of the first: its reason, deadline and the office's decision (jtreview s56 T15)
        assertThat((String) processEngine.getRuntimeService().getVariable(pi.getId(), VAR_EXTENSION_HISTORY))
                .startsWith("第 1 次：2026年4月29日 10:00 ").contains("申请延期至 2026年5月15日 17:00，理由：苗木需采购\n审批：同意（创建工作办公室 ")
                .endsWith("）：同意").doesNotContain("第 2 次", "仍缺苗木");
        assertThat(fixture.notifications.inbox("zuzhang1")).containsExactly("case-extension-requested");
        assertThat(fixture.notifications.latestBody("zuzhang1", "case-extension-requested")).contains("第二次延期申请", "仍缺苗木");
        assertThat(fixture.notifications.inbox("chuangban1")).as("the office decides the first only").hasSize(1);
        complete(task(TASK_APPROVE_SECOND_EXTENSION, pi), withVariables(VAR_EXTENSION_APPROVED, "no", VAR_DECISION_COMMENT, "不同意"));

        assertThat(fixture.notifications.inbox("nongfu2")).filteredOn("case-extension-decided"::equals).hasSize(2);
        assertThat(fixture.notifications.latestBody("nongfu2", "case-extension-decided"))
                .contains("第二次延期申请（申请延期至 2026年5月29日 17:00）未获同意，原整改期限 2026年5月15日 17:00 不变", "审批意见：不同意");
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).as("the form's fields go with the request")
                .doesNotContainKeys(VAR_EXTENSION_REQUEST_KIND, VAR_EXTENSION_CURRENT_DUE_TEXT, VAR_EXTENSION_DAYS_ADDED,
                        VAR_EXTENSION_LEAD_UNIT_NAME, VAR_EXTENSION_HISTORY);
        assertThat(record(c).dueAt()).isEqualTo(at("2026-05-15T17:00"));
        assertThat(fixture.records.extensions(c.caseNo())).extracting(CaseRecords.Extension::approved).containsExactly(true, false);
        assertThat(pi).isWaitingAt(TASK_RECTIFY);
    }

    /**
     * 申请延期 with an empty reason and a Saturday is told both at once (s53 T12: the reason was asked for only once the date
     * was mended), and a day no later than the 整改期限 is told which that is; nothing is recorded meanwhile.
     */
    @Test
    void anExtensionRequestIsToldEveryProblemAtOnceAndTheDeadlineItMustPass() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        String rectify = task(TASK_RECTIFY, pi).getId();
        assertThatThrownBy(() -> taskService().complete(rectify, withVariables(VAR_RECTIFY_ACTION, EXTENSION,
                VAR_EXTENSION_REASON, " ", VAR_EXTENSION_DUE, "2026-05-16")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("请填写延期理由；延期至 2026-05-16（星期六）是休息日，期限须为工作日：请改为下一个工作日 2026-05-18");
        assertThatThrownBy(() -> taskService().complete(rectify, withVariables(VAR_RECTIFY_ACTION, EXTENSION,
                VAR_EXTENSION_REASON, "苗木需采购", VAR_EXTENSION_DUE, "2026-05-08")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("延期后的期限必须晚于当前期限（" + display(c.dueAt()) + "）");
        assertThatThrownBy(() -> taskService().complete(rectify, withVariables(VAR_RECTIFY_ACTION, EXTENSION,
                VAR_EXTENSION_REASON, "", VAR_EXTENSION_DUE, "")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("请填写延期理由；请填写延期至（延期后的期限），例如 2026-12-05");
        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        assertThat(fixture.records.extensions(c.caseNo())).as("nothing half-saved").isEmpty();
        assertThat(fixture.notifications.inbox("chuangban1")).isEmpty();
    }

    /**
     * Each round starts blank (锦溪 review J20): the forms read their fields from the instance's variables, so a choice,
     * reason or comment left behind would be the next round's (申请延期 and its reason after an approved extension: one
     * tap files another; 不通过，返工 and the last comment on the next 核查). What each round said is on the case's record,
     * and 通知返工 still carries the inspector's comment.
     */
    @Test
    void eachRoundOfACaseStartsFromBlankFormsWhileTheCaseKeepsWhatEachRoundSaid() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        List<String> requestFields = List.of(VAR_RECTIFY_ACTION, VAR_EXTENSION_REASON, VAR_EXTENSION_DUE, VAR_EXTENSION_DUE_TEXT,
                VAR_EXTENSION_APPROVED, VAR_DECISION_COMMENT);

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "苗木需采购",
                VAR_EXTENSION_DUE, Date.from(at("2026-05-15T17:00"))));
        // the approver's form still shows the request
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).containsEntry(VAR_EXTENSION_REASON, "苗木需采购")
                .doesNotContainKey(VAR_RECTIFY_ACTION);
        complete(task(TASK_APPROVE_EXTENSION, pi), withVariables(VAR_EXTENSION_APPROVED, "yes", VAR_DECISION_COMMENT, "同意，务必按期完成"));
        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(requestFields.toArray(String[]::new));

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "仍缺苗木",
                VAR_EXTENSION_DUE, Date.from(at("2026-05-29T17:00"))));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).containsEntry(VAR_EXTENSION_REASON, "仍缺苗木")
                .doesNotContainKeys(VAR_EXTENSION_APPROVED, VAR_DECISION_COMMENT);
        complete(task(TASK_APPROVE_SECOND_EXTENSION, pi), withVariables(VAR_EXTENSION_APPROVED, "no", VAR_DECISION_COMMENT, "不同意"));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(requestFields.toArray(String[]::new));
        assertThat(fixture.records.extensions(c.caseNo())).extracting(CaseRecords.Extension::reason, CaseRecords.Extension::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("苗木需采购", "同意，务必按期完成"),
                        org.assertj.core.groups.Tuple.tuple("仍缺苗木", "不同意"));

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "yes", VAR_DECISION_COMMENT, "同意挂账"));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).containsEntry(VAR_SUSPENSION_REASON, "涉及产权纠纷")
                .doesNotContainKeys(VAR_RECTIFY_ACTION, VAR_DECISION_COMMENT);
        complete(task(TASK_RESUME, pi), withVariables(VAR_RESUME_PLAN, "纠纷已调解"));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_SUSPENSION_REASON,
                VAR_SUSPENSION_REVIEW_DATE, VAR_SUSPENSION_REVIEW_AT, VAR_RESUME_PLAN, VAR_DECISION_COMMENT);
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "又有纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).as("the first 挂账's decision is not the second's")
                .doesNotContainKey(VAR_SUSPENSION_APPROVED);
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "no"));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_SUSPENSION_REASON,
                VAR_SUSPENSION_REVIEW_DATE, VAR_DECISION_COMMENT);

        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).containsEntry(VAR_MEASURES, "已清运并冲洗地面")
                .doesNotContainKeys(VAR_RECTIFY_ACTION, VAR_VERIFICATION_RESULT, VAR_VERIFICATION_COMMENT);
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, FAIL, VAR_VERIFICATION_COMMENT, "东岸仍有垃圾袋"));
        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        assertThat(fixture.notifications.latestBody("huanwei1", "verification-failed")).contains("东岸仍有垃圾袋");
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).as("the rework's 整改问题 starts blank")
                .doesNotContainKeys(VAR_RECTIFY_ACTION, VAR_MEASURES, VAR_VERIFICATION_RESULT);

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUBMIT, VAR_MEASURES, "已再次清理",
                VAR_PHOTO_AFTER, Variables.fileValue("after.png").file(PNG).mimeType("image/png").create()));
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).as("the next 核查 starts blank")
                .containsEntry(VAR_MEASURES, "已再次清理").doesNotContainKeys(VAR_VERIFICATION_RESULT, VAR_VERIFICATION_COMMENT);
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.VERIFICATION_FAILED)
                .extracting(CaseEvent::detail).containsExactly("东岸仍有垃圾袋");
    }

    /**
     * Extensions count per round: a reopened case's first request is a first extension again (the office decides it),
     * though the round before had one; a second request in the same round goes above the office.
     */
    @Test
    void aReopenedCasesFirstExtensionGoesToTheOfficeAgain() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance first = instance(c);
        claim(first);
        complete(task(TASK_RECTIFY, first), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "苗木需采购",
                VAR_EXTENSION_DUE, Date.from(at("2026-05-15T17:00"))));
        complete(task(TASK_APPROVE_EXTENSION, first), withVariables(VAR_EXTENSION_APPROVED, "yes", VAR_DECISION_COMMENT, "同意"));
        handInAndCloseAs("nongfu1", first);

        clockAt(at("2026-05-20T10:00"));
        ProcessInstance reopened = reopen(c);
        complete(task(TASK_RECTIFY, reopened), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "补种苗木死亡",
                VAR_EXTENSION_DUE, Date.from(at("2026-06-12T17:00"))));
        assertThat(reopened).isWaitingAt(TASK_APPROVE_EXTENSION);
        assertThat(task(TASK_APPROVE_EXTENSION, reopened)).hasCandidateGroup("chuangban");
        complete(task(TASK_APPROVE_EXTENSION, reopened), withVariables(VAR_EXTENSION_APPROVED, "yes", VAR_DECISION_COMMENT, "同意"));
        assertThat(record(c).dueAt()).isEqualTo(at("2026-06-12T17:00"));

        complete(task(TASK_RECTIFY, reopened), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "仍缺苗木",
                VAR_EXTENSION_DUE, Date.from(at("2026-06-26T17:00"))));
        assertThat(task(TASK_APPROVE_SECOND_EXTENSION, reopened)).hasCandidateGroup("zuzhang");
        assertThat(fixture.records.extensions(c.caseNo())).extracting(CaseRecords.Extension::approverGroup)
                .as("as each request went").containsExactly("chuangban", "chuangban", "zuzhang");
    }

    /**
     * No one decides their own unit's request: an office member who also belongs to the lead unit (as chuangban1 heads
     * 绿容所) may not approve its extension (a colleague of the office may); whoever asked for 挂账 may not approve it. A request of the office's own
     * (it leads what no table gives a unit) goes to the approvers, and what goes above the office to the leading group
     * when the unit is the approvers'.
     */
    /**
     * s48 N4: 核查 is nobody's of the lead unit, nor of whoever handed the round in (an inspector who also heads the lead
     * unit passed his own rectification); another inspector verifies it.
     */
    @Test
    void noOneVerifiesTheirOwnUnitsOrTheirOwnRectification() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        assertThat(c.leadUnit()).isEqualTo("huanwei");
        ProcessInstance pi = instance(c);
        var identity = processEngine.getIdentityService();
        identity.setAuthentication("ducha9", List.of("ducha", "huanwei"));
        try {
            claim(pi);
            complete(task(TASK_RECTIFY, pi), submitWithPhotos());
            String verify = task(TASK_VERIFY, pi).getId();
            // refused already at the claim, in the same words, which REST answers as 400 (EngineErrorAnswers finds the
            // refused field among the causes) (sjreview s54 L5)
            assertThatThrownBy(() -> taskService().claim(verify, "ducha9")).hasRootCauseInstanceOf(FormFieldValidationException.class)
                    .hasRootCauseMessage("本轮整改结果由您提交，不能由您核查，请由其他核查人员核查");
            assertThat(taskService().createTaskQuery().taskId(verify).singleResult().getAssignee()).isNull();
            assertThatThrownBy(() -> taskService().complete(verify, withVariables(VAR_VERIFICATION_RESULT, PASS,
                    VAR_VERIFICATION_COMMENT, "合格"))).isInstanceOf(FormFieldValidationException.class)
                    .hasMessage("本轮整改结果由您提交，不能由您核查，请由其他核查人员核查");
        } finally {
            identity.clearAuthentication();
        }
        String verify = task(TASK_VERIFY, pi).getId();
        identity.setAuthentication("ducha8", List.of("ducha", "huanwei"));
        try {
            assertThatThrownBy(() -> taskService().complete(verify, withVariables(VAR_VERIFICATION_RESULT, FAIL,
                    VAR_VERIFICATION_COMMENT, "不合格"))).isInstanceOf(FormFieldValidationException.class)
                    .hasMessage("您是牵头单位（环卫所）的人员，不能核查本单位的整改结果，请由其他核查人员核查");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(record(c).status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);
        identity.setAuthentication("ducha1", List.of("ducha"));
        try {
            taskService().complete(verify, withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "合格"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.VERIFIED).singleElement()
                .extracting(CaseEvent::actor).isEqualTo("ducha1");
    }

    /**
     * s52 J12: a unit that cooperates on the case (协办) does not verify it either: 创建办's head, also in the inspecting
     * office, passed the 规范占道经营 case his unit is responsible for. 乱堆物料: lead 城管中队, responsible 环卫所 and 物业公司.
     */
    @Test
    void noOneOfACooperatingUnitVerifiesTheCase() {
        fixture.zones.add(new RectificationFixture.Zone("九亭大街 12 号", "wuye01", null)); // 各物业公司 helps: the company of the place
        CaseRecord c = report("PILED_ITEMS", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        assertThat(fixture.parties.of(c.caseNo())).extracting(CaseParties.Party::unitId).contains("wuye01");
        claim(pi);
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        String verify = task(TASK_VERIFY, pi).getId();
        var identity = processEngine.getIdentityService();
        identity.setAuthentication("ducha7", List.of("ducha", "wuye01"));
        try {
            assertThatThrownBy(() -> taskService().complete(verify, withVariables(VAR_VERIFICATION_RESULT, PASS,
                    VAR_VERIFICATION_COMMENT, "合格"))).isInstanceOf(FormFieldValidationException.class)
                    .hasMessageStartingWith("您是协办单位（").hasMessageContaining("不能核查本单位参与整改的案件");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(record(c).status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);
        identity.setAuthentication("ducha1", List.of("ducha", "lingdao"));
        try {
            taskService().complete(verify, withVariables(VAR_VERIFICATION_RESULT, PASS, VAR_VERIFICATION_COMMENT, "合格"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.VERIFIED).singleElement()
                .extracting(CaseEvent::actor).isEqualTo("ducha1");
    }

    @Test
    void noOneDecidesTheirOwnUnitsExtensionOrSuspension() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        assertThat(c.leadUnit()).isEqualTo("nongfu");
        ProcessInstance pi = instance(c);
        claim(pi);
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "苗木需采购",
                VAR_EXTENSION_DUE, Date.from(at("2026-05-15T17:00"))));
        String approve = task(TASK_APPROVE_EXTENSION, pi).getId();
        var identity = processEngine.getIdentityService();
        identity.setAuthentication("chuangban9", List.of("chuangban", "nongfu"));
        try {
            assertThatThrownBy(() -> taskService().complete(approve, withVariables(VAR_EXTENSION_APPROVED, "yes")))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessage("您是申请单位（农副公司）的人员，不能审批本单位的延期申请，请由其他审批人员审批");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(record(c).extensionCount()).isZero();
        identity.setAuthentication("chuangban2", List.of("chuangban"));
        try {
            taskService().complete(approve, withVariables(VAR_EXTENSION_APPROVED, "yes"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(record(c).extensionCount()).isOne();

        identity.setAuthentication("zuzhang9", List.of("zuzhang", "nongfu"));
        try {
            taskService().complete(task(TASK_RECTIFY, pi).getId(), withVariables(VAR_RECTIFY_ACTION, SUSPENSION,
                    VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
            String suspension = task(TASK_APPROVE_SUSPENSION, pi).getId();
            assertThatThrownBy(() -> taskService().complete(suspension, withVariables(VAR_SUSPENSION_APPROVED, "yes")))
                    .isInstanceOf(FormFieldValidationException.class).hasMessage("本挂账申请由您提出，不能由您审批，请由其他审批人员审批");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(record(c).status()).isEqualTo(CaseStatus.IN_RECTIFICATION);

        var roles = new org.shirong.organization.OrganizationRoles(RectificationFixture.ORGANIZATIONS, identity,
                () -> CaseCooperators.NONE);
        var jiuting = (org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) processEngine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(roles.reviewersOf(jiuting, "chuangban")).isEqualTo("zuzhang");
        // 督办超期案件 (s56): of a case the office leads, the approvers'; of a unit's, the office's
        assertThat(roles.supervisorsOf(jiuting, "chuangban")).isEqualTo("zuzhang");
        assertThat(roles.supervisorsOf(jiuting, "nongfu")).isEqualTo("chuangban");
        assertThat(roles.supervisorsOtherThan("jiuting", "chuangban")).containsExactly("zuzhang");
        assertThat(roles.supervisorsOtherThan("jiuting", "nongfu")).containsExactly("chuangban", "zuzhang");
        assertThat(roles.approversOf(jiuting, "nongfu")).isEqualTo("zuzhang");
        assertThat(roles.approversOf(jiuting, "zuzhang")).isEqualTo("lingdao");
    }

    /**
     * No shipped organisation is so, but when every member of the group that would decide also belongs to the unit that
     * asks (here 创建办's one member also serves 农副公司, and so does the approvers' one), none of them may decide: the
     * request goes up to the next group, as the office's own requests do, and waited for nobody before.
     */
    @Test
    void aRequestGoesAboveAGroupWhoseMembersAllBelongToTheUnitThatAsks() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        var identity = processEngine.getIdentityService();
        boolean approversExisted = identity.createGroupQuery().groupId("zuzhang").count() > 0;
        identity.createMembership("chuangban1", "nongfu");
        fixture.notifications.member("zuzhang9", "zuzhang", false);
        identity.createMembership("zuzhang9", "nongfu");
        try {
            complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, EXTENSION, VAR_EXTENSION_REASON, "苗木需采购",
                    VAR_EXTENSION_DUE, Date.from(at("2026-05-15T17:00"))));
            assertThat(task(TASK_APPROVE_EXTENSION, pi)).hasCandidateGroup("lingdao");
            assertThat(fixture.records.extensions(c.caseNo())).extracting(CaseRecords.Extension::approverGroup).containsExactly("lingdao");
            identity.setAuthentication("lingdao1", List.of("lingdao"));
            try {
                taskService().complete(task(TASK_APPROVE_EXTENSION, pi).getId(), withVariables(VAR_EXTENSION_APPROVED, "yes"));
            } finally {
                identity.clearAuthentication();
            }
            assertThat(record(c).extensionCount()).isOne();

            complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
            assertThat(task(TASK_APPROVE_SUSPENSION, pi)).hasCandidateGroup("lingdao");
        } finally {
            identity.deleteMembership("chuangban1", "nongfu");
            identity.deleteUser("zuzhang9");
            if (!approversExisted) {
                identity.deleteGroup("zuzhang");
            }
        }
    }

    /**
     * 挂账 has an end (user review s48, M14): the request names a 复核日期 (required, a working day after today, within 90
     * days), the approvers may move it (checked alike); 恢复整改 is due at its closing time, the timeline says it, and
     * when the day comes with the case still 挂账 the lead unit and the office are reminded once, the task staying open.
     */
    @Test
    void aSuspensionNamesAReviewDayTheResumeTaskIsDueThenAndTheDayRemindsTheUnitAndTheOffice() {
        fixture.notifications.member("chuangban1", "chuangban", true);
        fixture.notifications.member("nongfu2", "nongfu", false);
        fixture.notifications.member("zuzhang1", "zuzhang", false);
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        clockAt(at("2026-04-30T09:30"));
        String rectify = task(TASK_RECTIFY, pi).getId();
        for (Object[] bad : new Object[][] {{null, "请填写复核日期"}, {"2026-04-30", "须在今天（2026-04-30）之后"},
                {"2026-08-03", "挂账最长 90 天"}, {"2026-05-02", "复核日期 2026-05-02（星期六）是节假日，期限须为工作日：请改为下一个工作日 2026-05-06"},
                {"五月底", "不是有效的日期"}}) {
            assertThatThrownBy(() -> taskService().complete(rectify, withVariables(VAR_RECTIFY_ACTION, SUSPENSION,
                    VAR_SUSPENSION_REASON, "涉及产权纠纷", VAR_SUSPENSION_REVIEW_DATE, bad[0])))
                    .as("%s", bad[0]).isInstanceOf(FormFieldValidationException.class).hasMessageContaining((String) bad[1]);
        }
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-06-30"));
        String approval = task(TASK_APPROVE_SUSPENSION, pi).getId();
        // the approvers are told and have 2 working days: Thu 30 Apr 09:30 + 14 office hours → Thu 7 May, 17:00 (s53 T4)
        assertThat(task(TASK_APPROVE_SUSPENSION, pi)).hasDueDate(Date.from(at("2026-05-07T17:00")));
        assertThat(fixture.notifications.inbox("zuzhang1")).containsExactly("case-suspension-requested");
        assertThat(fixture.notifications.latestBody("zuzhang1", "case-suspension-requested")).contains(c.caseNo(),
                "农副公司申请将整改案件", "复核日期 2026-06-30", "挂账理由：涉及产权纠纷");
        assertThatThrownBy(() -> taskService().complete(approval, withVariables(VAR_SUSPENSION_APPROVED, "yes",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-31"))).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("复核日期 2026-05-31（星期日）是休息日，期限须为工作日：请改为下一个工作日 2026-06-01");
        for (Object[] bad : new Object[][] {{"", "请填写复核日期"}, {"2026-04-30", "须在今天（2026-04-30）之后"}}) {
            assertThatThrownBy(() -> taskService().complete(approval, withVariables(VAR_SUSPENSION_APPROVED, "yes",
                    VAR_SUSPENSION_REVIEW_DATE, bad[0]))).as("%s", bad[0]).isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining((String) bad[1]);
        }
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "yes",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20", VAR_DECISION_COMMENT, "同意，5 月 20 日复核"));

        assertThat(fixture.notifications.inbox("nongfu2")).endsWith("case-suspension-decided");
        assertThat(fixture.notifications.latestBody("nongfu2", "case-suspension-decided")).contains("挂账申请已获同意",
                "挂账期间停止计时", "复核日期 2026-05-20", "审批意见：同意，5 月 20 日复核");
        // 挂账 stops the clock (s53 T7): 恢复整改 has no due date, so no red light and no count in the unit's 已超期 or
        // 即将到期, as the cockpit; the review day is its follow-up date, the office's and the unit's reminder
        assertThat(task(TASK_RESUME, pi).getDueDate()).isNull();
        assertThat(task(TASK_RESUME, pi).getFollowUpDate()).isEqualTo(Date.from(at("2026-05-20T17:00")));
        // jxreview-s55 J15: the unit's task names the approved review day and the approvers' words, not the stopped 整改期限;
        // its form shows them from the instance's variables
        assertThat(task(TASK_RESUME, pi).getDescription()).contains("挂账期间停止计时", "复核日期：2026年5月20日",
                "挂账审批意见：同意，5 月 20 日复核").doesNotContain("整改期限");
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).containsEntry(VAR_SUSPENSION_REVIEW_DATE, "2026-05-20")
                .containsEntry(VAR_SUSPENSION_DECISION_COMMENT, "同意，5 月 20 日复核");
        assertThat(fixture.cases.timeline(c.caseNo())).extracting(CaseEvent::detail)
                .contains("涉及产权纠纷（复核日期 2026-06-30）", "同意，5 月 20 日复核（复核日期 2026-05-20）");

        clockAt(at("2026-05-20T17:01"));
        execute(job(BOUNDARY_SUSPENSION_REVIEW, pi));
        assertThat(pi).hasPassed(TASK_NOTIFY_SUSPENSION_REVIEW, END_SUSPENSION_REVIEW_NOTIFIED).isWaitingAt(TASK_RESUME);
        assertThat(taskService().createTaskQuery().taskCandidateGroup("nongfu").includeAssignedTasks()
                .dueBefore(Date.from(at("2026-05-20T17:01"))).count()).as("the unit's 已超期 with the review day passed").isZero();
        assertThat(fixture.notifications.inbox("nongfu2")).endsWith("case-suspension-review");
        assertThat(fixture.notifications.inbox("chuangban1")).endsWith("case-suspension-review");
        assertThat(fixture.notifications.latestBody("nongfu2", "case-suspension-review")).contains(c.caseNo(),
                "2026-05-20 复核", "挂账理由：涉及产权纠纷", "恢复整改");
        assertThat(record(c).status()).isEqualTo(CaseStatus.SUSPENDED);
    }

    @Test
    void suspensionStopsTheClockUntilTheUnitResumesWithANewPlan() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        clockAt(at("2026-04-30T09:30"));

        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        assertThat(task(TASK_APPROVE_SUSPENSION, pi)).hasCandidateGroup("zuzhang");
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "yes"));
        assertThat(record(c).status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(pi).isWaitingAt(TASK_RESUME);
        assertThat(task(TASK_RESUME, pi).getDescription()).contains("复核日期：2026年5月20日", "挂账审批意见：（未写明）");
        // the case's clock stands still: the only timer is the 挂账's review day
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().list())
                .extracting(org.camunda.bpm.engine.runtime.Job::getDuedate).containsExactly(Date.from(at("2026-05-20T17:00")));

        clockAt(at("2026-05-07T09:30"));
        complete(task(TASK_RESUME, pi), withVariables(VAR_RESUME_PLAN, "纠纷已调解，5 月内完成补种"));

        CaseRecord resumed = record(c);
        assertThat(resumed.status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        // At suspension (Thu Apr 30 09:30) 28.5 office hours were left to the due instant (Sat May 9 10:00):
        // Apr 30 6 h, May 6–8 21 h, May 9 1.5 h. From the resumption (Thu May 7 09:30) they run again:
        // May 7 6 h, May 8 7 h, Sat May 9 (make-up day) 7 h, May 11 7 h, May 12 1.5 h → Tue May 12 10:00.
        assertThat(resumed.dueAt()).isEqualTo(at("2026-05-12T10:00"));
        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        // the 挂账's words are on the case; a later 挂账 starts without them
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_SUSPENSION_DECISION_COMMENT,
                VAR_SUSPENSION_REVIEW_DATE);
    }

    /**
     * 协办 under 挂账 (user review s48, L3): each unit's 记录协办情况 names the unit, so two of one case differ; while the case
     * is 挂账 they have no due date (no red row in Tasklist), and on resumption their due instant moves as the case's does.
     */
    @Test
    void cooperationsNameTheirUnitAndTheirClockStandsStillWhileTheCaseIsSuspended() {
        // 第一物业公司 is no unit the fixture makes: made here, as the other 协办 tests do, not left to whichever ran before
        fixture.notifications.member("wuye1", "wuye01", true);
        fixture.zones.add(new RectificationFixture.Zone("九亭大街 12 号", "wuye01", null)); // 各物业公司 helps: the company of the place
        CaseRecord c = report("PILED_ITEMS", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        ProcessInstance huanwei = cooperation(c, "huanwei");
        ProcessInstance wuye = cooperation(c, "wuye01");
        execute(job(CaseCooperationProcess.START, huanwei));
        execute(job(CaseCooperationProcess.START, wuye));
        assertThat(task(CaseCooperationProcess.TASK_RECORD, huanwei).getName()).startsWith("记录协办情况（环卫所） · " + c.caseNo());
        assertThat(task(CaseCooperationProcess.TASK_RECORD, wuye).getName()).startsWith("记录协办情况（第一物业公司） · " + c.caseNo());
        assertThat(task(CaseCooperationProcess.TASK_RECORD, wuye).getDescription()).contains("协办单位：第一物业公司", "牵头单位：城管中队");
        claim(pi);

        clockAt(at("2026-03-02T10:00"));
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "yes"));
        assertThat(task(CaseCooperationProcess.TASK_RECORD, huanwei).getDueDate()).isNull();
        assertThat(task(CaseCooperationProcess.TASK_RECORD, wuye).getDueDate()).isNull();

        clockAt(at("2026-03-16T09:00"));
        complete(task(TASK_RESUME, pi), withVariables(VAR_RESUME_PLAN, "纠纷已调解"));
        Instant due = record(c).dueAt();
        assertThat(due).isAfter(c.dueAt()).isAfter(at("2026-03-16T09:00"));
        assertThat(task(CaseCooperationProcess.TASK_RECORD, huanwei)).hasDueDate(Date.from(due));
        assertThat(task(CaseCooperationProcess.TASK_RECORD, wuye).getName()).startsWith("记录协办情况（第一物业公司） · ");
        assertThat(fixture.parties.of(c.caseNo())).extracting(CaseParties.Party::dueAt).containsExactly(due, due);
    }

    /**
     * 不同意 asks for no 复核日期, and the decision neither requires nor checks one, whatever is sent (nothing, a weekend, a
     * day gone by); the request's day goes with the request. The approval form shows the field whatever is chosen,
     * prefilled with the day asked for (jxreview-s60 J2: hidden until 同意, form-js showed it empty), and leaves its
     * requirement to the decision, which refuses 同意 without one.
     */
    @Test
    void rejectingASuspensionNeedsNoReviewDayWhileApprovingOneDoes() throws java.io.IOException {
        String form = java.nio.file.Files.readString(java.nio.file.Path.of("forms/CaseSuspensionApproval.form"));
        var review = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).path("components").findParents("key").stream()
                .filter(component -> VAR_SUSPENSION_REVIEW_DATE.equals(component.path("key").asText())).findFirst().orElseThrow();
        assertThat(review.has("conditional")).as("never hidden, so never cleared").isFalse();
        assertThat(review.path("validate").path("required").asBoolean()).as("not for 不同意").isFalse();
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        clockAt(at("2026-04-30T09:30"));
        for (Object sent : new Object[] {null, "", "2026-05-31", "2026-04-01"}) {
            complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                    VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
            Map<String, Object> rejection = new java.util.HashMap<>(withVariables(VAR_SUSPENSION_APPROVED, "no",
                    VAR_DECISION_COMMENT, "不属于挂账情形"));
            if (sent != null) {
                rejection.put(VAR_SUSPENSION_REVIEW_DATE, sent);
            } else {
                processEngine.getRuntimeService().removeVariable(pi.getId(), VAR_SUSPENSION_REVIEW_DATE);
            }
            complete(task(TASK_APPROVE_SUSPENSION, pi), rejection);
            assertThat(pi).as("%s", sent).isWaitingAt(TASK_RECTIFY);
            assertThat(record(c).status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
            assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
                    .doesNotContainKeys(VAR_SUSPENSION_REVIEW_DATE, VAR_SUSPENSION_REVIEW_AT);
        }
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        String approval = task(TASK_APPROVE_SUSPENSION, pi).getId();
        processEngine.getRuntimeService().removeVariable(pi.getId(), VAR_SUSPENSION_REVIEW_DATE);
        assertThatThrownBy(() -> taskService().complete(approval, withVariables(VAR_SUSPENSION_APPROVED, "yes")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写复核日期");
        assertThat(record(c).status()).as("nothing half-saved").isEqualTo(CaseStatus.IN_RECTIFICATION);
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "yes", VAR_SUSPENSION_REVIEW_DATE, "2026-05-21"));
        assertThat(record(c).status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(task(TASK_RESUME, pi).getFollowUpDate()).isEqualTo(Date.from(at("2026-05-21T17:00")));
        assertThat(fixture.cases.timeline(c.caseNo())).extracting(CaseEvent::kind)
                .containsSubsequence(CaseEventKind.SUSPENSION_REJECTED, CaseEventKind.SUSPENSION_REJECTED,
                        CaseEventKind.SUSPENSION_REJECTED, CaseEventKind.SUSPENSION_REJECTED, CaseEventKind.SUSPENDED);
    }

    @Test
    void rejectedSuspensionGoesBackToRectification() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "人手不足",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "no", VAR_DECISION_COMMENT, "不属于挂账情形"));

        assertThat(pi).isWaitingAt(TASK_RECTIFY);
        assertThat(record(c).status()).isEqualTo(CaseStatus.IN_RECTIFICATION);
        // told at once that its 整改期限 stands (s53 T4)
        assertThat(fixture.notifications.latestBody("huanwei1", "case-suspension-decided"))
                .contains("挂账申请未获同意，整改期限 " + display(c.dueAt()) + " 不变", "审批意见：不属于挂账情形");
        assertThat(fixture.cases.timeline(c.caseNo())).extracting(CaseEvent::kind).contains(CaseEventKind.SUSPENSION_REJECTED);
    }

    /** 督办 by message while the unit handles the case: the instruction goes on the timeline and to the lead unit. */
    @Test
    void aSupervisionReceivedDuringHandlingIsRecordedAndSentToTheLeadUnit() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        claim(pi);

        processEngine.getRuntimeService().createMessageCorrelation(RectificationProcess.MESSAGE_CASE_SUPERVISED)
                .processInstanceId(pi.getId())
                .setVariables(withVariables(RectificationProcess.VAR_SUPERVISION_NOTE, "请今天清运", RectificationProcess.VAR_SUPERVISED_BY,
                        "sjshirongban1", RectificationProcess.VAR_SUPERVISION_FROM, "松江区 区市容管理专项办公室",
                        RectificationProcess.VAR_SUPERVISION_ID, "s-1"))
                .correlate();

        assertThat(pi).isWaitingAt(TASK_RECTIFY).hasPassed("Task_RecordSupervision", "Task_NotifySupervision",
                "EndEvent_SupervisionNotified");
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.SUPERVISED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("sjshirongban1");
                    assertThat(e.detail()).isEqualTo("松江区 区市容管理专项办公室：请今天清运");
                });
        assertThat(fixture.notifications.latestBody("huanwei1", "case-supervised")).contains("松江区 区市容管理专项办公室", "请今天清运");
    }

    /**
     * A 督办 received while the office's 督办超期案件 waits is the case's 督办: the office's task ends (领导已督办, the
     * message CaseSupervision sends after the 督办's own) and the office sends no second one; a 督办 before the case fell
     * overdue does not stand in for it, nothing waiting for that message then (supervisors' review s54 V13).
     */
    @Test
    void aSupervisionReceivedWhileTheOfficesSupervisionWaitsEndsThatTask() {
        CaseRecord c = report("EXPOSED_GARBAGE", "2026-03-02T09:00");
        ProcessInstance pi = instance(c);
        claim(pi);
        supervise(pi, "请今天清运", "s-early");
        assertThat(processEngine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName(RectificationProcess.MESSAGE_SUPERVISED_ABOVE).count()).as("no 督办超期案件 waits").isZero();

        clockAt(c.dueAt().plusSeconds(60));
        execute(job(BOUNDARY_DEADLINE, pi));
        assertThat(task(TASK_SUPERVISE, pi)).as("the earlier 督办 does not stand in for the office's").isNotNull();

        supervise(pi, "请第一居委会本周内完成整改并书面报告", "s-leader");
        processEngine.getRuntimeService().createMessageCorrelation(RectificationProcess.MESSAGE_SUPERVISED_ABOVE)
                .processInstanceId(pi.getId()).correlate();
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SUPERVISE)
                .count()).isZero();
        assertThat(pi).isWaitingAt(TASK_RECTIFY).hasPassed(RectificationProcess.EVENT_SUPERVISED_ABOVE, "EndEvent_SupervisedAbove")
                .hasNotPassed("Task_NotifyOverdueSupervision");
        assertThat(fixture.cases.timeline(c.caseNo())).filteredOn(e -> e.kind() == CaseEventKind.SUPERVISED).hasSize(2);
    }

    private void supervise(ProcessInstance pi, String note, String id) {
        processEngine.getRuntimeService().createMessageCorrelation(RectificationProcess.MESSAGE_CASE_SUPERVISED)
                .processInstanceId(pi.getId())
                .setVariables(withVariables(RectificationProcess.VAR_SUPERVISION_NOTE, note, RectificationProcess.VAR_SUPERVISED_BY,
                        "lingdao1", RectificationProcess.VAR_SUPERVISION_FROM, "创建工作领导小组", RectificationProcess.VAR_SUPERVISION_ID, id))
                .correlate();
    }

    /** As a unit member does it in Tasklist: the claim is theirs, not the engine's. */
    private void claimAs(String user, ProcessInstance pi) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        try {
            claim(pi);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private static String name(org.camunda.bpm.engine.task.Task task) {
        return task.getName();
    }

    /**
     * A Tasklist row names its case: number, short title and address after the step's name; the description has the
     * whole title, the address and the 整改期限; an urgent case's tasks rank above the others; tasks with a due date
     * carry the case's 黄灯 instant as follow-up date, so the list can show 红/黄/绿 as the case does.
     */
    @Test
    void everyTaskOfACaseNamesTheCaseAndCarriesItsDeadlineUrgencyAndWarning() {
        clockAt(at("2026-03-02T09:00"));
        CaseRecord urgent = fixture.cases.register("jiuting", new NewCase("沪亭北路人行道上堆放建筑垃圾和废旧家具多日无人清理", "EXPOSED_GARBAGE",
                "URGENT", "PATROL", new NewCase.Location("沪亭北路 88 号", null, null, null), "巡查发现", null), "lvrong1");
        ProcessInstance pi = instance(urgent);

        org.camunda.bpm.engine.task.Task claimTask = task(TASK_CLAIM, pi);
        assertThat(name(claimTask)).isEqualTo("认领案件 · " + urgent.caseNo() + " · 沪亭北路人行道上堆放建筑垃圾和… · 沪亭北路 88 号");
        assertThat(claimTask.getDescription()).isEqualTo("案件 " + urgent.caseNo() + "（紧急）：沪亭北路人行道上堆放建筑垃圾和废旧家具多日无人清理\n"
                + "地点：沪亭北路 88 号\n整改期限：" + display(urgent.dueAt()));
        assertThat(claimTask.getPriority()).isEqualTo(CaseTaskListener.URGENT_PRIORITY);
        assertThat(claimTask.getDueDate()).isEqualTo(Date.from(urgent.dueAt()));
        assertThat(claimTask.getFollowUpDate()).isEqualTo(Date.from(urgent.warnAt()));
        // Set on the task as it is created: history has the same name, not the diagram's.
        assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(claimTask.getId()).singleResult()
                .getName()).isEqualTo(claimTask.getName());
        // Staff find a case in Tasklist's search by its number.
        assertThat(taskService().createTaskQuery().taskNameLike("%" + urgent.caseNo() + "%").count()).isEqualTo(1);

        claim(pi);
        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        org.camunda.bpm.engine.task.Task verify = task(TASK_VERIFY, pi);
        assertThat(name(verify)).startsWith("核查整改结果 · " + urgent.caseNo() + " · ");
        assertThat(verify.getPriority()).isEqualTo(CaseTaskListener.URGENT_PRIORITY);
        // 核查 has a due date of its own (verifyDueAt), not the case's: no 黄灯 from the case's clock either.
        assertThat(verify.getDueDate()).isNotNull();
        assertThat(verify.getFollowUpDate()).isNull();

        CaseRecord normal = report("EXPOSED_GARBAGE", "2026-03-02T09:30");
        org.camunda.bpm.engine.task.Task normalClaim = task(TASK_CLAIM, instance(normal));
        assertThat(name(normalClaim)).isEqualTo("认领案件 · " + normal.caseNo() + " · 九亭大街 12 号门前问题 · 九亭大街 12 号");
        assertThat(normalClaim.getDescription()).doesNotContain("紧急").contains("整改期限：" + display(normal.dueAt()));
        assertThat(normalClaim.getPriority()).isEqualTo(CaseTaskListener.NORMAL_PRIORITY);
    }

    /**
     * One claim: whoever claims the case is assignee of its 整改问题, and of every later 整改问题 and 恢复整改 of the case
     * (rework, 挂账); when a colleague takes the task over, the case stays with them. The unit stays a candidate
     * throughout, so the head and colleagues see the task and can hand it on.
     */
    @Test
    void oneClaimKeepsTheCaseWithTheClaimerThroughReworkAndSuspension() {
        CaseRecord c = report("GREEN_SPACE_MAINTENANCE", "2026-04-29T10:00");
        ProcessInstance pi = instance(c);
        assertThat(task(TASK_CLAIM, pi).getAssignee()).isNull();

        String unit = c.leadUnit() == null ? record(c).leadUnit() : c.leadUnit();
        String claimer = unit + "1";
        String colleague = unit + "2";
        claimAs(claimer, pi);
        assertAssignedAndVisibleToUnit(task(TASK_RECTIFY, pi), claimer, unit);
        assertThat(name(task(TASK_RECTIFY, pi))).isEqualTo("整改问题 · " + c.caseNo() + " · 九亭大街 12 号门前问题 · 九亭大街 12 号");

        complete(task(TASK_RECTIFY, pi), submitWithPhotos());
        complete(task(TASK_VERIFY, pi), withVariables(VAR_VERIFICATION_RESULT, FAIL, VAR_VERIFICATION_COMMENT, "仍有缺株"));
        assertAssignedAndVisibleToUnit(task(TASK_RECTIFY, pi), claimer, unit);

        // The unit head hands the case to a colleague, who asks for 挂账 and later resumes: it stays with the colleague.
        taskService().setAssignee(task(TASK_RECTIFY, pi).getId(), colleague);
        complete(task(TASK_RECTIFY, pi), withVariables(VAR_RECTIFY_ACTION, SUSPENSION, VAR_SUSPENSION_REASON, "涉及产权纠纷",
                VAR_SUSPENSION_REVIEW_DATE, "2026-05-20"));
        complete(task(TASK_APPROVE_SUSPENSION, pi), withVariables(VAR_SUSPENSION_APPROVED, "yes"));
        assertAssignedAndVisibleToUnit(task(TASK_RESUME, pi), colleague, unit);
        assertThat(name(task(TASK_RESUME, pi))).startsWith("恢复整改 · " + c.caseNo());
        complete(task(TASK_RESUME, pi), withVariables(VAR_RESUME_PLAN, "纠纷已调解"));
        assertAssignedAndVisibleToUnit(task(TASK_RECTIFY, pi), colleague, unit);
        // The unit can still give the task back to its pool.
        taskService().setAssignee(task(TASK_RECTIFY, pi).getId(), null);
        assertThat(taskService().createTaskQuery().taskCandidateGroup(unit).processInstanceId(pi.getId()).count()).isEqualTo(1);
    }

    /** Assigned, and still a candidate task of the unit (so in its 本单位待办 list, which includes assigned tasks). */
    private static void assertAssignedAndVisibleToUnit(org.camunda.bpm.engine.task.Task task, String user, String unit) {
        assertThat(task).isAssignedTo(user);
        assertThat(taskService().getIdentityLinksForTask(task.getId())).anyMatch(l -> "candidate".equals(l.getType()) && unit.equals(l.getGroupId()));
        assertThat(taskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup(unit).includeAssignedTasks().count()).isEqualTo(1);
    }
}

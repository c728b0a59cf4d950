package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.rectification.CaseAppealProcess.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.ConflictException;
import org.shirong.system.SharesJvm;

/**
 * Every path of 考核申诉 with the real appeal and notification services: 环卫所 appeals the 超期 of a case it closed late,
 * the office (创建办, 九亭's roles.office) approves it, or rejects it (only with an opinion), or may no longer approve it
 * because the period's scores were saved while it waited; the unit is told either way, and the case's record keeps the
 * fact with the appeal and the decision on its timeline.
 */
@Deployment(resources = "processes/CaseAppealProcess.bpmn")
@SharesJvm
class CaseAppealProcessTest {

    private static final String CASE_NO = "JT-2026-000077";
    private static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter DISPLAY = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Authentication HUANWEI = new Authentication("huanwei1", List.of("huanwei"), List.of("jiuting"));

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    RectificationFixture fixture;

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new RectificationFixture(processEngine);
        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(5 * 86400)));
        // closed a day late: red on its due date, 超期办结
        fixture.jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status,"
                        + " reported_at, dispatched_at, submitted_at, closed_at, due_at, overdue, closed_on_time, rework_count)"
                        + " values (?,'PATROL','EXPOSED_GARBAGE','NORMAL','九亭公园门口果壳箱满溢','九亭公园','huanwei','CLOSED',?,?,?,?,?,true,false,0)",
                CASE_NO, ts(DUE.minusSeconds(86400)), ts(DUE.minusSeconds(86400)), ts(DUE.plusSeconds(86400)),
                ts(DUE.plusSeconds(90000)), ts(DUE));
    }

    @AfterEach
    void tearDown() {
        processEngine.getIdentityService().clearAuthentication();
        fixture.clear();
        ClockUtil.reset();
    }

    private ProcessInstance appeal() {
        CaseAppeals.AppealView filed = fixture.appeals.file(CASE_NO, "OVERDUE", "暴雨停运两天，清运车无法进园", HUANWEI);
        assertThat(filed.status()).isEqualTo("PENDING");
        assertThat(filed.reviewWindow()).as("the unit learns by when the office decides, and why")
                .startsWith("办公室审核期限：" + DISPLAY.format(filed.reviewDueAt().atZone(SHANGHAI)) + "。").contains("得分保存后申诉不能再核准");
        return processInstanceQuery().processInstanceBusinessKey(businessKey(CASE_NO, Deduction.OVERDUE)).singleResult();
    }

    private void asOffice() {
        processEngine.getIdentityService().setAuthentication("chuangban1", List.of("chuangban"));
    }

    private CaseAppeals.AppealView theAppeal() {
        return fixture.appeals.of(CASE_NO).get(0);
    }

    @Test
    void theOfficeApprovesAndTheUnitIsTold() {
        ProcessInstance pi = appeal();

        assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(task(TASK_REVIEW, pi)).as("decided before March's scores are saved: closing time of its last working day")
                .hasDueDate(Date.from(Instant.parse("2026-03-31T09:00:00Z")));
        assertThat(theAppeal().reviewDueAt()).isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
        assertThat(task(TASK_REVIEW, pi)).hasCandidateGroup("chuangban")
                .hasName("审核考核申诉 · " + CASE_NO + " · 九亭公园门口果壳箱满溢 · 九亭公园");
        assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
                .containsEntry(VAR_DEDUCTION_NAME, "超期").containsEntry(VAR_REASON, "暴雨停运两天，清运车无法进园");
        assertThat((String) processEngine.getRuntimeService().getVariable(pi.getId(), VAR_CASE_SUMMARY))
                .contains("牵头单位 环卫所", "整改期限 2026年3月4日 17:00", "超期办结", "返工 0 次");

        asOffice();
        complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, APPROVE, VAR_OPINION, "属实，不可抗力"));

        assertThat(pi).hasPassed(TASK_NOTIFY_APPROVED, END_APPROVED).hasNotPassed(END_REJECTED).isEnded();
        assertThat(fixture.savesHeld).as("the approval held the saves of scores while it checked them").isEqualTo(1);
        assertThat(theAppeal()).extracting(CaseAppeals.AppealView::status, CaseAppeals.AppealView::decidedBy,
                CaseAppeals.AppealView::opinion).containsExactly("APPROVED", "chuangban1", "属实，不可抗力");
        assertThat(fixture.notifications.inbox("huanwei1")).containsExactly(TEMPLATE_DECIDED);
        assertThat(fixture.notifications.latestBody("huanwei1", TEMPLATE_DECIDED))
                .contains(CASE_NO, "超期扣分", "创建工作办公室已审核：核准", "不再计入你单位的考核得分", "属实，不可抗力");
        // the fact stays: still overdue and closed late, with the appeal and its decision on the timeline
        CaseRecord c = fixture.cases.get(CASE_NO);
        assertThat(c.overdue()).isTrue();
        assertThat(c.closedOnTime()).isFalse();
        assertThat(fixture.cases.timeline(CASE_NO)).extracting(CaseEvent::kind)
                .containsExactly(CaseEventKind.APPEAL_FILED, CaseEventKind.APPEAL_APPROVED);
        assertThatThrownBy(this::appeal).isInstanceOf(ConflictException.class).hasMessageContaining("已申诉并核准，不能再次申诉");
    }

    /** An appeal filed once the month it counts in has ended, its scores not yet saved, is due a working day later. */
    @Test
    void anAppealFiledAfterItsMonthEndedIsDueAWorkingDayLater() {
        Instant now = Instant.parse("2026-04-01T01:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        Date due = task(TASK_REVIEW, appeal()).getDueDate();
        assertThat(due.toInstant()).isAfter(now).isBeforeOrEqualTo(Instant.parse("2026-04-02T09:00:00Z"));
        assertThat(theAppeal().reviewDueAt()).isEqualTo(due.toInstant());
    }

    /** The office's one member also serves 环卫所, so may not review its appeal: the approvers review it, as the office's own. */
    @Test
    void anAppealGoesAboveAnOfficeWhoseMembersAllBelongToTheUnit() {
        processEngine.getIdentityService().createMembership("chuangban1", "huanwei");
        try {
            assertThat(task(TASK_REVIEW, appeal())).hasCandidateGroup("zuzhang");
        } finally {
            processEngine.getIdentityService().deleteMembership("chuangban1", "huanwei");
        }
    }

    @Test
    void aRejectionNeedsAnOpinionAndTheUnitIsToldWhy() {
        ProcessInstance pi = appeal();
        asOffice();

        assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, REJECT, VAR_OPINION, "  ")))
                .hasMessageContaining("驳回申诉时请填写审核意见");
        assertThat(theAppeal().status()).isEqualTo("PENDING");
        complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, REJECT, VAR_OPINION, "当日无降雨记录"));

        assertThat(pi).hasPassed(TASK_NOTIFY_REJECTED, END_REJECTED).hasNotPassed(END_APPROVED).isEnded();
        assertThat(theAppeal()).extracting(CaseAppeals.AppealView::status, CaseAppeals.AppealView::statusName)
                .containsExactly("REJECTED", "已驳回");
        assertThat(fixture.notifications.latestBody("huanwei1", TEMPLATE_DECIDED))
                .contains("已审核：驳回", "照常计入考核", "当日无降雨记录");
        assertThat(fixture.cases.timeline(CASE_NO)).extracting(CaseEvent::kind)
                .containsExactly(CaseEventKind.APPEAL_FILED, CaseEventKind.APPEAL_REJECTED);
    }

    @Test
    void scoresSavedWhileTheAppealWaitedAreNotChangedByAnApproval() {
        ProcessInstance pi = appeal();
        fixture.savedPeriod = "2026年3月";
        asOffice();

        assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, APPROVE)))
                .hasMessageContaining("考核期间“2026年3月”的得分已在申诉后保存").hasMessageContaining("请选择驳回");
        complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, REJECT, VAR_OPINION, "3月考核结果已保存"));

        assertThat(pi).hasPassed(END_REJECTED).isEnded();
        assertThat(theAppeal().status()).isEqualTo("REJECTED");
    }

    /**
     * 戴所长 (chuangban1) heads 绿容所 and sits in 创建办, the office that reviews appeals: he may not decide 绿容所's appeal,
     * whether he filed it or a colleague did; another of the office (chuangban2) decides it.
     */
    @Test
    void noOneDecidesTheirOwnOrTheirUnitsAppeal() {
        fixture.jdbc.update("update rect_case set lead_unit = 'lvrong' where case_no = ?", CASE_NO);
        List<String> daisGroups = List.of("chuangban", "lvrong", "hezhang", "lingdao");
        fixture.appeals.file(CASE_NO, "OVERDUE", "暴雨停运两天，清运车无法进园", new Authentication("chuangban1", daisGroups, List.of("jiuting")));
        ProcessInstance pi = processInstanceQuery().processInstanceBusinessKey(businessKey(CASE_NO, Deduction.OVERDUE)).singleResult();
        assertThat(task(TASK_REVIEW, pi)).hasCandidateGroup("chuangban");

        processEngine.getIdentityService().setAuthentication("chuangban1", daisGroups);
        assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, APPROVE)))
                .hasMessageContaining("本申诉由您提出，不能由您审核");
        processEngine.getIdentityService().setAuthentication("lvrongchuangban", List.of("chuangban", "lvrong"));
        assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, APPROVE)))
                .hasMessageContaining("您是申诉单位（绿容所）的人员，不能审核本单位的申诉");
        assertThat(theAppeal().status()).isEqualTo("PENDING");

        processEngine.getIdentityService().setAuthentication("chuangban2", List.of("chuangban"));
        complete(task(TASK_REVIEW, pi), withVariables(VAR_DECISION, APPROVE));
        assertThat(theAppeal()).extracting(CaseAppeals.AppealView::status, CaseAppeals.AppealView::decidedBy)
                .containsExactly("APPROVED", "chuangban2");
    }

    /** A case the office itself leads (a town without its own dispatch table): the approvers review the office's appeal. */
    @Test
    void theOfficesOwnAppealGoesToTheApprovers() {
        fixture.jdbc.update("update rect_case set lead_unit = 'chuangban' where case_no = ?", CASE_NO);
        fixture.appeals.file(CASE_NO, "OVERDUE", "暴雨停运两天，清运车无法进园",
                new Authentication("chuangban2", List.of("chuangban"), List.of("jiuting")));
        ProcessInstance pi = processInstanceQuery().processInstanceBusinessKey(businessKey(CASE_NO, Deduction.OVERDUE)).singleResult();
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(TASK_REVIEW, pi).getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("zuzhang");
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}

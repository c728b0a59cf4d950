package org.shirong.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.shirong.meeting.JointMeetingProcess.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.notification.SendTaskParameters;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.report.DocumentKind;
import org.shirong.report.StoredDocument;
import org.shirong.system.SharesJvm;

/**
 * Every path of 工作例会 with the real delegates and listener over mocked meeting services: a meeting with
 * named units whose case and task decisions are carried out and whose 通报 is sent; one without named
 * units or decisions; and records refused field by field with nothing saved.
 */
@Deployment(resources = "processes/JointMeetingProcess.bpmn")
@SharesJvm
class JointMeetingProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MEETING_AT = LocalDateTime.parse("2026-12-03T14:00").atZone(SHANGHAI).toInstant();
    private static final Instant RECORD_DUE = LocalDateTime.parse("2026-12-04T14:00").atZone(SHANGHAI).toInstant();

    private static final String DECISIONS_BODY = TASK_CARRY_OUT_DECISIONS + "#multiInstanceBody";

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final MeetingPapers papers = mock(MeetingPapers.class);
    final MeetingDecisions decisions = mock(MeetingDecisions.class);
    final List<String> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T09:00").atZone(SHANGHAI).toInstant()));
        Mocks.register("generateAgendaDelegate", new GenerateAgendaDelegate(papers));
        Mocks.register("taskNames", new org.shirong.system.TaskNames());
        Mocks.register("generateMinutesDelegate", new GenerateMinutesDelegate(papers));
        Mocks.register("carryOutDecisionDelegate", new CarryOutDecisionDelegate(decisions));
        Mocks.register("issueNoticeDelegate", new IssueNoticeDelegate(papers));
        Mocks.register("meetingRecordedListener", new MeetingRecordedListener(WorkingCalendars.bundled(),
                org.shirong.system.DateWindow.DEFAULT, mock(org.shirong.organization.Organizations.class), papers));
        Mocks.register("sendNotificationDelegate", (JavaDelegate) execution -> {
            Map<String, Object> parameters = SendTaskParameters.of(execution);
            sent.add(parameters.get("template") + " → " + parameters.get("recipients") + " @"
                    + ((Date) parameters.get("iteration")).toInstant() + " " + parameters.get("link"));
        });
        when(papers.unitName(any(MeetingFacts.class), anyString())).thenAnswer(a -> a.getArgument(1) + "名称");
        when(papers.unitName(nullable(String.class), anyString())).thenAnswer(a -> a.getArgument(1) + "名称");
        when(papers.minutes(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean(), any())).thenReturn(document("m1", DocumentKind.MINUTES, "纪要"));
        when(papers.notice(any(), any(), any())).thenReturn(document("n1", DocumentKind.NOTICE, "关于2026年11月考核不履职单位的通报"));
        when(papers.noticeSummary(any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn("通报：城管中队（第 2 名）。");
        when(decisions.carryOut(any(), any(), any())).thenReturn(new MeetingRecords.Outcome("JT-2026-000001", null));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private static StoredDocument document(String id, DocumentKind kind, String title) {
        return new StoredDocument(id, "JT2026", kind.name().toLowerCase() + "/x", kind, title, MEETING_AT, null, null);
    }

    private void prepared(boolean namedUnits) {
        when(papers.prepare(any(), any())).thenReturn(new MeetingPapers.Prepared("2026-11", "/api/documents/a1", "工作例会（2026年12月3日）", namedUnits,
                RECORD_DUE, List.of(new MeetingPapers.Option("城管中队", "chengguan"), new MeetingPapers.Option("环卫所", "huanwei")),
                List.of(new MeetingPapers.Option("暴露垃圾", "EXPOSED_GARBAGE")), "group:chengguan,group:huanwei"));
    }

    private ProcessInstance convene() {
        return runtimeService().startProcessInstanceByKey(KEY, "JT2026", withVariables(VAR_CAMPAIGN_CODE, "JT2026",
                VAR_CAMPAIGN_NAME, "九亭镇创建达标镇", VAR_CYCLE_ID, "weekly", VAR_MEETING_NAME, "工作例会",
                VAR_ORGANISER_GROUP, "chuangban", VAR_MEETING_AT, Date.from(MEETING_AT), VAR_SCORE_PERIOD, "",
                JointMeetingProcess.VAR_PLACE, "镇政府三楼会议室"));
    }

    /** What Tasklist sends: the minutes, the attendance checklist and the 决定事项 textarea. */
    private static Map<String, Object> record(String minutes, String decisionLines) {
        return withVariables(VAR_MINUTES, minutes, VAR_ATTENDEES, SpinValues.jsonValue("[\"chengguan\",\"huanwei\"]").create(),
                VAR_DECISIONS, decisionLines);
    }

    private static String decision(String content, String kind, String unit, String due, String category, String address) {
        return "{\"content\":\"%s\",\"kind\":\"%s\",\"unit\":\"%s\",\"due\":\"%s\",\"category\":\"%s\",\"address\":\"%s\"}"
                .formatted(content, kind, unit, due, category, address);
    }

    private ProcessInstance meetingHeld(boolean namedUnits) {
        prepared(namedUnits);
        ProcessInstance pi = convene();
        execute(job(TASK_GENERATE_AGENDA, pi));
        execute(job(TASK_ISSUE_MEETING_NOTICE, pi));
        // the meeting begins: only now may it be recorded (jtreview-s56 T13)
        ClockUtil.setCurrentTime(Date.from(MEETING_AT));
        return pi;
    }

    /**
     * jtreview-s56 T13: a meeting is not recorded before it begins (its 纪要 would be dated before it, its decisions carried
     * out before they were taken): refused naming the meeting's time, nothing saved; at its time it is taken.
     */
    @Test
    void aMeetingIsNotRecordedBeforeItBegins() {
        prepared(false);
        ProcessInstance pi = convene();
        execute(job(TASK_GENERATE_AGENDA, pi));
        execute(job(TASK_ISSUE_MEETING_NOTICE, pi));
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> taskService().complete(taskId, record("听取各单位汇报。", "")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("会议尚未召开（2026年12月3日 14:00）")
                .satisfies(e -> assertThat(((FormFieldValidationException) e).<Object>getDetail()).isEqualTo(VAR_MEETING_AT));
        assertThat(pi).isWaitingAt(TASK_HOLD_MEETING);
        assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys(VAR_MINUTES, VAR_RECORDED_DECISIONS);

        ClockUtil.setCurrentTime(Date.from(MEETING_AT.minusSeconds(60)));
        assertThatThrownBy(() -> taskService().complete(taskId, record("听取各单位汇报。", ""))).hasMessageContaining("会议尚未召开");
        ClockUtil.setCurrentTime(Date.from(MEETING_AT));
        taskService().complete(taskId, record("听取各单位汇报。", ""));
        assertThat(pi).hasPassed(TASK_HOLD_MEETING);
    }

    @Test
    void meetingWithNamedUnitsCarriesOutACaseAndATaskDecisionAndSendsTheNotice() {
        ProcessInstance pi = meetingHeld(true);

        assertThat(pi).isWaitingAt(TASK_HOLD_MEETING).variables().containsEntry(VAR_AGENDA_URL, "/api/documents/a1")
                .containsEntry(VAR_SCORE_PERIOD, "2026-11").containsEntry(VAR_HAS_NAMED_UNITS, true);
        assertThat(sent).containsExactly("meeting-agenda-issued → group:chengguan,group:huanwei,role:office,role:leadingGroup @" + MEETING_AT
                + " /api/documents/a1");
        assertThat(task(pi)).hasCandidateGroup("chuangban").hasDueDate(Date.from(RECORD_DUE)).as("two open meetings of a month are told apart by their day")
                .hasName("召开会议并记录 · 工作例会（2026年12月3日）");

        assertThat(pi).variables().containsEntry(VAR_UNIT_NAMES, "城管中队、环卫所").containsEntry(VAR_CATEGORY_NAMES, "暴露垃圾");

        taskService().complete(task(pi).getId(), record("听取各单位汇报，研究九亭大街整治。", """
                环卫所 ｜ 清理九亭大街 88 号暴露垃圾 ｜ 2026-12-04 ｜ 暴露垃圾 ｜ 九亭大街 88 号

                chengguan\t整治沿街门责\t2026/12/10\t\t
                """));
        assertThat(pi).variables().containsEntry(VAR_DECISION_COUNT, 2).containsEntry(VAR_DECISIONS, """
                环卫所 ｜ 清理九亭大街 88 号暴露垃圾 ｜ 2026-12-04 ｜ 暴露垃圾 ｜ 九亭大街 88 号

                chengguan\t整治沿街门责\t2026/12/10\t\t
                """);
        execute(job(DECISIONS_BODY, pi));
        execute(job(TASK_CARRY_OUT_DECISIONS, pi));
        execute(job(TASK_CARRY_OUT_DECISIONS, pi));
        execute(job(TASK_GENERATE_MINUTES, pi));

        ArgumentCaptor<DecisionInput> carried = ArgumentCaptor.forClass(DecisionInput.class);
        verify(decisions, times(2)).carryOut(any(), carried.capture(), any());
        assertThat(carried.getAllValues()).containsExactly(
                new DecisionInput(1, "清理九亭大街 88 号暴露垃圾", KIND_CASE, "huanwei", "2026-12-04", "EXPOSED_GARBAGE", "九亭大街 88 号"),
                new DecisionInput(2, "整治沿街门责", KIND_ASSIGNMENT, "chengguan", "2026-12-10", "", ""));
        verify(papers).minutes(any(), eq("听取各单位汇报，研究九亭大街整治。"), eq(List.of("chengguan", "huanwei")), any(), eq(true), any());

        execute(job(TASK_ISSUE_NOTICE, pi));
        assertThat(pi).variables().containsEntry(VAR_NOTICE_URL, "/api/documents/n1").containsEntry(VAR_MINUTES_URL, "/api/documents/m1");
        execute(job(TASK_SEND_NOTICE, pi));
        assertThat(sent).last().isEqualTo("notice-issued → group:chengguan,group:huanwei,role:leadingGroup @" + MEETING_AT
                + " /api/documents/n1");
        assertThat(pi).hasPassed(END_NOTICE_SENT).isEnded();
    }

    @Test
    void meetingWithoutNamedUnitsOrDecisionsEndsAfterTheMinutes() {
        ProcessInstance pi = meetingHeld(false);

        taskService().complete(task(pi).getId(), record("各单位按计划推进，无新增决定事项。", "\n  \n"));
        execute(job(DECISIONS_BODY, pi));
        execute(job(TASK_GENERATE_MINUTES, pi));

        assertThat(pi).hasPassed(END_DECISIONS_CARRIED_OUT).hasNotPassed(TASK_ISSUE_NOTICE).isEnded();
        verify(decisions, never()).carryOut(any(), any(), any());
    }

    /**
     * supervisors' review s54 V12: a meeting whose ranking names nobody decides to 通报 a unit (通报｜单位｜原因): the decision
     * is kept like the others, and the meeting issues and sends its period's 通报, which names the unit; a meeting whose
     * period's 通报 is out already keeps it for the campaign's next 通报 and issues none.
     */
    @Test
    void aNoticeDecisionMakesAMeetingWithoutNamedUnitsIssueTheNoticeUnlessTheMonthsIsOut() {
        ProcessInstance pi = meetingHeld(false);
        taskService().complete(task(pi).getId(), record("九个单位未报送10月月度工作报告。", "通报 ｜ 城管中队 ｜ 2026年10月月度工作报告至今未报送"));
        assertThat(pi).variables().containsEntry(VAR_HAS_NAMED_UNITS, true).containsEntry(VAR_DECISION_COUNT, 1);
        execute(job(DECISIONS_BODY, pi));
        execute(job(TASK_CARRY_OUT_DECISIONS, pi));
        verify(decisions).carryOut(any(), eq(new DecisionInput(1, "2026年10月月度工作报告至今未报送", KIND_NOTICE, "chengguan", "", "", "")), any());
        execute(job(TASK_GENERATE_MINUTES, pi));
        execute(job(TASK_ISSUE_NOTICE, pi));
        execute(job(TASK_SEND_NOTICE, pi));
        assertThat(pi).hasPassed(END_NOTICE_SENT).isEnded();

        when(papers.noticeIssued(any())).thenReturn(true);
        ProcessInstance second = meetingHeld(false);
        taskService().complete(task(second).getId(), record("城管中队仍未报送。", "通报 ｜ 城管中队 ｜ 2026年10月月度工作报告至今未报送"));
        assertThat(second).variables().containsEntry(VAR_HAS_NAMED_UNITS, false);
    }

    @Test
    void aStructuredListFromARestClientIsStillAccepted() {
        ProcessInstance pi = meetingHeld(false);

        taskService().complete(task(pi).getId(), withVariables(VAR_MINUTES, "会议纪要", VAR_DECISIONS, SpinValues.jsonValue("["
                + decision("清理九亭大街 88 号暴露垃圾", KIND_CASE, "环卫所", "2026-12-04", "EXPOSED_GARBAGE", "九亭大街 88 号") + ","
                + decision("整治沿街门责", KIND_ASSIGNMENT, "chengguan", "2026-12-10", "", "") + "]").create()));
        execute(job(DECISIONS_BODY, pi));
        execute(job(TASK_CARRY_OUT_DECISIONS, pi));
        execute(job(TASK_CARRY_OUT_DECISIONS, pi));
        execute(job(TASK_GENERATE_MINUTES, pi));

        ArgumentCaptor<DecisionInput> carried = ArgumentCaptor.forClass(DecisionInput.class);
        verify(decisions, times(2)).carryOut(any(), carried.capture(), any());
        assertThat(carried.getAllValues()).extracting(DecisionInput::no, DecisionInput::kind, DecisionInput::unit)
                .containsExactly(tuple(1, KIND_CASE, "huanwei"), tuple(2, KIND_ASSIGNMENT, "chengguan"));
        assertThat(pi).hasPassed(END_DECISIONS_CARRIED_OUT).isEnded();
    }

    @Test
    void aRecordWithAProblemIsRefusedNamingTheFieldAndEveryBadLineAndNothingIsSaved() {
        ProcessInstance pi = meetingHeld(false);
        String taskId = task(pi).getId();
        Map<String, String> refused = Map.of(
                "会议纪要：请填写会议纪要", "",
                "第 1 行：没有单位“城管队”（可用：城管中队、环卫所）", "城管队 ｜ 清理垃圾 ｜ 2026-12-04",
                "第 2 行：期限 2026-11-30 已过", "环卫所 ｜ 清理垃圾 ｜ 2026-12-04\n环卫所 ｜ 清理垃圾 ｜ 2026-11-30",
                "第 1 行：期限“下周五”不是日期", "环卫所 ｜ 清理垃圾 ｜ 下周五",
                "第 1 行：立案须填写地点", "环卫所 ｜ 清理垃圾 ｜ 2026-12-04 ｜ 暴露垃圾",
                "第 3 行：只有 2 栏", "\n环卫所 ｜ 清理垃圾 ｜ 2026-12-04\n环卫所 ｜ 清理垃圾",
                "第 2 行：有 6 栏，最多 5 栏", "环卫所 ｜ 清理垃圾；有异味 ｜ 2026-12-04\n环卫所｜垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜2026-12-10｜限期清运",
                "第 1 行：只有 1 栏", "环卫所；清理垃圾；2026-12-04",
                "决定事项第 1 项：请填写责任单位", "[" + decision("清理垃圾", KIND_ASSIGNMENT, "", "2026-12-04", "", "") + "]");
        refused.forEach((message, lines) -> {
            String minutes = message.startsWith("会议纪要") ? " " : "会议纪要";
            assertThatThrownBy(() -> taskService().complete(taskId, record(minutes, lines)))
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(message)
                    .satisfies(e -> assertThat(((FormFieldValidationException) e).<Object>getDetail())
                            .isEqualTo(message.startsWith("会议纪要") ? VAR_MINUTES : VAR_DECISIONS));
        });
        assertThatThrownBy(() -> taskService().complete(taskId, record("会议纪要", "城管队 ｜ 清理垃圾 ｜ 2026-12-04\n"
                + "环卫所 ｜ 清理垃圾 ｜ 2026-11-30 ｜ 暴露垃圾")))
                .hasMessageContaining("第 1 行：没有单位“城管队”").hasMessageContaining("第 2 行：期限 2026-11-30 已过，不能早于今天（2026-12-03）；立案须填写地点");

        assertThat(pi).isWaitingAt(TASK_HOLD_MEETING);
        assertThat(runtimeService().getVariables(pi.getId()))
                .doesNotContainKeys(VAR_MINUTES, VAR_DECISIONS, VAR_RECORDED_DECISIONS, VAR_DECISION_COUNT);
    }
}

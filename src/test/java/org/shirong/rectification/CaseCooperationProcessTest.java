package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.rectification.CaseCooperationProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.SharesJvm;

/**
 * Every path of 案件协办 with the real cooperation and notification services: the unit is told (a notice in its
 * inbox), then records what it did on time or late, or the case closes first (Message_CaseClosed) and the
 * cooperation ends as not done. What each path leaves in {@code rect_case_party} is what scoring counts.
 */
@Deployment(resources = "processes/CaseCooperationProcess.bpmn")
@SharesJvm
class CaseCooperationProcessTest {

    private static final String CASE_NO = "JT-2026-000042";
    private static final Instant ASSIGNED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    RectificationFixture fixture;

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new RectificationFixture(processEngine);
        fixture.notifications.member("wuye1", "wuye", true);
        ClockUtil.setCurrentTime(Date.from(ASSIGNED));
    }

    @AfterEach
    void tearDown() {
        fixture.clear();
        ClockUtil.reset();
    }

    /** What 通知协办单位 of RectificationProcess does for one unit: the party row, then the instance. */
    private ProcessInstance assign(String unit) {
        fixture.parties.add(CASE_NO, unit, CaseParties.Reason.RESPONSIBLE, null, ASSIGNED, DUE);
        Map<String, Object> variables = new HashMap<>(withVariables(RectificationProcess.VAR_CASE_NO, CASE_NO,
                RectificationProcess.VAR_TITLE, "九亭大街 12 号门前堆物", RectificationProcess.VAR_ADDRESS, "九亭大街 12 号",
                RectificationProcess.VAR_LEAD_UNIT, "chengguan", RectificationProcess.VAR_DUE_AT, Date.from(DUE),
                VAR_PARTY_UNIT, unit));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, businessKey(CASE_NO, unit), variables);
        fixture.parties.started(CASE_NO, unit, pi.getId());
        return pi;
    }

    private CaseParties.Party party(String unit) {
        return fixture.parties.of(CASE_NO).stream().filter(p -> p.unitId().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void unitIsToldAndRecordsWhatItDidOnTime() {
        ProcessInstance pi = assign("wuye");
        // The start is asynchronous: starting it from a case's dispatch writes a job, not a notice or a task.
        assertThat(pi).isWaitingAt(START);
        assertThat(fixture.notifications.inbox("wuye1")).isEmpty();

        execute(job(START, pi));

        assertThat(fixture.notifications.inbox("wuye1")).containsExactly("case-cooperation");
        assertThat(fixture.notifications.latestBody("wuye1", "case-cooperation"))
                .contains(CASE_NO, "九亭大街 12 号门前堆物", "九亭大街 12 号", "牵头办理", "你单位为责任单位", "记录协办情况");
        assertThat(task(TASK_RECORD, pi)).hasCandidateGroup("wuye").hasDueDate(Date.from(DUE))
                .hasName("记录协办情况（各物业公司） · " + CASE_NO + " · 九亭大街 12 号门前堆物 · 九亭大街 12 号");
        // 2026-03-04T09:00Z is 17:00 in 九亭.
        assertThat(task(TASK_RECORD, pi).getDescription()).contains(CASE_NO, "地点：九亭大街 12 号", "协办单位：各物业公司", "牵头单位：城管中队",
                "整改期限：2026年3月4日 17:00");
        assertThat(runtimeService().getVariables(pi.getId())).as("what the form shows beside the case")
                .containsEntry(VAR_LEAD_UNIT_NAME, "城管中队").containsEntry(VAR_DUE_TEXT, "2026年3月4日 17:00");

        // the answer is a required choice, refused naming its field, and so is the note it asks for
        assertThatThrownBy(() -> complete(task(TASK_RECORD, pi), withVariables(VAR_NOTE, "已通知业主清理楼道堆物")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请选择协办结果")
                .satisfies(e -> assertThat((Object) ((FormFieldValidationException) e).getDetail()).isEqualTo(VAR_OUTCOME));
        assertThatThrownBy(() -> complete(task(TASK_RECORD, pi), withVariables(VAR_OUTCOME, "DONE", VAR_NOTE, "已通知")))
                .hasMessageContaining("协办结果只能选择已配合、无需配合或非本镇属地，不能是“DONE”");
        assertThatThrownBy(() -> complete(task(TASK_RECORD, pi), withVariables(VAR_OUTCOME, "COOPERATED", VAR_NOTE, "  ")))
                .hasMessageContaining("请填写配合情况")
                .satisfies(e -> assertThat((Object) ((FormFieldValidationException) e).getDetail()).isEqualTo(VAR_NOTE));
        // 非本镇属地 is the 属地 town's answer; a 责任单位 cannot send the case's 属地 back
        assertThatThrownBy(() -> complete(task(TASK_RECORD, pi), withVariables(VAR_OUTCOME, "NOT_TERRITORY", VAR_NOTE, "不归我们管")))
                .hasMessageContaining("只能由案件属地街镇选择");
        assertThat(task(TASK_RECORD, pi)).as("nothing half-saved").isNotNull();
        assertThat(party("wuye").done()).isFalse();
        ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(3600)));
        complete(task(TASK_RECORD, pi), withVariables(VAR_OUTCOME, "COOPERATED", VAR_NOTE, "已通知业主清理楼道堆物"));

        assertThat(pi).hasPassed(END_RECORDED).isEnded();
        CaseParties.Party p = party("wuye");
        assertThat(p.done()).isTrue();
        assertThat(p.doneOnTime()).isTrue();
        assertThat(p.note()).isEqualTo("已通知业主清理楼道堆物");
        assertThat(p.outcome()).isEqualTo(CaseParties.Outcome.COOPERATED);
        assertThat(p.recordedText()).isEqualTo("已配合：已通知业主清理楼道堆物");
        assertThat(p.endedAt()).isEqualTo(DUE.minusSeconds(3600));
        assertThat(fixture.cases.timeline(CASE_NO)).extracting(CaseEvent::kind, CaseEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CaseEventKind.COOPERATION_RECORDED, "已配合：已通知业主清理楼道堆物"));
    }

    /** A task of a version before the 协办结果 choice (its Camunda Form has the note only) still completes, as 已配合. */
    @Test
    void aTaskOfTheVersionBeforeTheChoiceIsRecordedAsCooperated() {
        BpmnModelInstance model = Bpmn.readModelFromStream(
                getClass().getClassLoader().getResourceAsStream("processes/CaseCooperationProcess.bpmn"));
        UserTask record = model.getModelElementById(TASK_RECORD);
        record.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formKey");
        record.setCamundaFormRef("CaseCooperation");
        record.setCamundaFormRefBinding("deployment");
        String before = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("CaseCooperationProcess.bpmn", model).deploy().getId();
        try {
            ProcessInstance pi = assign("wuye");
            execute(job(START, pi));
            complete(task(TASK_RECORD, pi), withVariables(VAR_NOTE, "已通知业主清理楼道堆物"));

            assertThat(pi).hasPassed(END_RECORDED).isEnded();
            assertThat(party("wuye").outcome()).isEqualTo(CaseParties.Outcome.COOPERATED);
            assertThat(party("wuye").recordedText()).isEqualTo("已配合：已通知业主清理楼道堆物");
        } finally {
            processEngine.getRepositoryService().deleteDeployment(before, true);
        }
    }

    @Test
    void recordAfterTheDueInstantCountsAsLate() {
        ProcessInstance pi = assign("wuye");
        execute(job(START, pi));

        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(60)));
        // the label is accepted as well as the code; 无需配合 is a record of the unit's all the same
        complete(task(TASK_RECORD, pi), withVariables(VAR_OUTCOME, "无需配合", VAR_NOTE, "城管中队已自行清运，无需物业配合"));

        assertThat(pi).hasPassed(END_RECORDED).isEnded();
        assertThat(party("wuye").done()).isTrue();
        assertThat(party("wuye").doneOnTime()).isFalse();
        assertThat(party("wuye").outcome()).isEqualTo(CaseParties.Outcome.NOT_NEEDED);
        assertThat(fixture.cases.timeline(CASE_NO)).extracting(CaseEvent::detail).containsExactly("无需配合：城管中队已自行清运，无需物业配合");
    }

    @Test
    void caseClosedBeforeTheUnitRecordedEndsItAsNotDone() {
        ProcessInstance pi = assign("wuye");
        execute(job(START, pi));

        ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(60)));
        runtimeService().createMessageCorrelation(MESSAGE_CASE_CLOSED)
                .processInstanceVariableEquals(RectificationProcess.VAR_CASE_NO, CASE_NO).correlateAll();

        assertThat(pi).hasPassed(BOUNDARY_CASE_CLOSED, END_CASE_CLOSED).hasNotPassed(END_RECORDED).isEnded();
        CaseParties.Party p = party("wuye");
        assertThat(p.done()).isFalse();
        assertThat(p.endedAt()).isEqualTo(DUE.minusSeconds(60));
    }
}

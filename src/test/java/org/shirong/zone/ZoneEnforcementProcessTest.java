package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.shirong.zone.ZoneEnforcementProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.SharesJvm;

/**
 * Every path of the 门责 ladder with the real zone services, 九亭镇's zones.yaml and the bundled working calendar: a breach
 * found the day before 劳动节 gets its 2 工作日 deadline after the holiday; the holder complies, or is taken through 黄牌
 * and 红牌 to the hand-over (mocked here, see {@code ZoneHandOverTest}); a holder that complies after 黄牌 leaves the
 * ladder; repeat breaches within the window start at 黄牌 or 红牌, and one outside it at 告知劝导 again. Each step is in
 * the zone's file.
 */
@Deployment(resources = {"processes/ZoneEnforcementProcess.bpmn", "forms/ZoneNotifyHolder.form"})
@SharesJvm
class ZoneEnforcementProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final byte[] PNG = org.shirong.rectification.TestPhotos.PNG;

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    ZoneFixture fixture;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new ZoneFixture(processEngine);
    }

    @AfterEach
    void tearDown() {
        processEngine.getIdentityService().clearAuthentication();
        fixture.clear();
        ClockUtil.reset();
    }

    private static ZonePhoto photo(String name) {
        return new ZonePhoto(name, PNG, null, null, null);
    }

    private ZoneInspections.Recorded breach(long zoneId, String at) {
        clockAt(at(at));
        return fixture.inspections.record(zoneId, new ZoneInspections.NewInspection("BREACH", List.of("PILING", "乱张贴"),
                "门前堆放纸箱"), photo("found.png"), "ducha1");
    }

    private ProcessInstance instance(ZoneInspections.Recorded recorded) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(recorded.processInstanceId())
                .singleResult();
    }

    /** Runs 确定处置起点 or 记录处置步骤, whichever job waits. */
    private void runStep(ProcessInstance pi, String activity) {
        execute(job(activity, pi));
    }

    private void notifyHolder(ProcessInstance pi) {
        as("juwei01a");
        complete(task(TASK_NOTIFY_HOLDER, pi), withVariables(VAR_ADVISED_PERSON, "张老板", VAR_ADVICE_NOTE, "当面告知"));
    }

    /** Moves the clock to the step's deadline and fires its timer. */
    private void deadline(ProcessInstance pi) {
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        clockAt(timer.getDuedate().toInstant());
        execute(timer);
    }

    private void recheck(ProcessInstance pi, boolean complied) {
        as("ducha2");
        Map<String, Object> answer = complied ? withVariables(VAR_COMPLIED, YES, VAR_RECHECK_NOTE, "门前已清理")
                : withVariables(VAR_COMPLIED, NO, VAR_RECHECK_NOTE, "仍堆放纸箱",
                        VAR_RECHECK_PHOTO, Variables.fileValue("recheck.png").file(PNG).mimeType("image/png").create());
        complete(task(TASK_RECHECK, pi), answer);
    }

    private void as(String user) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
    }

    private List<ZoneEventKind> events(long zoneId) {
        return fixture.files.file(zoneId).events().stream().map(ZoneFile.Entry::kind).toList();
    }

    @Test
    void breachBeforeLabourDayIsDueAfterTheHolidayRecheckedByTheInspectorsAndClosedWhenComplied() {
        long zoneId = fixture.shop("JT-Z-0001", "张记面馆");
        ZoneInspections.Recorded recorded = breach(zoneId, "2026-04-30T10:00");
        ProcessInstance pi = instance(recorded);

        assertThat(recorded.breachId()).isNotNull();
        assertThat(recorded.ladderLevel()).isEqualTo(1);
        assertThat(recorded.joined()).isFalse();
        assertThat(pi.getBusinessKey()).isEqualTo("breach-" + recorded.breachId());
        assertThat(pi).isWaitingAt(TASK_DETERMINE_START);
        runStep(pi, TASK_DETERMINE_START);
        runStep(pi, TASK_RECORD_STEP);

        // 2 工作日 from Thursday 10:00: 5.5 office hours on 04-30, May 1–5 off (劳动节), 7 on Wednesday 05-06, 1.5 on 05-07.
        TimeLimit limit = fixture.settings.of("jiuting").ladder().adviceLimit();
        assertThat(limit).isEqualTo(TimeLimit.parse("2 工作日"));
        Instant due = WorkingCalendar.bundled().due(at("2026-04-30T10:00"), limit);
        assertThat(due).isEqualTo(at("2026-05-07T10:00"));
        assertThat(fixture.ladder.breach(recorded.breachId()).rectifyDueAt()).isEqualTo(due);
        assertThat(task(TASK_NOTIFY_HOLDER, pi)).hasCandidateGroup("juwei01")
                .hasName("告知责任人限期整改 · 告知劝导 · JT-Z-0001 张记面馆");
        assertThat(task(TASK_NOTIFY_HOLDER, pi).getDescription()).contains("乱堆物、乱张贴", "2026年5月7日 10:00");
        assertThat(fixture.zones.find(zoneId).orElseThrow().ladderLevel()).isEqualTo(1);

        as("juwei01a");
        assertThatThrownBy(() -> complete(task(TASK_NOTIFY_HOLDER, pi), withVariables(VAR_ADVISED_PERSON, " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写被告知人");
        notifyHolder(pi);
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
        clockAt(at("2026-05-05T17:00"));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        clockAt(due);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isOne();
        execute(timer);

        assertThat(task(TASK_RECHECK, pi)).hasCandidateGroup("ducha");
        recheck(pi, true);
        runStep(pi, TASK_CLOSE);

        assertThat(pi).hasPassed(END_COMPLIED).isEnded();
        ZoneLadder.Breach breach = fixture.ladder.breach(recorded.breachId());
        assertThat(breach.status()).isEqualTo(ZoneLadder.Status.COMPLIED);
        assertThat(breach.startLevel()).isEqualTo(1);
        assertThat(fixture.zones.find(zoneId).orElseThrow().ladderLevel()).isZero();
        assertThat(fixture.ladder.steps(recorded.breachId())).singleElement().satisfies(step -> {
            assertThat(step.advisedPerson()).isEqualTo("张老板");
            assertThat(step.notifiedBy()).isEqualTo("juwei01a");
            assertThat(step.recheckedBy()).isEqualTo("ducha2");
            assertThat(step.complied()).isTrue();
        });
        assertThat(events(zoneId)).containsExactly(ZoneEventKind.BREACH_FOUND, ZoneEventKind.ADVISED,
                ZoneEventKind.RECHECK_PASSED, ZoneEventKind.COMPLIED);
        assertThat(fixture.files.file(zoneId).events().get(1).detail()).isEqualTo("告知劝导：限 2026年5月7日 10:00 前整改（2 工作日）");
        assertThat(fixture.jdbc.queryForList("select kind || ':' || result from zone_inspection where zone_id = ? order by id",
                String.class, zoneId)).containsExactly("ROUTINE:BREACH", "RECHECK:OK");
        verifyNoInteractions(fixture.handOvers);
    }

    @Test
    void holderThatDoesNotComplyGetsYellowThenRedCardAndIsHandedOverOnce() {
        long zoneId = fixture.shop("JT-Z-0002", "李记水果");
        ZoneInspections.Recorded recorded = breach(zoneId, "2026-06-01T09:00");
        ProcessInstance pi = instance(recorded);
        runStep(pi, TASK_DETERMINE_START);
        for (String expected : new String[] {"告知劝导", "黄牌", "红牌"}) {
            runStep(pi, TASK_RECORD_STEP);
            assertThat(task(TASK_NOTIFY_HOLDER, pi).getName()).contains(expected);
            notifyHolder(pi);
            deadline(pi);
            as("ducha2");
            assertThatThrownBy(() -> complete(task(TASK_RECHECK, pi), withVariables(VAR_COMPLIED, NO)))
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("未整改时须拍摄复查现场照片");
            recheck(pi, false);
        }
        assertThat(fixture.zones.find(zoneId).orElseThrow().ladderLevel()).isEqualTo(3);
        runStep(pi, TASK_HAND_OVER);

        assertThat(pi).hasPassed(END_HANDED_OVER).isEnded();
        verify(fixture.handOvers, times(1)).handOver(recorded.breachId());
        assertThat(fixture.ladder.steps(recorded.breachId())).extracting(ZoneLadder.Step::level, ZoneLadder.Step::complied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(3, false));
        // 黄牌 and 红牌 each run 1 工作日 from the instant the step was issued.
        ZoneLadder.Step yellow = fixture.ladder.steps(recorded.breachId()).get(1);
        assertThat(yellow.dueAt()).isEqualTo(fixture.calendars.of("jiuting").due(yellow.issuedAt(), TimeLimit.parse("1 工作日")));
        assertThat(events(zoneId)).containsExactly(ZoneEventKind.BREACH_FOUND, ZoneEventKind.ADVISED,
                ZoneEventKind.RECHECK_FAILED, ZoneEventKind.YELLOW_CARD, ZoneEventKind.RECHECK_FAILED, ZoneEventKind.RED_CARD,
                ZoneEventKind.RECHECK_FAILED);
        assertThat(fixture.files.file(zoneId).photos()).extracting(ZoneFile.Photo::kind).containsExactly(ZonePhotoKind.INSPECTION,
                ZonePhotoKind.RECHECK, ZonePhotoKind.RECHECK, ZonePhotoKind.RECHECK);
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(VAR_RECHECK_PHOTO).list()).allSatisfy(v -> assertThat(v.getState()).isEqualTo("DELETED"));
    }

    @Test
    void holderThatCompliesAfterTheYellowCardLeavesTheLadder() {
        long zoneId = fixture.shop("JT-Z-0003", "王记五金");
        ZoneInspections.Recorded recorded = breach(zoneId, "2026-06-01T09:00");
        ProcessInstance pi = instance(recorded);
        runStep(pi, TASK_DETERMINE_START);
        runStep(pi, TASK_RECORD_STEP);
        notifyHolder(pi);
        deadline(pi);
        recheck(pi, false);
        runStep(pi, TASK_RECORD_STEP);
        assertThat(fixture.zones.find(zoneId).orElseThrow().ladderLevel()).isEqualTo(2);
        // The yellow card's forms start empty: last round's answer does not carry over.
        assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), VAR_COMPLIED)).isNull();
        notifyHolder(pi);
        deadline(pi);
        recheck(pi, true);
        runStep(pi, TASK_CLOSE);

        assertThat(pi).hasPassed(END_COMPLIED).hasNotPassed(TASK_HAND_OVER).isEnded();
        assertThat(fixture.ladder.breach(recorded.breachId()).status()).isEqualTo(ZoneLadder.Status.COMPLIED);
        assertThat(fixture.zones.find(zoneId).orElseThrow().ladderLevel()).isZero();
        assertThat(events(zoneId)).endsWith(ZoneEventKind.YELLOW_CARD, ZoneEventKind.RECHECK_PASSED, ZoneEventKind.COMPLIED);
        verifyNoInteractions(fixture.handOvers);
    }

    /** A breach that ended (complied) at the given time. */
    private void pastBreach(long zoneId, Instant at) {
        clockAt(at);
        long id = fixture.ladder.open("jiuting", zoneId, at);
        fixture.ladder.complied(id);
    }

    private int startLevelAfter(long zoneId, Duration... earlier) {
        Instant now = at("2026-09-01T09:00");
        for (Duration d : earlier) {
            pastBreach(zoneId, now.minus(d));
        }
        ZoneInspections.Recorded recorded = breach(zoneId, "2026-09-01T09:00");
        ProcessInstance pi = instance(recorded);
        runStep(pi, TASK_DETERMINE_START);
        runStep(pi, TASK_RECORD_STEP);
        int level = (Integer) processEngine.getRuntimeService().getVariable(pi.getId(), VAR_LADDER_LEVEL);
        assertThat(recorded.ladderLevel()).isEqualTo(level);
        assertThat(fixture.ladder.breach(recorded.breachId()).startLevel()).isEqualTo(level);
        return level;
    }

    @Test
    void repeatBreachesWithinTheWindowStartHigherAndOneOutsideItStartsAtAdviceAgain() {
        assertThat(startLevelAfter(fixture.shop("JT-Z-0011", "一次前科"), Duration.ofDays(30))).isEqualTo(2);
        assertThat(startLevelAfter(fixture.shop("JT-Z-0012", "两次前科"), Duration.ofDays(30), Duration.ofDays(60))).isEqualTo(3);
        assertThat(startLevelAfter(fixture.shop("JT-Z-0013", "早已整改"), Duration.ofDays(91))).isEqualTo(1);
        assertThat(startLevelAfter(fixture.shop("JT-Z-0014", "初犯"))).isEqualTo(1);
    }

    @Test
    void breachDuringAnOpenBreachJoinsItAndAnOkInspectionOnlyGoesIntoTheFile() {
        long zoneId = fixture.shop("JT-Z-0021", "赵记早点");
        ZoneInspections.Recorded first = breach(zoneId, "2026-06-01T09:00");
        ProcessInstance pi = instance(first);
        runStep(pi, TASK_DETERMINE_START);
        runStep(pi, TASK_RECORD_STEP);

        ZoneInspections.Recorded second = breach(zoneId, "2026-06-01T15:00");
        assertThat(second.joined()).isTrue();
        assertThat(second.breachId()).isEqualTo(first.breachId());
        assertThat(second.processInstanceId()).isEqualTo(first.processInstanceId());
        assertThat(second.message()).isEqualTo("该责任区正在处置中（告知劝导），本次检查已记入档案");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(KEY).count()).isOne();

        long other = fixture.shop("JT-Z-0022", "钱记烟杂");
        ZoneInspections.Recorded ok = fixture.inspections.record(other, new ZoneInspections.NewInspection("OK", null, null),
                null, "ducha1");
        assertThat(ok.breachId()).isNull();
        assertThat(ok.ladderLevel()).isZero();
        assertThat(events(other)).containsExactly(ZoneEventKind.INSPECTED_OK);

        assertThatThrownBy(() -> fixture.inspections.record(other, new ZoneInspections.NewInspection("BREACH", List.of("乱堆物"),
                null), null, "ducha1")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("发现问题须附现场照片");
        assertThatThrownBy(() -> fixture.inspections.record(other, new ZoneInspections.NewInspection("BREACH", List.of("乱停车"),
                null), photo("x.png"), "ducha1")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("没有问题类型“乱停车”");
        assertThat(events(other)).containsExactly(ZoneEventKind.INSPECTED_OK);
        assertThat(fixture.ladder.openBreach(other)).isEmpty();
    }
}

package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.calendar.TimeLimit;
import org.shirong.rectification.CaseSource;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;

/** A mistake in a campaign template refuses start-up with a message naming the file and the field. */
@SharesJvm
class CampaignTemplateReaderTest {

    private static final String VALID = """
            id: demo
            name: 演示活动
            phases:
              - { id: first, name: 第一阶段, from: 2025-01-01, to: 2025-01-31, length: P1M }
              - { id: second, name: 第二阶段, from: 2025-02-01, to: 2025-03-31, length: P2M }
              - { id: third, name: 第三阶段, from: 2025-04-01, to: 2025-04-10, length: P10D }
            participants:
              - group: huanwei
              - { id: town2, group: juwei01, name: 新桥镇, stand-in: true }
            items:
              - { category: ILLEGAL_CONSTRUCTION, lead: chengjian, responsible: [wuye, huanwei], finish-by: second }
            tasks:
              - { id: selfInspection, name: 对照标准全面自查, phase: second, who: each-unit, due-before-phase-end: P1M, findings: SELF_INSPECTION }
              - { id: checkpoint, name: 核查整改落实情况, phase: second, who: chuangban, kind: CHECKPOINT }
            cycles:
              - { id: jointMeeting, name: 工作例会, kind: MEETING, cron: "0 0 9 5,20 * ?", who: chuangban, process: JointMeetingProcess }
            """;

    @TempDir
    Path folder;

    private CampaignTemplate read(String yaml) throws IOException {
        Path file = folder.resolve("demo.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return CampaignTemplateReader.read(file, TemplateFixture.references());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refusing(String yaml) {
        return assertThatThrownBy(() -> read(yaml)).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("活动模板文件 " + folder.resolve("demo.yaml") + " 有误");
    }

    @Test
    void aValidTemplateGetsItsDefaultsFromTheOrganisationAndTheCatalogue() throws IOException {
        CampaignTemplate t = read(VALID);

        assertThat(t.participants().get(0)).isEqualTo(new CampaignTemplate.Participant("huanwei", "huanwei", "环卫所",
                TemplateFixture.references().group("huanwei").orElseThrow().duties(), false, null));
        assertThat(t.participants().get(1)).extracting(CampaignTemplate.Participant::id, CampaignTemplate.Participant::name,
                CampaignTemplate.Participant::standIn).containsExactly("town2", "新桥镇", true);
        assertThat(t.items().get(0).name()).isEqualTo("违法搭建");
        assertThat(t.cycles()).hasSize(1);
        assertThat(t.cycles().get(0).workingDaysOnly()).as("runs land on working days unless the template says not").isTrue();
        assertThat(t.cycles().get(0).noticeLead()).isEqualTo(TimeLimit.parse("1 工作日"));
        assertThat(t.cycles().get(0).place()).isNull();
        assertThat(t.rules().verifyCitizenCasesOnSite()).isFalse();
    }

    @Test
    void aMeetingMayGiveItsPlaceAndNoticeLeadAndACycleMayKeepItsCronDays() throws IOException {
        CampaignTemplate.Cycle meeting = read(VALID.replace(", process: JointMeetingProcess",
                ", process: JointMeetingProcess, place: 镇政府三楼会议室, notice-ahead: 2 自然日, working-days-only: false")).cycles().get(0);
        assertThat(meeting.place()).isEqualTo("镇政府三楼会议室");
        assertThat(meeting.noticeLead()).isEqualTo(TimeLimit.parse("2 自然日"));
        assertThat(meeting.workingDaysOnly()).isFalse();
        refusing(VALID.replace(", process: JointMeetingProcess", ", process: JointMeetingProcess, notice-ahead: 4 工作时"))
                .hasMessageContaining("cycles[0].notice-ahead: 请用工作日或自然日");
        refusing(VALID.replace(", process: JointMeetingProcess", ", process: JointMeetingProcess, notice-ahead: 明天"))
                .hasMessageContaining("cycles[0].notice-ahead: 无法识别的时限 \"明天\"");
        refusing(VALID.replace("kind: MEETING, cron: \"0 0 9 5,20 * ?\", who: chuangban, process: JointMeetingProcess",
                "kind: REPORT, cron: \"0 0 9 1 * ?\", who: chuangban, place: 会议室"))
                .hasMessageContaining("cycles[0]: 只有会议（MEETING）填写 notice-ahead 和 place，REPORT 不用填写");
    }

    @Test
    void anUnknownUnitIsNamedWithItsField() {
        refusing(VALID.replace("group: huanwei", "group: huanweisuo").replace("lead: chengjian", "lead: jianguansuo"))
                .hasMessageContaining("participants[0].group: 组 \"huanweisuo\" 未在 config/organizations/jiuting/organization.yaml 中定义")
                .hasMessageContaining("items[0].lead: 组 \"jianguansuo\" 未在 config/organizations/jiuting/organization.yaml 中定义");
        refusing(VALID.replace("who: chuangban, kind", "who: office, kind"))
                .hasMessageContaining("tasks[1].who: 组 \"office\" 未在 config/organizations/jiuting/organization.yaml 中定义");
    }

    /**
     * jtreview T1: 各居委会 takes part as each of its committees (a task's units naming it name them all); it does no task
     * as one, and a committee listed beside it would take part twice.
     */
    @Test
    void aCollectiveTakesPartAsEachOfItsMemberUnitsAndDoesNoTaskAsOne() throws IOException {
        CampaignTemplate t = read(VALID.replace("  - { id: town2, group: juwei01, name: 新桥镇, stand-in: true }", "  - group: juweihui")
                .replace("who: each-unit, due-before-phase-end", "who: each-unit, units: [juweihui], due-before-phase-end"));
        assertThat(t.participants()).extracting(CampaignTemplate.Participant::id, CampaignTemplate.Participant::name)
                .containsExactly(tuple("huanwei", "环卫所"), tuple("juwei01", "第一居委会"), tuple("juwei02", "第二居委会"));
        assertThat(t.tasks().get(0).units()).containsExactly("juwei01", "juwei02");

        refusing(VALID.replace("who: chuangban, kind: CHECKPOINT", "who: juweihui, kind: CHECKPOINT"))
                .hasMessageContaining("tasks[1].who: \"juweihui\"（各居委会）是若干单位的统称，不能作为一个单位办理");
        refusing(VALID.replace("  - group: huanwei\n", "  - group: huanwei\n  - group: juweihui\n"))
                .hasMessageContaining("participants[2].group: \"juwei01\" 属于 \"juweihui\"");
    }

    @Test
    void overlappingPhasesAreRefused() {
        refusing(VALID.replace("from: 2025-02-01, to: 2025-03-31, length: P2M", "from: 2025-01-20, to: 2025-03-19, length: P2M"))
                .hasMessageContaining("phases[1].from: 与 phases[0] 重叠");
    }

    @Test
    void phasesOutOfOrderAreRefused() {
        refusing(VALID.replace("from: 2025-04-01, to: 2025-04-10", "from: 2024-12-01, to: 2024-12-10"))
                .hasMessageContaining("phases[2].from: 2024-12-01 早于 phases[1] 的开始日期 2025-02-01");
    }

    @Test
    void aPlanDayOfTheYearMustBeOneEveryYearHasAndThePhasesLastDay() throws IOException {
        refusing(VALID.replace("length: P2M }", "length: P2M, ends: 3月30日 }"))
                .hasMessageContaining("phases[1].ends: 3月30日 与 to 不一致：方案原定本阶段到 2025-03-31 结束");
        refusing(VALID.replace("length: P1M }", "length: P1M, ends: 2月29日 }"))
                .hasMessageContaining("phases[0].ends: \"2月29日\" 不是每年都有的日子");
        refusing(VALID.replace("length: P1M }", "length: P1M, ends: 月底 }")).hasMessageContaining("phases[0].ends");
        CampaignTemplate read = read(VALID.replace("length: P1M }", "length: P1M, ends: 1月底 }")
                .replace("length: P2M }", "length: P2M, ends: 3月31日 }"));
        assertThat(read.phases()).extracting(CampaignTemplate.Phase::ends).containsExactly("1月底", "3月31日", null);
    }

    @Test
    void aLengthThatIsNotAPositivePeriodOrDisagreesWithTheDatesIsRefused() {
        refusing(VALID.replace("length: P10D", "length: P0D")).hasMessageContaining("phases[2].length: P0D 不是正的期间");
        refusing(VALID.replace("length: P10D", "length: ten-days"))
                .hasMessageContaining("phases[2].length（第 6 行）: \"ten-days\" 不是有效的 ISO 8601 期间");
        refusing(VALID.replace("length: P2M", "length: P3M"))
                .hasMessageContaining("phases[1].length: P3M 与 from、to 不一致").hasMessageContaining("应为 P2M");
        refusing(VALID.replace("to: 2025-01-31", "to: 2025-31-01")).hasMessageContaining("phases[0].to（第 4 行）: \"2025-31-01\" 不是有效的日期");
    }

    @Test
    void anInvalidCronIsRefusedByCamundasOwnParser() {
        refusing(VALID.replace("\"0 0 9 5,20 * ?\"", "\"0 0 25 5,20 * ?\""))
                .hasMessageContaining("cycles[0].cron: \"0 0 25 5,20 * ?\" 不是 Camunda 可用的 cron 表达式");
        refusing(VALID.replace("\"0 0 9 5,20 * ?\"", "\"0 9 5,20 * *\"")).hasMessageContaining("cycles[0].cron");
        // Camunda 7.24 parses cron with cron-utils' Spring format: six fields, no year.
        refusing(VALID.replace("\"0 0 9 5,20 * ?\"", "\"0 0 9 5,20 * ? 2025\"")).hasMessageContaining("cycles[0].cron");
    }

    @Test
    void anUnknownFieldIsNamedWithItsPathAndLine() {
        refusing(VALID.replace("{ id: second, name: 第二阶段, from: 2025-02-01, to: 2025-03-31, length: P2M }",
                "{ id: second, name: 第二阶段, from: 2025-02-01, to: 2025-03-31, lenght: P2M }"))
                .hasMessageContaining("phases[1].lenght（第 5 行）: 未知字段").hasMessageContaining("length");
        refusing(VALID.replace("name: 演示活动\n", "name: 演示活动\nowner: chuangban\n")).hasMessageContaining("owner（第 3 行）: 未知字段");
    }

    @Test
    void aYamlAliasIsRefusedBecauseJacksonWouldReadItsAnchorsNameInstead() {
        refusing(VALID.replace("- group: huanwei", "- { group: huanwei, duties: &d 清扫保洁 }")
                .replace("stand-in: true }", "stand-in: true, duties: *d }"))
                .hasMessageContaining("participants[1].duties（第 9 行）: 不支持 YAML 别名");
    }

    @Test
    void duplicateIdsAreRefused() {
        refusing(VALID.replace("id: checkpoint", "id: selfInspection"))
                .hasMessageContaining("tasks[1].id: \"selfInspection\" 与 tasks[0] 重复");
        refusing(VALID.replace("id: second", "id: first")).hasMessageContaining("phases[1].id: \"first\" 与 phases[0] 重复");
        refusing(VALID.replace("id: town2, group: juwei01", "id: huanwei, group: juwei01"))
                .hasMessageContaining("participants[1].id: \"huanwei\" 与 participants[0] 重复");
    }

    @Test
    void unknownAndNotApplicableCategoriesAreRefused() {
        refusing(VALID.replace("category: ILLEGAL_CONSTRUCTION", "category: RECTIFY_OLD_TOWN"))
                .hasMessageContaining("items[0].category: 类别 \"RECTIFY_OLD_TOWN\" 未在 config/organizations/jiuting/categories.yaml 中定义");
        refusing(VALID.replace("category: ILLEGAL_CONSTRUCTION", "category: RECTIFY_SHANTY_TOWNS"))
                .hasMessageContaining("items[0].category: 类别 \"RECTIFY_SHANTY_TOWNS\"（整治棚户区）在 config/organizations/jiuting/categories.yaml 中标为不适用");
    }

    /** sjreview F16: an item's finish-by may bind some sources only (松江区: the survey report's point problems). */
    @Test
    void anItemsSourcesNarrowItsFinishByAndAreChecked() throws IOException {
        assertThat(read(VALID).items().get(0).sources()).as("none written: every source").isEmpty();
        assertThat(read(VALID.replace("finish-by: second }", "finish-by: second, sources: [SURVEY, CITIZEN] }")).items().get(0)
                .sources()).containsExactly(CaseSource.SURVEY, CaseSource.CITIZEN);

        refusing(VALID.replace("finish-by: second }", "sources: [SURVEY] }"))
                .hasMessageContaining("items[0].sources: 只限定 finish-by 约束哪些来源的案件，请同时写 finish-by，或删去 sources");
        refusing(VALID.replace("finish-by: second }", "finish-by: second, sources: [SURVEY, SURVEY] }"))
                .hasMessageContaining("items[0].sources[1]: \"SURVEY\" 重复");
        refusing(VALID.replace("finish-by: second }", "finish-by: second, sources: [REPORT] }"))
                .hasMessageContaining("items[0].sources[0]（第 ").hasMessageContaining("\"REPORT\" 不是可选的值（PATROL、");
    }

    @Test
    void referencesToPhasesKindsAndProcessesAreChecked() {
        refusing(VALID.replace("phase: second, who: chuangban", "phase: fourth, who: chuangban"))
                .hasMessageContaining("tasks[1].phase: 阶段 \"fourth\" 未在 phases 中定义");
        refusing(VALID.replace("kind: CHECKPOINT", "kind: CHECK"))
                .hasMessageContaining("tasks[1].kind（第 14 行）: \"CHECK\" 不是可选的值（TASK、CHECKPOINT）");
        refusing(VALID.replace(", process: JointMeetingProcess", ""))
                .hasMessageContaining("cycles[0].process: 会议（MEETING）必须指明召开会议的流程");
        refusing(VALID.replace("due-before-phase-end: P1M", "due-before-phase-end: P3M"))
                .hasMessageContaining("tasks[0].due-before-phase-end: P3M 超出了阶段“第二阶段”的时长");
        refusing(VALID.replace("to: 2025-03-31, length: P2M", "to: 2025-03-31, length: P20D"))
                .as("a later campaign keeps the length, not the plan's dates: its tasks would fall due before they are handed out")
                .hasMessageContaining("tasks[0].due-before-phase-end: P1M 超出了阶段“第二阶段”的长度 P20D（按此长度从 2025-02-01 开始，期限将是 2025-01-20");
    }

    /**
     * A deadline counted from the phase's start stays inside the phase; given with one counted from its end it is a limit,
     * and the earlier of the two applies (jtreview-s56 T6: 九亭's 目标责任书 a month after 前期准备 begins, however long it runs).
     */
    @Test
    void aDeadlineCountedFromThePhasesStartStaysInsideThePhaseOrLimitsOneCountedFromItsEnd() throws IOException {
        String fromStart = VALID.replace("due-before-phase-end: P1M", "due-after-phase-start: P30D");
        assertThat(read(fromStart).tasks().get(0).dueDay(java.time.LocalDate.parse("2025-02-01"), java.time.LocalDate.parse("2025-03-31")))
                .isEqualTo("2025-03-03");
        String both = VALID.replace("due-before-phase-end: P1M", "due-before-phase-end: P0D, due-after-phase-start: P1M");
        var task = read(both).tasks().get(0);
        assertThat(task.dueDay(java.time.LocalDate.parse("2026-10-26"), java.time.LocalDate.parse("2027-05-31")))
                .as("a long phase: a month after it begins").isEqualTo("2026-11-26");
        assertThat(task.dueDay(java.time.LocalDate.parse("2026-10-26"), java.time.LocalDate.parse("2026-11-10")))
                .as("a short one: its last day").isEqualTo("2026-11-10");
        assertThat(task.dueRule()).isEqualTo("阶段开始后 P1M（不晚于阶段结束前 P0D）");
        refusing(VALID.replace("due-before-phase-end: P1M", "due-before-phase-end: P0D, due-after-phase-start: -P1D"))
                .hasMessageContaining("tasks[0].due-after-phase-start: P-1D 不能为负");
        refusing(VALID.replace("due-before-phase-end: P1M", "due-after-phase-start: P3M"))
                .hasMessageContaining("tasks[0].due-after-phase-start: P3M 超出了阶段“第二阶段”的时长（按方案日期期限将是 2025-05-01，晚于阶段结束 2025-03-31）");
        refusing(fromStart.replace("to: 2025-03-31, length: P2M", "to: 2025-03-31, length: P20D"))
                .hasMessageContaining("tasks[0].due-after-phase-start: P30D 超出了阶段“第二阶段”的长度 P20D");
        refusing(VALID.replace("due-before-phase-end: P1M", "due-after-phase-start: -P1D"))
                .hasMessageContaining("tasks[0].due-after-phase-start: P-1D 不能为负");
    }

    @Test
    void aGroupsTaskMayNameTheGroupsThatDoItWithItAndOnlyKnownOnesOnce() throws IOException {
        assertThat(read(VALID.replace("who: chuangban, kind", "who: chuangban, with: [ducha], kind")).tasks().get(1).with())
                .containsExactly("ducha");
        refusing(VALID.replace("who: chuangban, kind", "who: chuangban, with: [jiwei], kind"))
                .hasMessageContaining("tasks[1].with[0]: 组 \"jiwei\" 未在 config/organizations/jiuting/organization.yaml 中定义");
        refusing(VALID.replace("who: chuangban, kind", "who: chuangban, with: [chuangban], kind"))
                .hasMessageContaining("tasks[1].with[0]: \"chuangban\" 重复");
        refusing(VALID.replace("who: each-unit,", "who: each-unit, with: [ducha],"))
                .hasMessageContaining("tasks[0].with: 只能与 who 为组 id 的任务一起使用");
    }

    @Test
    void aTaskForSomeOfTheUnitsNamesParticipantsAndOnlyWithEachUnit() throws IOException {
        assertThat(read(VALID.replace("who: each-unit,", "who: each-unit, units: [town2],")).tasks().get(0).units())
                .containsExactly("town2");
        refusing(VALID.replace("who: each-unit,", "who: each-unit, units: [town2, lvrong],"))
                .hasMessageContaining("tasks[0].units[1]: \"lvrong\" 不是参加单位");
        refusing(VALID.replace("who: chuangban, kind", "who: chuangban, units: [huanwei], kind"))
                .hasMessageContaining("tasks[1].units: 只能与 who: each-unit 一起使用");
    }

    @Test
    void theIdMustBeTheFileNameAndThePhasesMustBeThree() {
        refusing(VALID.replace("id: demo", "id: other-demo")).hasMessageContaining("id: \"other-demo\" 必须与文件名 demo.yaml 一致");
        refusing(VALID.replace("  - { id: third, name: 第三阶段, from: 2025-04-01, to: 2025-04-10, length: P10D }\n", ""))
                .hasMessageContaining("phases: 必须正好有 3 个阶段");
        refusing("").hasMessageContaining("文件为空");
    }

    @Test
    void evidenceRequirementsAreReadAndBadValuesAreNamed() throws IOException {
        CampaignTemplate t = read(VALID.replace("cycles:\n", "evidence: { before-photo: required }\ncycles:\n").replace(
                "kind: CHECKPOINT }", "kind: CHECKPOINT }\n  - { id: ledger, name: 建立台帐, phase: second, who: chuangban,"
                        + " evidence: { attachments: required, kinds: [pdf, excel] } }"));
        assertThat(t.beforePhotoRequired()).isTrue();
        assertThat(t.task("ledger").orElseThrow().attachmentsRequired()).isTrue();
        assertThat(t.task("ledger").orElseThrow().attachmentKinds()).containsExactly(AttachmentKind.PDF, AttachmentKind.EXCEL);
        assertThat(t.task("checkpoint").orElseThrow().attachmentsRequired()).isFalse();
        assertThat(read(VALID).beforePhotoRequired()).as("optional unless the template says so").isFalse();

        refusing(VALID.replace("cycles:\n", "evidence: { before-photo: yes-please }\ncycles:\n"))
                .hasMessageContaining("evidence.before-photo: \"yes-please\" 不是可选的值（required 必须提供、optional 可选）");
        refusing(VALID.replace("kind: CHECKPOINT }", "kind: CHECKPOINT }\n  - { id: ledger, name: 建立台帐, phase: second,"
                + " who: chuangban, evidence: { attachments: always, kinds: [pdf, zip] } }"))
                .hasMessageContaining("tasks[2].evidence.attachments: \"always\" 不是可选的值")
                .hasMessageContaining("tasks[2].evidence.kinds[1]: \"zip\" 不是可选的附件类型（photo、pdf、word、excel）");
        refusing(VALID.replace("findings: SELF_INSPECTION }", "findings: SELF_INSPECTION, evidence: { attachments: required } }"))
                .hasMessageContaining("tasks[0].evidence: 只有一般任务");
        refusing(VALID.replace("cycles:\n", "evidence: { attachments: required }\ncycles:\n"))
                .hasMessageContaining("evidence.attachments（第 ").hasMessageContaining("未知字段（可用字段: before-photo）");
    }

    @Test
    void jinxisPlanAsksForBeforePhotosAndForItsLedgersAsFiles() {
        CampaignTemplate jinxi = CampaignTemplateReader.read(Path.of("config/organizations/jinxi/campaigns/jinxi-2017-931.yaml"),
                TemplateFixture.references("jinxi"));
        assertThat(jinxi.beforePhotoRequired()).isTrue();
        assertThat(jinxi.tasks()).filteredOn(CampaignTemplate.TaskDefinition::attachmentsRequired)
                .extracting(CampaignTemplate.TaskDefinition::name).containsExactly("编写整治案件和台帐");
    }
}

package org.shirong.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.meeting.JointMeetingProcess.KIND_ASSIGNMENT;
import static org.shirong.meeting.JointMeetingProcess.KIND_CASE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shirong.meeting.MeetingPapers.Option;

/**
 * The 决定事项 lines of the record form: separators, names and ids, dates, blank and header lines, and
 * the Chinese message for each bad line.
 */
class DecisionLinesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final List<Option> UNITS = List.of(new Option("城管中队", "chengguan"), new Option("环卫所", "huanwei"));
    private static final List<Option> CATEGORIES = List.of(new Option("暴露垃圾", "EXPOSED_GARBAGE"),
            new Option("果壳箱/废物箱（满溢、破损、缺失）", "LITTER_BIN"), new Option("垃圾分类", "WASTE_SORTING"));

    private final DecisionLines lines = new DecisionLines(UNITS, CATEGORIES, TODAY);

    private static final DecisionInput CASE = new DecisionInput(1, "清理九亭大街 88 号暴露垃圾", KIND_CASE, "huanwei", "2026-12-10",
            "EXPOSED_GARBAGE", "九亭大街 88 号");
    private static final DecisionInput TASK = new DecisionInput(2, "整治沿街商户门责", KIND_ASSIGNMENT, "chengguan", "2026-12-20", "", "");

    @Test
    void aTaskLineAndACaseLineSeparatedByBars() {
        var result = lines.lines("""
                环卫所 ｜ 清理九亭大街 88 号暴露垃圾 ｜ 2026-12-10 ｜ 暴露垃圾 ｜ 九亭大街 88 号
                城管中队 ｜ 整治沿街商户门责 ｜ 2026-12-20
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.decisions()).containsExactly(CASE, TASK);
    }

    @Test
    void tabsOfARowPastedFromExcelReadTheSameAsBars() {
        var result = lines.lines("环卫所\t清理九亭大街 88 号暴露垃圾\t2026-12-10\t暴露垃圾\t九亭大街 88 号\r\n"
                + "城管中队\t整治沿街商户门责\t2026-12-20\t\t\r\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.decisions()).containsExactly(CASE, TASK);
    }

    @Test
    void asciiBarsAndSemicolonsSeparateToo() {
        assertThat(lines.lines("环卫所|清理九亭大街 88 号暴露垃圾|2026-12-10|暴露垃圾|九亭大街 88 号\n城管中队；整治沿街商户门责；2026-12-20")
                .decisions()).containsExactly(CASE, TASK);
        assertThat(lines.lines("环卫所;清理九亭大街 88 号暴露垃圾;2026-12-10;暴露垃圾;九亭大街 88 号").decisions()).containsExactly(CASE);
    }

    @Test
    void aDecisionSeparatedByTabsOrBarsMayContainSemicolons() {
        assertThat(lines.lines("城管中队 ｜ 整治门责；清理乱堆物 ｜ 2026-12-20").decisions())
                .extracting(DecisionInput::content).containsExactly("整治门责；清理乱堆物");
        assertThat(lines.lines("城管中队\t整治门责｜清理乱堆物\t2026-12-20").decisions())
                .extracting(DecisionInput::content).containsExactly("整治门责｜清理乱堆物");
    }

    @Test
    void unitsByNameOrGroupIdAndCategoriesByNameShortNameOrCode() {
        var result = lines.lines("""
                chengguan ｜ 甲 ｜ 2026-12-10 ｜ exposed_garbage ｜ 一号
                HUANWEI ｜ 乙 ｜ 2026-12-10 ｜ 果壳箱/废物箱 ｜ 二号
                环卫所 ｜ 丙 ｜ 2026-12-10 ｜ 果壳箱/废物箱（满溢、破损、缺失） ｜ 三号
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.decisions()).extracting(DecisionInput::unit, DecisionInput::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("chengguan", "EXPOSED_GARBAGE"),
                org.assertj.core.groups.Tuple.tuple("huanwei", "LITTER_BIN"),
                org.assertj.core.groups.Tuple.tuple("huanwei", "LITTER_BIN"));
    }

    @Test
    void blankLinesAndAPastedHeaderAreSkippedAndDatesMayBeWrittenTheChineseOrExcelWay() {
        var result = lines.lines("""
                责任单位\t决定事项\t期限\t问题类别\t地点

                城管中队\t甲\t2026/12/5

                城管中队 ｜ 乙 ｜ 2026年12月6日
                城管中队 ｜ 丙 ｜ 2026.12.1
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.decisions()).extracting(DecisionInput::no, DecisionInput::due)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "2026-12-05"), org.assertj.core.groups.Tuple.tuple(2, "2026-12-06"),
                        org.assertj.core.groups.Tuple.tuple(3, "2026-12-01"));
        assertThat(lines.lines("").decisions()).isEmpty();
        assertThat(lines.lines(" \n\t\n").accepted()).isTrue();
    }

    @Test
    void everyBadLineIsNamedWithWhatToFixAndNothingIsAccepted() {
        Map<String, String> messages = Map.ofEntries(
                Map.entry("城管队 ｜ 清理 ｜ 2026-12-10", "第 1 行：没有单位“城管队”（可用：城管中队、环卫所）"),
                Map.entry(" ｜ 清理 ｜ 2026-12-10", "第 1 行：请填写责任单位（可用：城管中队、环卫所）"),
                Map.entry("城管中队 ｜  ｜ 2026-12-10", "第 1 行：请填写决定事项"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-11-30", "第 1 行：期限 2026-11-30 已过，不能早于今天（2026-12-01）"),
                Map.entry("城管中队 ｜ 清理 ｜ 下周五", "第 1 行：期限“下周五”不是日期，请写成 2026-12-08 这样的日期"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-02-30", "第 1 行：期限“2026-02-30”不是日期"),
                Map.entry("城管中队 ｜ 清理 ｜ ", "第 1 行：只有 2 栏，至少要写责任单位、决定事项和期限三栏"),
                Map.entry("城管中队 清理 2026-12-10", "第 1 行：只有 1 栏"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-12-10 ｜ 暴露垃圾 ｜ 九亭 ｜ 多余", "第 1 行：有 6 栏，最多五栏"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-12-10 ｜ 暴露垃圾", "第 1 行：立案须填写地点"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-12-10 ｜  ｜ 九亭大街", "第 1 行：填了地点“九亭大街”却没有问题类别"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-12-10 ｜ 垃圾 ｜ 九亭大街", "第 1 行：没有问题类别“垃圾”，是否指：暴露垃圾、垃圾分类？"),
                Map.entry("城管中队 ｜ 清理 ｜ 2026-12-10 ｜ 违章 ｜ 九亭大街", "第 1 行：没有问题类别“违章”（请按表单上列出的类别名称填写）"),
                Map.entry("城管中队 ｜ " + "字".repeat(2001) + " ｜ 2026-12-10", "第 1 行：决定事项不能超过 2000 个字"));
        messages.forEach((line, message) -> {
            var result = lines.lines(line);
            assertThat(result.decisions()).as(line).isEmpty();
            assertThat(result.problems()).as(line).singleElement().asString().startsWith(message);
        });
    }

    @Test
    void linesAreCountedAsTheOfficeSeesThemAndEachBadLineHasAllItsProblems() {
        var result = lines.lines("""
                城管中队 ｜ 甲 ｜ 2026-12-10

                城管队 ｜ 乙 ｜ 2026-12-10
                环卫所 ｜ 丙 ｜ 2026-11-30 ｜ 暴露垃圾
                """);

        assertThat(result.decisions()).isEmpty();
        assertThat(result.problems()).containsExactly("第 3 行：没有单位“城管队”（可用：城管中队、环卫所）",
                "第 4 行：期限 2026-11-30 已过，不能早于今天（2026-12-01）；立案须填写地点");
    }

    @Test
    void aStructuredListIsCheckedTheSameWayAndMayNameUnitsAndCategories() {
        var result = lines.list(List.of(new DecisionInput(1, "清理九亭大街 88 号暴露垃圾", KIND_CASE, "环卫所", "2026-12-10", "暴露垃圾",
                "九亭大街 88 号"), new DecisionInput(2, "整治沿街商户门责", KIND_ASSIGNMENT, "chengguan", "2026-12-20", "忽略", "忽略")));
        assertThat(result.decisions()).containsExactly(CASE, TASK);

        assertThat(lines.list(List.of(new DecisionInput(1, "清理", "OTHER", "环卫所", "2026-11-01", "", ""))).problems())
                .containsExactly("决定事项第 1 项：类型“OTHER”无效，应为 CASE（整改案件）或 ASSIGNMENT（交办任务）；期限 2026-11-01 已过，不能早于今天（2026-12-01）");
    }

    @Test
    void theRecordCheckTellsTextFromAStructuredList() {
        assertThat(DecisionInput.isList("城管中队 ｜ 甲 ｜ 2026-12-10")).isFalse();
        assertThat(DecisionInput.isList("[城管中队] ｜ 甲 ｜ 2026-12-10")).isFalse();
        assertThat(DecisionInput.isList("[{\"content\":\"甲\"}]")).isTrue();
        assertThat(DecisionInput.isList(List.of())).isTrue();
        assertThat(DecisionInput.isList(null)).isFalse();

        var checked = MeetingRecordCheck.check("纪要", "城管中队 ｜ 甲 ｜ 2026-12-10", UNITS, CATEGORIES, TODAY);
        assertThat(checked.problem()).isNull();
        assertThat(checked.decisions()).singleElement().extracting(DecisionInput::unit).isEqualTo("chengguan");
        assertThat(MeetingRecordCheck.check("纪要", "城管队 ｜ 甲 ｜ 2026-12-10", UNITS, CATEGORIES, TODAY).problem())
                .isEqualTo(new MeetingRecordCheck.Problem("decisions", "第 1 行：没有单位“城管队”（可用：城管中队、环卫所）"));
        assertThat(MeetingRecordCheck.check("纪要", null, UNITS, CATEGORIES, TODAY).decisions()).isEmpty();
    }
}

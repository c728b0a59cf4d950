package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.shirong.organization.GroupType;
import org.shirong.scoring.ScoringRubric.RuleType;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;

/** The shipped rubric is the 金华 sheet, and every mistake in scoring.yaml refuses start-up naming the file and field. */
@SharesJvm
class RubricLoaderTest {

    private static String shipped() throws java.io.IOException {
        return Files.readString(Path.of("config/scoring.yaml"));
    }

    private static ScoringRubric read(String yaml) {
        return RubricLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config/scoring.yaml");
    }

    private static String edited(String from, String to) throws java.io.IOException {
        String text = shipped();
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void theShippedRubricIsTheJinhuaSheetWithGradesAndElevenInspectionSheets() {
        ScoringRubric rubric = new RubricLoader(new ScoringProperties("scoring.yaml")).rubric();

        assertThat(rubric.rules()).extracting(ScoringRubric.Rule::id, r -> r.points().intValue(), ScoringRubric.Rule::type)
                .containsExactly(
                        tuple("ON_TIME_CLOSURE", 50, RuleType.RATE),
                        tuple("CLOSURE", 20, RuleType.RATE),
                        tuple("URGENT_CASES", 10, RuleType.RATE),
                        tuple("REWORK_AND_RETURNS", 5, RuleType.DEDUCTION),
                        tuple("PRIORITY_CASES", 5, RuleType.DEDUCTION));
        assertThat(rubric.grades()).extracting(ScoringRubric.GradeBand::grade).containsExactly("A", "B", "C", "D");
        assertThat(rubric.lowestGrade()).isEqualTo("E");
        assertThat(rubric.nonPerforming().belowScore()).isEqualByComparingTo("60");
        assertThat(rubric.nonPerforming().bottom()).isEqualTo(3);
        assertThat(rubric.excludeSuspended()).isTrue();
        assertThat(rubric.scoredUnitTypes()).containsExactly(GroupType.UNIT, GroupType.COMMITTEE, GroupType.COMMUNITY,
                GroupType.VILLAGE, GroupType.PROPERTY);
        assertThat(rubric.inspectionWeight()).isEqualByComparingTo("0");
        assertThat(rubric.sheets()).extracting(ScoringRubric.Sheet::name).containsExactly("道路", "绿化", "工地", "交通集散地",
                "环卫设施", "水域", "集市菜场", "居住区", "机动车清洗站", "沿街建筑物", "灯光广告");
        assertThat(rubric.sheets()).allSatisfy(s -> assertThat(s.maxPoints()).isEqualByComparingTo("10"));
    }

    @Test
    void badRulesAreAllNamed() throws Exception {
        assertThatThrownBy(() -> read(edited("""
                  - id: CLOSURE
                    name: 结案率
                    type: RATE
                    indicator: CLOSURE_RATE
                    points: 20
                """, """
                  - id: on-time
                    name: 结案率
                    type: RATE
                    points: 0
                    deductions: [{ count: RETURNED, per-case: 0.2 }]
                  - id: ON_TIME_CLOSURE
                    name: ""
                    type: DEDUCTION
                    points: 5
                    full-at: 70
                    deductions: [{ count: FAILED_CHECKS, per-case: 0 }, { count: OVERDUE, per-case: 1, min-failed-checks: 2 }]
                  - id: CLOSURE
                    name: 结案率
                    type: RATE
                    indicator: CLOSURE_RATE
                    points: 20
                """)))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("考核评分细则文件 config/scoring.yaml 有误")
                .hasMessageContaining("rules[1].id: \"on-time\" 只能使用大写英文字母、数字和下划线")
                .hasMessageContaining("rules[1].points: 必须填写大于 0 的数")
                .hasMessageContaining("rules[1].indicator: RATE 评分项必须填写比率")
                .hasMessageContaining("rules[1].full-at: 必须填写 0 到 100 之间的数")
                .hasMessageContaining("rules[1].deductions: 只有 DEDUCTION 评分项有扣分项")
                .hasMessageContaining("rules[2].id: \"ON_TIME_CLOSURE\" 重复")
                .hasMessageContaining("rules[2].name: 必须填写中文名称")
                .hasMessageContaining("rules[2]: DEDUCTION 评分项不使用 indicator、full-at")
                .hasMessageContaining("rules[2].deductions[0].per-case: 必须填写大于 0 的数")
                .hasMessageContaining("rules[2].deductions[0].min-failed-checks: FAILED_CHECKS 必须填写核查未通过的次数")
                .hasMessageContaining("rules[2].deductions[1].min-failed-checks: 只有 FAILED_CHECKS 使用该项");
    }

    @Test
    void unknownValuesAndFieldsAreNamedWithTheirLine() throws Exception {
        assertThatThrownBy(() -> read(edited("indicator: CLOSURE_RATE", "indicator: CLOSING_RATE")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("rules[1].indicator（第 ")
                .hasMessageContaining("\"CLOSING_RATE\" 不是可选的值（CLOSURE_RATE、ON_TIME_CLOSURE_RATE");
        assertThatThrownBy(() -> read(edited("sources: [MEETING, CITIZEN, SPOT_CHECK]", "sources: [MEETING, NEWSPAPER]")))
                .hasMessageContaining("rules[4].sources[1]").hasMessageContaining("\"NEWSPAPER\" 不是可选的值");
        assertThatThrownBy(() -> read(edited("scored-unit-types: [UNIT, COMMITTEE, COMMUNITY, VILLAGE, PROPERTY]", "scored-unit-types: [UNIT, SHOP]")))
                .hasMessageContaining("scored-unit-types[1]").hasMessageContaining("\"SHOP\" 不是可选的值");
        assertThatThrownBy(() -> read(edited("    full-at: 90", "    ful-at: 90")))
                .hasMessageContaining("rules[1].ful-at");
    }

    @Test
    void gradesMustDescendAndTheSettingsMustBeThere() throws Exception {
        assertThatThrownBy(() -> read(edited("  - { grade: C, min-score: 60 }", "  - { grade: C, min-score: 80 }\n  - { grade: B, min-score: 50 }")
                .replace("lowest-grade: E", "lowest-grade: D")
                .replace("exclude-suspended-from-denominator: true", "")
                .replace("  below-score: 60\n", "  below-score: 160\n")
                .replace("  bottom: 3", "  bottom: -1")))
                .hasMessageContaining("grades[2].min-score: 等级须按分数由高到低排列，80 不低于上一等级的 75")
                .hasMessageContaining("grades[3].grade: 必须填写且不能重复")
                .hasMessageContaining("lowest-grade: 必须填写最低等级")
                .hasMessageContaining("exclude-suspended-from-denominator: 必须填写 true 或 false")
                .hasMessageContaining("non-performing.below-score: 必须填写 0 到 100 之间的数")
                .hasMessageContaining("non-performing.bottom: 必须填写 0 或正整数");
    }

    @Test
    void inspectionSheetsAreChecked() throws Exception {
        assertThatThrownBy(() -> read(edited("  weight: 0\n", "  weight: 1.5\n")
                .replace("    - id: GREENERY\n      name: 绿化", "    - id: ROADS\n      name: \"\"")
                .replace("{ id: WATER_BANKS, name: 岸坡整洁无堆物, max-points: 5 }", "{ id: WATER_SURFACE, name: 岸坡, max-points: 0 }")))
                .hasMessageContaining("inspection.weight: 必须填写 0 到 1 之间的数")
                .hasMessageContaining("inspection.sheets[1].id: \"ROADS\" 重复")
                .hasMessageContaining("inspection.sheets[1].name: 必须填写中文名称")
                .hasMessageContaining("inspection.sheets[5].items[1].id: \"WATER_SURFACE\" 重复")
                .hasMessageContaining("inspection.sheets[5].items[1].max-points: 必须填写大于 0 的数");
    }

    @Test
    void anEmptyOrMissingFileIsRefused() {
        assertThatThrownBy(() -> read("")).isInstanceOf(StartupRefusedException.class).hasMessageContaining("文件为空");
        assertThatThrownBy(() -> read("rules: []\n")).hasMessageContaining("rules: 至少需要一个评分项")
                .hasMessageContaining("grades: 至少需要一个等级").hasMessageContaining("scored-unit-types: 必须列出");
        assertThatThrownBy(() -> RubricLoader.load("no-such-scoring.yaml"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("no-such-scoring.yaml")
                .hasMessageContaining("找不到考核评分细则文件");
    }

    /**
     * 锦溪镇's and 九亭镇's own scoring.yaml replace only the sections they write: neither names the last units (their plans
     * name 不履职 units, not the bottom N), both keep the shared rules; 九亭镇 keeps the shared zone items.
     */
    @Test
    void anOrganisationsOwnFileReplacesOnlyTheSectionsItWrites() {
        RubricLoader loader = new RubricLoader(new ScoringProperties("scoring.yaml"),
                org.shirong.organization.Organizations.read("jiuting", "jinxi"));

        ScoringRubric jinxi = loader.rubric("jinxi");
        ScoringRubric jiuting = loader.rubric("jiuting");
        assertThat(jinxi.nonPerforming().bottom()).isZero();
        assertThat(jiuting.nonPerforming().bottom()).as("九亭方案：通报不履职的单位，不按末位").isZero();
        assertThat(jiuting.nonPerforming().belowScore()).isEqualByComparingTo("60");
        assertThat(new RubricLoader(new ScoringProperties("scoring.yaml")).rubric(null).nonPerforming().bottom())
                .as("the shared rubric still names the bottom 3").isEqualTo(3);
        assertThat(jinxi.rules()).isEqualTo(jiuting.rules());
        assertThat(jinxi.sheets()).as("锦溪 scores its own 931 items").isNotEqualTo(jiuting.sheets()).hasSize(9);
        assertThat(jinxi.zoneRuleList()).as("no Shanghai 责任区 items").isEmpty();
        assertThat(jiuting.zoneRuleList()).hasSize(3);
        assertThat(jinxi.territoryRanking().bottom(org.shirong.organization.Organization.Level.TOWN)).isEqualTo(5);
    }

    @Test
    void aMistakeInAnOrganisationsOwnFileNamesThatFileAndField(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path own = dir.resolve("scoring.yaml");
        Files.writeString(own, "non-performing:\n  below-score: 160\n  bottom: 0\n");
        assertThatThrownBy(() -> RubricLoader.load("scoring.yaml", own.toString()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(own.toString()).hasMessageContaining("non-performing.below-score");
        Files.writeString(own, "territory-ranking:\n  name-bottom: { DISTRICT: 1 }\n");
        assertThatThrownBy(() -> RubricLoader.load("scoring.yaml", own.toString()))
                .isInstanceOf(StartupRefusedException.class).hasMessageContaining("territory-ranking.name-bottom.DISTRICT");
        Files.writeString(own, "rulez: []\n");
        assertThatThrownBy(() -> RubricLoader.load("scoring.yaml", own.toString()))
                .isInstanceOf(StartupRefusedException.class).hasMessageContaining(own.toString()).hasMessageContaining("rulez");
    }

    /**
     * poreview-s56 P2/P6: 锦溪's scoring.yaml with a line out of step, and one with a key written twice, are refused in
     * Chinese with file, line and column, not with SnakeYAML's "while parsing a block mapping … expected <block end>".
     */
    @Test
    void aMisIndentedOrDuplicatedLineIsNamedInChineseWithLineAndColumn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path own = dir.resolve("scoring.yaml");
        String jinxi = Files.readString(Path.of("config/organizations/jinxi/scoring.yaml"));
        assertThat(jinxi).contains("  below-score: 60\n  bottom: 0\n");
        Files.writeString(own, jinxi.replace("  below-score: 60\n  bottom: 0\n", "  below-score: 60\n bottom: 0\n"));
        int line = (int) jinxi.lines().takeWhile(l -> !l.equals("  bottom: 0")).count() + 1;

        assertThatThrownBy(() -> RubricLoader.load("scoring.yaml", own.toString()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("考核评分细则文件 " + own)
                .hasMessageContaining("第 " + line + " 行第 2 列：缩进与上文不一致")
                .hasMessageNotContaining("while parsing").hasMessageNotContaining("expected <block end>");

        Files.writeString(own, jinxi.replace("  bottom: 0\n", "  bottom: 0\n  bottom: 3\n"));
        assertThatThrownBy(() -> RubricLoader.load("scoring.yaml", own.toString()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("第 " + (line + 1) + " 行：键 bottom 在同一项中出现两次");
    }
}

package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.shirong.scoring.ScoreCalculatorTest.DUE;
import static org.shirong.scoring.ScoreCalculatorTest.MAY;
import static org.shirong.scoring.ScoreCalculatorTest.NOW;
import static org.shirong.scoring.ScoreCalculatorTest.d;
import static org.shirong.scoring.ScoreCalculatorTest.points;
import static org.shirong.scoring.ScoreCalculatorTest.rubric;
import static org.shirong.scoring.ZoneFacts.Indicator.COMPLIANCE_RATE;
import static org.shirong.scoring.ZoneFacts.Indicator.DELIVERY_RATE;
import static org.shirong.scoring.ZoneFacts.Indicator.POSTING_RATE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.scoring.ScoreCalculator.Unit;
import org.shirong.scoring.ZoneFacts.ZoneFigure;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;

/**
 * The responsibility-zone items of the shipped rubric (config/scoring.yaml zone-rules), computed by hand:
 * 责任区履责率 10 (full at 98 % on main roads and 95 % elsewhere, −1 per point short, summed over the classes),
 * 告知书送达率 5 and 上墙率 5 (full at 100 %, −0.05 per point: 5 × the rate). With the case rules' 90, a unit with cases and all three
 * zone figures is scored out of 110; an item without a figure leaves both the points and the maximum.
 */
@SharesJvm
class ZoneScoringTest {

    static final Unit HUANWEI = new Unit("huanwei", "环卫所");
    static final Unit JUWEI01 = new Unit("juwei01", "第一居委会");
    static final Unit JUWEI02 = new Unit("juwei02", "第二居委会");
    static final Unit JUWEI03 = new Unit("juwei03", "第三居委会");
    static final Unit LVRONG = new Unit("lvrong", "绿容所");

    private final List<CaseFact> cases = new ArrayList<>();

    /** A PATROL case due on 15 May, closed and handed in an hour before it was due. */
    void closedOnTime(Unit unit, int times) {
        for (int i = 0; i < times; i++) {
            cases.add(new CaseFact("Z" + cases.size(), unit.id(), CaseSource.PATROL, Urgency.NORMAL, CaseStatus.CLOSED, DUE,
                    DUE.minus(Duration.ofHours(1)), true, false, 0));
        }
    }

    static ZoneFigure figure(Unit unit, ZoneFacts.Indicator indicator, String roadClass, int part, int whole) {
        return new ZoneFigure(unit.id(), indicator, roadClass, part, whole);
    }

    ScoreBoard score(List<Unit> units, List<ZoneFigure> figures) {
        return new ScoreCalculator(rubric()).calculate(MAY, "", units, cases, List.of(), List.of(), Map.of(), figures, NOW);
    }

    @Test
    void zoneRatesEnterTheTotalsOfTheUnitsThatHaveThem() {
        closedOnTime(JUWEI01, 2);
        closedOnTime(HUANWEI, 1);
        List<ZoneFigure> figures = List.of(
                // 第一居委会: 2 cases closed on time → the case rules give 90 of 90.
                //   履责率 main 49/50 = 98.00 (short 0), other 2/3 = 66.67 (short 28.33) → 10 − 28.33 → 0.00
                //   送达 9/10 = 90.00 → 5 − 0.05 × 10 = 4.50;  上墙 7/10 = 70.00 → 5 − 0.05 × 30 = 3.50
                //   98 × 100 / 110 = 89.0909… → 89.09, B
                figure(JUWEI01, COMPLIANCE_RATE, "MAIN_ROAD", 49, 50), figure(JUWEI01, COMPLIANCE_RATE, "OTHER", 2, 3),
                figure(JUWEI01, DELIVERY_RATE, null, 9, 10), figure(JUWEI01, POSTING_RATE, null, 7, 10),
                // 第二居委会: no case, no inspection; 送达 5/5 → 5.00, 上墙 0/5 → 0.00 → 5 × 100 / 10 = 50.00, D, named.
                figure(JUWEI02, DELIVERY_RATE, null, 5, 5), figure(JUWEI02, POSTING_RATE, null, 0, 5),
                figure(JUWEI02, COMPLIANCE_RATE, "MAIN_ROAD", 0, 0),
                // 第三居委会: no case; 履责率 main 47/50 = 94.00 (short 4), other 18/20 = 90.00 (short 5) → 10 − 9 = 1.00;
                //   the two OTHER figures are one class (15/16 + 3/4 = 18/20).
                //   送达 10/10 → 5.00;  上墙 19/20 = 95.00 → 5 − 0.25 = 4.75 → 10.75 × 100 / 20 = 53.75, D, named.
                figure(JUWEI03, COMPLIANCE_RATE, "MAIN_ROAD", 47, 50), figure(JUWEI03, COMPLIANCE_RATE, "OTHER", 15, 16),
                figure(JUWEI03, COMPLIANCE_RATE, "OTHER", 3, 4), figure(JUWEI03, DELIVERY_RATE, null, 10, 10),
                figure(JUWEI03, POSTING_RATE, null, 19, 20),
                // 环卫所 holds no zone; a figure of nothing (0 of 0) is no figure: 1 case on time → 100.00 as before.
                figure(HUANWEI, COMPLIANCE_RATE, "OTHER", 0, 0));

        ScoreBoard board = score(List.of(HUANWEI, JUWEI01, JUWEI02, JUWEI03, LVRONG), figures);

        // Four ranked: the last three (ranks 2–4) are named, the two 居委会 below 60 also for their total.
        assertThat(board.ranking()).extracting(UnitScore::unitId, UnitScore::rank, UnitScore::total, UnitScore::grade,
                UnitScore::nonPerforming).containsExactly(
                        tuple("huanwei", 1, d("100.00"), "A", false),
                        tuple("juwei01", 2, d("89.09"), "B", true),
                        tuple("juwei03", 3, d("53.75"), "D", true),
                        tuple("juwei02", 4, d("50.00"), "D", true));
        assertThat(points(board.ranking().get(1))).containsExactly("ON_TIME_CLOSURE=50.00", "CLOSURE=20.00",
                "URGENT_CASES=10.00", "REWORK_AND_RETURNS=5.00", "PRIORITY_CASES=5.00", "ZONE_COMPLIANCE=0.00",
                "NOTICE_DELIVERY=4.50", "NOTICE_POSTING=3.50");
        assertThat(points(board.ranking().get(3))).containsExactly("NOTICE_DELIVERY=5.00", "NOTICE_POSTING=0.00");
        assertThat(points(board.ranking().get(2))).containsExactly("ZONE_COMPLIANCE=1.00", "NOTICE_DELIVERY=5.00",
                "NOTICE_POSTING=4.75");
        assertThat(board.ranking().get(2).components()).extracting(ScoreBoard.ComponentPoints::name,
                ScoreBoard.ComponentPoints::maxPoints).containsExactly(tuple("责任区履责率", d("10.00")),
                        tuple("责任告知书送达率", d("5.00")), tuple("责任告知书上墙率", d("5.00")));
        assertThat(board.ranking().get(2).namedFor()).containsExactly(ScoreBoard.NamedFor.BELOW_THRESHOLD,
                ScoreBoard.NamedFor.BOTTOM_N);
        assertThat(board.unranked()).extracting(UnitScore::unitId).containsExactly("lvrong");
    }

    @Test
    void aUnitWithoutZoneFiguresKeepsItsTotalAndItsItems() {
        closedOnTime(HUANWEI, 3);
        cases.add(new CaseFact("LATE", HUANWEI.id(), CaseSource.CITIZEN, Urgency.URGENT, CaseStatus.CLOSED, DUE,
                DUE.plus(Duration.ofHours(1)), false, false, 1));
        closedOnTime(JUWEI01, 1);
        ScoreBoard before = new ScoreCalculator(rubric()).calculate(MAY, "", List.of(HUANWEI, JUWEI01), cases, List.of(),
                List.of(), Map.of(), NOW);

        ScoreBoard after = score(List.of(HUANWEI, JUWEI01), List.of(figure(JUWEI01, POSTING_RATE, null, 1, 2)));

        UnitScore huanweiBefore = before.ranking().stream().filter(u -> u.unitId().equals("huanwei")).findFirst().orElseThrow();
        UnitScore huanweiAfter = after.ranking().stream().filter(u -> u.unitId().equals("huanwei")).findFirst().orElseThrow();
        // 环卫所: 结案 4/4 → 20; 按期 3/4 = 75.00 → 50; 紧急 0/1 → 0; 返工与回退 5; 重点 1 overdue citizen case → 4
        //   → 79 × 100 / 90 = 87.78, with or without the 居委会's zones.
        assertThat(huanweiAfter.total()).isEqualByComparingTo("87.78").isEqualByComparingTo(huanweiBefore.total());
        assertThat(huanweiAfter.components()).isEqualTo(huanweiBefore.components());
        // 第一居委会: 90 + 上墙 1/2 = 50.00 → 5 − 0.05 × 50 = 2.50 → 92.5 × 100 / 95 = 97.37 (100.00 without the zone item).
        assertThat(before.ranking()).extracting(UnitScore::unitId, UnitScore::total)
                .contains(tuple("juwei01", d("100.00")));
        assertThat(after.ranking()).extracting(UnitScore::unitId, UnitScore::total)
                .containsExactly(tuple("juwei01", d("97.37")), tuple("huanwei", d("87.78")));
    }

    @Test
    void aBadZoneRuleRefusesStartUpNamingTheField() {
        String compliance = "full-at: { MAIN_ROAD: 98, OTHER: 95 }";
        assertThatThrownBy(() -> rubric(compliance, "full-at: { MAIN_ROAD: 98, SIDE_ROAD: 95 }"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("zone-rules[0].full-at: 按道路等级填写时须且只须写 MAIN_ROAD、OTHER");
        assertThatThrownBy(() -> rubric(compliance, "full-at: { MAIN_ROAD: 120, OTHER: 95 }"))
                .hasMessageContaining("zone-rules[0].full-at.MAIN_ROAD: 必须填写 0 到 100 之间的数");
        assertThatThrownBy(() -> rubric(compliance, "full-at: 九十八"))
                .hasMessageContaining("zone-rules[0].full-at（第 ")
                .hasMessageContaining("应为一个百分数（如 100），或按道路等级分别填写");
        assertThatThrownBy(() -> rubric("indicator: DELIVERY_RATE, points: 5, full-at: 100",
                "indicator: DELIVERY_RATE, points: 5, full-at: { MAIN_ROAD: 100, OTHER: 100 }"))
                .hasMessageContaining("zone-rules[1].full-at: 只有履责率（COMPLIANCE_RATE）可按道路等级分别填写目标");
        assertThatThrownBy(() -> rubric("id: NOTICE_POSTING, name: 责任告知书上墙率, indicator: POSTING_RATE, points: 5, full-at: 100,"
                        + " per-point-below: 0.05", "id: CLOSURE, name: 上墙率, indicator: POSTING_RATE, points: 5, per-point-below: 6"))
                .hasMessageContaining("zone-rules[2].id: \"CLOSURE\" 重复")
                .hasMessageContaining("zone-rules[2].full-at: 必须填写目标")
                .hasMessageContaining("zone-rules[2].per-point-below: 必须填写 0 到 5 之间的数");
        assertThatThrownBy(() -> rubric("indicator: POSTING_RATE", "indicator: SIGNING_RATE"))
                .hasMessageContaining("zone-rules[2].indicator").hasMessageContaining("\"SIGNING_RATE\" 不是可选的值");
    }
}

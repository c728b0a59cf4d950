package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.shirong.rectification.CaseSource.CITIZEN;
import static org.shirong.rectification.CaseSource.MEETING;
import static org.shirong.rectification.CaseSource.PATROL;
import static org.shirong.rectification.CaseStatus.CLOSED;
import static org.shirong.rectification.CaseStatus.IN_RECTIFICATION;
import static org.shirong.rectification.CaseStatus.SUSPENDED;
import static org.shirong.rectification.Urgency.NORMAL;
import static org.shirong.rectification.Urgency.URGENT;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.scoring.ScoreCalculator.InspectionTotal;
import org.shirong.scoring.ScoreCalculator.Unit;
import org.shirong.system.SharesJvm;

/**
 * The scoring maths against tables computed by hand with the shipped (金华) rubric of config/scoring.yaml:
 * 按期结案率 50 (full at 70 %, −1 per point), 结案率 20 (full at 90 %, −1 per point), 紧急案件 10 (100 %,
 * −0.1 per point, full when none), 返工与回退 5 (−0.2 per return, −0.5 per case failing ≥ 3 checks,
 * −0.5 per reopening), 领导交办与媒体 5 (MEETING/CITIZEN/SPOT_CHECK: −1 per overdue, −0.4 per return, −1 per case
 * failing ≥ 3 checks, −1 per reopening). Maximum 90; case score = points × 100 / 90.
 */
@SharesJvm
class ScoreCalculatorTest {

    static final Instant DUE = Instant.parse("2026-05-15T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");
    static final ScorePeriod MAY = ScorePeriod.parse("2026-05").orElseThrow();
    static final Unit HUANWEI = new Unit("huanwei", "环卫所");
    static final Unit CHENGGUAN = new Unit("chengguan", "城管中队");
    static final Unit NONGFU = new Unit("nongfu", "农副公司");
    static final Unit LVRONG = new Unit("lvrong", "绿容所");

    private final List<CaseFact> cases = new ArrayList<>();
    private final List<ReturnFact> returns = new ArrayList<>();
    private final List<ReopenFact> reopens = new ArrayList<>();

    static ScoringRubric rubric(String... replacements) {
        try {
            String text = Files.readString(Path.of("config/scoring.yaml"));
            for (int i = 0; i < replacements.length; i += 2) {
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            return RubricLoader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "scoring.yaml");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case due on 15 May; handedIn: "on time", "late" or null (never handed in). */
    void add(Unit unit, CaseStatus status, String handedIn, CaseSource source, Urgency urgency, int reworks) {
        Instant submitted = handedIn == null ? null : handedIn.equals("on time") ? DUE.minus(Duration.ofHours(1)) : DUE.plus(Duration.ofHours(1));
        Boolean onTime = status == CLOSED ? "on time".equals(handedIn) : null;
        cases.add(new CaseFact("C" + cases.size(), unit.id(), source, urgency, status, DUE, submitted, onTime,
                handedIn == null && status != SUSPENDED, reworks));
    }

    void add(int times, Unit unit, CaseStatus status, String handedIn) {
        for (int i = 0; i < times; i++) {
            add(unit, status, handedIn, PATROL, NORMAL, 0);
        }
    }

    ScoreBoard score(ScoringRubric rubric, List<Unit> units) {
        return new ScoreCalculator(rubric).calculate(MAY, "", units, cases, returns, reopens, Map.of(), NOW);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static List<String> points(UnitScore u) {
        return u.components().stream().map(c -> c.id() + "=" + c.points().toPlainString()).toList();
    }

    @Test
    void aReopeningIsDeductedFromTheUnitTheCaseWentBackToWhateverItsCasesDue() {
        // 环卫所: 2 due, closed on time; a case it closed earlier reopened in May after a citizen called again (12345),
        // another from a patrol; a third, reopened for a new problem at the same place, it appealed with success.
        // 城管中队: 1 due, closed on time, nothing reopened.
        add(2, HUANWEI, CLOSED, "on time");
        add(1, CHENGGUAN, CLOSED, "on time");
        reopens.add(new ReopenFact("R1", "huanwei", CITIZEN));
        reopens.add(new ReopenFact("R2", "huanwei", PATROL));
        reopens.add(new ReopenFact("R3", "huanwei", CITIZEN, true));
        //   返工与回退 5 − 0.5×2 = 4.00;  重点案件 5 − 1×1 (the citizen's) = 4.00;  sum 88 → 97.78
        ScoreBoard board = score(rubric(), List.of(HUANWEI, CHENGGUAN));

        UnitScore huanwei = board.ranking().stream().filter(u -> u.unitId().equals("huanwei")).findFirst().orElseThrow();
        assertThat(points(huanwei)).containsExactly("ON_TIME_CLOSURE=50.00", "CLOSURE=20.00", "URGENT_CASES=10.00",
                "REWORK_AND_RETURNS=4.00", "PRIORITY_CASES=4.00");
        assertThat(huanwei.total()).isEqualByComparingTo("97.78");
        assertThat(huanwei.indicators().reopenedCount()).isEqualTo(2);
        assertThat(huanwei.indicators().appealedCount()).as("the reopening appealed").isEqualTo(1);
        assertThat(huanwei.indicators().dueCount()).as("the reopened cases count where they are due, not here").isEqualTo(2);
        assertThat(board.ranking().get(0).unitId()).isEqualTo("chengguan");
    }

    @Test
    void threeUnitsScoredAgainstTheHandComputedTable() {
        // 环卫所: 10 due; 8 closed on time (one URGENT, one reworked once), 1 closed late, 1 open and red; 1 return.
        add(HUANWEI, CLOSED, "on time", PATROL, URGENT, 0);
        add(HUANWEI, CLOSED, "on time", PATROL, NORMAL, 1);
        add(6, HUANWEI, CLOSED, "on time");
        add(1, HUANWEI, CLOSED, "late");
        add(1, HUANWEI, IN_RECTIFICATION, null);
        returns.add(new ReturnFact("R1", "huanwei", PATROL));
        //   结案率 9/10 = 90.00 → 20;  按期 8/10 = 80.00 → 50;  紧急 1/1 = 100.00 → 10
        //   返工与回退 5 − 0.2×1 = 4.80;  重点案件: none → 5
        //   sum 89.80 → 89.80 × 100 / 90 = 99.777… → 99.78, A;  按时处置 8/10 = 80.00;  超期 2 (late + open);  返工率 1/10 = 10.00
        // 城管中队: 2 closed on time, 1 closed late from a citizen (12345), 1 suspended (left out of the denominator).
        add(2, CHENGGUAN, CLOSED, "on time");
        add(CHENGGUAN, CLOSED, "late", CITIZEN, NORMAL, 0);
        add(CHENGGUAN, SUSPENDED, null, PATROL, NORMAL, 0);
        //   应结案 3;  结案率 3/3 = 100.00 → 20;  按期 2/3 = 66.67 → 50 − 3.33 = 46.67;  紧急: none → 10
        //   返工与回退 5;  重点案件 1 overdue CITIZEN case: 5 − 1 = 4
        //   sum 85.67 → 95.188… → 95.19, A
        // 农副公司: 3 due, none handed in, all red; one URGENT, one from a meeting; one failed 3 checks.
        add(NONGFU, IN_RECTIFICATION, null, PATROL, URGENT, 0);
        add(NONGFU, IN_RECTIFICATION, null, MEETING, NORMAL, 0);
        add(NONGFU, IN_RECTIFICATION, null, PATROL, NORMAL, 3);
        //   结案率 0 → 20 − 90 < 0 → 0;  按期 0 → 50 − 70 < 0 → 0;  紧急 0/1 = 0.00 → 10 − 100×0.1 = 0
        //   返工与回退 5 − 0.5×1 (3 failed checks) = 4.50;  重点案件 5 − 1×1 (the meeting case is overdue) = 4
        //   sum 8.50 → 9.444… → 9.44, E, named (below 60); 3 ranked units: the bottom-3 rule does not apply
        ScoreBoard board = score(rubric(), List.of(HUANWEI, CHENGGUAN, NONGFU, LVRONG));

        assertThat(board.ranking()).extracting(UnitScore::unitId, UnitScore::rank, UnitScore::total, UnitScore::grade,
                UnitScore::nonPerforming).containsExactly(
                        tuple("huanwei", 1, d("99.78"), "A", false),
                        tuple("chengguan", 2, d("95.19"), "A", false),
                        tuple("nongfu", 3, d("9.44"), "E", true));
        UnitScore huanwei = board.ranking().get(0);
        assertThat(points(huanwei)).containsExactly("ON_TIME_CLOSURE=50.00", "CLOSURE=20.00", "URGENT_CASES=10.00",
                "REWORK_AND_RETURNS=4.80", "PRIORITY_CASES=5.00");
        assertThat(huanwei.indicators()).isEqualTo(new Indicators(10, 0, 10, 9, 8, 8, 1, 1, 2, 1, 1, 1, d("90.00"),
                d("80.00"), d("80.00"), d("10.00"), d("100.00"), 0, 0));
        UnitScore chengguan = board.ranking().get(1);
        assertThat(points(chengguan)).containsExactly("ON_TIME_CLOSURE=46.67", "CLOSURE=20.00", "URGENT_CASES=10.00",
                "REWORK_AND_RETURNS=5.00", "PRIORITY_CASES=4.00");
        assertThat(chengguan.indicators().suspendedCount()).isEqualTo(1);
        assertThat(chengguan.indicators().dueCount()).isEqualTo(3);
        assertThat(chengguan.indicators().urgentOnTimeRate()).isNull();
        UnitScore nongfu = board.ranking().get(2);
        assertThat(points(nongfu)).containsExactly("ON_TIME_CLOSURE=0.00", "CLOSURE=0.00", "URGENT_CASES=0.00",
                "REWORK_AND_RETURNS=4.50", "PRIORITY_CASES=4.00");
        assertThat(nongfu.indicators().overdueCount()).isEqualTo(3);
        assertThat(nongfu.indicators().closureRate()).isEqualByComparingTo("0");
        assertThat(nongfu.namedFor()).containsExactly(NamedFor.BELOW_THRESHOLD);
        assertThat(board.nonPerformingUnits()).containsExactly("nongfu");
        assertThat(board.unranked()).extracting(UnitScore::unitId).containsExactly("lvrong");
    }

    @Test
    void anEmptyPeriodRanksNobodyAndItsRatesAreNullNotZero() {
        ScoreBoard board = score(rubric(), List.of(HUANWEI, CHENGGUAN));

        assertThat(board.ranking()).isEmpty();
        assertThat(board.nonPerformingUnits()).isEmpty();
        // Unranked units in Chinese name order: 城管中队 (cheng) before 环卫所 (huan).
        assertThat(board.unranked()).extracting(UnitScore::unitId).containsExactly("chengguan", "huanwei");
        Indicators none = board.unranked().get(0).indicators();
        assertThat(none.dueCount()).isZero();
        assertThat(none.closureRate()).isNull();
        assertThat(none.onTimeClosureRate()).isNull();
        assertThat(none.onTimeHandlingRate()).isNull();
        assertThat(none.reworkRate()).isNull();
        assertThat(Indicators.display(none.closureRate())).isEqualTo("—");
        assertThat(board.unranked().get(0).total()).isNull();
    }

    @Test
    void equalTotalsShareARankTheNextRankSkipsAndTiesAreOrderedByName() {
        // 农副公司 and 城管中队 and 环卫所: 1 case closed on time each → 90 points → 100.00.
        // 绿容所: 1 closed late → 按期 0 → 0; 结案 100 → 20; 紧急 10; 返工 5; 重点 5 → 40 → 44.44.
        add(1, NONGFU, CLOSED, "on time");
        add(1, HUANWEI, CLOSED, "on time");
        add(1, CHENGGUAN, CLOSED, "on time");
        add(1, LVRONG, CLOSED, "late");

        ScoreBoard board = score(rubric(), List.of(NONGFU, HUANWEI, LVRONG, CHENGGUAN));

        // Ranks 1, 1, 1, 4; the tied units by pinyin: 城管中队 (cheng), 环卫所 (huan), 农副公司 (nong).
        assertThat(board.ranking()).extracting(UnitScore::unitName, UnitScore::rank, UnitScore::total).containsExactly(
                tuple("城管中队", 1, d("100.00")),
                tuple("环卫所", 1, d("100.00")),
                tuple("农副公司", 1, d("100.00")),
                tuple("绿容所", 4, d("44.44")));
        // 4 ranked > 3: the bottom three from the end hold ranks 1, 1, 4; the cut is rank 1, but units sharing the
        // best total are never named for being at the bottom, so only 绿容所 is named.
        assertThat(board.nonPerformingUnits()).containsExactly("lvrong");
        assertThat(board.ranking().get(3).namedFor()).containsExactly(NamedFor.BELOW_THRESHOLD, NamedFor.BOTTOM_N);
    }

    @Test
    void theBottomUnitsAreNamedEvenAboveTheThresholdAndTiesAtTheCutAreNamedToo() {
        // Five units, all above 60. Each has 10 cases; k of them closed late, the rest on time (按期 (10−k)×10 %).
        //   k = 0 → 按期 100 → 90 → 100.00;  k = 1 → 90 % → 100.00;  k = 3 → 70 % → still 50 → 100.00
        //   k = 4 → 60 % → 50 − 10 = 40 → 80 → 88.89;  k = 5 → 50 % → 30 → 70 → 77.78
        // With bottom 2: the 2nd unit from the end ranks 4, so ranks 4 and 5 are named, all above 60.
        Unit guijian = new Unit("guijian", "规建办");
        int[] late = {0, 4, 5, 4, 1};
        List<Unit> units = List.of(HUANWEI, CHENGGUAN, NONGFU, LVRONG, guijian);
        for (int u = 0; u < units.size(); u++) {
            add(late[u], units.get(u), CLOSED, "late");
            add(10 - late[u], units.get(u), CLOSED, "on time");
        }
        ScoreBoard board = score(rubric("bottom: 3", "bottom: 3"), units);

        // Totals: 环卫所 100, 规建办 100, 城管中队 88.89, 绿容所 88.89, 农副公司 77.78 → ranks 1, 1, 3, 3, 5.
        assertThat(board.ranking()).extracting(UnitScore::unitId, UnitScore::rank).containsExactly(
                tuple("guijian", 1), tuple("huanwei", 1),
                tuple("chengguan", 3), tuple("lvrong", 3),
                tuple("nongfu", 5));
        // bottom 3: the 3rd from the end ranks 3 → ranks 3, 3 and 5 named, only for being at the bottom.
        assertThat(board.nonPerformingUnits()).containsExactly("chengguan", "lvrong", "nongfu");
        assertThat(board.ranking().get(4).namedFor()).containsExactly(NamedFor.BOTTOM_N);
        assertThat(board.ranking().get(4).grade()).isEqualTo("B");

        // bottom 1: only 农副公司;  bottom 2: the 2nd from the end ranks 3 → the tie at the cut brings in both rank-3 units.
        assertThat(score(rubric("bottom: 3", "bottom: 1"), units).nonPerformingUnits()).containsExactly("nongfu");
        assertThat(score(rubric("bottom: 3", "bottom: 2"), units).nonPerformingUnits())
                .containsExactly("chengguan", "lvrong", "nongfu");
        assertThat(score(rubric("bottom: 3", "bottom: 0"), units).nonPerformingUnits()).isEmpty();
    }

    @Test
    void suspendedCasesLeaveTheDenominatorOrCountAsOpenAsConfigured() {
        // 环卫所: 3 closed on time + 1 suspended.  农副公司: only 1 suspended case.
        add(3, HUANWEI, CLOSED, "on time");
        add(1, HUANWEI, SUSPENDED, null);
        add(1, NONGFU, SUSPENDED, null);

        // Excluded: 环卫所 3/3 → 90 points → 100.00, A; 农副公司 has nothing due → not ranked (应结案件均已挂账).
        ScoreBoard excluded = score(rubric(), List.of(HUANWEI, NONGFU));
        assertThat(excluded.ranking()).singleElement().satisfies(u -> {
            assertThat(u.total()).isEqualByComparingTo("100.00");
            assertThat(u.indicators().dueCount()).isEqualTo(3);
            assertThat(u.indicators().overdueCount()).isZero();
        });
        assertThat(excluded.unranked()).singleElement().satisfies(u -> {
            assertThat(u.unitId()).isEqualTo("nongfu");
            assertThat(u.indicators().caseCount()).isEqualTo(1);
            assertThat(u.indicators().suspendedCount()).isEqualTo(1);
        });

        // Counted: 环卫所 4 due, 3 closed on time → 结案 75.00 → 20 − 15 = 5; 按期 75.00 → 50; 紧急 10; 返工 5; 重点 5
        //   → 75 → 83.33, B; the suspended case was never handed in → 超期 1.
        // 农副公司: 1 due, not closed → 0 + 0 + 10 + 5 + 5 = 20 → 22.22, E.
        ScoreBoard counted = score(rubric("exclude-suspended-from-denominator: true", "exclude-suspended-from-denominator: false"),
                List.of(HUANWEI, NONGFU));
        assertThat(counted.ranking()).extracting(UnitScore::unitId, UnitScore::total, UnitScore::grade).containsExactly(
                tuple("huanwei", d("83.33"), "B"),
                tuple("nongfu", d("22.22"), "E"));
        assertThat(counted.ranking().get(0).indicators().dueCount()).isEqualTo(4);
        assertThat(counted.ranking().get(0).indicators().overdueCount()).isEqualTo(1);
        assertThat(counted.unranked()).isEmpty();
    }

    @Test
    void inspectionScoresCountWithTheirWeightOnlyForUnitsThatHaveThem() {
        // Both units: 1 case closed on time → case score 100.00.
        // weight 0.2; 环卫所 inspected 40 of 50 → 80.00 → total 100 × 0.8 + 80 × 0.2 = 96.00; 城管中队 not inspected → 100.00.
        add(1, HUANWEI, CLOSED, "on time");
        add(1, CHENGGUAN, CLOSED, "on time");
        ScoreBoard board = new ScoreCalculator(rubric("  weight: 0\n", "  weight: 0.2\n")).calculate(MAY, "", List.of(HUANWEI, CHENGGUAN),
                cases, returns, List.of(), Map.of("huanwei", new InspectionTotal(d("40"), d("50"))), NOW);

        assertThat(board.ranking()).extracting(UnitScore::unitId, UnitScore::total, UnitScore::caseScore, UnitScore::inspectionScore)
                .containsExactly(tuple("chengguan", d("100.00"), d("100.00"), null),
                        tuple("huanwei", d("96.00"), d("100.00"), d("80.00")));
        // With the shipped weight 0 the inspection is shown but does not count.
        ScoreBoard unweighted = new ScoreCalculator(rubric()).calculate(MAY, "", List.of(HUANWEI), cases, returns,
                List.of(), Map.of("huanwei", new InspectionTotal(d("40"), d("50"))), NOW);
        assertThat(unweighted.ranking().get(0).total()).isEqualByComparingTo("100.00");
        assertThat(unweighted.ranking().get(0).inspectionScore()).isEqualByComparingTo("80.00");
    }

    @Test
    void casesAndReturnsOfUnitsOutsideTheRankingAreIgnored() {
        add(1, new Unit("chuangban", "创建工作办公室"), CLOSED, "late");
        returns.add(new ReturnFact("R1", "chuangban", PATROL));

        ScoreBoard board = score(rubric(), List.of(HUANWEI));

        assertThat(board.ranking()).isEmpty();
        assertThat(board.unranked()).extracting(UnitScore::unitId).containsExactly("huanwei");
    }

    /** jtreview s56 T2: the 通报 heads the units it names for their scores by the organisation's rule, not 排名靠后 always. */
    @Test
    void theNoticeHeadsItsNamedUnitsByTheRubricsRule() {
        assertThat(ScoreNotice.heading(new ScoringRubric.NonPerforming(new BigDecimal("60"), 0)))
                .isEqualTo("考核得分低于通报线（60 分）的单位");
        assertThat(ScoreNotice.heading(new ScoringRubric.NonPerforming(new BigDecimal("60.0"), 3)))
                .isEqualTo("考核得分低于通报线（60 分）或排名后 3 名的单位");
        assertThat(ScoreNotice.heading(new ScoringRubric.NonPerforming(null, 2))).isEqualTo("考核排名后 2 名的单位");
        assertThat(ScoreNotice.heading(null)).isEqualTo("因考核得分被通报的单位");
    }
}

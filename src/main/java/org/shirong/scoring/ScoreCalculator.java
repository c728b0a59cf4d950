package org.shirong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.scoring.ScoringRubric.Rule;
import org.shirong.scoring.ScoringRubric.ZoneRule;
import org.shirong.scoring.ZoneFacts.ZoneFigure;

/**
 * Scores and ranks units from their case facts, their responsibility-zone figures and the rubric, without a database or
 * an engine. Case score = Σ item points × 100 / Σ item maximum over the items the unit has figures for: the case rules
 * when a case of the unit was due, and each zone rule when the unit has a figure of its rate (so a unit without zones
 * scores as before, and a unit with zones but no due case is ranked on its zones alone), and the task item when the
 * rubric has one and a campaign task of the unit counts in the period; total = the case score, or,
 * when the rubric gives inspections a weight w and the unit has inspection scores, (1 − w) × case score + w × inspection
 * score. All figures are rounded half-up to two decimals, ranks compare the rounded totals.
 */
final class ScoreCalculator {

    /** A unit that takes part in the ranking. */
    record Unit(String id, String name) {
    }

    /** A unit's inspection points in the period against the maximum of the sheets entered. */
    record InspectionTotal(BigDecimal points, BigDecimal maxPoints) {

        BigDecimal score() {
            return points.multiply(Indicators.HUNDRED).divide(maxPoints, 2, RoundingMode.HALF_UP);
        }
    }

    /** How a 履责率 figure's road class is named before its rate (the notice rates have none). */
    private static final Map<String, String> ROAD_CLASS_NAMES = Map.of("MAIN_ROAD", "主要道路 ", "OTHER", "其他道路 ");

    private final ScoringRubric rubric;

    ScoreCalculator(ScoringRubric rubric) {
        this.rubric = rubric;
    }

    /** Cases, returns and reopenings of units not in {@code units} are ignored; no zone figures. */
    ScoreBoard calculate(ScorePeriod period, String scope, List<Unit> units, List<CaseFact> cases, List<ReturnFact> returns,
            List<ReopenFact> reopens, Map<String, InspectionTotal> inspections, Instant computedAt) {
        return calculate(period, scope, units, cases, returns, reopens, inspections, List.of(), computedAt);
    }

    /**
     * Cases, returns, reopenings and zone figures of units not in {@code units} are ignored; returns and reopenings
     * appealed with success do not count.
     */
    ScoreBoard calculate(ScorePeriod period, String scope, List<Unit> units, List<CaseFact> cases, List<ReturnFact> returns,
            List<ReopenFact> reopens, Map<String, InspectionTotal> inspections, List<ZoneFigure> zoneFigures, Instant computedAt) {
        return calculate(period, scope, units, cases, returns, reopens, inspections, zoneFigures, List.of(), computedAt);
    }

    /**
     * As above, with the units' campaign tasks counted in the period, which the rubric's {@code task-rule} (if any) scores:
     * a unit with a task counted is ranked on it even without a case or a zone (jtreview-s59 T1).
     */
    ScoreBoard calculate(ScorePeriod period, String scope, List<Unit> units, List<CaseFact> cases, List<ReturnFact> returns,
            List<ReopenFact> reopens, Map<String, InspectionTotal> inspections, List<ZoneFigure> zoneFigures,
            List<TaskFacts.TaskFigure> taskFigures, Instant computedAt) {
        Map<String, TaskFacts.TaskFigure> tasksByUnit = taskFigures.stream().filter(f -> f.counted() > 0)
                .collect(Collectors.toMap(TaskFacts.TaskFigure::unitId, f -> f, (a, b) -> new TaskFacts.TaskFigure(a.unitId(),
                        a.counted() + b.counted(), a.overdue() + b.overdue(), a.doneLate() + b.doneLate())));
        Map<String, List<CaseFact>> casesByUnit = cases.stream().collect(Collectors.groupingBy(CaseFact::leadUnit));
        Map<String, List<ReturnFact>> returnsByUnit = returns.stream().collect(Collectors.groupingBy(ReturnFact::unit));
        Map<String, List<ReopenFact>> reopensByUnit = reopens.stream().collect(Collectors.groupingBy(ReopenFact::unit));
        Map<String, List<ZoneFigure>> zonesByUnit = zoneFigures.stream().filter(f -> f.whole() > 0)
                .collect(Collectors.groupingBy(ZoneFigure::unitId));
        List<UnitScore> ranked = new ArrayList<>();
        List<UnitScore> unranked = new ArrayList<>();
        for (Unit unit : units) {
            List<CaseFact> own = casesByUnit.getOrDefault(unit.id(), List.of());
            List<ReturnFact> charged = returnsByUnit.getOrDefault(unit.id(), List.of());
            List<ReturnFact> ownReturns = charged.stream().filter(r -> !r.appealed()).toList();
            int appealedReturns = (int) charged.stream().filter(ReturnFact::appealed).map(ReturnFact::caseNo).distinct().count();
            List<ReopenFact> reopened = reopensByUnit.getOrDefault(unit.id(), List.of());
            List<ReopenFact> ownReopens = reopened.stream().filter(r -> !r.appealed()).toList();
            int appealedReopens = (int) reopened.stream().filter(ReopenFact::appealed).map(ReopenFact::caseNo).distinct().count();
            Indicators indicators = Indicators.of(own, ownReturns.size(), appealedReturns + appealedReopens, ownReopens.size(),
                    rubric.excludeSuspended());
            // the zone items, then the task item: what the unit is scored on besides its cases
            List<ComponentPoints> otherItems = new ArrayList<>(zoneItems(zonesByUnit.getOrDefault(unit.id(), List.of())));
            taskItem(tasksByUnit.get(unit.id())).ifPresent(otherItems::add);
            if (indicators.dueCount() == 0 && otherItems.isEmpty()) {
                unranked.add(new UnitScore(unit.id(), unit.name(), false, null, null, null, null,
                        inspectionScore(inspections.get(unit.id())), false, List.of(), indicators, List.of()));
            } else {
                ranked.add(score(unit, own, ownReturns, ownReopens, indicators, otherItems, inspections.get(unit.id())));
            }
        }
        ranked.sort(ScoreBoard.BY_RANK);
        unranked.sort(ScoreBoard.BY_NAME);
        return new ScoreBoard(period, scope, computedAt, false, rankAndName(ranked), unranked);
    }

    private UnitScore score(Unit unit, List<CaseFact> own, List<ReturnFact> ownReturns, List<ReopenFact> ownReopens,
            Indicators indicators,
            List<ComponentPoints> otherItems, InspectionTotal inspection) {
        List<ComponentPoints> components = new ArrayList<>();
        if (indicators.dueCount() > 0) {
            for (Rule rule : rubric.rules()) {
                components.add(RulePoints.of(rule, own, ownReturns, ownReopens, rubric.excludeSuspended()));
            }
        }
        components.addAll(otherItems);
        BigDecimal sum = components.stream().map(ComponentPoints::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal max = components.stream().map(ComponentPoints::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal caseScore = sum.multiply(Indicators.HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
        BigDecimal inspectionScore = inspectionScore(inspection);
        BigDecimal weight = rubric.inspectionWeight();
        BigDecimal total = inspectionScore == null || weight.signum() == 0 ? caseScore
                : caseScore.multiply(BigDecimal.ONE.subtract(weight)).add(inspectionScore.multiply(weight))
                        .setScale(2, RoundingMode.HALF_UP);
        return new UnitScore(unit.id(), unit.name(), true, null, total, grade(total), caseScore, inspectionScore, false,
                List.of(), indicators, List.copyOf(components));
    }

    /**
     * The zone items the unit has figures for: per rule, the unit's figures of its rate summed per road class, then
     * points − perPointBelow × Σ_class max(0, target − rate), never below 0.
     */
    private List<ComponentPoints> zoneItems(List<ZoneFigure> figures) {
        List<ComponentPoints> items = new ArrayList<>();
        for (ZoneRule rule : rubric.zoneRuleList()) {
            Map<String, int[]> byClass = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            figures.stream().filter(f -> f.indicator() == rule.indicator() && rule.fullAt().of(f.roadClass()) != null)
                    .forEach(f -> {
                        int[] sum = byClass.computeIfAbsent(f.roadClass(), k -> new int[2]);
                        sum[0] += f.part();
                        sum[1] += f.whole();
                    });
            if (byClass.isEmpty()) {
                continue;
            }
            BigDecimal shortfall = BigDecimal.ZERO;
            List<String> rates = new ArrayList<>();
            for (var entry : byClass.entrySet()) {
                int[] sum = entry.getValue();
                BigDecimal rate = Indicators.rate(sum[0], sum[1]);
                shortfall = shortfall.add(rule.fullAt().of(entry.getKey()).subtract(rate).max(BigDecimal.ZERO));
                rates.add((entry.getKey() == null ? "" : ROAD_CLASS_NAMES.getOrDefault(entry.getKey(), "")) + Indicators.display(rate) + "（" + sum[0] + "/" + sum[1] + "）");
            }
            BigDecimal points = rule.points().subtract(rule.perPointBelow().multiply(shortfall)).max(BigDecimal.ZERO);
            items.add(new ComponentPoints(rule.id(), rule.name(), rule.points().setScale(2, RoundingMode.HALF_UP),
                    points.setScale(2, RoundingMode.HALF_UP), String.join("、", rates)));
        }
        return items;
    }

    /**
     * The task item of a unit with tasks counted: points − perOverdueTask × overdue − perLateTask × done late, never below 0,
     * on {@code 逾期任务 3 项（逾期未完成 2 项、逾期完成 1 项）} or {@code 任务 4 项均按期完成}; none without a rule or a task.
     */
    private java.util.Optional<ComponentPoints> taskItem(TaskFacts.TaskFigure figure) {
        ScoringRubric.TaskRule rule = rubric.taskRule();
        if (rule == null || figure == null) {
            return java.util.Optional.empty();
        }
        BigDecimal points = rule.points().subtract(rule.perOverdueTask().multiply(BigDecimal.valueOf(figure.overdue())))
                .subtract(rule.perLateTaskOrZero().multiply(BigDecimal.valueOf(figure.doneLate()))).max(BigDecimal.ZERO);
        int late = figure.overdue() + figure.doneLate();
        String basis = late == 0 ? "任务 " + figure.counted() + " 项均按期完成"
                : "逾期任务 " + late + " 项" + (figure.doneLate() == 0 ? "" : figure.overdue() == 0 ? "（均已逾期完成）"
                        : "（逾期未完成 " + figure.overdue() + " 项、逾期完成 " + figure.doneLate() + " 项）");
        return java.util.Optional.of(new ComponentPoints(rule.id(), rule.name(), rule.points().setScale(2, RoundingMode.HALF_UP),
                points.setScale(2, RoundingMode.HALF_UP), basis));
    }

    private static BigDecimal inspectionScore(InspectionTotal inspection) {
        return inspection == null || inspection.maxPoints().signum() == 0 ? null : inspection.score();
    }

    private String grade(BigDecimal total) {
        return rubric.grades().stream().filter(b -> total.compareTo(b.minScore()) >= 0).map(ScoringRubric.GradeBand::grade)
                .findFirst().orElse(rubric.lowestGrade());
    }

    /**
     * Competition ranks (1, 2, 2, 4) and the 通报: a total below the threshold, or, when more than
     * {@code bottom} units are ranked, a rank at or below that of the {@code bottom}-th unit from the end
     * (units tied at the cut are all named), except units sharing the best total.
     */
    private List<UnitScore> rankAndName(List<UnitScore> sorted) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && sorted.get(i).total().compareTo(sorted.get(i - 1).total()) == 0;
            ranks.add(tie ? ranks.get(i - 1) : i + 1);
        }
        int bottom = rubric.nonPerforming().bottom();
        int bottomCut = bottom > 0 && sorted.size() > bottom ? ranks.get(sorted.size() - bottom) : Integer.MAX_VALUE;
        List<UnitScore> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore u = sorted.get(i);
            List<NamedFor> named = new ArrayList<>();
            if (u.total().compareTo(rubric.nonPerforming().belowScore()) < 0) {
                named.add(NamedFor.BELOW_THRESHOLD);
            }
            if (ranks.get(i) >= bottomCut && ranks.get(i) > 1) {
                named.add(NamedFor.BOTTOM_N);
            }
            result.add(new UnitScore(u.unitId(), u.unitName(), true, ranks.get(i), u.total(), u.grade(), u.caseScore(),
                    u.inspectionScore(), !named.isEmpty(), List.copyOf(named), u.indicators(), u.components()));
        }
        return List.copyOf(result);
    }
}

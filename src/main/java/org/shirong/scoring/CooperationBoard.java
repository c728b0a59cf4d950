package org.shirong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shirong.rectification.CaseParties.Party;

/**
 * 协办 per unit over a period, apart from the lead-unit ranking (the lead unit stays accountable for its
 * cases; a unit's 协办 never changes its lead-unit score): 协办数 (cooperations due in the period so far),
 * 按时完成 (recorded by the due instant), 逾期完成, 未完成 (not recorded), 协办按时率 = 按时完成 / 协办数, and
 * the points of {@code cooperation-rules} when the rubric has them. A cooperation the case's closing ended before it was
 * due ({@link Party#cutShort}) is not counted at all. Best first: points, then rate, then count.
 */
record CooperationBoard(boolean scored, List<Row> units) {

    record Row(int rank, String unitId, String unitName, int cooperationCount, int doneOnTime, int doneLate, int notDone,
            BigDecimal onTimeRate, String onTimeRateText, BigDecimal points) {

        /**
         * Whether the unit failed to cooperate: a 协办 due in the period it has not recorded. The one rule by which the
         * campaign's 通报, 月报 and 驾驶舱 name a unit for its 协办 (属地街镇配合, sjreview-s57 D7).
         */
        boolean failed() {
            return notDone > 0;
        }
    }

    /** The units that failed to cooperate ({@link Row#failed}), best first as ranked. */
    List<Row> failed() {
        return units.stream().filter(Row::failed).toList();
    }

    static CooperationBoard of(List<Party> parties, Map<String, String> unitNames, ScoringRubric.CooperationRules rules) {
        Map<String, List<Party>> byUnit = new LinkedHashMap<>();
        // a cooperation the case's closing cut short before it was due is not counted (neither done nor not done)
        parties.stream().filter(p -> !p.cutShort()).forEach(p -> byUnit.computeIfAbsent(p.unitId(), u -> new ArrayList<>()).add(p));
        List<Row> rows = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            int count = list.size();
            int onTime = (int) list.stream().filter(Party::doneOnTime).count();
            int done = (int) list.stream().filter(Party::done).count();
            BigDecimal rate = Indicators.rate(onTime, count);
            rows.add(new Row(0, unit, unitNames.getOrDefault(unit, unit), count, onTime, done - onTime, count - done, rate,
                    Indicators.display(rate), rules == null ? null : points(rules, rate, count - done)));
        });
        Comparator<Row> best = Comparator.comparing((Row r) -> r.points() == null ? BigDecimal.ZERO : r.points())
                .thenComparing(r -> r.onTimeRate() == null ? BigDecimal.ZERO : r.onTimeRate())
                .thenComparingInt(Row::cooperationCount).reversed().thenComparing(Row::unitId);
        rows.sort(best);
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ranked.add(new Row(i + 1, r.unitId(), r.unitName(), r.cooperationCount(), r.doneOnTime(), r.doneLate(),
                    r.notDone(), r.onTimeRate(), r.onTimeRateText(), r.points()));
        }
        return new CooperationBoard(rules != null, ranked);
    }

    private static BigDecimal points(ScoringRubric.CooperationRules rules, BigDecimal rate, int notDone) {
        BigDecimal below = rules.fullAt().subtract(rate).max(BigDecimal.ZERO);
        BigDecimal points = rules.points().subtract(below.multiply(rules.perPointBelow()))
                .subtract(rules.perNotDoneOrZero().multiply(BigDecimal.valueOf(notDone)));
        return points.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }
}

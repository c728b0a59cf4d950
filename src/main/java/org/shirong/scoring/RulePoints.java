package org.shirong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoringRubric.Deduction;
import org.shirong.scoring.ScoringRubric.Rule;
import org.shirong.scoring.ScoringRubric.RuleType;
import org.shirong.scoring.ScoringRubric.WhenNoCases;

/** The points one rubric rule gives one unit, from the unit's cases, returns and reopenings in the period (two decimals). */
final class RulePoints {

    private RulePoints() {
    }

    /**
     * The rule's points (two decimals) and what they were scored on: the rate ({@code 50.00%}), or the counts deducted for
     * ({@code 超期 1 件、回退 2 次}); null when there was no rate or nothing was deducted.
     */
    static ComponentPoints of(Rule rule, List<CaseFact> unitCases, List<ReturnFact> unitReturns, List<ReopenFact> unitReopens,
            boolean excludeSuspended) {
        List<CaseFact> cases = rule.sources() == null ? unitCases
                : unitCases.stream().filter(c -> rule.sources().contains(c.source())).toList();
        List<ReturnFact> returns = rule.sources() == null ? unitReturns
                : unitReturns.stream().filter(r -> rule.sources().contains(r.source())).toList();
        List<ReopenFact> reopens = rule.sources() == null ? unitReopens
                : unitReopens.stream().filter(r -> rule.sources().contains(r.source())).toList();
        BigDecimal points;
        String basis;
        if (rule.type() == RuleType.RATE) {
            BigDecimal rate = indicator(rule, Indicators.of(cases, returns.size(), excludeSuspended));
            points = ratePoints(rule, rate);
            basis = rate == null ? null : Indicators.display(rate);
        } else {
            List<String> counted = new ArrayList<>();
            points = deduct(rule, Indicators.counted(cases, excludeSuspended), returns.size(), reopens.size(), counted);
            basis = counted.isEmpty() ? null : String.join("、", counted);
        }
        return new ComponentPoints(rule.id(), rule.name(), rule.points().setScale(2, RoundingMode.HALF_UP),
                points.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP), basis);
    }

    private static BigDecimal indicator(Rule rule, Indicators indicators) {
        return switch (rule.indicator()) {
            case CLOSURE_RATE -> indicators.closureRate();
            case ON_TIME_CLOSURE_RATE -> indicators.onTimeClosureRate();
            case ON_TIME_HANDLING_RATE -> indicators.onTimeHandlingRate();
            case URGENT_ON_TIME_RATE -> indicators.urgentOnTimeRate();
        };
    }

    /** Full points at {@code fullAt} % or more, {@code perPointBelow} off per percentage point short of it. */
    private static BigDecimal ratePoints(Rule rule, BigDecimal rate) {
        if (rate == null) {
            return rule.whenNoCases() == WhenNoCases.ZERO ? BigDecimal.ZERO : rule.points();
        }
        BigDecimal shortfall = rule.fullAt().subtract(rate).max(BigDecimal.ZERO);
        return rule.points().subtract(shortfall.multiply(rule.perPointBelow()));
    }

    /**
     * The rule's points less {@code perCase} for every counted case (or return, or reopening); each deduction that counted
     * something is added to {@code counted} for people.
     */
    private static BigDecimal deduct(Rule rule, List<CaseFact> counted, int returns, int reopens, List<String> described) {
        BigDecimal points = rule.points();
        for (Deduction d : rule.deductionList()) {
            long count = switch (d.count()) {
                case RETURNED -> returns;
                case REOPENED -> reopens;
                case REWORKED -> Indicators.count(counted, c -> c.reworkCount() > 0);
                case FAILED_CHECKS -> Indicators.count(counted, c -> c.reworkCount() >= d.minFailedChecks());
                case OVERDUE -> Indicators.count(counted, CaseFact::late);
            };
            points = points.subtract(d.perCase().multiply(BigDecimal.valueOf(count)));
            if (count > 0 && d.perCase().signum() > 0) {
                described.add(switch (d.count()) {
                    case RETURNED -> "回退 " + count + " 次";
                    case REOPENED -> "重新打开 " + count + " 次";
                    case REWORKED -> "返工 " + count + " 件";
                    case FAILED_CHECKS -> "核查未通过 " + d.minFailedChecks() + " 次及以上 " + count + " 件";
                    case OVERDUE -> "超期 " + count + " 件";
                });
            }
        }
        return points;
    }
}

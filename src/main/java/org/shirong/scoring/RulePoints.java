package org.shirong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.shirong.scoring.ScoringRubric.Deduction;
import org.shirong.scoring.ScoringRubric.Rule;
import org.shirong.scoring.ScoringRubric.WhenNoCases;

/** The points one rubric rule gives one unit, from the unit's cases, returns and reopenings in the period (two decimals). */
final class RulePoints {

    private RulePoints() {
    }

    static BigDecimal of(Rule rule, List<CaseFact> unitCases, List<ReturnFact> unitReturns, List<ReopenFact> unitReopens,
            boolean excludeSuspended) {
        List<CaseFact> cases = rule.sources() == null ? unitCases
                : unitCases.stream().filter(c -> rule.sources().contains(c.source())).toList();
        List<ReturnFact> returns = rule.sources() == null ? unitReturns
                : unitReturns.stream().filter(r -> rule.sources().contains(r.source())).toList();
        List<ReopenFact> reopens = rule.sources() == null ? unitReopens
                : unitReopens.stream().filter(r -> rule.sources().contains(r.source())).toList();
        BigDecimal points = switch (rule.type()) {
            case RATE -> rate(rule, Indicators.of(cases, returns.size(), excludeSuspended));
            case DEDUCTION -> deduct(rule, Indicators.counted(cases, excludeSuspended), returns.size(), reopens.size());
        };
        return points.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** Full points at {@code fullAt} % or more, {@code perPointBelow} off per percentage point short of it. */
    private static BigDecimal rate(Rule rule, Indicators indicators) {
        BigDecimal rate = switch (rule.indicator()) {
            case CLOSURE_RATE -> indicators.closureRate();
            case ON_TIME_CLOSURE_RATE -> indicators.onTimeClosureRate();
            case ON_TIME_HANDLING_RATE -> indicators.onTimeHandlingRate();
            case URGENT_ON_TIME_RATE -> indicators.urgentOnTimeRate();
        };
        if (rate == null) {
            return rule.whenNoCases() == WhenNoCases.ZERO ? BigDecimal.ZERO : rule.points();
        }
        BigDecimal shortfall = rule.fullAt().subtract(rate).max(BigDecimal.ZERO);
        return rule.points().subtract(shortfall.multiply(rule.perPointBelow()));
    }

    /** The rule's points less {@code perCase} for every counted case (or return, or reopening). */
    private static BigDecimal deduct(Rule rule, List<CaseFact> counted, int returns, int reopens) {
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
        }
        return points;
    }
}

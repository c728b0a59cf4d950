package org.shirong.scoring;

import java.math.BigDecimal;
import java.util.Set;
import org.shirong.scoring.ScoringRubric.Counted;
import org.shirong.scoring.ScoringRubric.Deduction;
import org.shirong.scoring.ScoringRubric.Rule;
import org.shirong.scoring.ScoringRubric.RuleType;

/** The checks of one point rule of the rubric and its deductions, reported into {@link RubricChecks}. */
final class RuleChecks {

    private final RubricChecks checks;

    RuleChecks(RubricChecks checks) {
        this.checks = checks;
    }

    void rule(String at, Rule rule, Set<String> ids) {
        if (checks.missing(at, rule)) {
            return;
        }
        checks.idAndName(at, rule.id(), rule.name(), ids);
        checks.positive(at + ".points", rule.points());
        if (rule.sources() != null && (rule.sources().isEmpty() || rule.sources().contains(null))) {
            checks.problems.add(at + ".sources: 不限来源时请删除该行，否则至少列出一个来源");
        }
        if (rule.type() == null) {
            checks.problems.add(at + ".type: 必须填写（RATE 按比率计分、DEDUCTION 扣分）");
        } else if (rule.type() == RuleType.RATE) {
            if (rule.indicator() == null) {
                checks.problems.add(at + ".indicator: RATE 评分项必须填写比率（CLOSURE_RATE、ON_TIME_CLOSURE_RATE、ON_TIME_HANDLING_RATE、URGENT_ON_TIME_RATE）");
            }
            checks.range(at + ".full-at", rule.fullAt(), BigDecimal.ZERO, RubricChecks.HUNDRED);
            checks.range(at + ".per-point-below", rule.perPointBelow(), BigDecimal.ZERO, rule.points() == null ? RubricChecks.HUNDRED : rule.points());
            if (rule.deductions() != null) {
                checks.problems.add(at + ".deductions: 只有 DEDUCTION 评分项有扣分项");
            }
        } else {
            if (rule.indicator() != null || rule.fullAt() != null || rule.perPointBelow() != null || rule.whenNoCases() != null) {
                checks.problems.add(at + ": DEDUCTION 评分项不使用 indicator、full-at、per-point-below、when-no-cases");
            }
            if (rule.deductionList().isEmpty()) {
                checks.problems.add(at + ".deductions: DEDUCTION 评分项至少需要一个扣分项");
            }
            for (int k = 0; k < rule.deductionList().size(); k++) {
                deduction(at + ".deductions[" + k + "]", rule.deductionList().get(k));
            }
        }
    }

    private void deduction(String at, Deduction d) {
        if (d == null || d.count() == null) {
            checks.problems.add(at + ".count: 必须填写（RETURNED、REWORKED、FAILED_CHECKS、OVERDUE、REOPENED）");
            return;
        }
        checks.positive(at + ".per-case", d.perCase());
        if (d.count() == Counted.FAILED_CHECKS && (d.minFailedChecks() == null || d.minFailedChecks() < 1)) {
            checks.problems.add(at + ".min-failed-checks: FAILED_CHECKS 必须填写核查未通过的次数（如 3）");
        } else if (d.count() != Counted.FAILED_CHECKS && d.minFailedChecks() != null) {
            checks.problems.add(at + ".min-failed-checks: 只有 FAILED_CHECKS 使用该项");
        }
    }
}

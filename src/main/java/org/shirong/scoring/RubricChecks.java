package org.shirong.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.shirong.organization.Organization;
import org.shirong.scoring.ScoringRubric.FullAt;
import org.shirong.scoring.ScoringRubric.Sheet;
import org.shirong.scoring.ScoringRubric.ZoneRule;

/** Every problem of a read {@link ScoringRubric}, each as "field: what is wrong" in Chinese. */
final class RubricChecks {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    static final BigDecimal HUNDRED = Indicators.HUNDRED;

    final List<String> problems = new ArrayList<>();

    static List<String> check(ScoringRubric r) {
        RubricChecks c = new RubricChecks();
        if (r.scoredUnitTypes() == null || r.scoredUnitTypes().isEmpty() || r.scoredUnitTypes().contains(null)) {
            c.problems.add("scored-unit-types: 必须列出参加排名的单位类型（如 [UNIT, COMMITTEE, PROPERTY]）");
        }
        if (r.excludeSuspendedFromDenominator() == null) {
            c.problems.add("exclude-suspended-from-denominator: 必须填写 true 或 false");
        }
        Set<String> ids = new HashSet<>();
        if (r.rules() == null || r.rules().isEmpty()) {
            c.problems.add("rules: 至少需要一个评分项");
        } else {
            for (int i = 0; i < r.rules().size(); i++) {
                new RuleChecks(c).rule("rules[" + i + "]", r.rules().get(i), ids);
            }
        }
        for (int i = 0; i < r.zoneRuleList().size(); i++) {
            c.zoneRule("zone-rules[" + i + "]", r.zoneRuleList().get(i), ids);
        }
        if (r.taskRule() != null) {
            c.taskRule("task-rule", r.taskRule(), ids);
        }
        c.grades(r);
        if (r.nonPerforming() == null) {
            c.problems.add("non-performing: 必须填写 below-score 和 bottom");
        } else {
            c.range("non-performing.below-score", r.nonPerforming().belowScore(), BigDecimal.ZERO, HUNDRED);
            if (r.nonPerforming().bottom() == null || r.nonPerforming().bottom() < 0) {
                c.problems.add("non-performing.bottom: 必须填写 0 或正整数（排名最后几个单位予以通报）");
            }
        }
        if (r.inspection() != null) {
            c.range("inspection.weight", r.inspection().weight(), BigDecimal.ZERO, BigDecimal.ONE);
            c.sheets(r.sheets());
        }
        if (r.territoryRanking() != null) {
            var bottom = r.territoryRanking().nameBottom();
            if (r.territoryRanking().belowScore() != null) {
                c.range("territory-ranking.below-score", r.territoryRanking().belowScore(), BigDecimal.ZERO, HUNDRED);
            }
            if ((bottom == null || bottom.isEmpty()) && r.territoryRanking().belowScore() == null) {
                c.problems.add("territory-ranking: 必须填写 name-bottom（按级别写排名靠后予以通报的个数，如 { TOWN: 5, STREET: 1 }）"
                        + "或 below-score（总分低于该分予以通报）");
            } else if (bottom != null) {
                bottom.forEach((level, n) -> {
                    if (level == null || level == Organization.Level.DISTRICT || n == null || n < 0) {
                        c.problems.add("territory-ranking.name-bottom." + level + ": 级别只能是 TOWN（镇）或 STREET（街道），个数为 0 或正整数");
                    }
                });
            }
        }
        if (r.cooperationRules() != null) {
            var rules = r.cooperationRules();
            if (rules.points() == null || rules.points().signum() <= 0) {
                c.problems.add("cooperation-rules.points: 必须填写大于 0 的满分");
            }
            c.range("cooperation-rules.full-at", rules.fullAt(), BigDecimal.ZERO, HUNDRED);
            if (rules.perPointBelow() == null || rules.perPointBelow().signum() < 0) {
                c.problems.add("cooperation-rules.per-point-below: 必须填写 0 或正数（协办按时率每低 1 个百分点扣的分）");
            }
            if (rules.perNotDone() != null && rules.perNotDone().signum() < 0) {
                c.problems.add("cooperation-rules.per-not-done: 不能为负数（每件未完成的协办扣的分）");
            }
        }
        return c.problems;
    }

    /** A zone item: its id is unique among all items; a per-road-class {@code full-at} only for 履责率, naming every class. */
    private void zoneRule(String at, ZoneRule rule, Set<String> ids) {
        if (missing(at, rule)) {
            return;
        }
        idAndName(at, rule.id(), rule.name(), ids);
        positive(at + ".points", rule.points());
        if (rule.indicator() == null) {
            problems.add(at + ".indicator: 必须填写（COMPLIANCE_RATE 履责率、DELIVERY_RATE 送达率、POSTING_RATE 上墙率）");
        }
        range(at + ".per-point-below", rule.perPointBelow(), BigDecimal.ZERO, rule.points() == null ? HUNDRED : rule.points());
        FullAt fullAt = rule.fullAt();
        if (fullAt == null) {
            problems.add(at + ".full-at: 必须填写目标（%），履责率可按道路等级分别填写（如 { MAIN_ROAD: 98, OTHER: 95 }）");
        } else if (fullAt.all() != null) {
            range(at + ".full-at", fullAt.all(), BigDecimal.ZERO, HUNDRED);
        } else if (rule.indicator() != null && rule.indicator() != ZoneFacts.Indicator.COMPLIANCE_RATE) {
            problems.add(at + ".full-at: 只有履责率（COMPLIANCE_RATE）可按道路等级分别填写目标，请填写一个百分数");
        } else if (!fullAt.byRoadClass().keySet().equals(Set.copyOf(ZoneFacts.ROAD_CLASSES))) {
            problems.add(at + ".full-at: 按道路等级填写时须且只须写 " + String.join("、", ZoneFacts.ROAD_CLASSES)
                    + "（MAIN_ROAD 主要道路、OTHER 其他道路），现为 " + String.join("、", fullAt.byRoadClass().keySet()));
        } else {
            fullAt.byRoadClass().forEach((roadClass, target) -> range(at + ".full-at." + roadClass, target, BigDecimal.ZERO, HUNDRED));
        }
    }

    /** The task item: its id is unique among all items; deductions of 0 or more, at most its points. */
    private void taskRule(String at, ScoringRubric.TaskRule rule, Set<String> ids) {
        idAndName(at, rule.id(), rule.name(), ids);
        positive(at + ".points", rule.points());
        BigDecimal max = rule.points() == null ? HUNDRED : rule.points();
        if (rule.perOverdueTask() == null) {
            problems.add(at + ".per-overdue-task: 必须填写每项逾期未完成的任务扣的分");
        } else {
            range(at + ".per-overdue-task", rule.perOverdueTask(), BigDecimal.ZERO, max);
        }
        if (rule.perLateTask() != null) {
            range(at + ".per-late-task", rule.perLateTask(), BigDecimal.ZERO, max);
        }
    }

    private void grades(ScoringRubric r) {
        if (r.grades() == null || r.grades().isEmpty()) {
            problems.add("grades: 至少需要一个等级");
            return;
        }
        Set<String> seen = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < r.grades().size(); i++) {
            var band = r.grades().get(i);
            String at = "grades[" + i + "]";
            if (band == null || blank(band.grade()) || !seen.add(band.grade())) {
                problems.add(at + ".grade: 必须填写且不能重复");
                continue;
            }
            range(at + ".min-score", band.minScore(), BigDecimal.ZERO, HUNDRED);
            if (band.minScore() != null && previous != null && band.minScore().compareTo(previous) >= 0) {
                problems.add(at + ".min-score: 等级须按分数由高到低排列，" + band.minScore() + " 不低于上一等级的 " + previous);
            }
            previous = band.minScore() == null ? previous : band.minScore();
        }
        if (blank(r.lowestGrade()) || seen.contains(r.lowestGrade())) {
            problems.add("lowest-grade: 必须填写最低等级（如 E），且不能与 grades 中的等级重复");
        }
    }

    private void sheets(List<Sheet> sheets) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = sheets.get(i);
            String at = "inspection.sheets[" + i + "]";
            if (missing(at, sheet)) {
                continue;
            }
            idAndName(at, sheet.id(), sheet.name(), ids);
            if (sheet.items() == null || sheet.items().isEmpty()) {
                problems.add(at + ".items: 每张检查评分表至少需要一个检查项");
                continue;
            }
            Set<String> itemIds = new HashSet<>();
            for (int k = 0; k < sheet.items().size(); k++) {
                var item = sheet.items().get(k);
                String itemAt = at + ".items[" + k + "]";
                if (missing(itemAt, item)) {
                    continue;
                }
                idAndName(itemAt, item.id(), item.name(), itemIds);
                positive(itemAt + ".max-points", item.maxPoints());
            }
        }
    }

    void idAndName(String at, String id, String name, Set<String> seen) {
        if (blank(id)) {
            problems.add(at + ".id: 必须填写");
        } else if (!CODE.matcher(id).matches()) {
            problems.add(at + ".id: \"" + id + "\" 只能使用大写英文字母、数字和下划线，并以字母开头（例如 ON_TIME_CLOSURE）");
        } else if (!seen.add(id)) {
            problems.add(at + ".id: \"" + id + "\" 重复");
        }
        if (blank(name)) {
            problems.add(at + ".name: 必须填写中文名称");
        }
    }

    boolean missing(String at, Object entry) {
        if (entry == null) {
            problems.add(at + ": 空条目");
        }
        return entry == null;
    }

    void positive(String at, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            problems.add(at + ": 必须填写大于 0 的数");
        }
    }

    void range(String at, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(at + ": 必须填写 " + min.toPlainString() + " 到 " + max.toPlainString() + " 之间的数");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

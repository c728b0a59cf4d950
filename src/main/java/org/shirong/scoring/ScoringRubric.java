package org.shirong.scoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.organization.GroupType;
import org.shirong.organization.Organization;
import org.shirong.rectification.CaseSource;

/**
 * The rubric of {@code config/scoring.yaml} as read (and then checked by {@link RubricChecks}): which
 * units are ranked, whether suspended cases leave the denominators, the point rules, the grade bands,
 * who is named in the 通报, the inspection score sheets with their weight in the total, and (optional) how the
 * units' 协办 is scored, apart from the lead-unit total, and (optional, for a district) how many of its lowest-ranked
 * towns and streets are named, (optional) the items scored on the responsibility zones' rates ({@link ZoneFacts}), and
 * (optional) the item scored on the timeliness of the units' campaign tasks ({@link TaskFacts}).
 */
record ScoringRubric(List<GroupType> scoredUnitTypes, Boolean excludeSuspendedFromDenominator, List<Rule> rules,
        List<GradeBand> grades, String lowestGrade, NonPerforming nonPerforming, Inspection inspection,
        CooperationRules cooperationRules, TerritoryRanking territoryRanking, List<ZoneRule> zoneRules, TaskRule taskRule) {

    List<ZoneRule> zoneRuleList() {
        return zoneRules == null ? List.of() : zoneRules;
    }

    boolean excludeSuspended() {
        return Boolean.TRUE.equals(excludeSuspendedFromDenominator);
    }

    BigDecimal maxPoints() {
        return rules.stream().map(Rule::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal inspectionWeight() {
        return inspection == null || inspection.weight() == null ? BigDecimal.ZERO : inspection.weight();
    }

    List<Sheet> sheets() {
        return inspection == null || inspection.sheets() == null ? List.of() : inspection.sheets();
    }

    Optional<Sheet> sheet(String id) {
        return sheets().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    enum RuleType { RATE, DEDUCTION }

    /** The rates a RATE rule can score (higher is better). */
    enum RateIndicator { CLOSURE_RATE, ON_TIME_CLOSURE_RATE, ON_TIME_HANDLING_RATE, URGENT_ON_TIME_RATE }

    /** What a DEDUCTION rule counts: returns, reworked cases, cases failing several checks, overdue cases, reopenings. */
    enum Counted { RETURNED, REWORKED, FAILED_CHECKS, OVERDUE, REOPENED }

    /** What a RATE rule gives when the unit had no case to rate (e.g. no urgent case): full points or none. */
    enum WhenNoCases { FULL, ZERO }

    /**
     * One component of the score, worth {@code points}. RATE: full points at {@code fullAt} percent or
     * more, {@code perPointBelow} off per percentage point below, never below 0. DEDUCTION: {@code points}
     * less each deduction's {@code perCase} times its count, never below 0. {@code sources}, if given,
     * limits the rule to cases from those sources (e.g. leader-assigned and media cases).
     */
    record Rule(String id, String name, RuleType type, BigDecimal points, RateIndicator indicator, BigDecimal fullAt,
            BigDecimal perPointBelow, WhenNoCases whenNoCases, List<CaseSource> sources, List<Deduction> deductions) {

        List<Deduction> deductionList() {
            return deductions == null ? List.of() : deductions;
        }
    }

    /** {@code perCase} points off per counted case; FAILED_CHECKS counts cases failing at least {@code minFailedChecks} checks. */
    record Deduction(Counted count, BigDecimal perCase, Integer minFailedChecks) {
    }

    record GradeBand(String grade, BigDecimal minScore) {
    }

    /** Named in the 通报: a total below {@code belowScore}, or among the {@code bottom} lowest-ranked units. */
    record NonPerforming(BigDecimal belowScore, Integer bottom) {
    }

    record Inspection(BigDecimal weight, List<Sheet> sheets) {
    }

    /** An inspection score sheet (检查评分表) for one category of the standard. */
    record Sheet(String id, String name, List<Item> items) {

        BigDecimal maxPoints() {
            return items.stream().map(Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    record Item(String id, String name, BigDecimal maxPoints) {
    }

    /**
     * How 协办 is scored (optional; without it the 协办 counts are reported unscored): {@code points} at a 协办按时率
     * of {@code fullAt} percent or more, {@code perPointBelow} off per percentage point below, and
     * {@code perNotDone} (optional) off per 协办 not recorded; never below 0.
     */
    record CooperationRules(BigDecimal points, BigDecimal fullAt, BigDecimal perPointBelow, BigDecimal perNotDone) {

        BigDecimal perNotDoneOrZero() {
            return perNotDone == null ? BigDecimal.ZERO : perNotDone;
        }
    }

    /**
     * A district's ranking of its towns and streets (each scored on the cases located in it): the {@code nameBottom}
     * lowest-ranked of each level are named (排名靠后的 5 个镇和 1 个街道), and any town or street whose total is below
     * {@code belowScore} (the 通报线; null: none). Without either, the ranking names nobody.
     */
    record TerritoryRanking(Map<Organization.Level, Integer> nameBottom, BigDecimal belowScore) {

        int bottom(Organization.Level level) {
            return nameBottom == null ? 0 : nameBottom.getOrDefault(level, 0);
        }
    }

    /**
     * An item scored on a responsibility-zone rate: {@code points} when the rate reaches {@code fullAt} percent (for
     * 履责率 possibly per road class), {@code perPointBelow} off per percentage point short of it, summed over the road
     * classes, never below 0.
     */
    record ZoneRule(String id, String name, ZoneFacts.Indicator indicator, BigDecimal points, FullAt fullAt,
            BigDecimal perPointBelow) {
    }

    /**
     * A target in percent: one for every figure ({@code full-at: 100}), or one per road class
     * ({@code full-at: { MAIN_ROAD: 98, OTHER: 95 }}).
     */
    @JsonDeserialize(using = FullAtReader.class)
    record FullAt(BigDecimal all, Map<String, BigDecimal> byRoadClass) {

        /** The target of a figure of that road class (null for a class the map does not name). */
        BigDecimal of(String roadClass) {
            return all != null ? all : roadClass == null ? null : byRoadClass.get(roadClass);
        }
    }

    /** Reads {@code full-at} as a number or as a map of road class to number. */
    static final class FullAtReader extends StdDeserializer<FullAt> {

        FullAtReader() {
            super(FullAt.class);
        }

        @Override
        public FullAt deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isNumber()) {
                return new FullAt(node.decimalValue(), null);
            }
            if (node.isObject()) {
                Map<String, BigDecimal> byClass = new LinkedHashMap<>();
                for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                    if (!field.getValue().isNumber()) {
                        return context.reportInputMismatch(FullAt.class, "%s 的目标应为百分数（如 98）", field.getKey());
                    }
                    byClass.put(field.getKey(), field.getValue().decimalValue());
                }
                return new FullAt(null, byClass);
            }
            return context.reportInputMismatch(FullAt.class,
                    "应为一个百分数（如 100），或按道路等级分别填写（如 { MAIN_ROAD: 98, OTHER: 95 }）");
        }
    }

    /**
     * The item scored on the unit's campaign tasks ({@link TaskFacts}: 签订目标责任书、月度工作报告、交办事项 …) counted in the
     * period: {@code points} less {@code perOverdueTask} for each task past its deadline and not done at the period's end
     * (those due earlier included, every period until done) and {@code perLateTask} for each done late in the period,
     * never below 0. A unit with no task counted has no such item.
     */
    record TaskRule(String id, String name, BigDecimal points, BigDecimal perOverdueTask, BigDecimal perLateTask) {

        BigDecimal perLateTaskOrZero() {
            return perLateTask == null ? BigDecimal.ZERO : perLateTask;
        }
    }

    /**
     * The same rubric for ranking towns and streets: the units' 通报 rules do not apply, {@link TerritoryRanking} names them;
     * a town's campaign tasks are its own organisation's, not scored here.
     */
    ScoringRubric forTerritories() {
        return new ScoringRubric(scoredUnitTypes, excludeSuspendedFromDenominator, rules, grades, lowestGrade,
                new NonPerforming(BigDecimal.ZERO, 0), inspection, cooperationRules, territoryRanking, zoneRules, null);
    }
}

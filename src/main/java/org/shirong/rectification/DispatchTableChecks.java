package org.shirong.rectification;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.DmnHitPolicyException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.shirong.calendar.LimitUnit;
import org.shirong.system.ModelFiles;
import org.shirong.system.TenantResources;
import org.shirong.system.UnavailableException;
import org.springframework.stereotype.Component;

/**
 * Checks an organisation's dispatch table ({@code CaseDispatch}) at start-up as {@link CaseSteps#dispatched} and
 * {@link DispatchRules} will read it: the four outputs they read exist, a hit policy that gives one result, in every
 * rule a lead unit, a whole positive time limit and a {@link LimitUnit} name; then the table is evaluated once for every
 * applicable category of the organisation's {@code categories.yaml}, each urgency and each source the table tells
 * apart, and must give exactly one rule with usable outputs. A table that passed none of this used to start, and then
 * every case report and category list of the organisation answered 500.
 */
@Component
class DispatchTableChecks implements TenantResources.ResourceCheck {

    private static final Map<String, String> OUTPUTS = Map.of(CaseDispatch.OUT_LEAD_UNIT, "牵头单位",
            CaseDispatch.OUT_RESPONSIBLE_UNITS, "责任单位", CaseDispatch.OUT_LIMIT_AMOUNT, "整改时限",
            CaseDispatch.OUT_LIMIT_UNIT, "时限单位");
    private static final List<String> OUTPUT_ORDER = List.of(CaseDispatch.OUT_LEAD_UNIT, CaseDispatch.OUT_RESPONSIBLE_UNITS,
            CaseDispatch.OUT_LIMIT_AMOUNT, CaseDispatch.OUT_LIMIT_UNIT);
    private static final Set<HitPolicy> ONE_RESULT = Set.of(HitPolicy.FIRST, HitPolicy.UNIQUE, HitPolicy.ANY, HitPolicy.PRIORITY);
    /** Marks a hit-policy violation among what {@link #evaluated} returns (not shown). */
    private static final String OVERLAP = "\u0000";
    private static final String UNITS = Arrays.stream(LimitUnit.values()).map(u -> u.name() + "（" + u.label() + "）")
            .collect(Collectors.joining("、"));

    private final CategoryCatalogue categories;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Most organisations share a table and a category list: each pair is checked once. */
    private final Map<List<Object>, List<String>> checked = new ConcurrentHashMap<>();

    DispatchTableChecks(CategoryCatalogue categories) {
        this.categories = categories;
    }

    @Override
    public List<String> check(String tenant, String name, String origin, byte[] content) {
        if (!name.endsWith("/CaseDispatch.dmn")) {
            return List.of();
        }
        List<Category> applicable = categories.all(tenant).stream().filter(Category::applicable).toList();
        return checked.computeIfAbsent(List.of(ByteBuffer.wrap(content), applicable, origin),
                key -> check(origin, content, applicable));
    }

    private List<String> check(String origin, byte[] content, List<Category> applicable) {
        DmnModelInstance model;
        try {
            model = ModelFiles.readDmn(content);
        } catch (RuntimeException unreadable) {
            return List.of(); // the file checks name its line
        }
        Decision decision = model.getModelElementsByType(Decision.class).stream()
                .filter(d -> CaseDispatch.KEY.equals(d.getId())).findFirst().orElse(null);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return List.of(origin + ": 没有 id 为 " + CaseDispatch.KEY + " 的决策表（流程“派遣案件”按此 id 查找派遣规则）");
        }
        List<String> problems = new ArrayList<>();
        if (!ONE_RESULT.contains(table.getHitPolicy()) || table.getAggregation() != null) {
            problems.add("%s: 命中策略 %s%s 会给出多条结果，派遣只能用一条：请改为 FIRST（自上而下第一条符合的规则生效）".formatted(origin,
                    table.getHitPolicy(), table.getAggregation() == null ? "" : " " + table.getAggregation()));
        }
        List<String> outputNames = table.getOutputs().stream().map(Output::getName).toList();
        for (String output : OUTPUT_ORDER) {
            if (!outputNames.contains(output)) {
                problems.add("%s: 缺少输出 %s（%s）%s".formatted(origin, output, OUTPUTS.get(output), unknownOutputs(outputNames)));
            }
        }
        checkRules(origin, table, problems);
        if (problems.isEmpty()) {
            evaluate(origin, content, model, table, applicable, problems);
        }
        return problems;
    }

    private static String unknownOutputs(List<String> outputNames) {
        List<String> unknown = outputNames.stream().filter(n -> !OUTPUTS.containsKey(n)).map(n -> "\"" + n + "\"").toList();
        return unknown.isEmpty() ? "" : "；表中的输出 " + String.join("、", unknown) + " 不是派遣读取的输出（名称区分大小写）";
    }

    /** Each rule's literal outputs as the code reads them: a lead unit, a whole positive amount, a unit it knows. */
    private static void checkRules(String origin, DecisionTable table, List<String> problems) {
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<Rule> rules = new ArrayList<>(table.getRules());
        for (int r = 0; r < rules.size(); r++) {
            String at = "%s: 规则 %s（第 %d 条）: ".formatted(origin, rules.get(r).getId(), r + 1);
            List<OutputEntry> entries = new ArrayList<>(rules.get(r).getOutputEntries());
            for (int o = 0; o < entries.size() && o < outputs.size(); o++) {
                String text = entries.get(o).getText() == null ? "" : entries.get(o).getText().getTextContent().strip();
                String output = outputs.get(o).getName();
                if (CaseDispatch.OUT_LEAD_UNIT.equals(output) && (text.isEmpty() || text.equals("\"\"") || text.equals("null"))) {
                    problems.add(at + "没有牵头单位 leadUnit（填写组 id，例如 \"chengguan\"，或 \"@office\" 交办公室）");
                } else if (CaseDispatch.OUT_LIMIT_AMOUNT.equals(output) && !text.matches("0*[1-9][0-9]{0,8}")) {
                    problems.add(at + "整改时限 limitAmount \"" + text + "\" 不是正整数");
                } else if (CaseDispatch.OUT_LIMIT_UNIT.equals(output) && LimitUnit.fromText(unquoted(text))
                        .filter(u -> u.name().equals(unquoted(text))).isEmpty()) {
                    problems.add(at + "时限单位 limitUnit " + text + " 不是 " + UNITS + " 之一");
                }
            }
        }
    }

    private static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    /**
     * Evaluates the table for each category × urgency × source (a column every rule leaves "-" with one value only): one
     * line per category that gets no rule, several, or outputs the code cannot use.
     */
    private void evaluate(String origin, byte[] content, DmnModelInstance model, DecisionTable table, List<Category> applicable,
            List<String> problems) {
        DmnDecision decision;
        try {
            decision = dmnEngine.parseDecision(CaseDispatch.KEY, model);
        } catch (RuntimeException e) {
            return; // the file checks report what the DMN engine cannot read
        }
        List<String> urgencies = values(table, CaseDispatch.IN_URGENCY, Arrays.stream(Urgency.values()).map(Enum::name).toList());
        List<String> sources = values(table, CaseDispatch.IN_SOURCE, Arrays.stream(CaseSource.values()).map(Enum::name).toList());
        // UNIQUE (Modeler's default) with a catch-all rule: every category matches two rules; one line for the table
        // (poreview-s56 P8), not one per category
        Map<String, String> overlapping = new java.util.LinkedHashMap<>();
        for (Category category : applicable) {
            Map<String, List<String>> wrong = new java.util.LinkedHashMap<>();
            for (String urgency : urgencies) {
                for (String source : sources) {
                    String problem = evaluated(decision, category.code(), urgency, source);
                    if (problem != null && problem.startsWith(OVERLAP) && table.getHitPolicy() != HitPolicy.FIRST) {
                        overlapping.putIfAbsent(category.code() + "（" + category.name() + "）", problem.substring(OVERLAP.length()));
                    } else if (problem != null) {
                        problem = problem.startsWith(OVERLAP)
                                ? "规则 " + problem.substring(OVERLAP.length()) + " 同时符合，派遣只能用一条（命中策略请用 FIRST）" : problem;
                        wrong.computeIfAbsent(problem, p -> new ArrayList<>()).add(String.join("，",
                                Stream.of(urgencies.size() > 1 ? "紧急程度 " + urgency : "", sources.size() > 1 ? "来源 " + source : "")
                                        .filter(w -> !w.isEmpty()).toList()));
                    }
                }
            }
            if (!wrong.isEmpty()) {
                problems.add("%s: 类别 %s（%s）: %s".formatted(origin, category.code(), category.name(),
                        wrong.entrySet().stream().map(e -> e.getKey() + cases(e.getValue(), urgencies.size() * sources.size()))
                                .collect(Collectors.joining("；"))));
            }
        }
        if (!overlapping.isEmpty()) {
            problems.add(0, "%s: 第 %d 行: 命中策略为 %s，派遣表须用 FIRST（规则自上而下，第一条符合的生效；兜底规则放在最后）："
                    .formatted(origin, lineOf(content, table), table.getHitPolicy()) + overlapping.size() + " 个类别同时符合多条规则，如 "
                    + overlapping.entrySet().stream().limit(3).map(e -> "类别 " + e.getKey() + " 符合规则 " + e.getValue())
                            .collect(Collectors.joining("；")) + (overlapping.size() > 3 ? " 等" : ""));
        }
    }

    /** The line of the decision table's start tag in the file, 0 when not found. */
    private static int lineOf(byte[] content, DecisionTable table) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        int at = table.getId() == null ? -1 : text.indexOf("id=\"" + table.getId() + "\"");
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** "" when every urgency × source went wrong alike, else "（紧急程度 URGENT、…）". */
    private static String cases(List<String> where, int all) {
        return where.size() == all ? "" : where.stream().limit(4).collect(Collectors.joining("、", "（", where.size() > 4 ? " 等）" : "）"));
    }

    /** What is wrong with the table's answer for one case, or null. */
    private String evaluated(DmnDecision decision, String category, String urgency, String source) {
        DmnDecisionResult result;
        try {
            result = dmnEngine.evaluateDecision(decision, Variables.createVariables().putValue(CaseDispatch.IN_CATEGORY, category)
                    .putValue(CaseDispatch.IN_URGENCY, urgency).putValue(CaseDispatch.IN_SOURCE, source));
        } catch (DmnHitPolicyException e) {
            java.util.regex.Matcher rule = java.util.regex.Pattern.compile("DmnEvaluatedDecisionRuleImpl\\{id='([^']*)'").matcher(
                    String.valueOf(e.getMessage()));
            List<String> rules = new ArrayList<>();
            while (rule.find()) {
                rules.add(rule.group(1));
            }
            return OVERLAP + String.join("、", rules);
        } catch (RuntimeException e) {
            return "无法计算（" + e.getMessage() + "）";
        }
        if (result.isEmpty()) {
            return "没有符合的规则，案件将无法派遣（请加一条该类别的规则，或在表末加兜底规则）";
        }
        if (result.size() > 1) {
            return "有 " + result.size() + " 条规则同时符合，派遣只能用一条";
        }
        Map<String, Object> entries = result.getSingleResult().getEntryMap();
        return problem(entries);
    }

    /**
     * The 503 for a table that still gives a case nothing usable at runtime (changed in the database since start-up, or a
     * case the start-up check did not try): names the table, the category and what is wrong.
     */
    static UnavailableException unusable(String organization, String category, String problem) {
        return new UnavailableException("DISPATCH_TABLE_UNUSABLE", ("派遣决策表 CaseDispatch（config/organizations/%s/CaseDispatch.dmn，"
                + "没有时为 _defaults/CaseDispatch.dmn）对类别 %s 给不出可用的派遣结果：%s。案件未登记；请告知流程管理员修正该表并重新启动")
                .formatted(organization, category, problem));
    }

    /** {@code entries} if the code can use them, else the 503 naming what is wrong. */
    static Map<String, Object> usable(String organization, String category, Map<String, Object> entries) {
        String problem = entries == null ? "没有符合的规则" : problem(entries);
        if (problem != null) {
            throw unusable(organization, category, problem);
        }
        return entries;
    }

    /** What the code could not use in one result, or null. */
    static String problem(Map<String, Object> entries) {
        Object lead = entries.get(CaseDispatch.OUT_LEAD_UNIT);
        if (!(lead instanceof String l) || l.isBlank()) {
            return "没有牵头单位 leadUnit";
        }
        Object responsible = entries.get(CaseDispatch.OUT_RESPONSIBLE_UNITS);
        if (responsible != null && !(responsible instanceof String)) {
            return "责任单位 responsibleUnits " + responsible + " 不是文字";
        }
        Object amount = entries.get(CaseDispatch.OUT_LIMIT_AMOUNT);
        if (!(amount instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1
                || n.doubleValue() > Integer.MAX_VALUE) {
            return "整改时限 limitAmount " + amount + " 不是正整数";
        }
        Object unit = entries.get(CaseDispatch.OUT_LIMIT_UNIT);
        if (!(unit instanceof String u) || Arrays.stream(LimitUnit.values()).noneMatch(v -> v.name().equals(u))) {
            return "时限单位 limitUnit " + unit + " 不是 " + UNITS + " 之一";
        }
        return null;
    }

    /** The values to try for an input: all of them when a rule tests the column, else one (the column does not matter). */
    private static List<String> values(DecisionTable table, String input, List<String> all) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).getInputExpression() == null || inputs.get(i).getInputExpression().getText() == null
                    || !input.equals(inputs.get(i).getInputExpression().getText().getTextContent().strip())) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
                String text = i < entries.size() && entries.get(i).getText() != null ? entries.get(i).getText().getTextContent().strip() : "";
                if (!text.isEmpty() && !text.equals("-")) {
                    return all;
                }
            }
        }
        return all.subList(0, 1);
    }
}

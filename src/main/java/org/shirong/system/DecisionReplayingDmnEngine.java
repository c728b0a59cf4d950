package org.shirong.system;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The engine's DMN engine, evaluating a decision once per distinct input within a {@link RepeatedDecisions} scope.
 * Only a decision table that depends on nothing but its input values is answered again: no required decisions, every
 * input expression the name of a variable, every input entry {@code -} or a list of literals (optionally in
 * {@code not(…)}), every output entry a literal; its result is then a function of those variables' values. The repeat
 * gets a copy of the first result, and the engine's decision evaluation listeners (history, metrics) are told the first
 * evaluation's event again, in the repeat's own execution, so that what they record is what evaluating would have
 * recorded. Everything else, and everything outside a scope, goes to the engine's DMN engine as it is.
 */
class DecisionReplayingDmnEngine implements DmnEngine {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String LITERAL = "(\"[^\"\\\\]*\"|-?[0-9]+(\\.[0-9]+)?|true|false)";
    private static final Pattern LITERAL_TEST = Pattern.compile("-?|(not\\(\\s*)?" + LITERAL + "(\\s*,\\s*" + LITERAL + ")*(\\s*\\))?");
    private static final Pattern LITERAL_OUTPUT = Pattern.compile("|" + LITERAL);

    /** The evaluations of the current thread's scope: decision and input values → the first evaluation; null outside one. */
    private static final ThreadLocal<Map<List<Object>, Evaluated>> SCOPE = new ThreadLocal<>();
    /** The event of the evaluation being made for a scope on this thread, as the engine's listeners get it. */
    private static final ThreadLocal<DmnDecisionEvaluationEvent> CAPTURED = new ThreadLocal<>();

    private final DmnEngine engine;
    private final DefaultDmnEngineConfiguration configuration;
    /** Keeps the event of an evaluation made for a scope; outside one (every other thread) it keeps nothing. */
    private final DmnDecisionEvaluationListener capture = event -> {
        if (SCOPE.get() != null) {
            CAPTURED.set(event);
        }
    };
    private final Map<DmnDecision, Boolean> replayable = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private record Evaluated(DmnDecisionResult result, DmnDecisionEvaluationEvent event) {
    }

    DecisionReplayingDmnEngine(DmnEngine engine, DefaultDmnEngineConfiguration configuration) {
        this.engine = engine;
        this.configuration = configuration;
        // the live list the engine's decision context notifies (read anew for every evaluation)
        configuration.getDecisionEvaluationListeners().add(0, capture);
    }

    static <T> T within(Supplier<T> work) {
        if (SCOPE.get() != null) {
            return work.get();
        }
        SCOPE.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            SCOPE.remove();
            CAPTURED.remove();
        }
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variableContext) {
        Map<List<Object>, Evaluated> scope = SCOPE.get();
        if (scope == null || !replayable.computeIfAbsent(decision, DecisionReplayingDmnEngine::dependsOnInputsOnly)) {
            return engine.evaluateDecision(decision, variableContext);
        }
        List<Object> key = key(decision, variableContext);
        Evaluated first = scope.get(key);
        if (first == null) {
            CAPTURED.remove();
            DmnDecisionResult result = engine.evaluateDecision(decision, variableContext);
            DmnDecisionEvaluationEvent event = CAPTURED.get();
            CAPTURED.remove();
            if (event == null) {
                return result; // the listeners were not told (another DMN engine set up): nothing to tell them again
            }
            scope.put(key, new Evaluated(copy(result), event));
            return result;
        }
        for (DmnDecisionEvaluationListener listener : List.copyOf(configuration.getDecisionEvaluationListeners())) {
            if (listener != capture) {
                listener.notify(first.event());
            }
        }
        if (first.event().getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
            configuration.getDecisionTableEvaluationListeners().forEach(listener -> listener.notify(table));
        }
        return copy(first.result());
    }

    /** The decision and, in order, the type and value of each variable its inputs name. */
    private static List<Object> key(DmnDecision decision, VariableContext variableContext) {
        List<Object> key = new ArrayList<>();
        key.add(decision);
        for (DmnDecisionTableInputImpl input : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getInputs()) {
            String name = input.getExpression().getExpression().strip();
            TypedValue value = variableContext.containsVariable(name) ? variableContext.resolve(name) : null;
            key.add(value == null ? null : value.getType() == null ? null : value.getType().getName());
            key.add(value == null ? null : value.getValue());
        }
        return key;
    }

    static boolean dependsOnInputsOnly(DmnDecision decision) {
        if (!decision.isDecisionTable() || !decision.getRequiredDecisions().isEmpty()
                || !(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            return false;
        }
        for (DmnDecisionTableInputImpl input : table.getInputs()) {
            if (input.getExpression() == null || input.getExpression().getExpression() == null
                    || !NAME.matcher(input.getExpression().getExpression().strip()).matches()) {
                return false;
            }
        }
        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            if (!rule.getConditions().stream().allMatch(c -> matches(LITERAL_TEST, c))
                    || !rule.getConclusions().stream().allMatch(c -> matches(LITERAL_OUTPUT, c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Pattern pattern, DmnExpressionImpl expression) {
        String text = expression == null || expression.getExpression() == null ? "" : expression.getExpression().strip();
        return pattern.matcher(text).matches();
    }

    private static DmnDecisionResult copy(DmnDecisionResult result) {
        List<DmnDecisionResultEntries> entries = new ArrayList<>(result.size());
        for (DmnDecisionResultEntries e : result) {
            DmnDecisionResultEntriesImpl copy = new DmnDecisionResultEntriesImpl();
            e.getEntryMapTyped().forEach(copy::putValue); // typed values are immutable: shared, the map is not
            entries.add(copy);
        }
        return new DmnDecisionResultImpl(entries);
    }

    @Override
    public DmnEngineConfiguration getConfiguration() {
        return engine.getConfiguration();
    }

    @Override
    public List<DmnDecision> parseDecisions(InputStream inputStream) {
        return engine.parseDecisions(inputStream);
    }

    @Override
    public List<DmnDecision> parseDecisions(DmnModelInstance dmnModelInstance) {
        return engine.parseDecisions(dmnModelInstance);
    }

    @Override
    public DmnDecision parseDecision(String decisionKey, InputStream inputStream) {
        return engine.parseDecision(decisionKey, inputStream);
    }

    @Override
    public DmnDecision parseDecision(String decisionKey, DmnModelInstance dmnModelInstance) {
        return engine.parseDecision(decisionKey, dmnModelInstance);
    }

    @Override
    public DmnDecisionRequirementsGraph parseDecisionRequirementsGraph(InputStream inputStream) {
        return engine.parseDecisionRequirementsGraph(inputStream);
    }

    @Override
    public DmnDecisionRequirementsGraph parseDecisionRequirementsGraph(DmnModelInstance dmnModelInstance) {
        return engine.parseDecisionRequirementsGraph(dmnModelInstance);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(decision, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(DmnDecision decision, VariableContext variableContext) {
        return engine.evaluateDecisionTable(decision, variableContext);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, InputStream inputStream, Map<String, Object> variables) {
        return engine.evaluateDecisionTable(decisionKey, inputStream, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, InputStream inputStream, VariableContext variableContext) {
        return engine.evaluateDecisionTable(decisionKey, inputStream, variableContext);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, DmnModelInstance dmnModelInstance,
            Map<String, Object> variables) {
        return engine.evaluateDecisionTable(decisionKey, dmnModelInstance, variables);
    }

    @Override
    public DmnDecisionTableResult evaluateDecisionTable(String decisionKey, DmnModelInstance dmnModelInstance,
            VariableContext variableContext) {
        return engine.evaluateDecisionTable(decisionKey, dmnModelInstance, variableContext);
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, Map<String, Object> variables) {
        return evaluateDecision(decision, Variables.fromMap(variables).asVariableContext());
    }

    @Override
    public DmnDecisionResult evaluateDecision(String decisionKey, InputStream inputStream, Map<String, Object> variables) {
        return engine.evaluateDecision(decisionKey, inputStream, variables);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String decisionKey, InputStream inputStream, VariableContext variableContext) {
        return engine.evaluateDecision(decisionKey, inputStream, variableContext);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String decisionKey, DmnModelInstance dmnModelInstance, Map<String, Object> variables) {
        return engine.evaluateDecision(decisionKey, dmnModelInstance, variables);
    }

    @Override
    public DmnDecisionResult evaluateDecision(String decisionKey, DmnModelInstance dmnModelInstance,
            VariableContext variableContext) {
        return engine.evaluateDecision(decisionKey, dmnModelInstance, variableContext);
    }
}

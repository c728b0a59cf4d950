package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionReplayingDmnEngine}: within a scope a dispatch table is evaluated once per distinct input and every
 * evaluation is still told to the listeners (history, metrics) with its inputs and matched rule; outside a scope, and for a
 * table whose cells are not all literals, every evaluation is made; every organisation's dispatch table qualifies.
 */
@SharesJvm
class DecisionReplayingDmnEngineTest {

    private final DefaultDmnEngineConfiguration configuration =
            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    private final DmnEngine plain = configuration.buildEngine();
    private final AtomicInteger evaluations = new AtomicInteger();
    private final List<DmnDecisionEvaluationEvent> told = new ArrayList<>();
    private final DecisionReplayingDmnEngine engine;

    DecisionReplayingDmnEngineTest() {
        configuration.getDecisionEvaluationListeners().add(told::add); // as the engine's history listener is
        DmnEngine counting = (DmnEngine) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DmnEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("evaluateDecision")) {
                        evaluations.incrementAndGet();
                    }
                    try {
                        return method.invoke(plain, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        engine = new DecisionReplayingDmnEngine(counting, configuration);
    }

    @Test
    void withinAScopeATableIsEvaluatedOncePerDistinctInputAndEveryEvaluationIsToldWithItsInputsAndRule() throws IOException {
        DmnDecision table = dispatchTable(Path.of("config/organizations/_defaults/CaseDispatch.dmn"));
        List<String> categories = List.of("EXPOSED_GARBAGE", "EXPOSED_GARBAGE", "GRAFFITI", "EXPOSED_GARBAGE", "GRAFFITI");
        List<DmnDecisionResult> results = RepeatedDecisionsScope.run(() -> categories.stream()
                .map(category -> engine.evaluateDecision(table, inputs(category))).toList());

        assertThat(evaluations).hasValue(2);
        assertThat(told).hasSize(5);
        for (int i = 0; i < categories.size(); i++) {
            DmnDecisionResult expected = plain.evaluateDecision(table, inputs(categories.get(i)));
            assertThat(results.get(i).getSingleResult().getEntryMap()).isEqualTo(expected.getSingleResult().getEntryMap());
            DmnDecisionTableEvaluationEvent event = (DmnDecisionTableEvaluationEvent) told.get(i).getDecisionResult();
            assertThat(event.getInputs().get(0).getValue().getValue()).isEqualTo(categories.get(i));
            assertThat(event.getMatchingRules()).hasSize(1);
        }
    }

    @Test
    void outsideAScopeEveryEvaluationIsMade() throws IOException {
        DmnDecision table = dispatchTable(Path.of("config/organizations/_defaults/CaseDispatch.dmn"));
        for (int i = 0; i < 3; i++) {
            engine.evaluateDecision(table, inputs("EXPOSED_GARBAGE"));
        }
        assertThat(evaluations).hasValue(3);
        assertThat(told).hasSize(3);
    }

    @Test
    void aTableWhoseOutputIsAnExpressionIsEvaluatedEveryTime() {
        DmnDecision table = plain.parseDecision("Computed", new ByteArrayInputStream(("""
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="Computed" name="Computed">
                    <decisionTable id="t" hitPolicy="FIRST">
                      <input id="i"><inputExpression id="e" typeRef="string"><text>category</text></inputExpression></input>
                      <output id="o" name="leadUnit" typeRef="string" />
                      <rule id="r"><inputEntry id="c"><text>-</text></inputEntry><outputEntry id="x" expressionLanguage="juel"><text>${urgency}</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""").getBytes(StandardCharsets.UTF_8)));
        List<Object> leads = RepeatedDecisionsScope.run(() -> List.of("NORMAL", "URGENT").stream()
                .map(urgency -> (Object) engine.evaluateDecision(table, Variables.createVariables().putValue("category", "A")
                        .putValue("urgency", urgency).asVariableContext()).getSingleResult().getEntry("leadUnit")).toList());

        assertThat(leads).containsExactly("NORMAL", "URGENT");
        assertThat(evaluations).hasValue(2);
    }

    @Test
    void everyOrganisationsDispatchTableIsEvaluatedOncePerDistinctInput() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("config/organizations"))) {
            List<Path> tables = files.filter(p -> p.getFileName().toString().equals("CaseDispatch.dmn")).toList();
            assertThat(tables).hasSizeGreaterThan(1);
            for (Path table : tables) {
                assertThat(DecisionReplayingDmnEngine.dependsOnInputsOnly(dispatchTable(table))).as(table.toString()).isTrue();
            }
        }
    }

    private DmnDecision dispatchTable(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return plain.parseDecision("CaseDispatch", in);
        }
    }

    private static org.camunda.bpm.engine.variable.context.VariableContext inputs(String category) {
        return Variables.fromMap(Map.of("category", category, "urgency", "NORMAL", "source", "SURVEY")).asVariableContext();
    }

    /** {@link RepeatedDecisions#within}, as an import chunk opens it. */
    private static final class RepeatedDecisionsScope {
        static <T> T run(java.util.function.Supplier<T> work) {
            return new RepeatedDecisions().within(work);
        }
    }
}

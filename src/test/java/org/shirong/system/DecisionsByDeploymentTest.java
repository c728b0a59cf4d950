package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionsByDeployment} on an engine of its own: a business rule task bound to its deployment evaluates its own
 * deployment's decision of the key, each time, without reading the decision's row again; once the decision has left the
 * deployment cache, or its deployment is deleted and a new one made, it is found as Camunda finds it.
 */
@SharesJvm
class DecisionsByDeploymentTest {

    private ProcessEngine engine;

    @BeforeEach
    void start() {
        StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.counted("decisions");
        configuration.setProcessEnginePlugins(List.of(new DecisionsByDeployment()));
        engine = configuration.buildProcessEngine();
        Thread test = Thread.currentThread();
        StatementCounter.countThreads(t -> t == test);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void eachDeploymentsProcessEvaluatesItsOwnDecisionAndReadsItsRowOnlyOnce() {
        String first = deploy("first", "一号");
        deploy("second", "二号");
        assertThat(picked("first")).isEqualTo("一号");
        assertThat(picked("second")).isEqualTo("二号");

        StatementCounter.Counts before = StatementCounter.snapshot();
        assertThat(picked("first")).isEqualTo("一号");
        assertThat(picked("second")).isEqualTo("二号");
        assertThat(StatementCounter.snapshot().minus(before).of("select ACT_RE_DECISION_DEF")).isZero();

        // as Camunda once the decision has left the deployment cache
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache().discardDecisionDefinitionCache();
        before = StatementCounter.snapshot();
        assertThat(picked("first")).isEqualTo("一号");
        assertThat(StatementCounter.snapshot().minus(before).of("select ACT_RE_DECISION_DEF")).isPositive();

        // a deployment deleted and made anew, with the same keys and another answer
        engine.getRepositoryService().deleteDeployment(first, true);
        deploy("first", "三号");
        assertThat(picked("first")).isEqualTo("三号");
        assertThat(picked("second")).isEqualTo("二号");
    }

    /** Deploys process {@code process} with its own decision {@code pick}, which answers {@code answer}; returns the deployment. */
    private String deploy(String process, String answer) {
        return engine.getRepositoryService().createDeployment()
                .addModelInstance(process + ".bpmn", Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1)
                        .startEvent().businessRuleTask("decide").camundaDecisionRef("pick").camundaDecisionRefBinding("deployment")
                        .camundaMapDecisionResult("singleEntry").camundaResultVariable("picked").userTask("wait").endEvent().done())
                .addString("pick.dmn", DMN.formatted(answer))
                .deploy().getId();
    }

    private Object picked(String process) {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(process).getId();
        return engine.getRuntimeService().getVariable(instance, "picked");
    }

    private static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="picks" name="picks" namespace="http://camunda.org/schema/1.0/dmn">
              <decision id="pick" name="pick" camunda:historyTimeToLive="1">
                <decisionTable id="table" hitPolicy="FIRST">
                  <input id="in" label="any">
                    <inputExpression id="inExpression" typeRef="string"><text>"x"</text></inputExpression>
                  </input>
                  <output id="out" name="answer" typeRef="string" />
                  <rule id="always">
                    <inputEntry id="anyValue"><text></text></inputEntry>
                    <outputEntry id="theAnswer"><text>"%s"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}

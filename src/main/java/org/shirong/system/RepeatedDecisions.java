package org.shirong.system;

import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decisions evaluated once per distinct input within a scope (issue 13, W2: an import chunk of 100 cases, most with the
 * same category, urgency and source, evaluated the dispatch table 100 times). Inside {@link #within} the engine's DMN
 * engine ({@link DecisionReplayingDmnEngine}) evaluates a decision table whose cells are all literals once per distinct
 * set of input values and answers the repeats with a copy of that result, telling the engine's listeners the first
 * evaluation's event again: every case still gets its own historic decision instance (its inputs, matched rule and
 * outputs, as Cockpit and the case's history show them) and the decision metrics count every evaluation.
 * Outside a scope every decision is evaluated as usual.
 */
@Component
public class RepeatedDecisions extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RepeatedDecisions.class);

    /** Runs {@code work} (on this thread) with repeated decision evaluations answered once per distinct input. */
    public <T> T within(Supplier<T> work) {
        return DecisionReplayingDmnEngine.within(work);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DmnEngine engine = configuration.getDmnEngine();
        if (!(engine.getConfiguration() instanceof DefaultDmnEngineConfiguration dmn)) {
            LOG.warn("决策引擎不是默认实现（{}），导入时每件案件照常各自求值派遣决策", engine.getClass().getName());
            return;
        }
        configuration.setDmnEngine(new DecisionReplayingDmnEngine(engine, dmn));
    }
}

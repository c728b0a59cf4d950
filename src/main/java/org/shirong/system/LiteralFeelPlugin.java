package org.shirong.system;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decision tables (the dispatch table {@code CaseDispatch} every case runs) the {@link LiteralFeelEngine}
 * in front of the FEEL engine the engine would have made itself (Scala FEEL with the engine's custom functions, or the
 * legacy one when so configured), built when the engine builds its DMN engine.
 */
@Component
class LiteralFeelPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(LiteralFeelPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = DmnEngineSettings.of(configuration);
        if (dmn.getFeelEngineFactory() != null || dmn.getFeelEngine() != null) {
            LOG.warn("决策引擎已有自定义的 FEEL 引擎，决策表中的常量单元格照常逐个求值");
            return;
        }
        // Read when the engine builds its DMN engine, after it has set the custom functions and the legacy switch.
        dmn.setFeelEngineFactory(() -> new LiteralFeelEngine(dmn.isEnableFeelLegacyBehavior()
                ? new FeelEngineFactoryImpl().createInstance()
                : new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance()));
    }
}

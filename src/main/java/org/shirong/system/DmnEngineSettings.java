package org.shirong.system;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The process engine's DMN engine configuration, for the plugins that adjust it before the engine builds its DMN engine. */
final class DmnEngineSettings {

    private DmnEngineSettings() {
    }

    /** The configuration the engine will build its DMN engine from, created as the engine itself would if none is set yet. */
    static DefaultDmnEngineConfiguration of(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        return dmn;
    }
}

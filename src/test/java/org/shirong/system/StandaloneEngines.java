package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/** A bare engine on its own in-memory H2 database, without Spring, for comparing a plugin with the engine's own behaviour. */
final class StandaloneEngines {

    private StandaloneEngines() {
    }

    /** A new engine named after {@code name} (made unique), no job executor, with {@code plugins} (none: the engine's defaults). */
    static ProcessEngine inMemory(String name, ProcessEnginePlugin... plugins) {
        String unique = name + "-" + UUID.randomUUID();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:" + unique)
                .setProcessEngineName(unique)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(plugins)));
        return configuration.buildProcessEngine();
    }
}

package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/** A bare engine on its own in-memory H2 database, without Spring, for comparing a plugin with the engine's own behaviour. */
public final class StandaloneEngines {

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

    /**
     * The configuration of a new engine named after {@code name} (made unique), no job executor, whose statements
     * {@link StatementCounter} counts; the caller adds its settings and plugins and builds it.
     */
    static StandaloneInMemProcessEngineConfiguration counted(String name) {
        return countedOn(name, "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * As {@link #counted}, on the H2 database {@code h2Url} names: engines built one after another on the same URL (with
     * {@code DB_CLOSE_DELAY=-1}) share its data, as a node restarted on its database.
     */
    public static StandaloneInMemProcessEngineConfiguration countedOn(String name, String h2Url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url);
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDataSource(StatementCounter.wrap(h2));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        return configuration;
    }
}

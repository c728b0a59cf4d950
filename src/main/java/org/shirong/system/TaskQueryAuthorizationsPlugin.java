package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Gives every engine command Shirong's {@link TaskQueryAuthorizations} in place of the engine's authorization manager,
 * with the answers of {@link EveryTaskReaders}, which {@link EveryTaskGrantWrites} keeps current.
 */
@Component
class TaskQueryAuthorizationsPlugin extends AbstractProcessEnginePlugin {

    private final EveryTaskReaders everyTaskReaders;

    TaskQueryAuthorizationsPlugin(EveryTaskReaders everyTaskReaders) {
        this.everyTaskReaders = everyTaskReaders;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.provide(configuration, AuthorizationManager.class, () -> new TaskQueryAuthorizations(everyTaskReaders));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new EveryTaskGrantWrites(everyTaskReaders));
    }
}

package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new TaskQueryAuthorizations(everyTaskReaders);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new EveryTaskGrantWrites(everyTaskReaders));
    }
}

package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Adds a session factory to an engine's configuration before it is built, keeping those added before it. */
final class EngineSessions {

    private EngineSessions() {
    }

    /** The engine opens {@code opened} wherever a command asks for a session of {@code type} (e.g. an entity manager). */
    static void provide(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<? extends Session> opened) {
        add(configuration, new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return opened.get();
            }
        });
    }

    static void add(ProcessEngineConfigurationImpl configuration, SessionFactory factory) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(factory);
        configuration.setCustomSessionFactories(factories);
    }
}

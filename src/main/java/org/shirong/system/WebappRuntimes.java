package org.shirong.system;

import java.util.List;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.db.QueryService;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.webapp.impl.AbstractAppRuntimeDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Cockpit's and Admin's runtimes as Camunda's defaults, except that their own queries run in a {@link WebappQuerySession}
 * (with the engine's statement timeout) and Cockpit's are held to {@link CockpitQueryLimits} (and its running figures
 * to {@link RunningFiguresGuard}). Camunda's webapp bootstrap
 * installs its defaults as the servlet context starts (with the embedded server, while the application context
 * refreshes); these replace them once the application's beans are made, before the server takes requests.
 */
@Component
class WebappRuntimes implements SmartInitializingSingleton {

    private final ObjectProvider<WholeOrganizationReaders> readers;

    WebappRuntimes(ObjectProvider<WholeOrganizationReaders> readers) {
        this.readers = readers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Cockpit.setCockpitRuntimeDelegate(new CockpitRuntime(readers));
        Admin.setAdminRuntimeDelegate(new AdminRuntime());
    }

    private static ProcessEngineConfigurationImpl engine(AbstractAppRuntimeDelegate<?> runtime, String name) {
        ProcessEngine engine = runtime.getProcessEngine(name);
        if (engine == null) {
            throw new ProcessEngineException("No process engine with name " + name + " found.");
        }
        return ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    }

    static final class CockpitRuntime extends DefaultCockpitRuntimeDelegate {

        private final ObjectProvider<WholeOrganizationReaders> readers;

        CockpitRuntime(ObjectProvider<WholeOrganizationReaders> readers) {
            this.readers = readers;
        }

        @Override
        public QueryService getQueryService(String engineName) {
            ProcessEngineConfigurationImpl configuration = engine(this, engineName);
            return new CockpitQueryLimits(getCommandExecutor(engineName), configuration.getQueryMaxResultsLimit(),
                    () -> RunningFiguresGuard.require(configuration, readers.getObject()));
        }

        @Override
        protected CommandExecutor createCommandExecutor(String engineName) {
            return new WebappQuerySession(engine(this, engineName), getMappingFiles());
        }
    }

    static final class AdminRuntime extends DefaultAdminRuntimeDelegate {

        /** Admin's queries, as its default runtime names them (privately). */
        private static final List<String> MAPPINGS = List.of("org/camunda/bpm/admin/plugin/base/queries/metrics.xml");

        @Override
        protected CommandExecutor createCommandExecutor(String engineName) {
            return new WebappQuerySession(engine(this, engineName), MAPPINGS);
        }
    }
}

package org.shirong.system;

import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Cockpit lists a definition's versions for its version switcher by key without a page
 * ({@code process-definition?key=…&sortBy=version&sortOrder=desc}), which the engine's queryMaxResultsLimit refuses
 * as unbounded: once a second version was deployed, no one could switch to it. A process-definition query for one exact
 * key is bounded by that key's deployments, so on the query the engine built it gets the limit as its page (the newest
 * versions first when sorted so); every other unpaged query is still refused.
 */
class DefinitionVersionsPage extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    DefinitionVersionsPage(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof ProcessDefinitionQueryImpl query && query.getKey() != null
                && query.getMaxResults() == Integer.MAX_VALUE) {
            query.setMaxResults(configuration.getQueryMaxResultsLimit());
        }
        return next.execute(command);
    }
}

package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * What this node's engine knows about deployments, for {@link ProcessDefinitions}' reuse of the latest definitions: how
 * many deployments it has made or loaded so far (any of them may bring a newer version), and whether a definition is
 * still deployed here (a deleted deployment's definitions leave the engine's deployment cache at once).
 */
@Component
class DeploymentsSeen extends AbstractProcessEnginePlugin {

    private final AtomicLong deployments = new AtomicLong();
    private volatile ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<Deployer> after = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        after.add(deployment -> {
            deployments.incrementAndGet();
            // and again once it is committed: a look-up made in between did not see the new version yet
            CommandContext command = Context.getCommandContext();
            if (command != null) {
                command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        committed -> deployments.incrementAndGet());
            }
        });
        configuration.setCustomPostDeployers(after);
    }

    /**
     * Deployments made or loaded into the cache so far, each counted when made and again when committed; a look-up made
     * at a lower count may miss a newer version.
     */
    long count() {
        return deployments.get();
    }

    /** Whether the definition is in this engine's deployment cache (evicted or deleted: no). */
    boolean cached(String definitionId) {
        ProcessEngineConfigurationImpl c = configuration;
        return c != null && c.getDeploymentCache() != null && c.getDeploymentCache().getProcessDefinitionCache().get(definitionId) != null;
    }
}

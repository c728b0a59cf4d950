package org.shirong.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.springframework.stereotype.Component;

/**
 * A business rule task bound to the decisions of its own deployment ({@code camunda:decisionRefBinding="deployment"}, as
 * 派遣案件 in {@code RectificationProcess}) finds its decision by deployment and key, and Camunda reads the decision's row
 * for that at every evaluation (issue 13, W1: one select in every report), although what a deployment's key names never
 * changes. Here the engine's decision manager remembers which decision a deployment and key named, and answers with that
 * decision as this node's deployment cache holds it; a decision no longer in the cache (evicted, or its deployment
 * deleted) is read from the database as before. Decisions have no suspension state to refresh; their history time to
 * live is not read at an evaluation in a process (Shirong writes no removal time; with the removal time set at the start,
 * the process instance's is its decisions').
 */
@Component
class DecisionsByDeployment extends AbstractProcessEnginePlugin {

    private record DeploymentAndKey(String deploymentId, String key) {
    }

    private final Map<DeploymentAndKey, String> decisionIds = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.provide(configuration, DecisionDefinitionManager.class, () -> new KnownDecisions());
    }

    /** The engine's decision manager, which answers a deployment and key it has seen from the deployment cache. */
    private final class KnownDecisions extends DecisionDefinitionManager {

        @Override
        public DecisionDefinitionEntity findDecisionDefinitionByDeploymentAndKey(String deploymentId, String key) {
            DeploymentAndKey asked = new DeploymentAndKey(deploymentId, key);
            String id = decisionIds.get(asked);
            if (id != null) {
                DecisionDefinitionEntity deployed = Context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDecisionDefinitionFromCache(id);
                if (deployed != null) {
                    return deployed;
                }
            }
            DecisionDefinitionEntity found = super.findDecisionDefinitionByDeploymentAndKey(deploymentId, key);
            if (found != null) {
                decisionIds.put(asked, found.getId());
            } else {
                decisionIds.remove(asked);
            }
            return found;
        }
    }
}

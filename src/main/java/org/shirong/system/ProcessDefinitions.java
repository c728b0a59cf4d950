package org.shirong.system;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Which definition of a process an organisation's work starts: the latest deployed for the organisation (tenant),
 * else the latest shared one (deployed without a tenant, as in a process unit test). Starting by key alone is
 * ambiguous once several organisations have the process.
 */
@Component
public class ProcessDefinitions {

    private final RepositoryService repositoryService;
    /**
     * The ids found in an engine command without an authenticated caller, for that command only (issue 13, W2: an
     * import's chunk starts a hundred cases and their 协办 processes in one command, and looked each definition up again).
     */
    private final Map<CommandContext, Map<String, String>> foundInCommand = Collections.synchronizedMap(new WeakHashMap<>());

    public ProcessDefinitions(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The id of the definition to start; the caller's authentication (if any) limits what is found. */
    public String latestId(String key, String organization) {
        CommandContext command = Context.getCommandContext();
        if (command == null || command.getAuthentication() != null) {
            return find(key, organization);
        }
        return foundInCommand.computeIfAbsent(command, c -> new HashMap<>())
                .computeIfAbsent(key + "/" + organization, k -> find(key, organization));
    }

    private String find(String key, String organization) {
        var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
        if (organization != null) {
            query.tenantIdIn(organization).includeProcessDefinitionsWithoutTenantId();
        } else {
            query.withoutTenantId();
        }
        // At most two: the organisation's and the shared one. A page, because the engine refuses an unbound list
        // (queryMaxResultsLimit) when a user's call (starting a campaign) asks.
        return query.listPage(0, 2).stream()
                .max(Comparator.comparing((ProcessDefinition d) -> d.getTenantId() != null))
                .map(ProcessDefinition::getId)
                .orElseThrow(() -> new IllegalStateException("组织 " + organization + " 没有已部署的流程 " + key));
    }
}

package org.shirong.system;

import java.util.Comparator;
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

    public ProcessDefinitions(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The id of the definition to start; the caller's authentication (if any) limits what is found. */
    public String latestId(String key, String organization) {
        var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
        if (organization != null) {
            query.tenantIdIn(organization).includeProcessDefinitionsWithoutTenantId();
        } else {
            query.withoutTenantId();
        }
        // At most the organisation's and a shared one; a bounded page, as the engine requires of an authenticated caller.
        return query.listPage(0, 2).stream()
                .max(Comparator.comparing((ProcessDefinition d) -> d.getTenantId() != null))
                .map(ProcessDefinition::getId)
                .orElseThrow(() -> new IllegalStateException("组织 " + organization + " 没有已部署的流程 " + key));
    }
}

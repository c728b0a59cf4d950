package org.shirong.system;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which definition of a process an organisation's work starts: the latest deployed for the organisation (tenant),
 * else the latest shared one (deployed without a tenant, as in a process unit test). Starting by key alone is
 * ambiguous once several organisations have the process.
 * <p>
 * Looked up without an authenticated caller (Shirong's own starts: a report, an import's rows, 协办, notifications), the
 * answer is reused until this node deploys anything, the definition leaves the engine's deployment cache (its deployment
 * deleted), or {@code shirong.process-definitions.time-to-live} has passed (a newer version deployed by another node);
 * issue 13, W1: the look-up was a tenant-aware latest-version query, about a sixth of a report's CPU. A caller's own
 * look-up (starting a campaign) is made each time, with the caller's authorizations.
 */
@Component
public class ProcessDefinitions {

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final DeploymentsSeen deployments;
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    /** A definition found, with the deployments seen and the time when it was found. */
    private record Latest(String id, long deployments, long foundAt) {
    }

    @Autowired
    public ProcessDefinitions(RepositoryService repositoryService, IdentityService identityService, DeploymentsSeen deployments,
            ProcessDefinitionsProperties settings) {
        this(repositoryService, identityService, deployments, settings, System::nanoTime);
    }

    /** Looks up every time: for process tests that run an engine without Shirong's application context. */
    public ProcessDefinitions(RepositoryService repositoryService) {
        this(repositoryService, null, null, new ProcessDefinitionsProperties(java.time.Duration.ZERO), System::nanoTime);
    }

    ProcessDefinitions(RepositoryService repositoryService, IdentityService identityService, DeploymentsSeen deployments,
            ProcessDefinitionsProperties settings, LongSupplier nanoTime) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.deployments = deployments;
        this.timeToLiveNanos = settings.timeToLive().toNanos();
        this.nanoTime = nanoTime;
    }

    /** The id of the definition to start; the caller's authentication (if any) limits what is found. */
    public String latestId(String key, String organization) {
        if (timeToLiveNanos <= 0 || identityService.getCurrentAuthentication() != null) {
            return find(key, organization);
        }
        String k = key + "/" + organization;
        long seen = deployments.count();
        long now = nanoTime.getAsLong();
        Latest known = latest.get(k);
        if (known != null && known.deployments() == seen && now - known.foundAt() < timeToLiveNanos
                && deployments.cached(known.id())) {
            return known.id();
        }
        String id = find(key, organization);
        latest.put(k, new Latest(id, seen, now));
        return id;
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

package org.shirong.organization;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.shirong.system.EngineBatch;
import org.springframework.stereotype.Component;

/**
 * Grants each group what its role needs. Staff: Tasklist, the people they work with and process diagrams; the
 * tasks themselves they see through their candidate groups (the engine grants those per task).
 * The office and the approvers (组长、副组长): Cockpit, read access to every process, task and decision, and the
 * right to start the processes meant to be started by hand. The inspectors and the assessors ({@code roles.assessors},
 * 督查考核): Cockpit for its 驾驶舱 alone. {@code camunda-admin}: everything.
 */
@Component
class AccessAuthorizations {

    static final String ANY = Authorization.ANY;
    static final String ADMIN_GROUP = "camunda-admin";

    private final AuthorizationService authorizationService;
    private final RepositoryService repositoryService;
    private final EngineBatch engine;

    AccessAuthorizations(AuthorizationService authorizationService, RepositoryService repositoryService, EngineBatch engine) {
        this.authorizationService = authorizationService;
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    /**
     * The groups' grants on the resources this class manages, read with one query per kind of resource: seeding the
     * organisations checks some 2,000 grants, and one query each took seconds of every start-up (W6). A group's grants
     * on single tasks (one per open task and candidate group) are left out: there may be 100,000 of them.
     */
    Grants grants() {
        Grants grants = new Grants();
        for (Resource resource : MANAGED) {
            var query = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource);
            if (resource == TASK) {
                query.resourceId(ANY);
            }
            query.list().stream().filter(a -> a.getGroupId() != null).forEach(grants::put);
        }
        return grants;
    }

    /** A snapshot of grants kept up to date with the changes made through it; for one seeding pass on one thread. */
    static final class Grants {
        private final Map<String, Map<List<Object>, Authorization>> byGroup = new HashMap<>();
        private final Set<String> created = new HashSet<>();

        private void put(Authorization a) {
            byGroup.computeIfAbsent(a.getGroupId(), g -> new HashMap<>()).put(List.of(a.getResourceType(), a.getResourceId()), a);
        }

        private void remove(Authorization a) {
            byGroup.getOrDefault(a.getGroupId(), Map.of()).remove(List.of(a.getResourceType(), a.getResourceId()));
        }

        private Authorization find(String groupId, Resource resource, String resourceId) {
            return byGroup.getOrDefault(groupId, Map.of()).get(List.of(resource.resourceType(), resourceId));
        }

        private List<Authorization> of(String groupId) {
            return new ArrayList<>(byGroup.getOrDefault(groupId, Map.of()).values());
        }

        /** The command context the grants were created in has been flushed: later changes to them are updates. */
        void written() {
            created.clear();
        }
    }

    private static final List<Resource> MANAGED = List.of(APPLICATION, GROUP, USER, PROCESS_DEFINITION, PROCESS_INSTANCE, TASK,
            DECISION_DEFINITION, DECISION_REQUIREMENTS_DEFINITION, DEPLOYMENT);

    void grantRole(Organization organization, Organization.GroupDefinition group, Grants grants) {
        String id = group.id();
        grant(grants, id, APPLICATION, "tasklist", ACCESS);
        grant(grants, id, GROUP, ANY, READ);
        grant(grants, id, PROCESS_DEFINITION, ANY, READ);
        if (organization.supervises(id)) {
            grant(grants, id, APPLICATION, "cockpit", ACCESS);
            grant(grants, id, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE);
            // which processes it may start by hand: allowStartingByHand, once the deployments are in
            grant(grants, id, PROCESS_INSTANCE, ANY, READ, CREATE);
            grant(grants, id, TASK, ANY, READ);
            grant(grants, id, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
            grant(grants, id, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
            grant(grants, id, DEPLOYMENT, ANY, READ);
        } else {
            withdrawSupervision(grants, id, organization.readsDashboard(id));
            if (organization.readsDashboard(id)) {
                // the inspectors and the assessors (督查考核) read all cases and the 驾驶舱 (DashboardAccess), which is
                // Cockpit's; nothing more of it: no process, task or decision, and nothing to start
                grant(grants, id, APPLICATION, "cockpit", ACCESS);
            }
        }
    }

    /**
     * A group that supervised under an earlier organisation file (before version 22 the whole leading group did)
     * loses what only supervisors have; what every group has stays.
     */
    private void withdrawSupervision(Grants grants, String groupId, boolean keepsCockpit) {
        grants.of(groupId).stream()
                .filter(a -> a.getResourceType() != APPLICATION.resourceType() ? supervisorOnly(a)
                        : "cockpit".equals(a.getResourceId()) && !keepsCockpit)
                .forEach(a -> delete(grants, a));
        grants.of(groupId).stream()
                .filter(a -> a.getResourceType() == PROCESS_DEFINITION.resourceType())
                .filter(a -> a.isPermissionGranted(READ_HISTORY) || a.isPermissionGranted(READ_INSTANCE)
                        || a.isPermissionGranted(CREATE_INSTANCE))
                .forEach(a -> {
                    a.removePermission(READ_HISTORY);
                    a.removePermission(READ_INSTANCE);
                    a.removePermission(CREATE_INSTANCE);
                    update(grants, a);
                });
    }

    /** Saves a changed grant; one created in this pass is inserted as it is when the pass ends. */
    private void update(Grants grants, Authorization a) {
        if (!grants.created.contains(a.getId())) {
            authorizationService.saveAuthorization(a);
        }
    }

    private void delete(Grants grants, Authorization a) {
        authorizationService.deleteAuthorization(a.getId());
        grants.remove(a);
    }

    /** Grants on every instance, task, decision or deployment ({@code *}); grants on one task (its candidates') stay. */
    private static boolean supervisorOnly(Authorization a) {
        int type = a.getResourceType();
        return ANY.equals(a.getResourceId()) && (type == PROCESS_INSTANCE.resourceType() || type == TASK.resourceType()
                || type == DECISION_DEFINITION.resourceType() || type == DECISION_REQUIREMENTS_DEFINITION.resourceType()
                || type == DEPLOYMENT.resourceType());
    }

    /**
     * Who each group may look up in the user directory: the office and the approvers everybody of their organisation,
     * a unit its own members and the people of the leading group and the office, with whom it deals.
     */
    void syncUserVisibility(Organization organization, Grants grants) {
        Set<String> supervisors = organization.users().stream()
                .filter(u -> organization.effectiveGroups(u).stream().anyMatch(g -> organization.group(g)
                        .map(d -> organization.supervises(d.id())).orElse(false)))
                .map(Organization.UserDefinition::id).collect(Collectors.toSet());
        for (Organization.GroupDefinition group : organization.groups()) {
            Set<String> visible = new HashSet<>();
            if (organization.supervises(group.id())) {
                // Every user of its own organisation, not of the others (user ids are global).
                organization.users().forEach(u -> visible.add(u.id()));
            } else {
                visible.addAll(supervisors);
                organization.users().stream().filter(u -> organization.effectiveGroups(u).contains(group.id()))
                        .forEach(u -> visible.add(u.id()));
            }
            allowReadingOnly(grants, group.id(), USER, visible);
        }
    }

    private void allowReadingOnly(Grants grants, String groupId, Resource resource, Set<String> resourceIds) {
        grants.of(groupId).stream()
                .filter(a -> a.getResourceType() == resource.resourceType() && !resourceIds.contains(a.getResourceId()))
                .forEach(a -> delete(grants, a));
        resourceIds.forEach(id -> grant(grants, groupId, resource, id, READ));
    }

    /**
     * Lets each supervising group start exactly the processes marked startable in Tasklist, as now deployed; the last
     * step of a seeding pass, the only one that reads the deployments (read once per pass, not once per group), so that
     * the rest of the pass need not wait for them (W6: the start-up seeds while it deploys).
     */
    void allowStartingByHand(List<Organization> all, Grants grants) {
        Set<String> startable = startableByHand();
        for (Organization organization : all) {
            organization.groups().stream().map(Organization.GroupDefinition::id).filter(organization::supervises)
                    .forEach(id -> allowStartingOnly(grants, id, startable));
        }
    }

    /**
     * Processes marked startable in Tasklist (Modeler: "Startable in Tasklist"); the others start only from Shirong. Read
     * with the query's own statement but without what the query's {@code list()} adds: the description of each definition
     * found, for which the engine parses its BPMN file (with its schema) into the model cache, for every organisation's
     * definition of every such process (a quarter of the seeding's time on an empty database).
     */
    private Set<String> startableByHand() {
        var query = (ProcessDefinitionQueryImpl) repositoryService.createProcessDefinitionQuery().startableInTasklist().latestVersion();
        return engine.execute(context -> context.getProcessDefinitionManager().findProcessDefinitionsByQueryCriteria(query, null))
                .stream().map(ProcessDefinition::getKey).collect(Collectors.toSet());
    }

    /** Lets the group start exactly these processes, withdrawing what earlier versions granted on every process. */
    private void allowStartingOnly(Grants grants, String groupId, Set<String> keys) {
        grants.of(groupId).stream()
                .filter(a -> a.getResourceType() == PROCESS_DEFINITION.resourceType())
                .filter(a -> a.isPermissionGranted(CREATE_INSTANCE) && !keys.contains(a.getResourceId()))
                .forEach(a -> {
                    a.removePermission(CREATE_INSTANCE);
                    update(grants, a);
                });
        keys.forEach(key -> grant(grants, groupId, PROCESS_DEFINITION, key, CREATE_INSTANCE));
    }

    void grantAdministrators() {
        Arrays.stream(Resources.values()).forEach(resource -> grant(null, ADMIN_GROUP, resource, ANY, ALL));
    }

    void grantFilterRead(String filterId, String groupId, String userId) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setUserId(userId);
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filterId);
        authorization.addPermission(READ);
        authorizationService.saveAuthorization(authorization);
    }

    void revokeAll(String groupId) {
        authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }

    /** Grants the permissions (adding to what the group has); {@code grants} null: the grant is looked up on its own. */
    private void grant(Grants grants, String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = grants != null ? grants.find(groupId, resource, resourceId)
                : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                        .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        // A grant created earlier in the same seeding pass is not written yet: it is inserted with the permissions it
        // has when the pass ends (saving it again would be an update of a row not yet there).
        if (changed && (grants == null || !grants.created.contains(authorization.getId()))) {
            boolean created = authorization.getId() == null;
            authorization = authorizationService.saveAuthorization(authorization);
            if (grants != null) {
                grants.put(authorization);
                if (created) {
                    grants.created.add(authorization.getId());
                }
            }
        }
    }
}

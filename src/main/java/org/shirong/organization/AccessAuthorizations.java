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

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Grants each group what its role needs. Staff: Tasklist, the people they work with and process diagrams; the
 * tasks themselves they see through their candidate groups (the engine grants those per task).
 * The office and the approvers (组长、副组长): Cockpit, read access to every process, task and decision, and the
 * right to start the processes meant to be started by hand. {@code camunda-admin}: everything.
 */
@Component
class AccessAuthorizations {

    static final String ANY = Authorization.ANY;
    static final String ADMIN_GROUP = "camunda-admin";

    private final AuthorizationService authorizationService;
    private final RepositoryService repositoryService;

    AccessAuthorizations(AuthorizationService authorizationService, RepositoryService repositoryService) {
        this.authorizationService = authorizationService;
        this.repositoryService = repositoryService;
    }

    void grantRole(Organization organization, Organization.GroupDefinition group) {
        String id = group.id();
        grant(id, APPLICATION, "tasklist", ACCESS);
        grant(id, GROUP, ANY, READ);
        grant(id, PROCESS_DEFINITION, ANY, READ);
        if (organization.supervises(id)) {
            grant(id, APPLICATION, "cockpit", ACCESS);
            grant(id, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE);
            allowStartingOnly(id, startableByHand());
            grant(id, PROCESS_INSTANCE, ANY, READ, CREATE);
            grant(id, TASK, ANY, READ);
            grant(id, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
            grant(id, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
            grant(id, DEPLOYMENT, ANY, READ);
        } else {
            withdrawSupervision(id);
        }
    }

    /**
     * A group that supervised under an earlier organisation file (before version 22 the whole leading group did)
     * loses what only supervisors have; what every group has stays.
     */
    private void withdrawSupervision(String groupId) {
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).list().stream()
                .filter(a -> a.getResourceType() != APPLICATION.resourceType() ? supervisorOnly(a) : "cockpit".equals(a.getResourceId()))
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(PROCESS_DEFINITION).list().stream()
                .filter(a -> a.isPermissionGranted(READ_HISTORY) || a.isPermissionGranted(READ_INSTANCE)
                        || a.isPermissionGranted(CREATE_INSTANCE))
                .forEach(a -> {
                    a.removePermission(READ_HISTORY);
                    a.removePermission(READ_INSTANCE);
                    a.removePermission(CREATE_INSTANCE);
                    authorizationService.saveAuthorization(a);
                });
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
    void syncUserVisibility(Organization organization) {
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
            allowReadingOnly(group.id(), USER, visible);
        }
    }

    private void allowReadingOnly(String groupId, Resource resource, Set<String> resourceIds) {
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).list().stream()
                .filter(a -> !resourceIds.contains(a.getResourceId()))
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        resourceIds.forEach(id -> grant(groupId, resource, id, READ));
    }

    /** Processes marked startable in Tasklist (Modeler: "Startable in Tasklist"); the others start only from Shirong. */
    private Set<String> startableByHand() {
        return repositoryService.createProcessDefinitionQuery().startableInTasklist().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    }

    /** Lets the group start exactly these processes, withdrawing what earlier versions granted on every process. */
    private void allowStartingOnly(String groupId, Set<String> keys) {
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(PROCESS_DEFINITION).list().stream()
                .filter(a -> a.isPermissionGranted(CREATE_INSTANCE) && !keys.contains(a.getResourceId()))
                .forEach(a -> {
                    a.removePermission(CREATE_INSTANCE);
                    authorizationService.saveAuthorization(a);
                });
        keys.forEach(key -> grant(groupId, PROCESS_DEFINITION, key, CREATE_INSTANCE));
    }

    void grantAdministrators() {
        Arrays.stream(Resources.values()).forEach(resource -> grant(ADMIN_GROUP, resource, ANY, ALL));
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

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
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
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}

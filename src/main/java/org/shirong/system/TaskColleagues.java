package org.shirong.system;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * To whom a staff member may hand a task (转交): those who share with the caller a group the task is given to. A unit's
 * task goes to a colleague of that unit, not to someone who shares another group with the caller (the leading group
 * holds every unit's head, who could then decide the office's review of their own unit's request). The hand-over guard
 * ({@link StaffCommandGuard}) and Tasklist's colleague picker ({@link TaskColleaguesController}) ask the same rule.
 * A task whose diagram allows it ({@value #WITHIN_ORGANISATION}) may also go to anyone of its own organisation.
 */
final class TaskColleagues {

    private static final int MEMBERS_PER_GROUP = 1000;

    /** A colleague as the picker offers them: the login id the hand-over sends and the name staff know. */
    record Colleague(String id, String name) {
    }

    private final TaskService tasks;
    private final IdentityService identities;
    private final org.camunda.bpm.engine.RepositoryService repository;

    TaskColleagues(TaskService tasks, IdentityService identities, org.camunda.bpm.engine.RepositoryService repository) {
        this.tasks = tasks;
        this.identities = identities;
        this.repository = repository;
    }

    boolean colleague(Authentication caller, String userId, String taskId) {
        Set<String> shared = sharedGroups(caller, taskId);
        if (shared.isEmpty()) {
            return false;
        }
        List<String> groups = identities.createGroupQuery().groupMember(userId).listPage(0, MEMBERS_PER_GROUP).stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        return groups.stream().anyMatch(shared::contains)
                || withinOrganisation(taskId, shared).filter(tenant -> groups.stream().anyMatch(g -> onlyOf(g, tenant))).isPresent();
    }

    /**
     * The organisation (tenant) within which the task may be handed on beyond its groups: a user task whose diagram says
     * {@value #WITHIN_ORGANISATION} (when its condition {@code variable=value} holds), given to a group of that organisation
     * alone — 记录协办情况 of a 属地 town's office, which passes the district's request to its own 城管中队 or 环卫所
     * (sjreview-s57 D11). Never another organisation's people: a district's groups, which oversee the town and so are
     * members of its tenant too, are not the town's.
     */
    private java.util.Optional<String> withinOrganisation(String taskId, Set<String> shared) {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getTenantId() == null || task.getProcessDefinitionId() == null
                || shared.stream().noneMatch(g -> onlyOf(g, task.getTenantId()))) {
            return java.util.Optional.empty();
        }
        var element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        if (!(element instanceof org.camunda.bpm.model.bpmn.instance.UserTask userTask) || userTask.getExtensionElements() == null) {
            return java.util.Optional.empty();
        }
        String condition = userTask.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> WITHIN_ORGANISATION.equals(p.getCamundaName()))
                .map(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty::getCamundaValue).findFirst().orElse(null);
        if (condition == null) {
            return java.util.Optional.empty();
        }
        int eq = condition.indexOf('=');
        if (eq > 0 && !Objects.equals(condition.substring(eq + 1).strip(), Objects.toString(
                tasks.getVariable(taskId, condition.substring(0, eq).strip()), null))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(task.getTenantId());
    }

    /** The diagram's property that lets a task be handed to anyone of its organisation, with an optional {@code variable=value}. */
    static final String WITHIN_ORGANISATION = "handOverWithinOrganisation";

    /** Whether the group belongs to {@code tenant} alone (a district's oversight groups belong to its towns' tenants too). */
    private boolean onlyOf(String group, String tenant) {
        List<org.camunda.bpm.engine.identity.Tenant> of = identities.createTenantQuery().groupMember(group).list();
        return of.size() == 1 && tenant.equals(of.get(0).getId());
    }

    /** Everyone but the caller the task may be handed to, by name. */
    List<Colleague> of(Authentication caller, String taskId) {
        Map<String, User> members = new LinkedHashMap<>();
        Set<String> shared = sharedGroups(caller, taskId);
        for (String group : shared) {
            identities.createUserQuery().memberOfGroup(group).listPage(0, MEMBERS_PER_GROUP)
                    .forEach(user -> members.putIfAbsent(user.getId(), user));
        }
        if (!shared.isEmpty()) {
            withinOrganisation(taskId, shared).ifPresent(tenant -> identities.createGroupQuery().memberOfTenant(tenant)
                    .listPage(0, MEMBERS_PER_GROUP).stream().filter(g -> onlyOf(g.getId(), tenant))
                    .forEach(g -> identities.createUserQuery().memberOfGroup(g.getId()).listPage(0, MEMBERS_PER_GROUP)
                            .forEach(user -> members.putIfAbsent(user.getId(), user))));
        }
        members.remove(caller.getUserId());
        return members.values().stream().map(user -> new Colleague(user.getId(), name(user)))
                .sorted(Comparator.comparing(Colleague::name).thenComparing(Colleague::id)).toList();
    }

    private Set<String> sharedGroups(Authentication caller, String taskId) {
        List<String> callerGroups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).filter(callerGroups::contains).collect(Collectors.toSet());
    }

    private static String name(User user) {
        String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}

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
 */
final class TaskColleagues {

    private static final int MEMBERS_PER_GROUP = 1000;

    /** A colleague as the picker offers them: the login id the hand-over sends and the name staff know. */
    record Colleague(String id, String name) {
    }

    private final TaskService tasks;
    private final IdentityService identities;

    TaskColleagues(TaskService tasks, IdentityService identities) {
        this.tasks = tasks;
        this.identities = identities;
    }

    boolean colleague(Authentication caller, String userId, String taskId) {
        Set<String> shared = sharedGroups(caller, taskId);
        return !shared.isEmpty() && identities.createGroupQuery().groupMember(userId).listPage(0, MEMBERS_PER_GROUP).stream()
                .anyMatch(group -> shared.contains(group.getId()));
    }

    /** Everyone but the caller the task may be handed to, by name. */
    List<Colleague> of(Authentication caller, String taskId) {
        Map<String, User> members = new LinkedHashMap<>();
        for (String group : sharedGroups(caller, taskId)) {
            identities.createUserQuery().memberOfGroup(group).listPage(0, MEMBERS_PER_GROUP)
                    .forEach(user -> members.putIfAbsent(user.getId(), user));
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

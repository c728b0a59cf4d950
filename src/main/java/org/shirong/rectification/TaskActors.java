package org.shirong.rectification;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whom a claim, an assignment or a completion of a case's task concerns, and the groups by which a rule refuses them there:
 * the one place {@link SupervisorClaimListener} (督办超期案件) and {@link VerifierClaimListener} (核查整改结果) read them. A
 * claimant's or completer's groups are their login's; an assignee's are read from the identity service only when someone
 * else assigns the task. A refusal is thrown as the form's ({@link FormInputRefused}): REST answers 400, the task is unchanged.
 */
@Component
class TaskActors {

    /**
     * The person ({@code userId}) and their groups; {@code byOther}: someone else, logged in, gave them the task (a refusal
     * then speaks of them, not to them).
     */
    record Actor(String userId, List<String> groups, boolean byOther) {
    }

    private final IdentityService identityService;

    TaskActors(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The task's assignee at its {@code assignment} event (none when it was unclaimed). */
    Optional<Actor> assignee(DelegateTask task) {
        return actor(task.getAssignee());
    }

    /** Whoever completes the task (none without a login: the engine's own completion). */
    Optional<Actor> completer() {
        Authentication current = identityService.getCurrentAuthentication();
        return actor(current == null ? null : current.getUserId());
    }

    /** The event's person: the completer at {@code complete}, else the assignee. */
    Optional<Actor> of(DelegateTask task) {
        return TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) ? completer() : assignee(task);
    }

    /** Throws {@code rule}'s refusal of the actor, if it refuses them, as the form's refusal of {@code field}. */
    static void refuse(Optional<Actor> actor, String field, Function<Actor, Optional<String>> rule) {
        actor.flatMap(rule).ifPresent(message -> {
            throw FormInputRefused.of(field, message);
        });
    }

    private Optional<Actor> actor(String user) {
        if (user == null) {
            return Optional.empty();
        }
        Authentication current = identityService.getCurrentAuthentication();
        boolean self = current != null && user.equals(current.getUserId());
        List<String> groups = self ? current.getGroupIds()
                : identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return Optional.of(new Actor(user, groups, !self && current != null));
    }
}

package org.shirong.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager with two query shapes changed, for Tasklist at scale (issue 13, W4).
 *
 * <p>Task queries: the engine joins every task with every authorization row of the caller's groups that grants READ on
 * a task ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}), and it creates one such row per task and candidate
 * group, so a unit's list costs its open tasks squared (7.6 M joined rows for 2,759 tasks). Here a caller who may read
 * every task ({@code READ} on task {@code *} or {@code READ_TASK} on process definition {@code *}, as the office, the
 * approvers and the administrators; the answer kept for a while by {@link EveryTaskReaders}) gets the query without that join: the engine's check would let every task pass,
 * and the organisation (tenant) check stays. Any other caller gets, instead of the join, the tasks it is involved in:
 * a candidate group of its own, or itself as candidate, assignee or owner. Every such task also carries the engine's
 * per-task grant, so nobody sees more than before (reading one task, {@code GET /task/{id}}, is such a query too);
 * the per-task grants still decide every change of one task (claim, complete, variables, forms). This holds while a
 * task's grants are never withdrawn with its candidates left in place (Shirong does neither by hand; an administrator
 * taking a unit off a task removes the candidate, not the grant). A caller with a REVOKE authorization keeps the
 * engine's own check.
 *
 * <p>Group filtering: the engine reads {@code SELECT DISTINCT GROUP_ID_} from all authorizations on every command to
 * drop groups that have none; a group without authorizations matches no row anyway, so the caller's groups are used
 * as they are.
 */
class TaskQueryAuthorizations extends AuthorizationManager {

    private final EveryTaskReaders everyTaskReaders;
    // Per command (the manager lives as long as one): whether this user and these groups may read every task.
    private List<Object> readsEveryTaskOf;
    private boolean readsEveryTask;

    TaskQueryAuthorizations(EveryTaskReaders everyTaskReaders) {
        this.everyTaskReaders = everyTaskReaders;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        AuthorizationCheck check = query.getAuthCheck();
        if (!check.isAuthorizationCheckEnabled() || check.isRevokeAuthorizationCheckEnabled()) {
            return;
        }
        String userId = check.getAuthUserId();
        List<String> groupIds = check.getAuthGroupIds();
        boolean everyTask = readsEveryTask(userId, groupIds);
        check.setAuthorizationCheckEnabled(false);
        if (!everyTask) {
            restrictToOwnWork(query, userId, groupIds);
        }
    }

    private boolean readsEveryTask(String userId, List<String> groupIds) {
        List<Object> caller = List.of(String.valueOf(userId), List.copyOf(groupIds));
        if (!caller.equals(readsEveryTaskOf)) {
            readsEveryTask = everyTaskReaders.readsEveryTask(userId, groupIds, () -> isAuthorized(userId, groupIds,
                    new PermissionCheckBuilder().disjunctive()
                            .atomicCheckForResourceId(TASK, ANY, READ)
                            .atomicCheckForResourceId(PROCESS_DEFINITION, ANY, READ_TASK)
                            .build()));
            readsEveryTaskOf = caller;
        }
        return readsEveryTask;
    }

    /** ANDs "a candidate group of the caller's, or the caller as candidate, assignee or owner" to the query, once. */
    private static void restrictToOwnWork(TaskQueryImpl query, String userId, List<String> groupIds) {
        if (query.getQueries().stream().anyMatch(OwnWork.class::isInstance) || ownWorkAlready(query, userId, groupIds)) {
            return;
        }
        OwnWork own = new OwnWork();
        own.setOrQueryActive();
        own.taskInvolvedUser(userId);
        if (!groupIds.isEmpty()) {
            own.taskCandidateGroupIn(new ArrayList<>(groupIds));
            own.includeAssignedTasks();
        }
        query.addOrQuery(own);
    }

    /**
     * Whether the query's own criteria already keep to the caller's work, so that the OR-group would change nothing but
     * the plan: the caller as assignee or involved user (我的待办), or candidate groups all of the caller's own
     * (本单位待办, 即将到期, 已超期). With the OR-group PostgreSQL estimates such a list at a fifth of its size and walks
     * every open task instead of the group's (W4).
     */
    private static boolean ownWorkAlready(TaskQueryImpl query, String userId, List<String> groupIds) {
        if (query.isOrQueryActive()) {
            return false;
        }
        if (userId != null && (userId.equals(query.getAssignee()) || userId.equals(query.getInvolvedUser()))) {
            return true;
        }
        if (query.getCandidateUser() != null || query.getCandidateGroupLike() != null) {
            return false;
        }
        List<String> candidateGroups = query.getCandidateGroups();
        return candidateGroups != null && !candidateGroups.isEmpty() && groupIds.containsAll(candidateGroups);
    }

    /** The OR-group that {@link #restrictToOwnWork} adds, recognisable so that a query run twice gets it once. */
    private static final class OwnWork extends TaskQueryImpl {
    }
}

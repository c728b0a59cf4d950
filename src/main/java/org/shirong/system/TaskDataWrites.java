package org.shirong.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Tells {@link FilterCountCache} of every insert, update and delete the engine makes in the tables a task query can read
 * (tasks, identity links, variables, authorizations, executions, filters, definitions, identities), including bulk
 * statements, and again when that transaction commits or rolls back: a count read while the change was not yet
 * committed is not kept. Sees the statements MyBatis executes for the engine, whichever command or entity caused them;
 * each engine table is written only by its own entity's mapping, whose namespace names it.
 *
 * <p>A write that only gives a task to or takes it from a user is told as such ({@link FilterCountCache#taskUsersChanged}):
 * an update of a task whose assignee (with its last-updated time and state note) alone changed ({@link TaskUpdatesSeen}), and a user's
 * grant on that one task, which the engine writes for a new assignee and takes back from the one before. A transaction
 * made only of such writes is told the same way when it ends; any other write in it makes it a change of everything.
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
class TaskDataWrites implements ExecutorInterceptor {

    private static final Set<String> TASK_QUERY_ENTITIES = Set.of("TaskEntity", "IdentityLinkEntity",
            "VariableInstanceEntity", "AuthorizationEntity", "ExecutionEntity", "FilterEntity", "ProcessDefinitionEntity",
            "CaseExecutionEntity", "CaseDefinitionEntity", "MembershipRelation", "GroupEntity", "UserEntity",
            "TenantEntity", "TenantMembershipEntity");

    // With the assignee, a claim changes when the task was last updated and the engine's note of its last event
    // (Created → Updated), which no task query criterion reads but updatedAfter (not assignment-free, see AssignmentFreeFilters).
    private static final Set<String> ASSIGNMENT_PROPERTIES = Set.of("assignee", "lastUpdated", "taskState");

    private final FilterCountCache cache;
    private final AssignmentFreeFilters filters;
    // What each open transaction changed so far (weak: a command context that never ends its transaction is not kept).
    private final Map<CommandContext, Written> openTransactions = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The changes of tasks' users a transaction made so far, unless it changed anything else too. */
    private static final class Written {
        private final List<FilterCountCache.TaskUsers> usersOnly = new ArrayList<>();
        private boolean anythingElse;

        void add(FilterCountCache.TaskUsers change) {
            if (change == null) {
                anythingElse = true;
            } else {
                usersOnly.add(change);
            }
        }
    }

    TaskDataWrites(FilterCountCache cache, AssignmentFreeFilters filters) {
        this.cache = cache;
        this.filters = filters;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        if (readByTaskQueries(statement.getId())) {
            if (statement.getId().contains(".FilterEntity.")) {
                filters.filtersChanged();
            }
            FilterCountCache.TaskUsers usersOnly = usersOnly(statement.getId(), invocation.getArgs()[1]);
            if (usersOnly != null) {
                cache.taskUsersChanged(List.of(usersOnly));
            } else {
                cache.engineDataChanged();
            }
            watchTransactionEnd(usersOnly);
        }
        return invocation.proceed();
    }

    /** The task and users of a write that only gives a task to or takes it from users; null for any other write. */
    static FilterCountCache.TaskUsers usersOnly(String statementId, Object parameter) {
        if (statementId.endsWith("TaskEntity.updateTask") && parameter instanceof TaskEntity task) {
            TaskUpdatesSeen.TaskUpdate update = TaskUpdatesSeen.pendingUpdate(task);
            if (update == null || !onlyAssignmentChanged(update)) {
                return null;
            }
            Set<String> users = new HashSet<>();
            if (update.before().get("assignee") instanceof String before) {
                users.add(before);
            }
            if (update.after().get("assignee") instanceof String after) {
                users.add(after);
            }
            return new FilterCountCache.TaskUsers(task.getId(), Set.copyOf(users));
        }
        if ((statementId.endsWith("AuthorizationEntity.insertAuthorization") || statementId.endsWith("AuthorizationEntity.updateAuthorization"))
                && parameter instanceof AuthorizationEntity grant && grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && grant.getResourceType() == Resources.TASK.resourceType() && grant.getUserId() != null
                && !Authorization.ANY.equals(grant.getUserId()) && grant.getGroupId() == null
                && grant.getResourceId() != null && !Authorization.ANY.equals(grant.getResourceId())) {
            return new FilterCountCache.TaskUsers(grant.getResourceId(), Set.of(grant.getUserId()));
        }
        // a former assignee's grant on the task, taken back as the task goes to someone else (NewTaskGrantsPlugin)
        if (statementId.endsWith("AuthorizationEntity.deleteAuthorizationsForResourceIdAndUserId") && parameter instanceof Map<?, ?> grant
                && Integer.valueOf(Resources.TASK.resourceType()).equals(grant.get("resourceType"))
                && grant.get("resourceId") instanceof String taskId && !Authorization.ANY.equals(taskId)
                && grant.get("userId") instanceof String user && !Authorization.ANY.equals(user)) {
            return new FilterCountCache.TaskUsers(taskId, Set.of(user));
        }
        return null;
    }

    private static boolean onlyAssignmentChanged(TaskUpdatesSeen.TaskUpdate update) {
        Set<Object> properties = new HashSet<>(update.before().keySet());
        properties.addAll(update.after().keySet());
        return properties.stream().allMatch(p -> ASSIGNMENT_PROPERTIES.contains(p)
                || Objects.equals(update.before().get(p), update.after().get(p)));
    }

    static boolean readByTaskQueries(String statementId) {
        int lastDot = statementId.lastIndexOf('.');
        String namespace = lastDot < 0 ? "" : statementId.substring(0, lastDot);
        return TASK_QUERY_ENTITIES.contains(namespace.substring(namespace.lastIndexOf('.') + 1));
    }

    private void watchTransactionEnd(FilterCountCache.TaskUsers usersOnly) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            cache.engineDataChanged();
            return;
        }
        Written written = openTransactions.get(commandContext);
        if (written == null) {
            written = new Written();
            openTransactions.put(commandContext, written);
            TransactionContext transaction = commandContext.getTransactionContext();
            transaction.addTransactionListener(TransactionState.COMMITTED, ended -> transactionEnded(commandContext));
            transaction.addTransactionListener(TransactionState.ROLLED_BACK, ended -> transactionEnded(commandContext));
        }
        written.add(usersOnly);
    }

    private void transactionEnded(CommandContext commandContext) {
        Written written = openTransactions.remove(commandContext);
        if (written != null && !written.anythingElse) {
            cache.taskUsersChanged(written.usersOnly);
        } else {
            cache.engineDataChanged();
        }
    }
}

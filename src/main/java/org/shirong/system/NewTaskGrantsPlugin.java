package org.shirong.system;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default grants on tasks (its candidate groups and users and its assignee may read and work it), without
 * looking in the database for an existing grant on a task created in the same command: a task not yet written has no
 * grant there (its id is new), and one made earlier in the command is still merged from the engine's entity cache as
 * before. The same rows are written; one select less for each candidate group and assignee of a new task (issue 13).
 * The grant a task's assignee gets is taken back when the task goes to someone else, unless it is still theirs as owner
 * or candidate user: the engine left it in place, and with it the former assignee read and completed the task after
 * handing it on or leaving the unit (s48 N8). A member of a candidate group keeps the group's grant.
 */
@Component
class NewTaskGrantsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new NewTaskGrants());
    }

    /** {@link DefaultAuthorizationProvider} that knows a task inserted in this command has no stored grant yet. */
    static class NewTaskGrants extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
            return createdInThisCommand(taskId) ? null : super.getGrantAuthorization(taskId, userId, groupId, resource);
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (oldAssignee != null && !oldAssignee.equals(newAssignee) && noLongerFor(task, oldAssignee)) {
                Context.getCommandContext().getAuthorizationManager()
                        .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), oldAssignee);
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        /** Neither the task's owner nor a candidate user of it (whose grant is the same row as an assignee's). */
        private static boolean noLongerFor(Task task, String userId) {
            return !userId.equals(task.getOwner()) && task instanceof TaskEntity entity && entity.getIdentityLinks().stream()
                    .noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
        }

        /** Inserted in this command and not yet flushed: the entity cache holds it as transient. */
        private static boolean createdInThisCommand(String taskId) {
            DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
            TaskEntity task = taskId == null ? null : cache.get(TaskEntity.class, taskId);
            return task != null && cache.isTransient(task);
        }
    }
}

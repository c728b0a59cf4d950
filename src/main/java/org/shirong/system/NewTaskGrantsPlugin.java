package org.shirong.system;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's default grants on tasks (its candidate groups and users and its assignee may read and work it), without
 * looking in the database for an existing grant on a task created in the same command: a task not yet written has no
 * grant there (its id is new), and one made earlier in the command is still merged from the engine's entity cache as
 * before. The same rows are written; one select less for each candidate group and assignee of a new task (issue 13).
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

        /** Inserted in this command and not yet flushed: the entity cache holds it as transient. */
        private static boolean createdInThisCommand(String taskId) {
            DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
            TaskEntity task = taskId == null ? null : cache.get(TaskEntity.class, taskId);
            return task != null && cache.isTransient(task);
        }
    }
}

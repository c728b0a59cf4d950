package org.shirong.system;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationContext;

/**
 * A staff member starts processes (发起流程 in Tasklist, REST) and writes notes (备注) on tasks and processes only in an
 * organisation they belong to. The engine lets any member of a tenant start its processes, and a district's oversight
 * groups are members of their towns' tenants: without this guard a district office could start work in a town, and
 * its oversight groups, reading the town's history, passed {@link TaskCommentGuard} and wrote into a town's task (read
 * only, 只有查看权的区领导 included). The district supervises a case through {@code POST /api/cases/{caseNo}/supervisions}.
 * For the same reason 发起流程 lists only the processes of the organisations the caller works in: a district office was
 * offered its own 临时会议 among those of its 17 towns, all named alike, and refused by this guard for any of theirs.
 */
class TenantWorkGuard extends ApplicationBeanGuard<TenantWork> {

    private static final Field START_BUILDER = CommandFields.of(StartProcessInstanceCmd.class, "instantiationBuilder");
    private static final Field START_AT_BUILDER = CommandFields.of(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");
    private static final Field SUBMIT_DEFINITION = CommandFields.of(SubmitStartFormCmd.class, "processDefinitionId");
    private static final Field NOTE_TASK = CommandFields.of(AddCommentCmd.class, "taskId");
    private static final Field NOTE_INSTANCE = CommandFields.of(AddCommentCmd.class, "processInstanceId");
    private static final Field QUERY_TENANT_SET = CommandFields.of(ProcessDefinitionQueryImpl.class, "isTenantIdSet");
    static final String NOT_A_MEMBER = "您不属于该流程所在的组织，不能在该组织发起流程（上级的查看、督办权限不包括办理）。";
    static final String NOT_A_MEMBER_NOTE = "您不属于该任务所在的组织，不能在该组织添加备注（上级的查看、督办权限不包括办理；督办请用督办功能）。";

    TenantWorkGuard(ProcessEngineConfigurationImpl configuration, ApplicationContext applicationContext) {
        super(configuration, applicationContext, TenantWork.class);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd
                || command instanceof SubmitStartFormCmd) {
            EngineCaller.staffCall(configuration).ifPresent(caller -> check(command, caller));
        } else if (command instanceof AddCommentCmd) {
            EngineCaller.staffCall(configuration).ifPresent(caller -> checkNote(command, caller));
        } else if (command instanceof ProcessDefinitionQueryImpl query && query.isStartablePermissionCheck()) {
            EngineCaller.staffCall(configuration).ifPresent(caller -> startableWhereTheyWork(query, caller));
        }
        return next.execute(command);
    }

    /**
     * Narrows a query of the processes the caller may start (Tasklist's 发起流程) to the organisations they work in, unless
     * it names its tenants itself (the start is still checked above).
     */
    private void startableWhereTheyWork(ProcessDefinitionQueryImpl query, Authentication caller) {
        if (Boolean.TRUE.equals(CommandFields.read(QUERY_TENANT_SET, query)) || caller.getTenantIds() == null) {
            return;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        String[] own = caller.getTenantIds().stream().filter(t -> bean().worksIn(groups, t)).toArray(String[]::new);
        if (own.length > 0 && own.length < caller.getTenantIds().size()) {
            query.tenantIdIn(own).includeProcessDefinitionsWithoutTenantId();
        }
    }

    /** The process definition a start command (one of the three this guard checks) starts; null when there is none. */
    static ProcessDefinitionEntity started(Command<?> command, CommandContext commandContext) {
        DeploymentCache cache = commandContext.getProcessEngineConfiguration().getDeploymentCache();
        if (command instanceof SubmitStartFormCmd) {
            return cache.findDeployedProcessDefinitionById((String) CommandFields.read(SUBMIT_DEFINITION, command));
        }
        ProcessInstantiationBuilderImpl builder = builder(command);
        if (builder.getProcessDefinitionId() != null) {
            return cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId());
        }
        if (builder.isProcessDefinitionTenantIdSet() || builder.getProcessDefinitionTenantId() != null) {
            return cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(builder.getProcessDefinitionKey(),
                    builder.getProcessDefinitionTenantId());
        }
        // By key alone the engine picks among the caller's tenants, or refuses when there are several.
        return cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
    }

    /** The instantiation a start command (not a start form's submission) carries: definition and variables. */
    static ProcessInstantiationBuilderImpl builder(Command<?> command) {
        return (ProcessInstantiationBuilderImpl) CommandFields.read(
                command instanceof StartProcessInstanceCmd ? START_BUILDER : START_AT_BUILDER, command);
    }

    private void check(Command<?> command, Authentication caller) {
        String tenant = next.execute(commandContext -> {
            ProcessDefinitionEntity definition = started(command, commandContext);
            return definition == null ? null : definition.getTenantId();
        });
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (tenant != null && !bean().worksIn(groups, tenant)) {
            throw new AuthorizationException(NOT_A_MEMBER);
        }
    }

    /**
     * A note's task (open or finished) or process instance must be of an organisation the caller works in; one that does
     * not exist, or that the caller may not even see, is left to {@link TaskCommentGuard} and the engine to answer.
     */
    private void checkNote(Command<?> command, Authentication caller) {
        String taskId = (String) CommandFields.read(NOTE_TASK, command);
        String instanceId = (String) CommandFields.read(NOTE_INSTANCE, command);
        String tenant = next.execute(context -> {
            String of = null;
            if (taskId != null) {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                HistoricTaskInstanceEntity finished = task != null ? null
                        : context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
                of = task != null ? task.getTenantId() : finished != null ? finished.getTenantId() : null;
            } else if (instanceId != null) {
                ExecutionEntity instance = context.getExecutionManager().findExecutionById(instanceId);
                of = instance == null ? null : instance.getTenantId();
            }
            return of != null && context.getTenantManager().isAuthenticatedTenant(of) ? of : null;
        });
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (tenant != null && !bean().worksIn(groups, tenant)) {
            throw new AuthorizationException(NOT_A_MEMBER_NOTE);
        }
    }
}

package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a real engine with authorization on, {@link AuthorizationCheckSqlCachePlugin} answers every check as the engine
 * without it: claiming a task (the four checks of the engine's task-work check) and single checks, for users, their
 * groups, '*' grants, specific grants and a global grant, with revokes never looked for (as Shirong runs) or always
 * (with a REVOKE row); and a user of one unit is refused claiming another unit's task.
 */
@SharesJvm
class AuthorizationCheckSqlCacheEngineTest {

    private static final String PROCESS = "UnitWork";
    private static final Map<String, List<String>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("alice", List.of("unitA"));
        USERS.put("bob", List.of("unitB", "staff"));
        USERS.put("carol", List.of());
        USERS.put("dave", List.of("leaders"));
        USERS.put("erin", List.of("x", "y", "z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER,
            ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS})
    void cachedChecksAnswerAsTheEngine(String revokes) {
        ProcessEngine cached = engine(revokes, new AuthorizationCheckSqlCachePlugin());
        ProcessEngine plain = engine(revokes);
        try {
            List<String> cachedTasks = setUp(cached, revokes);
            List<String> plainTasks = setUp(plain, revokes);

            List<Boolean> cachedAnswers = answers(cached, cachedTasks);
            assertThat(cachedAnswers).isEqualTo(answers(plain, plainTasks));
            assertThat(cachedAnswers).isEqualTo(answers(cached, cachedTasks)); // now every shape from the cache
            assertThat(cache(cached).hits()).isGreaterThan(50);
            assertThat(cache(plain)).isNull();

            if (revokes.equals(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER)) {
                assertThat(taskWork(cached, "alice", cachedTasks)).containsExactly(true, false, true);
                assertThat(taskWork(cached, "bob", cachedTasks)).containsExactly(false, true, true);
                assertThat(taskWork(cached, "carol", cachedTasks)).containsExactly(true, true, true);
                assertThat(taskWork(cached, "dave", cachedTasks)).containsExactly(true, true, true);
                assertThat(taskWork(cached, "erin", cachedTasks)).containsExactly(false, false, true);
            }
            cached.getIdentityService().setAuthentication("alice", USERS.get("alice"));
            try {
                assertThatThrownBy(() -> cached.getTaskService().claim(cachedTasks.get(1), "alice"))
                        .isInstanceOf(AuthorizationException.class);
                cached.getTaskService().claim(cachedTasks.get(0), "alice");
            } finally {
                cached.getIdentityService().clearAuthentication();
            }
            assertThat(cached.getTaskService().createTaskQuery().taskId(cachedTasks.get(0)).singleResult().getAssignee()).isEqualTo("alice");
            assertThat(cached.getTaskService().createTaskQuery().taskId(cachedTasks.get(1)).singleResult().getAssignee()).isNull();
        } finally {
            cached.close();
            plain.close();
        }
    }

    private static ProcessEngine engine(String revokes, ProcessEnginePlugin... plugins) {
        String unique = "auth-sql-" + UUID.randomUUID();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:" + unique)
                .setProcessEngineName(unique)
                .setJobExecutorActivate(false)
                .setAuthorizationEnabled(true);
        configuration.setAuthorizationCheckRevokes(revokes);
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(plugins)));
        return configuration.buildProcessEngine();
    }

    private static AuthorizationCheckSqlCache cache(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration()
                .getInterceptors().stream().filter(AuthorizationCheckSqlCache.class::isInstance)
                .map(AuthorizationCheckSqlCache.class::cast).findFirst().orElse(null);
    }

    /** Three tasks; grants: unitA works on the first, bob updates the second, carol works on every task, leaders on the process's tasks, everyone on the third. */
    private static List<String> setUp(ProcessEngine engine, String revokes) {
        engine.getRepositoryService().createDeployment()
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).startEvent().userTask("Task_Work").endEvent().done())
                .deploy();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
            tasks.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        AuthorizationService authorizations = engine.getAuthorizationService();
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, null, "unitA", Resources.TASK, tasks.get(0), TaskPermissions.TASK_WORK);
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, "bob", null, Resources.TASK, tasks.get(1), Permissions.UPDATE);
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, "carol", null, Resources.TASK, "*", TaskPermissions.TASK_WORK);
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, null, "leaders", Resources.PROCESS_DEFINITION, PROCESS,
                ProcessDefinitionPermissions.UPDATE_TASK);
        grant(authorizations, Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.TASK, tasks.get(2), TaskPermissions.TASK_WORK);
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, null, "staff", Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, "erin", null, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ);
        if (revokes.equals(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS)) {
            grant(authorizations, Authorization.AUTH_TYPE_REVOKE, "dave", null, Resources.TASK, tasks.get(0), TaskPermissions.TASK_WORK);
            grant(authorizations, Authorization.AUTH_TYPE_REVOKE, null, "staff", Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ);
        }
        return tasks;
    }

    private static void grant(AuthorizationService authorizations, int type, String user, String group, Resource resource,
            String resourceId, Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(type);
        if (user != null) {
            authorization.setUserId(user);
        }
        if (group != null) {
            authorization.setGroupId(group);
        }
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        if (type == Authorization.AUTH_TYPE_REVOKE) {
            authorization.removePermission(permission);
        } else {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /** Every user's task-work answer for every task, then single checks on the process definition and tasks. */
    private static List<Boolean> answers(ProcessEngine engine, List<String> tasks) {
        List<Boolean> answers = new ArrayList<>();
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Map.Entry<String, List<String>> user : USERS.entrySet()) {
            answers.addAll(taskWork(engine, user.getKey(), tasks));
            for (String resourceId : List.of(PROCESS, "*", "Other")) {
                answers.add(authorizations.isUserAuthorized(user.getKey(), user.getValue(), Permissions.READ, Resources.PROCESS_DEFINITION, resourceId));
                answers.add(authorizations.isUserAuthorized(user.getKey(), user.getValue(), ProcessDefinitionPermissions.UPDATE_TASK,
                        Resources.PROCESS_DEFINITION, resourceId));
            }
            answers.add(authorizations.isUserAuthorized(user.getKey(), user.getValue(), Permissions.READ, Resources.PROCESS_DEFINITION));
            for (String task : tasks) {
                answers.add(authorizations.isUserAuthorized(user.getKey(), user.getValue(), TaskPermissions.TASK_WORK, Resources.TASK, task));
                answers.add(authorizations.isUserAuthorized(user.getKey(), user.getValue(), Permissions.UPDATE, Resources.TASK, task));
            }
        }
        return answers;
    }

    /** Whether {@code user} (with their groups) may work on each task: the engine's check when claiming or completing. */
    private static List<Boolean> taskWork(ProcessEngine engine, String user, List<String> tasks) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Boolean> answers = new ArrayList<>();
        engine.getIdentityService().setAuthentication(user, USERS.get(user));
        try {
            for (String taskId : tasks) {
                answers.add(configuration.getCommandExecutorTxRequired().execute(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    try {
                        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                            checker.checkTaskWork(task);
                        }
                        return true;
                    } catch (AuthorizationException refused) {
                        return false;
                    }
                }));
            }
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        return answers;
    }
}

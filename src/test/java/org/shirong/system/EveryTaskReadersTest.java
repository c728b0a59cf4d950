package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Whether a user may read every task is asked of the database once per time-to-live, and forgotten at once when a grant
 * on every resource is written here: given, taken away, or written in a transaction that rolls back. The engine's
 * routine grants (one task's) keep the answer.
 */
@SharesJvm
class EveryTaskReadersTest {

    private final AtomicLong now = new AtomicLong();
    private final EveryTaskReaders readers = new EveryTaskReaders(new IdentityCacheProperties(Duration.ofSeconds(60), 100), now::get);

    @Test
    void askedOncePerTimeToLive() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha"), () -> asked.incrementAndGet() > 0)).isTrue();
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha"), () -> asked.incrementAndGet() < 0)).isTrue();
        assertThat(asked).hasValue(1);
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha", "office"), () -> asked.incrementAndGet() < 0)).isFalse();
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha"), () -> asked.incrementAndGet() < 0)).isFalse();
        assertThat(asked).hasValue(3);
    }

    @Test
    void anAnswerReadWhileAGrantIsWrittenIsNotKept() {
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha"), () -> {
            readers.forget();
            return true;
        })).isTrue();
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha"), () -> false)).isFalse();
        readers.forget();
        assertThat(readers.readsEveryTask("ducha1", List.of("ducha"), () -> true)).isTrue();
    }

    @Test
    void noTimeToLiveKeepsNothing() {
        EveryTaskReaders uncached = new EveryTaskReaders(new IdentityCacheProperties(Duration.ZERO, 100), now::get);
        assertThat(uncached.readsEveryTask("ducha1", List.of(), () -> true)).isTrue();
        assertThat(uncached.readsEveryTask("ducha1", List.of(), () -> false)).isFalse();
    }

    @Test
    void writesThatMayConcernEveryResource() {
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("insertAuthorization", grant("task-1"))).isFalse();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("insertAuthorization", grant("*"))).isTrue();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("insertAuthorization", grant(null))).isTrue();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("updateAuthorization", grant("task-1"))).isTrue();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("deleteAuthorization", grant("task-1"))).isTrue();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("deleteAuthorizationsForResourceId",
                Map.of("resourceType", 7, "resourceId", "task-1"))).isFalse();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("deleteAuthorizationsForResourceIdAndGroupId",
                Map.of("resourceType", 7, "resourceId", "*", "groupId", "office"))).isTrue();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("updateAuthorizationsByRootProcessInstanceId_postgres", Map.of()))
                .isFalse();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("deleteAuthorizationsByRemovalTime_postgres_or_db2", null)).isFalse();
        assertThat(EveryTaskGrantWrites.mayConcernEveryResource("somethingNew", grant("task-1"))).isTrue();
    }

    @Test
    void aGrantOnEveryTaskIsSeenByTheNextQuery() {
        ProcessEngine engine = StandaloneEngines.inMemory("every-task-readers", new TaskQueryAuthorizationsPlugin(readers),
                new AbstractProcessEnginePlugin() {
                    @Override
                    public void preInit(ProcessEngineConfigurationImpl configuration) {
                        configuration.setAuthorizationEnabled(true);
                    }
                });
        try {
            Task ours = task(engine, "office");
            Task theirs = task(engine, "chengguan");
            AuthorizationService authorizations = engine.getAuthorizationService();
            assertThat(visible(engine)).containsExactly(ours.getId());

            Authorization everyTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            everyTask.setGroupId("office");
            everyTask.setResource(Resources.TASK);
            everyTask.setResourceId(Authorization.ANY);
            everyTask.addPermission(Permissions.READ);
            String id = authorizations.saveAuthorization(everyTask).getId();
            assertThat(visible(engine)).containsExactlyInAnyOrder(ours.getId(), theirs.getId());
            Task another = task(engine, "chengguan"); // a task's own grants keep the answer, and it is still right
            assertThat(visible(engine)).containsExactlyInAnyOrder(ours.getId(), theirs.getId(), another.getId());

            authorizations.deleteAuthorization(id);
            assertThat(visible(engine)).containsExactly(ours.getId());

            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
                AuthorizationEntity rolledBack = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
                rolledBack.setGroupId("office");
                rolledBack.setResource(Resources.TASK);
                rolledBack.setResourceId(Authorization.ANY);
                rolledBack.addPermission(Permissions.READ);
                context.getAuthorizationManager().insert(rolledBack);
                context.getDbEntityManager().flush();
                engine.getIdentityService().setAuthentication("office1", List.of("office"));
                try {
                    assertThat(engine.getTaskService().createTaskQuery().list()).hasSize(3); // seen inside its transaction
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            assertThat(visible(engine)).containsExactly(ours.getId());
        } finally {
            engine.close();
        }
    }

    private static Task task(ProcessEngine engine, String group) {
        Task task = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(task);
        engine.getTaskService().addCandidateGroup(task.getId(), group);
        return task;
    }

    private static List<String> visible(ProcessEngine engine) {
        engine.getIdentityService().setAuthentication("office1", List.of("office"));
        try {
            return engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static AuthorizationEntity grant(String resourceId) {
        AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        grant.setResourceId(resourceId);
        return grant;
    }
}

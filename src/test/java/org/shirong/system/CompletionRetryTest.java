package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user's completion that loses an optimistic lock to another transaction on the same task is run
 * again by the engine ({@link CompletionRetryPlugin}); a claim that loses is not. The other
 * transaction is real: a listener of the user's command lets another thread change the task and
 * commit before the command writes.
 */
@SharesJvm
class CompletionRetryTest {

    /** How many more times the listener lets another transaction change the task under the running command. */
    static final AtomicInteger INTERFERENCES = new AtomicInteger();
    static final AtomicInteger RUNS = new AtomicInteger();
    static ProcessEngine engine;

    /** On complete and on assignment: the first {@link #INTERFERENCES} runs find the task changed behind them. */
    public static class Interferer implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            RUNS.incrementAndGet();
            if (INTERFERENCES.getAndDecrement() > 0) {
                CompletableFuture.runAsync(() -> engine.getTaskService().setPriority(task.getId(), 60 + RUNS.get())).join();
            }
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void start(int attempts) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:completion-retry-" + attempts + ";DB_CLOSE_DELAY=1000")
                .setProcessEngineName("completion-retry-" + attempts)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(
                new CompletionRetryPlugin(new CompletionRetryProperties(attempts, Duration.ofMillis(10)))));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("retry.bpmn", Bpmn.createExecutableProcess("retry")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("work").camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, Interferer.class)
                .camundaTaskListenerClass(TaskListener.EVENTNAME_ASSIGNMENT, Interferer.class)
                .endEvent().done()).deploy();
        RUNS.set(0);
    }

    private Task task() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("retry").getId();
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }

    @Test
    void aCompletionThatLostToAnotherTransactionIsRunAgainAndSucceeds() {
        start(4);
        Task task = task();
        INTERFERENCES.set(2);

        engine.getTaskService().complete(task.getId());

        assertThat(RUNS).hasValue(3);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void afterTheLastAttemptTheConflictReachesTheCaller() {
        start(2);
        Task task = task();
        INTERFERENCES.set(5);

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId())).isInstanceOf(OptimisticLockingException.class);

        assertThat(RUNS).hasValue(2);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void aClaimThatLostIsNotRunAgain() {
        start(4);
        Task task = task();
        INTERFERENCES.set(1);

        assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), "chengguan1")).isInstanceOf(OptimisticLockingException.class);

        assertThat(RUNS).hasValue(1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }
}

package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;
import org.shirong.system.StandaloneEngines;
import org.shirong.system.StatementCounter;

/**
 * {@link HistoricStartTimes} through {@link CaseHistoryPlugin}'s history writer on an engine of its own: a task and its
 * activity that this engine started end without reading their start time, with the duration the engine's own read gives;
 * after a restart (nothing kept) the end reads it as Camunda does, with the same result.
 */
@SharesJvm
class HistoricStartTimesTest {

    private final String database = "jdbc:h2:mem:start-times-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private ProcessEngine engine;

    @AfterEach
    void close() {
        ClockUtil.reset();
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anEndOfWhatThisNodeStartedNeedsNoReadAndKeepsTheDuration() {
        engine = start();
        String instance = startedTwoMinutesAgo();
        StatementCounter.Counts before = StatementCounter.snapshot();
        completeFirstTask(instance);
        StatementCounter.Counts completion = StatementCounter.snapshot().minus(before);
        assertThat(completion.of("select ACT_HI_ACTINST")).isZero();
        assertThat(completion.of("select ACT_HI_TASKINST")).isZero();
        assertEndedAfterTwoMinutes(instance);
    }

    @Test
    void afterARestartTheEndReadsTheStartTimeAsTheEngineDoes() {
        engine = start();
        String instance = startedTwoMinutesAgo();
        engine.close();
        engine = start();
        StatementCounter.Counts before = StatementCounter.snapshot();
        completeFirstTask(instance);
        StatementCounter.Counts completion = StatementCounter.snapshot().minus(before);
        assertThat(completion.of("select ACT_HI_ACTINST")).isEqualTo(1);
        assertThat(completion.of("select ACT_HI_TASKINST")).isEqualTo(1);
        assertEndedAfterTwoMinutes(instance);
    }

    @Test
    void aFullMapStartsAgainEmpty() {
        HistoricStartTimes times = new HistoricStartTimes(2);
        times.started(activity("a"));
        times.started(activity("b"));
        assertThat(times.size()).isEqualTo(2);
        times.started(activity("c"));
        assertThat(times.size()).isEqualTo(1);
        assertThat(times.ended(activity("a"))).isNull();
        assertThat(times.ended(activity("c"))).isNotNull();
        assertThat(times.size()).isZero();
    }

    private ProcessEngine start() {
        StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.countedOn("start-times", database);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // as config/application.yaml sets them
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        configuration.setProcessEnginePlugins(List.of(new CaseHistoryPlugin(CaseHistoryPlugin.CaseHistory.ACTIVITY)));
        ProcessEngine built = configuration.buildProcessEngine();
        Thread test = Thread.currentThread();
        StatementCounter.countThreads(t -> t == test);
        return built;
    }

    private String startedTwoMinutesAgo() {
        engine.getRepositoryService().createDeployment()
                .addModelInstance("two-steps.bpmn", Bpmn.createExecutableProcess("twoSteps").camundaHistoryTimeToLive(3)
                        .startEvent().userTask("first").userTask("second").endEvent().done())
                .deploy();
        ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() - 120_000));
        String instance = engine.getRuntimeService().startProcessInstanceByKey("twoSteps").getId();
        ClockUtil.reset();
        return instance;
    }

    private void completeFirstTask(String instance) {
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        engine.getTaskService().complete(task);
    }

    private void assertEndedAfterTwoMinutes(String instance) {
        HistoricActivityInstance activity = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance).activityId("first").singleResult();
        HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(instance).taskDefinitionKey("first").singleResult();
        assertThat(activity.getEndTime()).isNotNull();
        assertThat(activity.getDurationInMillis()).isEqualTo(activity.getEndTime().getTime() - activity.getStartTime().getTime())
                .isGreaterThanOrEqualTo(120_000);
        assertThat(task.getEndTime()).isNotNull();
        assertThat(task.getDurationInMillis()).isEqualTo(task.getEndTime().getTime() - task.getStartTime().getTime())
                .isGreaterThanOrEqualTo(120_000);
    }

    private static HistoricActivityInstanceEventEntity activity(String id) {
        HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
        event.setId(id);
        event.setStartTime(new java.util.Date());
        return event;
    }
}

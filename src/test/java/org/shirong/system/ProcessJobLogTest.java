package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessJobLogPlugin} on an engine of its own with the removal time set at the start, the one setting under which
 * the engine looks for a batch (Shirong's default, {@code none}, writes no removal time): a process's job runs without a
 * batch look-up and its log lines carry the instance's removal time; a batch's jobs still carry the batch's removal time,
 * as in Camunda.
 */
@SharesJvm
class ProcessJobLogTest {

    private ProcessEngine engine;

    @BeforeEach
    void start() {
        StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.counted("job-log");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        configuration.setBatchOperationHistoryTimeToLive("P5D");
        configuration.setProcessEnginePlugins(List.of(new ProcessJobLogPlugin()));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("closing.bpmn", Bpmn.createExecutableProcess("closing").camundaHistoryTimeToLive(3)
                        .startEvent().serviceTask("close").camundaAsyncBefore().camundaExpression("${true}")
                        .userTask("afterwards").endEvent().done())
                .deploy();
        Thread test = Thread.currentThread();
        StatementCounter.countThreads(t -> t == test);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aProcessJobRunsWithoutABatchLookUpAndItsLogKeepsTheInstancesRemovalTime() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("closing").getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        StatementCounter.Counts before = StatementCounter.snapshot();
        engine.getManagementService().executeJob(job.getId());
        assertThat(StatementCounter.snapshot().minus(before).of("select ACT_HI_BATCH")).isZero();

        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance).singleResult();
        assertThat(history.getRemovalTime()).isNotNull();
        List<HistoricJobLog> log = engine.getHistoryService().createHistoricJobLogQuery().jobId(job.getId()).list();
        assertThat(log).extracting(HistoricJobLog::isCreationLog, HistoricJobLog::isSuccessLog)
                .contains(org.assertj.core.api.Assertions.tuple(true, false), org.assertj.core.api.Assertions.tuple(false, true));
        assertThat(log).allSatisfy(line -> assertThat(line.getRemovalTime()).isEqualTo(history.getRemovalTime()));
    }

    @Test
    void aBatchsJobsStillCarryTheBatchsRemovalTime() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("closing").getId();
        String batch = engine.getRuntimeService().deleteProcessInstancesAsync(List.of(instance), "测试").getId();
        Job seed = engine.getManagementService().createJobQuery()
                .jobDefinitionId(engine.getManagementService().createBatchQuery().batchId(batch).singleResult().getSeedJobDefinitionId())
                .singleResult();
        engine.getManagementService().executeJob(seed.getId());
        HistoricBatch history = engine.getHistoryService().createHistoricBatchQuery().batchId(batch).singleResult();
        assertThat(history.getRemovalTime()).isNotNull();
        List<HistoricJobLog> log = engine.getHistoryService().createHistoricJobLogQuery().jobId(seed.getId()).list();
        assertThat(log).isNotEmpty().allSatisfy(line -> assertThat(line.getRemovalTime()).isEqualTo(history.getRemovalTime()));
    }
}

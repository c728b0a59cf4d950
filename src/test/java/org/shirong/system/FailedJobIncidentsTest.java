package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FailedJobIncidentsPlugin} on an engine of its own: a timer cancelled with its step, or a job done, while it has
 * retries left reads no incident; a job that ran out of retries opens its incident, which setting retries resolves and
 * deleting the job removes, as in Camunda.
 */
@SharesJvm
class FailedJobIncidentsTest {

    public static class Fail implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw new IllegalStateException("作业失败");
        }
    }

    private ProcessEngine engine;

    @BeforeEach
    void start() {
        StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.counted("incidents");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setProcessEnginePlugins(List.of(new FailedJobIncidentsPlugin()));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("guarded.bpmn", Bpmn.createExecutableProcess("guarded").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").boundaryEvent("deadline").timerWithDuration("P1D").endEvent()
                        .moveToActivity("work").endEvent().done())
                .addModelInstance("failing.bpmn", Bpmn.createExecutableProcess("failing").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("fail").camundaAsyncBefore().camundaClass(Fail.class).endEvent().done())
                .deploy();
        Thread test = Thread.currentThread();
        StatementCounter.countThreads(t -> t == test);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aTimerCancelledWithItsStepReadsNoIncident() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("guarded").getId();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).timers().count()).isOne();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        StatementCounter.Counts before = StatementCounter.snapshot();
        engine.getTaskService().complete(task);
        assertThat(StatementCounter.snapshot().minus(before).of("select ACT_RU_INCIDENT")).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aJobOutOfRetriesOpensItsIncidentWhichNewRetriesResolveAndDeletingTheJobRemoves() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("failing").getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        failOut(job);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isOne();

        engine.getManagementService().setJobRetries(job.getId(), 1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).resolved().count()).isOne();

        failOut(job);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isOne();
        engine.getManagementService().deleteJob(job.getId());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).deleted().count()).isOne();
    }

    /** Runs the job until it has no retries left. */
    private void failOut(Job job) {
        while (engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("作业失败");
        }
    }
}

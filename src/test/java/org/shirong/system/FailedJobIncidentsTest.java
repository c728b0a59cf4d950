package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
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
 * deleting the job removes, as in Camunda. Setting a failed job's retries above 0 again makes it due now (unless a due
 * date comes with the retries); a timer parked at 0 retries without failing keeps its business due date.
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
                .addModelInstance("failingTimer.bpmn", Bpmn.createExecutableProcess("failingTimer").camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("wait").timerWithDuration("P3D")
                        .camundaFailedJobRetryTimeCycle("R2/PT1H").serviceTask("fail").camundaClass(Fail.class).endEvent().done())
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

    @Test
    void aTimerParkedAtNoRetriesWithoutFailingKeepsItsDueDateWhenItsRetriesAreRestored() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("guarded").getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
        Date due = timer.getDuedate();
        assertThat(due).isAfter(new Date());

        engine.getManagementService().setJobRetries(timer.getId(), 0);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isOne();
        engine.getManagementService().setJobRetries(timer.getId(), 3);

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult().getDuedate()).isEqualTo(due);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).timers().duedateLowerThan(new Date())
                .count()).isZero();
    }

    @Test
    void aTimerThatFailedOutIsDueNowWhenItsRetriesAreRestoredAndADueDateGivenWithTheRetriesWins() {
        String first = engine.getRuntimeService().startProcessInstanceByKey("failingTimer").getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(first).timers().singleResult();
        failOut(timer);
        Date retryDue = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult().getDuedate();
        assertThat(retryDue).isAfter(new Date());

        engine.getManagementService().setJobRetries(timer.getId(), 1);
        assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult().getDuedate())
                .isBeforeOrEqualTo(new Date());

        String second = engine.getRuntimeService().startProcessInstanceByKey("failingTimer").getId();
        Job other = engine.getManagementService().createJobQuery().processInstanceId(second).timers().singleResult();
        failOut(other);
        Date given = new Date(System.currentTimeMillis() + 7_200_000L);
        engine.getManagementService().setJobRetries(1).jobId(other.getId()).dueDate(given).execute();
        assertThat(engine.getManagementService().createJobQuery().jobId(other.getId()).singleResult().getDuedate()).isEqualTo(given);
    }

    /**
     * POST /job/retries (a batch, as Cockpit's 批量重试) sets each job's retries as one job's: the failed timer becomes due
     * now, the parked one keeps its business due date.
     */
    @Test
    void retriesSetByABatchMoveOnlyTheFailedJob() {
        String failing = engine.getRuntimeService().startProcessInstanceByKey("failingTimer").getId();
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(failing).timers().singleResult();
        failOut(failed);
        String guarded = engine.getRuntimeService().startProcessInstanceByKey("guarded").getId();
        Job parked = engine.getManagementService().createJobQuery().processInstanceId(guarded).timers().singleResult();
        engine.getManagementService().setJobRetries(parked.getId(), 0);

        engine.getManagementService().setJobRetriesByJobsAsync(2).jobIds(List.of(failed.getId(), parked.getId())).executeAsync();
        for (int round = 0; round < 4; round++) { // the batch's seed, its job of work and its monitor
            engine.getManagementService().createJobQuery().list().stream().filter(j -> j.getProcessInstanceId() == null)
                    .forEach(j -> engine.getManagementService().executeJob(j.getId()));
        }
        assertThat(engine.getManagementService().createBatchQuery().count()).as("the batch is done").isZero();

        Job failedNow = engine.getManagementService().createJobQuery().jobId(failed.getId()).singleResult();
        Job parkedNow = engine.getManagementService().createJobQuery().jobId(parked.getId()).singleResult();
        assertThat(failedNow.getRetries()).isEqualTo(2);
        assertThat(failedNow.getDuedate()).isBeforeOrEqualTo(new Date());
        assertThat(parkedNow.getRetries()).isEqualTo(2);
        assertThat(parkedNow.getDuedate()).isEqualTo(parked.getDuedate());
    }

    /** Runs the job until it has no retries left. */
    private void failOut(Job job) {
        while (engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("作业失败");
        }
    }
}

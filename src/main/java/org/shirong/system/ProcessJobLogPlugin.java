package org.shirong.system;

import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The engine's history event producer, except that the log line of a process's job (an async continuation, a timer) does
 * not look for a historic batch. With the removal time set at the start ({@code historyRemovalTimeStrategy: start}, which
 * a process owner may set in config/application.yaml; Shirong's default is {@code none}), Camunda looks up the batch whose
 * id is the job definition's configuration for every job log line, to copy the batch's removal time; a process's job
 * definition has a configuration such as {@code async-before} and no batch, and the look-up finds nothing, which the
 * command does not remember (a select for every job run; issue 13: one a case in W1, the close job). Only a batch's job
 * definitions, which belong to no process definition, have a batch: their lines are made as in Camunda. A process job's
 * line still takes its removal time from its process instance. With {@code none} or {@code end} the engine makes no such
 * look-up and this producer makes every line as Camunda's does.
 */
@Component
class ProcessJobLogPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new ProcessJobLogProducer());
        }
    }

    /** Camunda's default producer, skipping the batch look-up for a job whose definition belongs to a process. */
    static class ProcessJobLogProducer extends CacheAwareHistoryEventProducer {

        private static final ThreadLocal<Boolean> PROCESS_JOB = new ThreadLocal<>();

        @Override
        protected void initHistoricJobLogEvent(HistoricJobLogEventEntity event, Job job, HistoryEventType eventType) {
            JobDefinition definition = job instanceof JobEntity entity ? entity.getJobDefinition() : null;
            if (definition == null || definition.getProcessDefinitionId() == null) {
                super.initHistoricJobLogEvent(event, job, eventType);
                return;
            }
            PROCESS_JOB.set(Boolean.TRUE);
            try {
                super.initHistoricJobLogEvent(event, job, eventType);
            } finally {
                PROCESS_JOB.remove();
            }
        }

        @Override
        protected HistoricBatchEntity getHistoricBatchById(String batchId) {
            return Boolean.TRUE.equals(PROCESS_JOB.get()) ? null : super.getHistoricBatchById(batchId);
        }
    }
}

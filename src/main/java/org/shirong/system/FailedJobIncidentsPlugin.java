package org.shirong.system;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's handler of failed-job incidents, except that a job deleted or done while it still has retries left does
 * not look for its incident: the engine opens one only when a job's retries reach 0 and resolves it when they are set
 * above 0 again, so such a job has none. Camunda looks with a select for every job it deletes, a timer cancelled with
 * the step it guarded included (issue 13: four a case in W1, one a deadline in W3). A job that ran out of retries, or
 * one the command has not read, is looked up as before. A failed job whose incident is resolved because its retries were
 * set above 0 again (Cockpit's 重试) becomes due now; a job parked at 0 retries without failing keeps its due date.
 */
@Component
class FailedJobIncidentsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new FailedJobIncidents());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** Camunda's {@link DefaultIncidentHandler} for {@code failedJob}, skipping the look-up described above. */
    static class FailedJobIncidents extends DefaultIncidentHandler {

        FailedJobIncidents() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            if (!retriesLeft(context)) {
                dueNow(context);
                super.resolveIncident(context);
            }
        }

        /**
         * A job whose retries go from 0 back above 0 (Cockpit's 重试, PUT /job/{id}/retries) runs now: it kept the due date
         * of its last failure plus the retry interval, up to an hour, and nothing seemed to happen after the retry
         * (relreview-s58 L4). Only a job that failed (it carries its exception) moves: its due date is the one the retry
         * cycle set. A job an operator set to 0 retries without it failing, such as a 整改期限/督办 timer parked by
         * PUT /job/{id}/retries, still has its business due date and keeps it (diffreview-s58 R1). A due date given with
         * the retries is set by the engine after this and wins.
         */
        private static void dueNow(IncidentContext context) {
            CommandContext command = Context.getCommandContext();
            if (command == null || context.getConfiguration() == null) {
                return;
            }
            JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
            if (job != null && job.getRetries() == 0 && failed(job)) {
                Date now = ClockUtil.getCurrentTime();
                if (job.getDuedate() == null || job.getDuedate().after(now)) {
                    job.setDuedate(now);
                }
            }
        }

        /** Whether the job's last run failed: the engine records the exception until the job next succeeds. */
        private static boolean failed(JobEntity job) {
            return job.getExceptionMessage() != null || job.getExceptionByteArrayId() != null;
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            if (!retriesLeft(context)) {
                super.deleteIncident(context);
            }
        }

        /** Whether the context's job is one this command read and still has retries left. */
        private static boolean retriesLeft(IncidentContext context) {
            CommandContext command = Context.getCommandContext();
            if (command == null || context.getConfiguration() == null) {
                return false;
            }
            JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
            return job != null && job.getRetries() > 0;
        }
    }
}

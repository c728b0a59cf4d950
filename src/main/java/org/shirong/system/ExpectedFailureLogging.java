package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: the job executor's WARN ENGINE-14006 with the failure's stack trace is left out for an
 * {@link ExpectedFailure} (kept at DEBUG here), which the job's own code has told in one line; a job that failed because
 * the database is away ({@link DatabaseUnavailable#away}) is told in one WARN line without the stack (README: 日志只记一行
 * WARN; it runs when the database is back, {@link OwnJobLocks}); every other failure of a job is logged by the engine as
 * before. Camunda's hook for it is one static handler, wrapped once.
 */
@Component
class ExpectedFailureLogging extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ExpectedFailureLogging.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        synchronized (ExecuteJobHelper.class) {
            if (!(ExecuteJobHelper.LOGGING_HANDLER instanceof Quiet)) {
                ExecuteJobHelper.LOGGING_HANDLER = new Quiet(ExecuteJobHelper.LOGGING_HANDLER);
            }
        }
    }

    private record Quiet(ExecuteJobHelper.ExceptionLoggingHandler engine) implements ExecuteJobHelper.ExceptionLoggingHandler {

        @Override
        public void exceptionWhileExecutingJob(String jobId, Throwable exception) {
            if (ExpectedFailure.in(exception)) {
                LOG.debug("作业 {} 失败（已记录，按重试间隔再试）", jobId, exception);
            } else if (DatabaseUnavailable.away(exception)) {
                LOG.warn("作业 {} 因数据库暂时无法连接未能执行，数据库恢复后再执行（{}）", jobId, DatabaseUnavailable.rootCause(exception));
                LOG.debug("作业 {} 未能执行", jobId, exception);
            } else {
                engine.exceptionWhileExecutingJob(jobId, exception);
            }
        }
    }
}

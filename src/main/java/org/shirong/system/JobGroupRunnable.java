package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.ProcessDataContext;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.util.ClassLoaderUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of acquired jobs run in one transaction ({@link ExecuteJobGroupCmd}). When any of them fails, or the commit
 * does, nothing of the group is kept and every job of it runs again on its own exactly as Camunda runs it
 * ({@link ExecuteJobsRunnable}): its retries, its incident and its failure are Camunda's, and the jobs that succeed are
 * written once. Jobs of an isolated process, and the exclusive jobs a group's jobs created for their own process
 * instances (which Camunda runs on the same thread right after), run afterwards the same way.
 */
class JobGroupRunnable extends ExecuteJobsRunnable {

    private static final Logger LOG = LoggerFactory.getLogger(JobGroupRunnable.class);

    private final List<String> isolatedProcesses;

    JobGroupRunnable(List<String> jobIds, ProcessEngineImpl processEngine, List<String> isolatedProcesses) {
        super(jobIds, processEngine);
        this.isolatedProcesses = isolatedProcesses;
    }

    @Override
    public void run() {
        try {
            runGroup();
        } finally {
            if (jobExecutor instanceof GroupingJobExecutor grouping) {
                grouping.ownLocks().finished(jobIds);
            }
        }
    }

    private void runGroup() {
        GroupingJobExecutor.ranNoJobYet();
        if (jobIds.size() < 2 || !jobExecutor.isActive()) {
            super.run();
            return;
        }
        ProcessEngineConfigurationImpl configuration = processEngine.getProcessEngineConfiguration();
        JobExecutorContext context = new JobExecutorContext();
        ExecuteJobGroupCmd.Outcome outcome;
        ClassLoader before = switchClassLoader();
        Context.setJobExecutorContext(context);
        try {
            outcome = configuration.getCommandExecutorTxRequired().execute(new ExecuteJobGroupCmd(jobIds, isolatedProcesses));
        } catch (Throwable t) {
            LOG.info("作业组（{} 个作业）未能一并完成（{}），逐个重新执行", jobIds.size(), t.toString());
            outcome = null;
        } finally {
            Context.removeJobExecutorContext();
            ClassLoaderUtil.setContextClassloader(before);
            new ProcessDataContext(configuration).clearMdc();
        }
        if (outcome == null) {
            super.run();
            return;
        }
        if (configuration.isMetricsEnabled() && outcome.ran() > 0) {
            configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL, outcome.ran());
        }
        List<String> next = new ArrayList<>(outcome.alone());
        next.addAll(context.getCurrentProcessorJobQueue());
        if (next.isEmpty()) {
            GroupingJobExecutor.ranLastJob();
            jobExecutor.jobWasAdded();
        } else {
            new JobGroupRunnable(next, processEngine, isolatedProcesses).runEachAlone();
        }
    }

    private void runEachAlone() {
        super.run();
    }

    /**
     * After the last job of this thread's queue, Camunda's next hint is its "thread done" ({@link GroupingJobExecutor}).
     * A job whose run (or failure handling) lost the database connection is remembered for release ({@link OwnJobLocks}).
     */
    @Override
    protected void executeJob(String nextJobId, CommandExecutor commandExecutor, JobFailureCollector jobFailureCollector) {
        try {
            super.executeJob(nextJobId, commandExecutor, jobFailureCollector);
        } catch (RuntimeException | Error failure) {
            if (jobExecutor instanceof GroupingJobExecutor grouping) {
                grouping.ownLocks().failed(nextJobId, failure);
            }
            throw failure;
        } finally {
            JobExecutorContext context = Context.getJobExecutorContext();
            if (context != null && context.getCurrentProcessorJobQueue().isEmpty()) {
                GroupingJobExecutor.ranLastJob();
            }
        }
    }
}

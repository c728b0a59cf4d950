package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * Camunda's Spring job executor, except that the jobs of one acquisition are handed to the threads in groups of up to
 * {@code shirong.jobs.group-size} ({@link JobGroupRunnable}) rather than one by one: a group's jobs run in one
 * transaction (issue 13, W3: ten thousand deadlines falling due at once). The exclusive jobs of one process instance
 * that the acquisition put together stay together, in their order. With {@code acquisition-spread} above 1 the
 * acquisition locks a random choice of the earliest due jobs ({@link SpreadAcquireJobsCmd}).
 */
class GroupingJobExecutor extends SpringJobExecutor {

    private final JobsProperties jobs;

    GroupingJobExecutor(JobsProperties jobs) {
        this.jobs = jobs;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        if (jobs.acquisitionSpread() > 1) {
            acquireJobsCmdFactory = numJobs -> new SpreadAcquireJobsCmd(this, numJobs, jobs.acquisitionSpread());
        }
        acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
            @Override
            protected void executeJobs(JobAcquisitionContext context, ProcessEngineImpl engine, AcquiredJobs acquired) {
                super.executeJobs(context, engine, grouped(acquired, jobs.groupSize()));
            }
        };
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
        return new JobGroupRunnable(jobIds, processEngine, jobs.isolatedProcesses());
    }

    /** The acquisition's batches joined, in order, into groups of at most {@code size} jobs; a larger batch stays whole. */
    static AcquiredJobs grouped(AcquiredJobs acquired, int size) {
        AcquiredJobs grouped = new AcquiredJobs(acquired.getNumberOfJobsAttemptedToAcquire());
        List<String> group = new ArrayList<>();
        for (List<String> batch : acquired.getJobIdBatches()) {
            if (!group.isEmpty() && group.size() + batch.size() > size) {
                grouped.addJobIdBatch(group);
                group = new ArrayList<>();
            }
            group.addAll(batch);
        }
        if (!group.isEmpty()) {
            grouped.addJobIdBatch(group);
        }
        return grouped;
    }
}

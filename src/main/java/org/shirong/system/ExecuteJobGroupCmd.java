package org.shirong.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Runs several jobs in one command, each exactly as the job executor's {@link ExecuteJobsCmd} runs it, so that they share
 * one read of their job rows, one flush (the engine's inserts and deletes of all of them batched together; on PostgreSQL
 * each table's inserts as one multi-row insert) and one commit. Any failure, a job's own
 * or the flush's, ends the command with nothing written; the caller then runs the jobs one by one as Camunda does.
 * Jobs of an isolated process are not run here but returned, as are jobs that are gone (nothing to run).
 */
class ExecuteJobGroupCmd implements Command<ExecuteJobGroupCmd.Outcome> {

    /** ran: how many jobs ran in the group; alone: the isolated jobs, left to run on their own afterwards. */
    record Outcome(int ran, List<String> alone) {
    }

    private final List<String> jobIds;
    private final List<String> isolatedProcesses;

    ExecuteJobGroupCmd(List<String> jobIds, List<String> isolatedProcesses) {
        this.jobIds = List.copyOf(jobIds);
        this.isolatedProcesses = isolatedProcesses;
    }

    @Override
    public Outcome execute(CommandContext commandContext) {
        int ran = 0;
        List<String> alone = new ArrayList<>();
        readTogether(commandContext);
        for (String jobId : jobIds) {
            JobEntity job = commandContext.getDbEntityManager().selectById(JobEntity.class, jobId);
            if (job == null) {
                continue; // deleted since it was acquired (its activity was cancelled): nothing to run, as in Camunda
            }
            if (job.getProcessDefinitionKey() != null && isolatedProcesses.contains(job.getProcessDefinitionKey())) {
                alone.add(jobId);
                continue;
            }
            new ExecuteJobsCmd(jobId, new JobFailureCollector(jobId)).execute(commandContext);
            ran++;
        }
        return new Outcome(ran, alone);
    }

    /**
     * The group's jobs read in one statement into the command's entity cache, where each job's own read
     * ({@link ExecuteJobsCmd}, {@code selectById}) then finds it: one select per group instead of one per job.
     */
    private void readTogether(CommandContext commandContext) {
        JobQueryImpl query = new JobQueryImpl();
        query.jobIds(new HashSet<>(jobIds));
        commandContext.getJobManager().findJobsByQueryCriteria(query, new Page(0, jobIds.size()));
    }
}

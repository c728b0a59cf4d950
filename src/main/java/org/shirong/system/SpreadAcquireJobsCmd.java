package org.shirong.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;

/**
 * Camunda's job acquisition, except that it reads {@code spread} times as many of the earliest due jobs as it will
 * lock and locks a random choice of them: nodes that acquire at the same moment then seldom try to lock the same jobs
 * (with Camunda's acquisition they read the same earliest jobs, and all but one node's locks fail and it backs off).
 * Every other rule is Camunda's: only acquirable jobs are read, a job whose lock fails is dropped, and the exclusive
 * jobs of one process instance go to one thread together.
 */
class SpreadAcquireJobsCmd extends AcquireJobsCmd {

    private final int spread;

    SpreadAcquireJobsCmd(JobExecutor jobExecutor, int numJobsToAcquire, int spread) {
        super(jobExecutor, numJobsToAcquire);
        this.spread = spread;
    }

    @Override
    public AcquiredJobs execute(CommandContext commandContext) {
        acquiredJobs = new AcquiredJobs(numJobsToAcquire);
        boolean overHierarchies = isAcquireExclusiveOverProcessHierarchies(commandContext);
        // candidates in units that stay whole: a process instance's exclusive jobs, or one non-exclusive job
        Map<String, List<AcquirableJobEntity>> units = new LinkedHashMap<>();
        for (AcquirableJobEntity job : commandContext.getJobManager().findNextJobsToExecute(new Page(0, numJobsToAcquire * spread))) {
            String unit = job.isExclusive() ? "x:" + selectProcessInstanceId(job, overHierarchies) : "n:" + job.getId();
            units.computeIfAbsent(unit, k -> new ArrayList<>()).add(job);
        }
        List<List<AcquirableJobEntity>> chosen = new ArrayList<>(units.values());
        Collections.shuffle(chosen);
        int locked = 0;
        for (List<AcquirableJobEntity> unit : chosen) {
            if (locked >= numJobsToAcquire) {
                break;
            }
            List<String> ids = new ArrayList<>();
            for (AcquirableJobEntity job : unit) {
                lockJob(job);
                ids.add(job.getId());
            }
            locked += ids.size();
            if (unit.get(0).isExclusive()) {
                acquiredJobs.addJobIdBatch(ids);
            } else {
                ids.forEach(acquiredJobs::addJobIdBatch);
            }
        }
        commandContext.getDbEntityManager().registerOptimisticLockingListener(this);
        return acquiredJobs;
    }
}

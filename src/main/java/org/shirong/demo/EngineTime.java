package org.shirong.demo;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The past weeks replayed: the engine clock is set to each moment of the demo in turn, and every job (timer,
 * asynchronous step) runs at its due time, as the job executor would have run it then. Used only before the job
 * executor starts, so nothing else reads the moved clock meanwhile.
 */
final class EngineTime {

    private static final Logger LOG = LoggerFactory.getLogger(EngineTime.class);

    private final ManagementService managementService;
    private final Set<String> failed = new HashSet<>();

    EngineTime(ManagementService managementService) {
        this.managementService = managementService;
    }

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    void set(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    void reset() {
        ClockUtil.reset();
    }

    /** Runs every job due until {@code until} in due order, moving the clock forward to each; ends with the clock at {@code until}. */
    void runUntil(Instant until, Runnable afterEachJob) {
        for (int guard = 0; guard < 20_000; guard++) {
            List<Job> executable = managementService.createJobQuery().executable().active().listPage(0, 1);
            if (executable.isEmpty()) {
                List<Job> next = managementService.createJobQuery().active().withRetriesLeft()
                        .duedateLowerThan(Date.from(until.plusMillis(1))).orderByJobDuedate().asc().listPage(0, 1);
                if (next.isEmpty() || next.get(0).getDuedate() == null || !next.get(0).getDuedate().toInstant().isAfter(now())) {
                    if (now().isBefore(until)) {
                        set(until);
                    }
                    return;
                }
                set(next.get(0).getDuedate().toInstant());
                continue;
            }
            Job job = executable.get(0);
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                if (failed.add(job.getId())) {
                    LOG.warn("演示数据：作业 {} 执行失败（{}），引擎将按重试设置再试", job.getId(), e.getMessage());
                }
            }
            afterEachJob.run();
        }
        throw new IllegalStateException("演示数据：作业不断产生，停止回放");
    }
}

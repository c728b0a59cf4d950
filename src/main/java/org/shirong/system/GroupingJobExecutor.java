package org.shirong.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * Camunda's Spring job executor, except that the jobs of one acquisition are handed to the threads in groups of up to
 * {@code shirong.jobs.group-size} ({@link JobGroupRunnable}) rather than one by one: a group's jobs run in one
 * transaction (issue 13, W3: ten thousand deadlines falling due at once). The exclusive jobs of one process instance
 * that the acquisition put together stay together, in their order. With {@code acquisition-spread} above 1 the
 * acquisition locks a random choice of the earliest due jobs ({@link SpreadAcquireJobsCmd}). While a whole acquisition's
 * worth of jobs waits for a thread, the acquisition waits too ({@link BacklogAwareStrategy}).
 */
class GroupingJobExecutor extends SpringJobExecutor {

    /** Set on a thread whose queue of jobs is empty: its next hint is Camunda's "thread done". */
    private static final ThreadLocal<Boolean> RAN_LAST_JOB = new ThreadLocal<>();
    /** On a thread running acquired jobs: {@link #acquisitionsStarted} when the earliest of them was handed over. */
    private static final ThreadLocal<Long> HANDED_OVER_AT = new ThreadLocal<>();

    private final JobsProperties jobs;
    private final List<Waiting> waiting = new LinkedList<>();
    private volatile BacklogAwareStrategy strategy;
    private final AtomicLong acquisitionsStarted = new AtomicLong();
    private final OwnJobLocks ownLocks = new OwnJobLocks();

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
                // only after an acquisition that queried the database: with a full backlog none did, and it may be away still
                if (acquired.getNumberOfJobsAttemptedToAcquire() > 0 && ownLocks.release(engine, getLockOwner()) > 0) {
                    jobWasAdded();
                }
            }

            @Override
            protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
                strategy = new BacklogAwareStrategy(super.initializeAcquisitionStrategy());
                return strategy;
            }

            /**
             * A hint (a job committed, a thread done) that came before this acquisition's query is answered by the query:
             * only one that comes while it runs calls for another acquisition at once. Camunda keeps the hint that woke
             * the acquisition until after it, and so acquired a second time, at once, for nothing.
             */
            @Override
            protected AcquiredJobs acquireJobs(JobAcquisitionContext context, JobAcquisitionStrategy strategy,
                    ProcessEngineImpl engine) {
                if (strategy.getNumJobsToAcquire(engine.getName()) > 0) {
                    clearJobAddedNotification();
                }
                acquisitionsStarted.incrementAndGet();
                return super.acquireJobs(context, strategy, engine);
            }
        };
    }

    /**
     * A hint, except Camunda's "thread done" when no job can be waiting for it. Camunda asks for another acquisition at
     * once each time a thread has run its jobs, for the exclusive jobs an acquisition left out because another job of
     * their process instance was running. Shirong asks then only when jobs may wait that no hint announces: an
     * acquisition started after the thread's jobs were handed over (it may have left such jobs out), acquired jobs
     * waiting for a thread, or due ones the last acquisition did not take (it filled up, met a conflict, or a hint came
     * while it ran). Jobs the finished ones created announced themselves as they committed (issue 13, W1: one empty
     * acquisition a case).
     */
    @Override
    public void jobWasAdded() {
        boolean threadDone = Boolean.TRUE.equals(RAN_LAST_JOB.get());
        RAN_LAST_JOB.remove();
        Long handedOverAt = HANDED_OVER_AT.get();
        BacklogAwareStrategy acquisition = strategy;
        if (threadDone && handedOverAt != null && handedOverAt == acquisitionsStarted.get() && acquisition != null
                && acquisition.tookAllDue && backlog() == 0) {
            return;
        }
        super.jobWasAdded();
    }

    /** The current thread has run the last job of its queue; Camunda's "thread done" hint comes next. */
    static void ranLastJob() {
        RAN_LAST_JOB.set(true);
    }

    /** The current thread starts on a queue of jobs. */
    static void ranNoJobYet() {
        RAN_LAST_JOB.remove();
    }

    /**
     * Each acquired batch waits in {@link #waiting}; the thread that runs a submitted task takes, in order, whole batches
     * up to the group size, so that batches acquired while every thread was busy run together. A task whose batch another
     * thread took runs what is left, or nothing. A task the pool refuses leaves its batch to Camunda's rejected-jobs
     * handling, unless another thread has taken it meanwhile.
     */
    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        Waiting batch = new Waiting(jobIds, processEngine, acquisitionsStarted.get());
        ownLocks.handedOver(jobIds);
        synchronized (waiting) {
            waiting.add(batch);
        }
        try {
            getTaskExecutor().execute(() -> runWaiting(processEngine));
        } catch (RejectedExecutionException e) {
            boolean untaken;
            synchronized (waiting) {
                untaken = waiting.remove(batch);
            }
            if (untaken) {
                logRejectedExecution(processEngine, jobIds.size());
                rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
            }
        }
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
        return new JobGroupRunnable(jobIds, processEngine, jobs.isolatedProcesses());
    }

    private void runWaiting(ProcessEngineImpl processEngine) {
        List<String> group = new ArrayList<>();
        long handedOverAt = Long.MAX_VALUE;
        synchronized (waiting) {
            for (Iterator<Waiting> it = waiting.iterator(); it.hasNext();) {
                Waiting next = it.next();
                if (next.engine() != processEngine) {
                    continue;
                }
                if (!group.isEmpty() && group.size() + next.jobIds().size() > jobs.groupSize()) {
                    break;
                }
                group.addAll(next.jobIds());
                handedOverAt = Math.min(handedOverAt, next.handedOverAt());
                it.remove();
            }
        }
        if (!group.isEmpty()) {
            HANDED_OVER_AT.set(handedOverAt);
            try {
                getExecuteJobsRunnable(group, processEngine).run();
            } finally {
                HANDED_OVER_AT.remove();
            }
        }
    }

    /** The jobs this node locked and could not run for the database being away, released when it is back. */
    OwnJobLocks ownLocks() {
        return ownLocks;
    }

    /** How many acquired jobs wait for a thread. */
    int backlog() {
        synchronized (waiting) {
            return waiting.stream().mapToInt(batch -> batch.jobIds().size()).sum();
        }
    }

    /**
     * Camunda's acquisition strategy, except that while a whole acquisition's worth of jobs ({@code
     * max-jobs-per-acquisition}) still waits for a thread, the acquisition pauses until a thread has finished its jobs
     * (which wakes it) or the idle wait has passed, and then tops the backlog up instead of acquiring again at once.
     * Without it, with thousands of jobs due, the acquisition ran without pause and each time locked only the two or
     * three jobs taken meanwhile (W3: 1,085 acquisitions for 3,000 jobs, a fifth of PostgreSQL's time). Likewise after an
     * acquisition that locked fewer jobs than it asked for, without a conflict and without a hint while it ran: every due
     * job was taken, and a job committed or a thread done later wakes it (Camunda acquired again at once, and found
     * nothing: issue 13, W1, some three empty acquisitions a case).
     */
    final class BacklogAwareStrategy implements JobAcquisitionStrategy {

        private final JobAcquisitionStrategy camundas;
        private volatile boolean tookAllDue;

        BacklogAwareStrategy(JobAcquisitionStrategy camundas) {
            this.camundas = camundas;
        }

        @Override
        public void reconfigure(JobAcquisitionContext context) {
            camundas.reconfigure(context);
            tookAllDue = !context.isJobAdded() && !context.hasJobAcquisitionLockFailureOccurred()
                    && context.getAcquisitionException() == null && context.getRejectedJobsByEngine().isEmpty()
                    && !context.getAcquiredJobsByEngine().isEmpty()
                    && context.getAcquiredJobsByEngine().values().stream()
                            .allMatch(jobs -> jobs.size() < jobs.getNumberOfJobsAttemptedToAcquire());
        }

        @Override
        public long getWaitTime() {
            long wait = camundas.getWaitTime();
            return backlog() >= getMaxJobsPerAcquisition() || tookAllDue ? Math.max(wait, getWaitTimeInMillis()) : wait;
        }

        @Override
        public int getNumJobsToAcquire(String processEngine) {
            return Math.min(camundas.getNumJobsToAcquire(processEngine), Math.max(0, getMaxJobsPerAcquisition() - backlog()));
        }
    }

    /** A batch of acquired jobs not yet taken by a thread (compared by identity: two batches are never the same). */
    private static final class Waiting {
        private final List<String> jobIds;
        private final ProcessEngineImpl engine;
        private final long handedOverAt;

        Waiting(List<String> jobIds, ProcessEngineImpl engine, long handedOverAt) {
            this.jobIds = List.copyOf(jobIds);
            this.engine = engine;
            this.handedOverAt = handedOverAt;
        }

        List<String> jobIds() {
            return jobIds;
        }

        ProcessEngineImpl engine() {
            return engine;
        }

        /** How many acquisitions had started when this batch was handed over. */
        long handedOverAt() {
            return handedOverAt;
        }
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

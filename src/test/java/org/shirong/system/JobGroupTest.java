package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Jobs run in groups by the real job executor ({@link GroupingJobExecutor}, {@code shirong.jobs}) on an engine of
 * its own, with Spring-managed transactions as in Shirong: good jobs share transactions and each writes its side effect once; a failing job among them leaves no trace
 * of its group, and then every job runs on its own as Camunda runs it, the good ones committing once and the bad one
 * spending its retries into an incident; jobs of an isolated process never share a transaction.
 */
@SharesJvm
class JobGroupTest {

    /** Side effects written in the job's own transaction, tagged with the transaction (command context) that wrote them. */
    public static class RecordEffect implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            RUNS.incrementAndGet();
            CommandContext command = Context.getCommandContext();
            String transaction;
            synchronized (TRANSACTIONS) {
                transaction = TRANSACTIONS.computeIfAbsent(command, c -> UUID.randomUUID().toString());
            }
            // as Shirong's delegates write: a JdbcTemplate taking part in the engine's Spring transaction
            new JdbcTemplate(dataSource).update("insert into test_effect (business_key, tx) values (?, ?)",
                    execution.getProcessBusinessKey(), transaction);
            if (execution.getProcessBusinessKey().startsWith("bad")) {
                throw new IllegalStateException("坏作业 " + execution.getProcessBusinessKey());
            }
        }
    }

    private static final Map<CommandContext, String> TRANSACTIONS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static volatile DataSource dataSource;

    private ProcessEngine engine;
    private ThreadPoolTaskExecutor threads;
    private GroupingJobExecutor executor;

    @AfterEach
    void close() {
        if (executor != null) {
            executor.shutdown();
        }
        if (engine != null) {
            engine.close();
        }
        if (threads != null) {
            threads.shutdown();
        }
    }

    @Test
    void goodJobsShareTransactionsAndEachWritesItsEffectOnce() throws Exception {
        start(5, 3, "alone");
        List<String> good = startInstances("effect", "good-", 10);
        drain();
        Map<String, List<String>> effects = effects();
        assertThat(effects.keySet()).containsExactlyInAnyOrderElementsOf(good);
        assertThat(effects.values()).allSatisfy(tx -> assertThat(tx).hasSize(1));
        assertThat(RUNS.get()).isEqualTo(10);
        long transactions = effects.values().stream().map(tx -> tx.get(0)).distinct().count();
        assertThat(transactions).as("transactions of 10 jobs in groups of 5").isLessThan(10);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(10);
    }

    @Test
    void aFailingJobAmongGoodOnesGetsCamundasRetriesAndIncidentWhileTheGoodOnesCommitOnce() throws Exception {
        start(5, 3, "alone");
        List<String> good = new ArrayList<>(startInstances("effect", "good-a", 4));
        String bad = startInstances("effect", "bad-", 1).get(0);
        good.addAll(startInstances("effect", "good-b", 5));
        drain();
        Map<String, List<String>> effects = effects();
        assertThat(effects.keySet()).as("committed side effects").containsExactlyInAnyOrderElementsOf(good);
        assertThat(effects.values()).allSatisfy(tx -> assertThat(tx).hasSize(1));
        String badInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(bad).singleResult().getId();
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(badInstance).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage()).contains("坏作业 bad-0");
        List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().list();
        assertThat(incidents).singleElement().satisfies(i -> assertThat(i.getConfiguration()).isEqualTo(failed.getId()));
        // Camunda's default: three tries of the bad job, each on its own after the group it was in was given up
        assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(failed.getId()).failureLog().count()).isEqualTo(3);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(good.size());
    }

    /**
     * After the database was away (pgreview-s59 P1), the first acquisition that reaches it releases the jobs this node
     * locked and could not run for the lost connection, so that they run at once instead of after the lock time; never a
     * job another node locked, one this node's threads hold again, or one that failed for another reason (Camunda's
     * failure handling has unlocked that one).
     */
    @Test
    void onlyThisNodesJobsLeftLockedByTheLostDatabaseAndHeldByNoThreadAreReleased() {
        start(5, 1, "alone");
        startInstances("effect", "left-", 4);
        List<String> jobs = engine.getManagementService().createJobQuery().list().stream().map(Job::getId).sorted().toList();
        String own = executor.getLockOwner();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (int i = 0; i < 4; i++) {
            jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?", i == 2 ? "other-node" : own,
                    new java.sql.Timestamp(System.currentTimeMillis() + 300_000), jobs.get(i));
        }
        OwnJobLocks locks = executor.ownLocks();
        RuntimeException away = new RuntimeException(new java.sql.SQLException("Connection is closed", "08003"));
        locks.failed(jobs.get(0), away);
        locks.failed(jobs.get(1), away);
        locks.failed(jobs.get(2), away);
        locks.failed(jobs.get(3), new IllegalStateException("坏作业"));
        // handed over twice: acquired again after its lock expired while the first run still held it
        locks.handedOver(List.of(jobs.get(1)));
        locks.handedOver(List.of(jobs.get(1)));
        org.camunda.bpm.engine.impl.ProcessEngineImpl node = (org.camunda.bpm.engine.impl.ProcessEngineImpl) engine;

        assertThat(locks.release(node, own)).as("released").isEqualTo(1);
        assertThat(lockOwners(jdbc, jobs)).containsExactly("-", own, "other-node", own);
        locks.finished(List.of(jobs.get(1)));
        assertThat(locks.release(node, own)).as("held still by its second run").isZero();
        locks.finished(List.of(jobs.get(1)));
        assertThat(locks.release(node, own)).as("released once both its runs are done").isEqualTo(1);
        assertThat(lockOwners(jdbc, jobs)).containsExactly("-", "-", "other-node", own);
        assertThat(locks.waiting()).isZero();
        assertThat(locks.release(node, own)).isZero();
    }

    private static List<String> lockOwners(JdbcTemplate jdbc, List<String> jobs) {
        return jobs.stream().map(id -> jdbc.queryForObject("select coalesce(LOCK_OWNER_, '-') from ACT_RU_JOB where ID_ = ?",
                String.class, id)).toList();
    }

    @Test
    void jobsOfAnIsolatedProcessRunEachInATransactionOfItsOwn() throws Exception {
        start(5, 3, "alone");
        List<String> alone = startInstances("alone", "alone-", 6);
        drain();
        Map<String, List<String>> effects = effects();
        assertThat(effects.keySet()).containsExactlyInAnyOrderElementsOf(alone);
        assertThat(effects.values().stream().map(tx -> tx.get(0)).distinct().count()).isEqualTo(6);
    }

    @Test
    void twoNodesOnOneDatabaseRunEveryJobOnceWithSpreadAcquisition() throws Exception {
        start(5, 3, "alone");
        List<String> good = startInstances("effect", "two-", 60);
        ThreadPoolTaskExecutor otherThreads = pool();
        GroupingJobExecutor other = executor(5, 3, "alone", otherThreads);
        ProcessEngine node2 = springEngine(engine.getName() + "-node2", dataSource, other, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        try {
            other.start();
            drain();
        } finally {
            other.shutdown();
            node2.close();
            otherThreads.shutdown();
        }
        Map<String, List<String>> effects = effects();
        assertThat(effects.keySet()).containsExactlyInAnyOrderElementsOf(good);
        assertThat(effects.values()).allSatisfy(tx -> assertThat(tx).hasSize(1));
        assertThat(RUNS.get()).as("runs of 60 jobs on two nodes").isEqualTo(60);
    }

    @Test
    void aGroupReadsItsJobRowsInOneStatement() {
        start(5, 1, "alone");
        startInstances("effect", "read-", 10);
        List<String> jobIds = engine.getManagementService().createJobQuery().list().stream().map(Job::getId).sorted().toList();
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();

        StatementCounter.Counts before = StatementCounter.snapshot();
        assertThat(commands.execute(new ExecuteJobGroupCmd(jobIds.subList(0, 5), List.of())).ran()).isEqualTo(5);
        long inGroup = StatementCounter.snapshot().minus(before).of("select ACT_RU_JOB");
        before = StatementCounter.snapshot();
        for (String alone : jobIds.subList(5, 10)) {
            assertThat(commands.execute(new ExecuteJobGroupCmd(List.of(alone), List.of())).ran()).isEqualTo(1);
        }
        long oneByOne = StatementCounter.snapshot().minus(before).of("select ACT_RU_JOB");

        assertThat(inGroup).as("reads of the job table, five jobs in one group vs each alone").isEqualTo(oneByOne - 4);
        assertThat(effects()).hasSize(10);
    }

    @Test
    void theAcquisitionWaitsWhileAWholeAcquisitionOfJobsWaitsForAThreadAndThenTopsUp() {
        List<Runnable> notYetRun = new ArrayList<>();
        GroupingJobExecutor executor = new GroupingJobExecutor(new JobsProperties(5, List.of(), 1));
        executor.setTaskExecutor(notYetRun::add);
        executor.setMaxJobsPerAcquisition(10);
        executor.setWaitTimeInMillis(1000);
        JobAcquisitionStrategy strategy = executor.new BacklogAwareStrategy(camundasAcquiringAgainAtOnce());
        assertThat(strategy.getWaitTime()).isZero();
        assertThat(strategy.getNumJobsToAcquire("engine")).isEqualTo(10);
        executor.executeJobs(List.of("a1", "a2", "a3", "a4", "a5"), null);
        assertThat(strategy.getWaitTime()).as("a group waiting for a thread").isZero();
        assertThat(strategy.getNumJobsToAcquire("engine")).as("topping up").isEqualTo(5);
        executor.executeJobs(List.of("b1", "b2", "b3", "b4", "b5"), null);
        assertThat(strategy.getWaitTime()).as("a whole acquisition's worth waiting").isEqualTo(1000);
        assertThat(strategy.getNumJobsToAcquire("engine")).isZero();
        assertThat(notYetRun).hasSize(2);
    }

    /**
     * After an acquisition that locked fewer jobs than it asked for, every due job was taken: no second acquisition at
     * once (Camunda's strategy says 0) unless a hint came while it ran or it met a conflict; a full one acquires again.
     */
    @Test
    void anAcquisitionThatTookEveryDueJobWaitsForAHintInsteadOfAcquiringAgainAtOnce() {
        GroupingJobExecutor executor = new GroupingJobExecutor(new JobsProperties(5, List.of(), 1));
        executor.setTaskExecutor(task -> { });
        executor.setMaxJobsPerAcquisition(10);
        executor.setWaitTimeInMillis(1000);
        JobAcquisitionStrategy strategy = executor.new BacklogAwareStrategy(camundasAcquiringAgainAtOnce());
        strategy.reconfigure(acquisition(1, 10, false, 0));
        assertThat(strategy.getWaitTime()).as("one job of ten asked for, no hint meanwhile").isEqualTo(1000);
        strategy.reconfigure(acquisition(0, 10, false, 0));
        assertThat(strategy.getWaitTime()).as("none found").isEqualTo(1000);
        strategy.reconfigure(acquisition(1, 10, true, 0));
        assertThat(strategy.getWaitTime()).as("a job committed while the acquisition ran").isZero();
        strategy.reconfigure(acquisition(1, 10, false, 1));
        assertThat(strategy.getWaitTime()).as("a job another node locked first").isZero();
        strategy.reconfigure(acquisition(10, 10, false, 0));
        assertThat(strategy.getWaitTime()).as("as many as asked for: more may be due").isZero();
    }

    /** With the executor idle, a job committed is run on its hint, well before the idle wait has passed. */
    @Test
    void aJobCommittedWhileTheExecutorIdlesRunsOnItsHint() throws Exception {
        start(5, 1, "alone");
        executor.setWaitTimeInMillis(3000);
        executor.setMaxWait(3000);
        executor.start();
        Thread.sleep(300);
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            engine.getRuntimeService().startProcessInstanceByKey("effect", "hinted-" + i);
            while (!effects().containsKey("hinted-" + i)) {
                assertThat((System.nanoTime() - started) / 1_000_000).as("ms until job %s ran", i).isLessThan(2000);
                Thread.sleep(10);
            }
        }
        executor.shutdown();
    }

    /**
     * A job run on its commit's hint asks for no second acquisition when its thread is done: the acquisition had taken
     * every due job (Camunda acquired again at once and found nothing, one empty acquisition a case in W1).
     */
    @Test
    void aThreadDoneAfterTakingEveryDueJobAsksForNoOtherAcquisition() throws Exception {
        start(5, 1, "alone");
        executor.setWaitTimeInMillis(3000);
        executor.setMaxWait(3000);
        AtomicInteger acquisitions = new AtomicInteger();
        executor.setAcquireJobsCmdFactory(numJobs -> {
            acquisitions.incrementAndGet();
            return new AcquireJobsCmd(executor, numJobs);
        });
        executor.start();
        Thread.sleep(300);
        int before = acquisitions.get();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            engine.getRuntimeService().startProcessInstanceByKey("effect", "done-" + i);
            while (!effects().containsKey("done-" + i)) {
                assertThat((System.nanoTime() - started) / 1_000_000).as("ms until job %s ran", i).isLessThan(2000);
                Thread.sleep(10);
            }
            Thread.sleep(200);
        }
        executor.shutdown();
        assertThat(acquisitions.get() - before).as("acquisitions for three jobs, each on its own hint").isEqualTo(3);
    }

    /** Holds its job until the test lets it go. */
    public static class HeldJob implements JavaDelegate {
        static volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public void execute(DelegateExecution execution) throws Exception {
            release.await(10, TimeUnit.SECONDS);
        }
    }

    /** Records when it ran. */
    public static class TimedJob implements JavaDelegate {
        static final AtomicLong RAN_AT = new AtomicLong();

        @Override
        public void execute(DelegateExecution execution) {
            RAN_AT.set(System.nanoTime());
        }
    }

    /**
     * An exclusive job committed while another job of its process instance runs is left out by the acquisition its hint
     * calls for (the instance's exclusive job is locked); it runs as soon as that job's thread is done, as in Camunda,
     * not after the idle wait: an acquisition started after the running job was handed over.
     */
    @Test
    void anExclusiveJobLeftOutWhileItsSiblingRanRunsWhenTheSiblingsThreadIsDone() throws Exception {
        start(5, 1, "alone");
        engine.getRepositoryService().createDeployment().addModelInstance("siblings.bpmn",
                Bpmn.createExecutableProcess("siblings").camundaHistoryTimeToLive(1).startEvent().parallelGateway("fork")
                        .serviceTask("held").camundaAsyncBefore().camundaClass(HeldJob.class).parallelGateway("join")
                        .endEvent().moveToNode("fork").userTask("answer").serviceTask("timed").camundaAsyncBefore()
                        .camundaClass(TimedJob.class).connectTo("join").done()).deploy();
        executor.setWaitTimeInMillis(4000);
        executor.setMaxWait(4000);
        HeldJob.release = new CountDownLatch(1);
        TimedJob.RAN_AT.set(0);
        executor.start();
        Thread.sleep(300);
        String instance = engine.getRuntimeService().startProcessInstanceByKey("siblings").getId();
        Thread.sleep(500); // the held job runs
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
        Thread.sleep(500); // the timed job's hint: an acquisition that leaves it out
        assertThat(TimedJob.RAN_AT.get()).as("the timed job waits for its sibling").isZero();
        long released = System.nanoTime();
        HeldJob.release.countDown();
        while (TimedJob.RAN_AT.get() == 0) {
            assertThat((System.nanoTime() - released) / 1_000_000).as("ms until the timed job ran").isLessThan(2000);
            Thread.sleep(10);
        }
        executor.shutdown();
    }

    private static JobAcquisitionContext acquisition(int locked, int asked, boolean hinted, int lockFailures) {
        AcquiredJobs jobs = new AcquiredJobs(asked);
        for (int i = 0; i < locked; i++) {
            jobs.addJobIdBatch("job-" + i);
        }
        for (int i = 0; i < lockFailures; i++) {
            jobs.removeJobId("failed-" + i);
        }
        JobAcquisitionContext context = new JobAcquisitionContext();
        context.submitAcquiredJobs("engine", jobs);
        context.setJobAdded(hinted);
        return context;
    }

    @Test
    void exclusiveJobsOfOneInstanceStayTogetherAndGroupsKeepTheirOrder() {
        AcquiredJobs acquired = new AcquiredJobs(10);
        acquired.addJobIdBatch("a");
        acquired.addJobIdBatch(List.of("b1", "b2", "b3"));
        acquired.addJobIdBatch("c");
        acquired.addJobIdBatch(List.of("d1", "d2", "d3", "d4", "d5", "d6"));
        acquired.addJobIdBatch("e");
        assertThat(GroupingJobExecutor.grouped(acquired, 5).getJobIdBatches()).containsExactly(
                List.of("a", "b1", "b2", "b3", "c"), List.of("d1", "d2", "d3", "d4", "d5", "d6"), List.of("e"));
    }

    private void start(int groupSize, int spread, String isolated) {
        RUNS.set(0);
        threads = pool();
        executor = executor(groupSize, spread, isolated, threads);
        String name = "jobs-" + UUID.randomUUID();
        dataSource = StatementCounter.wrap(h2(name));
        new JdbcTemplate(dataSource).execute("create table test_effect (business_key varchar(64), tx varchar(64))");
        engine = springEngine(name, dataSource, executor, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        for (String key : List.of("effect", isolated)) {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                    .camundaHistoryTimeToLive(1).startEvent()
                    .serviceTask("effectTask").camundaAsyncBefore().camundaClass(RecordEffect.class)
                    .endEvent().done()).deploy();
        }
    }

    /** An engine as Shirong's: Spring-managed transactions over the data source that the delegates' JdbcTemplate uses. */
    private static ProcessEngine springEngine(String name, DataSource dataSource, GroupingJobExecutor jobExecutor, String schemaUpdate) {
        SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
        configuration.setDatabaseSchemaUpdate(schemaUpdate);
        configuration.setProcessEngineName(name);
        // Shirong's id generator (the starter's default): with the engine's own, two nodes' groups collided on next.dbid
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setJobExecutor(jobExecutor);
        return configuration.buildProcessEngine();
    }

    private static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static ThreadPoolTaskExecutor pool() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(3);
        pool.setMaxPoolSize(3);
        pool.setQueueCapacity(10);
        pool.initialize();
        return pool;
    }

    private static GroupingJobExecutor executor(int groupSize, int spread, String isolated, ThreadPoolTaskExecutor pool) {
        GroupingJobExecutor executor = new GroupingJobExecutor(new JobsProperties(groupSize, List.of(isolated), spread));
        executor.setTaskExecutor(pool);
        executor.setMaxJobsPerAcquisition(10);
        executor.setWaitTimeInMillis(50);
        executor.setMaxWait(200);
        return executor;
    }

    private List<String> startInstances(String key, String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(key, prefix + i);
            keys.add(prefix + i);
        }
        return keys;
    }

    /** Starts the job executor and waits until no job it could run is left (a job out of retries is not). */
    private void drain() throws InterruptedException {
        executor.start();
        long until = System.nanoTime() + 60_000_000_000L;
        while (engine.getManagementService().createJobQuery().withRetriesLeft().count() > 0) {
            assertThat(System.nanoTime()).as("jobs drained within a minute").isLessThan(until);
            Thread.sleep(50);
        }
        executor.shutdown();
    }

    /** Committed side effects: business key → the transactions that wrote one. */
    private Map<String, List<String>> effects() {
        Map<String, List<String>> effects = new HashMap<>();
        new JdbcTemplate(dataSource).query("select business_key, tx from test_effect",
                rs -> { effects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)); });
        return effects;
    }

    /** Camunda's strategy as it answers with jobs due, or after an acquisition that found some: ten more, at once. */
    private static JobAcquisitionStrategy camundasAcquiringAgainAtOnce() {
        return new JobAcquisitionStrategy() {
            @Override
            public void reconfigure(JobAcquisitionContext context) {
            }

            @Override
            public long getWaitTime() {
                return 0;
            }

            @Override
            public int getNumJobsToAcquire(String processEngine) {
                return 10;
            }
        };
    }
}

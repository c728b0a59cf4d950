package org.shirong.system;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs this node locked and could not run because the database was away (pgreview-s59 P1): a job whose run and whose
 * failure handling both lost the connection keeps this node's lock in the table, and no node takes it up again until the
 * lock expires (5 minutes: a case answered 204 to 核查 stays 待核查 with no task, e-mails and timers are late). Such jobs
 * are remembered as they fail, and once an acquisition has reached the database again their locks are released, so that
 * they run at once. Only rows still locked by this node's lock owner are released, and never a job handed to this node's
 * threads and not yet finished (one acquired again meanwhile): so it is safe with other nodes on the same database, whose
 * lock owners differ, and a job is never run twice at once.
 */
final class OwnJobLocks {

    private static final Logger LOG = LoggerFactory.getLogger(OwnJobLocks.class);
    private static final int PER_STATEMENT = 100;

    private final Set<String> leftLocked = ConcurrentHashMap.newKeySet();
    /** How many hand-overs of each job are not finished: one acquired again after its lock expired is held twice. */
    private final Map<String, Integer> handedOver = new ConcurrentHashMap<>();

    /** Jobs handed to this node's threads (or to Camunda's rejected-jobs handling), not to be released until finished. */
    void handedOver(Collection<String> jobIds) {
        jobIds.forEach(id -> handedOver.merge(id, 1, Integer::sum));
    }

    /** A thread is done with these jobs (run, failed, or gone). */
    void finished(Collection<String> jobIds) {
        jobIds.forEach(id -> handedOver.computeIfPresent(id, (job, count) -> count == 1 ? null : count - 1));
    }

    /** The run of {@code jobId} ended in {@code failure}: if the database was away, its lock may be left in the table. */
    void failed(String jobId, Throwable failure) {
        if (DatabaseUnavailable.away(failure)) {
            leftLocked.add(jobId);
        }
    }

    /** How many jobs wait to be released (for tests and the log). */
    int waiting() {
        return leftLocked.size();
    }

    /**
     * Releases the remembered jobs still locked by {@code lockOwner} that no thread of this node holds; called by the
     * acquisition (one thread) after it reached the database. A failure (the database away again) keeps them for the next.
     */
    int release(ProcessEngineImpl engine, String lockOwner) {
        if (leftLocked.isEmpty()) {
            return 0;
        }
        List<String> free = new ArrayList<>(leftLocked);
        free.removeAll(handedOver.keySet());
        if (free.isEmpty()) {
            return 0;
        }
        ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
        int[] released = {0};
        try {
            EngineTables.autoCommit(configuration, (connection, statement) -> {
                for (int from = 0; from < free.size(); from += PER_STATEMENT) {
                    List<String> ids = free.subList(from, Math.min(free.size(), from + PER_STATEMENT));
                    String sql = "update " + EngineTables.table(configuration, "ACT_RU_JOB")
                            + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ? and ID_ in ("
                            + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
                    try (PreparedStatement update = connection.prepareStatement(sql)) {
                        update.setString(1, lockOwner);
                        for (int i = 0; i < ids.size(); i++) {
                            update.setString(i + 2, ids.get(i));
                        }
                        released[0] += update.executeUpdate();
                    }
                    leftLocked.removeAll(ids);
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("数据库连接恢复后未能释放本节点未执行的作业（{}），下次取作业时再试：{}", e.getClass().getSimpleName(), e.getMessage());
            return released[0];
        }
        if (released[0] > 0) {
            LOG.info("数据库连接已恢复：释放本节点因数据库中断未能执行的 {} 个作业（定时器、通知投递、结案等），现在即执行", released[0]);
        }
        return released[0];
    }
}

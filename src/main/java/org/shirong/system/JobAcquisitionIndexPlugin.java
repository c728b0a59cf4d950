package org.shirong.system;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the jobs' due date, so that the job executor finds the jobs that are due without reading every job (issue
 * 13, W3). Each case keeps three timers in {@code act_ru_job} (黄灯, 期限, 通报); the executor's acquisition query,
 * without an order, read the whole table each time: on PostgreSQL with 10,000 imported cases 33–35 ms a call, and it
 * ran about once for every three jobs, so that draining 3,000 due deadlines spent 37 of 48 s in it (most of one of two
 * cores). With {@code jobExecutorAcquireByDueDate} and {@code ensureJobDueDateNotNull} (application.yaml) the query asks
 * for the earliest due jobs by due date only, which this index answers from the due jobs alone (bench: 0.1 ms a call in
 * one run, 7 ms in another where PostgreSQL read all due jobs through it and sorted them).
 *
 * <p>With {@code ensureJobDueDateNotNull} the query no longer looks at jobs without a due date, so any that an earlier
 * version left (an asynchronous step waiting) are given one in the past here, at each start: they stay due at once.
 * Made right after the engine has created or checked its tables, as {@link TasklistIndexesPlugin} does.
 */
@Component
class JobAcquisitionIndexPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndexPlugin.class);
    static final String INDEX = "shirong_idx_job_due";

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        try {
            EngineTables.autoCommit(configuration, (connection, statement) -> {
                if (configuration.isEnsureJobDueDateNotNull()) {
                    int dated = statement.executeUpdate("update " + EngineTables.table(configuration, "act_ru_job")
                            + " set duedate_ = timestamp '2000-01-01 00:00:00' where duedate_ is null");
                    if (dated > 0) {
                        LOG.info("{} 个没有到期时间的作业已设为立即到期（作业按到期时间取用）", dated);
                    }
                }
                statement.execute("create index if not exists " + INDEX + " on " + EngineTables.table(configuration, "act_ru_job") + " (duedate_)");
            });
        } catch (SQLException e) {
            LOG.error("作业到期时间未能补齐或索引未能建立（没有到期时间的作业不会执行；到期作业多时作业执行器会变慢）：{}", e.getMessage());
        }
    }
}

package org.shirong.system;

import java.sql.SQLException;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On the embedded default database (an H2 file) the jobs a node had locked when it was killed
 * ({@code kill -9}) are released when it starts again, before its job executor runs: such a database is open in one JVM
 * only, so every lock found at start is the dead node's. Without this, its timers, notification deliveries and case
 * closings waited for the lock to expire (the job executor's lock time, 5 minutes) after the restart. On a shared database
 * (PostgreSQL, H2 over TCP or with {@code AUTO_SERVER}) another node may hold the lock; there it expires as before.
 */
@Component
class DeadNodeJobLocksPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DeadNodeJobLocksPlugin.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (!"h2".equals(configuration.getDatabaseType())) {
            return;
        }
        try {
            EngineTables.autoCommit(configuration, (connection, statement) -> {
                if (!fileOfThisJvmOnly(connection.getMetaData().getURL())) {
                    return;
                }
                int released = statement.executeUpdate("update " + EngineTables.table(configuration, "act_ru_job")
                        + " set lock_owner_ = null, lock_exp_time_ = null, rev_ = rev_ + 1 where lock_owner_ is not null");
                if (released > 0) {
                    LOG.warn("上次运行未正常停止：释放它锁定的 {} 个作业（定时器、通知投递等），现在即执行", released);
                }
            });
        } catch (SQLException e) {
            LOG.error("未能释放上次运行锁定的作业（它们在锁定期满后执行）：{}", e.getMessage());
        }
    }

    /**
     * Whether the H2 database at {@code url} is a file only this JVM can have open, not served to others. Not one in
     * memory: it dies with its JVM (so holds no dead node's locks), and two engines in one JVM may share it as two nodes.
     */
    static boolean fileOfThisJvmOnly(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:")
                && !u.startsWith("jdbc:h2:mem:")
                && !u.replace(" ", "").contains("auto_server=true");
    }
}

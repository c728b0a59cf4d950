package org.shirong.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Whether a failed command lost a race: a task or execution it read from the database is gone from it, completed or
 * ended by another transaction that committed after this one read it. Two people completing one task at the same
 * moment: the loser reads the task before the winner commits and its execution or variables after, and fails inside the
 * engine (an execution that is null, a gateway's {@code ${rectifyAction == …}} finding no variable) instead of with
 * an optimistic-locking conflict. Asked while the failed command's transaction is still open, before its rollback.
 */
final class LostRace {

    /** How many read entities are looked up at most: a failed command's cache is small, and this runs only on failure. */
    private static final int MAX_LOOKUPS = 20;

    private LostRace() {
    }

    /** The task or execution (e.g. "task 3f2…") the command read and another transaction removed; empty if none. */
    static Optional<String> vanished(CommandContext context) {
        String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        try {
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            int lookups = 0;
            for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
                DbEntity entity = cached.getEntity();
                String table = entity instanceof TaskEntity ? "ACT_RU_TASK" : entity instanceof ExecutionEntity ? "ACT_RU_EXECUTION" : null;
                if (table == null || !readFromDatabase(cached.getEntityState())) {
                    continue;
                }
                if (lookups++ >= MAX_LOOKUPS) {
                    break;
                }
                if (!exists(connection, prefix + table, entity.getId())) {
                    return Optional.of((entity instanceof TaskEntity ? "task " : "execution ") + entity.getId());
                }
            }
        } catch (SQLException | RuntimeException unreadable) {
            // The transaction is broken (a failed statement on PostgreSQL): no answer, the failure is logged as it was.
        }
        return Optional.empty();
    }

    /** Loaded from the database by this command (not one it created, which was never written). */
    private static boolean readFromDatabase(DbEntityState state) {
        return state == DbEntityState.PERSISTENT || state == DbEntityState.MERGED || state == DbEntityState.DELETED_PERSISTENT
                || state == DbEntityState.DELETED_MERGED;
    }

    /** Read through the command's connection, past MyBatis' session cache, which may still hold the row as first read. */
    private static boolean exists(Connection connection, String table, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from " + table + " where ID_ = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}

package org.shirong.system;

import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's task tables for the queries Tasklist's filters run (issue 13, W4): a unit's candidate-group
 * links lead to its tasks without reading the link rows (本单位待办 and its counts); task ids with their organisation
 * (tenant) let a count join those links without reading every open task's row; tasks by due date serve the lists'
 * order (到期日) and the 即将到期/已超期 filters. On PostgreSQL with 100,000 open tasks, 20,000 of them one unit's, that
 * unit's count took 70 ms without them and 35 ms with them. Authorizations by resource type, group and user serve the
 * filter list's own query (which filters a user may read: 36 ms to 3 ms), and tasks by follow-up date the 即将到期
 * filter's count (147 ms to 3 ms). Task ids carry the assignee too: the count by candidate group (Tasklist's
 * {@code candidateGroup}, only unclaimed tasks) read every open task's row to see it unassigned (PostgreSQL, 20,000
 * open tasks: a sequential scan, 28 ms; with it, from the index alone, 3 ms); it replaces the index on id and
 * organisation alone, which it serves as well.
 *
 * <p>Made right after the engine has created or checked its tables, not by a Flyway migration: whether Flyway runs
 * before or after the engine depends on which bean first needs the database (in some contexts Flyway runs on an empty
 * database before the engine's tables exist). {@code create index if not exists} is the same on H2 and PostgreSQL and
 * costs nothing once the indexes are there.
 *
 * <p>On PostgreSQL the open tasks and their candidate-group links are also vacuumed after {@code vacuum-scale-factor}
 * of their rows changed (PostgreSQL's default: a fifth). The two unit counts above read a unit's tasks from these
 * indexes alone (a merge of the two, no table row read) only where PostgreSQL's visibility map marks the pages
 * all-visible, which only vacuuming does; otherwise they read and hash all open tasks (W4 bench, 100,000 open tasks,
 * 20,000 the unit's: count by candidate group median 79 ms against 23).
 */
@Component
class TasklistIndexesPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(TasklistIndexesPlugin.class);
    private static final List<String> INDEXES = List.of(
            "create index if not exists shirong_idx_ident_lnk_group_task on act_ru_identitylink (group_id_, type_, task_id_)",
            "create index if not exists shirong_idx_task_id_tenant_assignee on act_ru_task (id_, tenant_id_, assignee_)",
            "create index if not exists shirong_idx_task_due on act_ru_task (due_date_)",
            "create index if not exists shirong_idx_task_follow_up on act_ru_task (follow_up_date_)",
            "create index if not exists shirong_idx_auth_type_group_user on act_ru_authorization (resource_type_, group_id_, user_id_)");
    // Replaced by one above; an index lives in its table's schema.
    private static final List<String> REPLACED = List.of("shirong_idx_task_id_tenant");
    private static final List<String> VACUUMED = List.of("act_ru_task", "act_ru_identitylink");

    private final double vacuumScaleFactor;

    TasklistIndexesPlugin(@Value("${shirong.filters.vacuum-scale-factor:0.01}") double vacuumScaleFactor) {
        this.vacuumScaleFactor = vacuumScaleFactor;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String prefix = EngineTables.table(configuration, "");
        try {
            EngineTables.autoCommit(configuration, (connection, statement) -> {
                for (String index : INDEXES) {
                    statement.execute(index.replace(" on act_", " on " + prefix + "act_"));
                }
                String schema = prefix.endsWith(".") ? prefix : "";
                for (String index : REPLACED) {
                    statement.execute("drop index if exists " + schema + index);
                }
                if (vacuumScaleFactor > 0 && "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    for (String table : VACUUMED) {
                        statement.execute("alter table " + prefix + table + " set (autovacuum_vacuum_scale_factor = " + vacuumScaleFactor
                                + ", autovacuum_vacuum_insert_scale_factor = " + vacuumScaleFactor + ")");
                    }
                }
            });
        } catch (SQLException e) {
            // Slower lists, not wrong ones: Shirong works without them.
            LOG.warn("任务列表索引未能建立（任务多时待办列表会变慢）：{}", e.getMessage());
        }
    }
}

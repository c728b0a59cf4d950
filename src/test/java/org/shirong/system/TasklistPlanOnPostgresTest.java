package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans PostgreSQL chooses on Shirong's own connections (production profile) for the counts Tasklist asks at
 * 100,000 open tasks, 20,000 of them one unit's (issue 13, W4): the unit's tasks found from its candidate-group links
 * through the task index, not every open task read and hashed. PostgreSQL's default cost of a random page read (4)
 * chose the full scan; the profile's connection option {@code random_page_cost=1.1} gives a merge of two index-only
 * scans, which needs the pages vacuumed (visibility map): the tables are vacuumed here as autovacuum does after 1 % of
 * them changed (TasklistIndexesPlugin). Plan-shape assertions, not times.
 */
class TasklistPlanOnPostgresTest {

    private static final int TASKS = 100_000;
    private static final String UNIT = "chengguan";
    /** The engine's count for {@code candidateGroup=chengguan} (unclaimed only) as PostgreSQL receives it, organisation checked. */
    private static final String COUNT_BY_CANDIDATE_GROUP = """
            SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES
              left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
             WHERE ( 1 = 1 and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'chengguan' ) ) ) )
               and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( 'jiuting' ) ) ) countDistinct""";
    /** 本单位待办's count (claimed tasks included). */
    private static final String UNIT_FILTER_COUNT = COUNT_BY_CANDIDATE_GROUP.replace("RES.ASSIGNEE_ is null and ", "");

    private static final String TASK_BY_INDEX = "Index (Only )?Scan using \\w+ on act_ru_task";

    private static ShirongOnPostgres.Running shirong;
    private static ConfigurableApplicationContext context;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        shirong = ShirongOnPostgres.startWithDatabase(false);
        context = shirong.context();
        jdbc = context.getBean(JdbcTemplate.class);
        openTasks();
    }

    @AfterAll
    static void stop() throws Exception {
        shirong.close();
    }

    /**
     * {@link #TASKS} open tasks of 九亭镇 written straight into the engine's tables, in runs of 1,000 per unit as the W4
     * bench's process starts make them, every fifth run the unit's; each with its candidate-group link. Ids are random
     * UUIDs as the engine's, and rows about as wide as its tasks (a description stands in for the execution and process
     * columns, which would need those rows).
     */
    private static void openTasks() {
        jdbc.update("""
                insert into act_ru_task (id_, rev_, name_, description_, task_def_key_, priority_, create_time_, last_updated_,
                                         due_date_, suspension_state_, tenant_id_, task_state_)
                select md5('plan-task-' || n)::uuid::text, 1, '认领案件', repeat('x', 120), 'Task_OpenWork', 50, now(), now(),
                       now() + (n / 1000) * interval '1 hour', 1, 'jiuting', 'Created'
                from generate_series(0, ? - 1) n order by n""", TASKS);
        jdbc.update("""
                insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_, tenant_id_)
                select md5('plan-link-' || n)::uuid::text, 1, case when (n / 1000) % 5 = 0 then ? else 'unit-' || (n / 1000) % 5 end,
                       'candidate', md5('plan-task-' || n)::uuid::text, 'jiuting'
                from generate_series(0, ? - 1) n order by n""", UNIT, TASKS);
        // as autovacuum does once they have changed enough (TasklistIndexesPlugin: after 1 %): statistics and visibility map
        jdbc.execute("vacuum analyze act_ru_task");
        jdbc.execute("vacuum analyze act_ru_identitylink");
    }

    @Test
    void theUnitsTasksAreThereForTheEngine() {
        TaskService tasks = context.getBean(TaskService.class);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(UNIT).tenantIdIn("jiuting").count()).isEqualTo(TASKS / 5);
    }

    @Test
    void countByCandidateGroupReadsTheUnitsTasksThroughTheIndexNotEveryOpenTask() {
        assertThat(plan(COUNT_BY_CANDIDATE_GROUP)).doesNotContain("Seq Scan on act_ru_task")
                .containsPattern(TASK_BY_INDEX);
        assertThat(jdbc.queryForObject(COUNT_BY_CANDIDATE_GROUP, Long.class)).isEqualTo(TASKS / 5);
    }

    @Test
    void unitFilterCountReadsTheUnitsTasksThroughTheIndexNotEveryOpenTask() {
        assertThat(plan(UNIT_FILTER_COUNT)).doesNotContain("Seq Scan on act_ru_task")
                .containsPattern(TASK_BY_INDEX);
    }

    @Test
    void shirongsConnectionsCarryTheRandomPageCost() {
        assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
    }

    @Test
    void openTasksAndTheirLinksAreVacuumedAfterOnePercentChanged() {
        for (String table : List.of("act_ru_task", "act_ru_identitylink")) {
            assertThat(jdbc.queryForObject("select array_to_string(reloptions, ',') from pg_class where relname = ?", String.class, table))
                    .as(table).contains("autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_insert_scale_factor=0.01");
        }
    }

    private static String plan(String query) {
        List<String> lines = jdbc.queryForList("explain " + query, String.class);
        return String.join("\n", lines);
    }
}

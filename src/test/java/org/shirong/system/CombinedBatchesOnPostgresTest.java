package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row inserts and keyed deletes sent in a JDBC batch go to PostgreSQL as one statement ({@link CombinedBatches}): the
 * inserted rows are those the driver's batch writes; each delete entry still answers the count running it alone would,
 * compared entry by entry with the driver's own batch, through the engine (a process's variables written at its start
 * and deleted at its end in one statement each) and for the engine's optimistic locking (a variable changed by another
 * transaction is not deleted, and the whole removal fails).
 */
class CombinedBatchesOnPostgresTest {

    private static EmbeddedPostgres postgres;
    private static DataSource plain;
    private static DataSource combining;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        plain = postgres.getPostgresDatabase();
        combining = new CombinedBatches.CombiningDataSource(StatementCounter.wrap(plain));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aBatchOfKeyedDeletesAnswersEachEntrysCountAsTheDriversBatchDoes() throws SQLException {
        // keys: present with the right revision, a stale revision, absent, a repeat, two rows under one key; 150 more
        // entries so that the batch spans two combined statements
        List<Object[]> entries = new ArrayList<>(List.of(new Object[] {"a", 1}, new Object[] {"b", 9},
                new Object[] {"missing", 1}, new Object[] {"a", 1}, new Object[] {"twice", 1}, new Object[] {"c", 1}));
        IntStream.range(0, 150).forEach(i -> entries.add(new Object[] {"n" + i, i % 3 == 0 ? 2 : 1}));

        int[] expected = deleteInBatch(plain, "plain_rows", entries);
        StatementCounter.Counts before = StatementCounter.snapshot();
        int[] combined = deleteInBatch(combining, "combined_rows", entries);
        StatementCounter.Counts sent = StatementCounter.snapshot().minus(before);

        assertThat(combined).containsExactly(expected);
        assertThat(expected).startsWith(1, 0, 0, 0, 2, 1);
        assertThat(rows("combined_rows")).isEqualTo(rows("plain_rows")).contains("b/1");
        assertThat(sent.of("delete COMBINED_ROWS")).as("statements for %s entries", entries.size()).isEqualTo(2);
    }

    @Test
    void aFailingCombinedDeleteFailsTheBatchAsTheDriversBatchFailsInATransaction() throws SQLException {
        new JdbcTemplate(plain).execute("create table parent_rows (id varchar(64) primary key)");
        new JdbcTemplate(plain).execute("create table child_rows (id varchar(64) primary key, parent varchar(64) references parent_rows)");
        new JdbcTemplate(plain).execute("insert into parent_rows values ('p1'), ('p2'), ('p3')");
        new JdbcTemplate(plain).execute("insert into child_rows values ('c1', 'p2')");
        BatchUpdateException drivers = failingBatch(plain, "delete from parent_rows where id = ?", List.of("p1", "p2", "p3"));
        BatchUpdateException combined = failingBatch(combining, "delete from parent_rows where id = ?", List.of("p1", "p2", "p3"));
        assertThat(combined.getSQLState()).isEqualTo(drivers.getSQLState()).isEqualTo("23503");
        assertThat(combined.getUpdateCounts()).containsExactly(drivers.getUpdateCounts());
        assertThat(new JdbcTemplate(plain).queryForList("select id from parent_rows order by id", String.class))
                .containsExactly("p1", "p2", "p3");
    }

    @Test
    void aFailingCombinedInsertFailsTheBatchAsTheDriversBatchFailsInATransaction() throws SQLException {
        new JdbcTemplate(plain).execute("create table unique_rows (id varchar(64) primary key)");
        BatchUpdateException drivers = failingBatch(plain, "insert into unique_rows (id) values (?)", List.of("x", "y", "x"));
        BatchUpdateException combined = failingBatch(combining, "insert into unique_rows (id) values (?)", List.of("x", "y", "x"));
        assertThat(combined.getSQLState()).isEqualTo(drivers.getSQLState()).isEqualTo("23505");
        assertThat(combined.getUpdateCounts()).containsExactly(drivers.getUpdateCounts());
        assertThat(new JdbcTemplate(plain).queryForObject("select count(*) from unique_rows", Long.class)).isZero();
    }

    /** Runs a batch of {@code ids} in a transaction, which fails; rolls it back. */
    private static BatchUpdateException failingBatch(DataSource dataSource, String sql, List<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement batch = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (String id : ids) {
                batch.setString(1, id);
                batch.addBatch();
            }
            try {
                batch.executeBatch();
            } catch (BatchUpdateException e) {
                return e;
            } finally {
                connection.rollback();
            }
        }
        throw new AssertionError("the batch did not fail: " + sql);
    }

    @Test
    void batchesTheStatementCannotCombineRunAsTheDriversBatch() throws SQLException {
        new JdbcTemplate(plain).execute("create table other_rows (id varchar(64), n integer, data bytea)");
        new JdbcTemplate(plain).execute("insert into other_rows values ('a', 1, null), ('b', 2, null), ('c', 3, null)");
        try (Connection connection = combining.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("insert into other_rows (id, n, data) values (?, ?, ?)")) {
                assertThat(insert.executeBatch()).as("an empty batch").isEmpty();
                for (int i = 0; i < 3; i++) { // streams are read once, by the driver's batch
                    insert.setString(1, "s" + i);
                    insert.setInt(2, 10 + i);
                    insert.setBinaryStream(3, new java.io.ByteArrayInputStream(new byte[] {(byte) i, 7}));
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from other_rows where n = ?")) {
                for (String n : List.of("01", "2", "03")) { // converted by the driver: compared as numbers, not as text
                    delete.setObject(1, n, Types.INTEGER);
                    delete.addBatch();
                }
                assertThat(delete.executeBatch()).containsExactly(1, 1, 1);
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into other_rows (id, n) values (?, ?)")) {
                insert.setString(1, "alone");
                insert.setInt(2, 99);
                assertThat(insert.executeUpdate()).as("outside a batch").isEqualTo(1);
            }
        }
        assertThat(new JdbcTemplate(plain).queryForList("select id || '/' || n || '/' || coalesce(encode(data, 'hex'), '-')"
                + " from other_rows order by id", String.class)).containsExactly("alone/99/-", "s0/10/0007", "s1/11/0107",
                "s2/12/0207");
    }

    @Test
    void aBatchOfThreeToFifteenRowsIsInsertedByOneStatementAsTheDriversBatchInsertsThem() throws SQLException {
        // 16 rows (a power of two) and 20 (more than 16) are the driver's to rewrite; this counter sees their entries
        for (int rows : List.of(3, 7, 15, 16, 20)) {
            String table = "inserted_" + rows;
            new JdbcTemplate(plain).execute("create table " + table
                    + " (id varchar(64) primary key, n integer, at timestamp, note varchar(20), big bigint)");
            StatementCounter.Counts before = StatementCounter.snapshot();
            int[] counts;
            try (Connection connection = combining.getConnection(); PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table + " (id, n, at, note, big)\n values (?, ?, cast(? as timestamp), ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "r" + i);
                    insert.setInt(2, i);
                    insert.setTimestamp(3, Timestamp.valueOf("2026-12-04 10:00:0" + (i % 10)));
                    if (i % 2 == 0) {
                        insert.setNull(4, Types.VARCHAR);
                    } else {
                        insert.setString(4, "第" + i + "行");
                    }
                    insert.setLong(5, 10_000_000_000L + i);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            StatementCounter.Counts sent = StatementCounter.snapshot().minus(before);
            assertThat(counts).hasSize(rows);
            assertThat(sent.of("insert " + table.toUpperCase(Locale.ROOT))).as("statements for %s rows", rows)
                    .isEqualTo(rows < 16 ? 1 : rows);
            assertThat(new JdbcTemplate(plain).queryForList("select id || '/' || n || '/' || to_char(at, 'SS') || '/'"
                    + " || coalesce(note, '-') || '/' || big from " + table + " order by n", String.class))
                    .as("rows of a batch of %s", rows)
                    .isEqualTo(IntStream.range(0, rows).mapToObj(i -> "r" + i + "/" + i + "/0" + (i % 10) + "/"
                            + (i % 2 == 0 ? "-" : "第" + i + "行") + "/" + (10_000_000_000L + i)).toList());
        }
    }

    @Test
    void theEngineWritesAndDeletesAProcesssVariablesInOneStatementEach() {
        ProcessEngine engine = engine();
        try {
            RuntimeService runtime = engine.getRuntimeService();
            StatementCounter.Counts beforeStart = StatementCounter.snapshot();
            String instance = runtime.startProcessInstanceByKey("waiting", Map.of("a", "1", "b", 2, "c", true, "d", "4",
                    "e", 5L)).getId();
            assertThat(StatementCounter.snapshot().minus(beforeStart).of("insert ACT_RU_VARIABLE")).isEqualTo(1);
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

            StatementCounter.Counts before = StatementCounter.snapshot();
            engine.getTaskService().complete(task);
            StatementCounter.Counts sent = StatementCounter.snapshot().minus(before);

            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
            assertThat(new JdbcTemplate(plain).queryForObject("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ?",
                    Long.class, instance)).isZero();
            assertThat(sent.of("delete ACT_RU_VARIABLE")).isEqualTo(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void aVariableChangedMeanwhileFailsTheRemovalOfAllAsAConcurrentModification() {
        ProcessEngine engine = engine();
        try {
            RuntimeService runtime = engine.getRuntimeService();
            String instance = runtime.startProcessInstanceByKey("waiting", Map.of("a", "1", "b", "2", "c", "3")).getId();
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
                runtime.getVariables(instance);
                CompletableFuture.runAsync(() -> runtime.setVariable(instance, "b", "changed")).join();
                runtime.removeVariables(instance, List.of("a", "b", "c"));
                return null;
            })).isInstanceOf(OptimisticLockingException.class);

            assertThat(runtime.getVariables(instance)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("a", "1", "b", "changed", "c", "3"));
        } finally {
            engine.close();
        }
    }

    private static ProcessEngine engine() {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(combining);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setProcessEngineName("combined-deletes-" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("waiting.bpmn", Bpmn.createExecutableProcess("waiting").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("wait").endEvent().done())
                .deploy();
        return engine;
    }

    private static int[] deleteInBatch(DataSource dataSource, String table, List<Object[]> entries) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table " + table + " (id varchar(64), rev integer)");
            ddl.execute("insert into " + table + " values ('a', 1), ('b', 1), ('c', 1), ('twice', 1), ('twice', 1)");
            ddl.execute("insert into " + table + " select 'n' || i, 1 from generate_series(0, 149) i");
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table + "\n    where ID = ? and REV = ?")) {
                for (Object[] entry : entries) {
                    delete.setString(1, (String) entry[0]);
                    delete.setInt(2, (Integer) entry[1]);
                    delete.addBatch();
                }
                return delete.executeBatch();
            }
        }
    }

    private static List<String> rows(String table) {
        return new JdbcTemplate(plain).queryForList("select id || '/' || rev from " + table + " order by id, rev", String.class);
    }
}

package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V66 on H2 and PostgreSQL: the engine's history copies of File and Bytes variables saved before s57
 * (secreview-s57 S2), rows and content, are removed; the variables of a running process, their content, the history of
 * other variables and the deployments' resources stay. On a new database, before the engine made its tables, it does
 * nothing.
 */
class UploadHistoryMigrationTest {

    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    private static final byte[] RAW = {'<', 'h', '1', '>'};

    @Test
    void onH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:upload-history;DB_CLOSE_DELAY=-1");
        uploadHistoryGoesAndRunningVariablesStay(h2, "h2");
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            uploadHistoryGoesAndRunningVariablesStay(postgres.getPostgresDatabase(), "postgres");
        }
    }

    @Test
    void onANewDatabaseWithoutTheEnginesTablesNothingIsDone() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:upload-history-new;DB_CLOSE_DELAY=-1");
        assertThat(flyway(h2).load().migrate().success).isTrue();
    }

    private static void uploadHistoryGoesAndRunningVariablesStay(DataSource dataSource, String name) {
        flyway(dataSource).target(lastVersionBefore66(dataSource)).load().migrate();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("upload-history-" + name);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            String deployment = engine.getRepositoryService().createDeployment().addModelInstance("upload.bpmn",
                    Bpmn.createExecutableProcess("UploadHistory").camundaHistoryTimeToLive(30).startEvent()
                            .userTask("Task_Upload").endEvent().done()).deploy().getId();
            String running = start(engine);
            String finished = start(engine);
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(finished).singleResult().getId());
            engine.getRuntimeService().setVariable(running, "raw", Variables.byteArrayValue(RAW));

            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<String> copies = jdbc.queryForList("select bytearray_id_ from act_hi_varinst where var_type_ in ('file', 'bytes')"
                    + " union select bytearray_id_ from act_hi_detail where var_type_ in ('file', 'bytes')", String.class);
            assertThat(copies).as("the history copies before").hasSizeGreaterThanOrEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where var_type_ in ('file', 'bytes')", Integer.class))
                    .isGreaterThanOrEqualTo(5);

            flyway(dataSource).load().migrate();

            for (String table : List.of("act_hi_varinst", "act_hi_detail")) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " where var_type_ in ('file', 'bytes')", Integer.class))
                        .as(table).isZero();
            }
            assertThat(jdbc.queryForList("select id_ from act_ge_bytearray", String.class)).doesNotContainAnyElementsOf(copies);
            assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where name_ = 'note'", Integer.class))
                    .as("other variables' history").isEqualTo(2);
            FileValue photo = engine.getRuntimeService().getVariableTyped(running, "photo");
            assertThat(photo.getFilename()).isEqualTo("after.png");
            assertThat(photo.getValue().readAllBytes()).isEqualTo(PHOTO);
            assertThat((byte[]) engine.getRuntimeService().getVariable(running, "raw")).isEqualTo(RAW);
            assertThat(engine.getRepositoryService().getResourceAsStream(deployment, "upload.bpmn")).isNotNull();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            engine.close();
        }
    }

    private static String start(ProcessEngine engine) {
        return engine.getRuntimeService().startProcessInstanceByKey("UploadHistory", Variables.createVariables()
                .putValue("photo", Variables.fileValue("after.png").file(PHOTO).mimeType("image/png").create())
                .putValue("raw", Variables.byteArrayValue(new byte[] {1, 2}))
                .putValue("note", "已清运")).getId();
    }

    /** The database as it stood before V66. */
    private static String lastVersionBefore66(DataSource dataSource) {
        MigrationVersion v66 = MigrationVersion.fromVersion("66");
        return Arrays.stream(flyway(dataSource).load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(v66) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("shirong_schema_history")
                .baselineOnMigrate(true).baselineVersion("0");
    }
}

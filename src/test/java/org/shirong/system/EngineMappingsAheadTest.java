package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;

/**
 * The engine's MyBatis mappings read ahead ({@link EngineMappingsAhead}) are taken by an engine on the database they
 * were read for, which then works as with its own (a process deployed, started, its task found and completed), carry
 * the same statements as the engine's own reading, and are left alone by an engine on another database or table prefix.
 */
@SharesJvm
class EngineMappingsAheadTest {

    @Test
    void anEngineOnTheDatabaseTheMappingsWereReadForTakesThemAndWorks() throws Exception {
        FutureTask<Configuration> mappings = read("h2", "");
        ProcessEngineConfigurationImpl configuration = engineConfiguration(new EngineMappingsAhead.Read("h2", "", mappings));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(configuration.getSqlSessionFactory().getConfiguration()).isSameAs(mappings.get());
            assertThat(configuration.getSqlSessionFactory().getConfiguration().getEnvironment().getDataSource())
                    .isSameAs(configuration.getDataSource());
            runsAProcess(engine);
        } finally {
            engine.close();
        }
    }

    @Test
    void anEngineOnAnotherDatabaseOrPrefixReadsItsOwn() throws Exception {
        for (List<String> readFor : List.of(List.of("postgres", ""), List.of("h2", "other_"))) {
            FutureTask<Configuration> mappings = read(readFor.get(0), readFor.get(1));
            Configuration readAhead = mappings.get();
            ProcessEngineConfigurationImpl configuration =
                    engineConfiguration(new EngineMappingsAhead.Read(readFor.get(0), readFor.get(1), mappings));
            ProcessEngine engine = configuration.buildProcessEngine();
            try {
                assertThat(configuration.getSqlSessionFactory().getConfiguration()).isNotSameAs(readAhead);
                runsAProcess(engine);
            } finally {
                engine.close();
            }
        }
    }

    @Test
    void theMappingsReadAheadHoldTheEnginesOwnStatements() throws Exception {
        ProcessEngine own = StandaloneEngines.inMemory("mappings-own");
        try {
            Configuration engines = ((ProcessEngineConfigurationImpl) own.getProcessEngineConfiguration())
                    .getSqlSessionFactory().getConfiguration();
            Configuration ahead = read("h2", "").get();
            assertThat(ahead.getMappedStatementNames()).hasSizeGreaterThan(1000)
                    .containsExactlyInAnyOrderElementsOf(engines.getMappedStatementNames());
            assertThat(ahead.getResultMapNames()).containsExactlyInAnyOrderElementsOf(engines.getResultMapNames());
            // a statement with the table prefix, as the engine's reading gives it
            String prefixed = "selectProperty";
            assertThat(sql(ahead.getMappedStatement(prefixed))).contains("ACT_GE_PROPERTY")
                    .isEqualTo(sql(engines.getMappedStatement(prefixed)));
        } finally {
            own.close();
        }
    }

    @Test
    void onlyShirongsOwnApplicationReadsAheadAndAReadIsHandedOutOnce() throws Exception {
        StaticApplicationContext other = new StaticApplicationContext();
        other.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:other"));
        new EngineMappingsAhead().initialize(other);
        assertThat(other.containsBean(EngineMappingsAhead.BEAN)).as("another application, e.g. the benchmark's bare engine").isFalse();

        StaticApplicationContext shirong = new StaticApplicationContext();
        shirong.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:shirong")
                .withProperty("spring.application.name", EngineMappingsAhead.APPLICATION));
        new EngineMappingsAhead().initialize(shirong);
        EngineMappingsAhead.Read read = shirong.getBean(EngineMappingsAhead.BEAN, EngineMappingsAhead.Read.class);
        assertThat(read.forEngine("h2", "")).isNotNull();
        assertThat(read.forEngine("h2", "")).as("handed out once, then not kept").isNull();
    }

    @Test
    void theDatabaseIsTheOneTheJdbcUrlNamesOrTheConfiguredType() {
        assertThat(EngineMappingsAhead.databaseType(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/shirong"))).isEqualTo("postgres");
        assertThat(EngineMappingsAhead.databaseType(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/shirong"))).isEqualTo("h2");
        assertThat(EngineMappingsAhead.databaseType(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:oracle:thin:@db:1521/x"))).isNull();
        assertThat(EngineMappingsAhead.databaseType(new MockEnvironment())).isNull();
        assertThat(EngineMappingsAhead.databaseType(new MockEnvironment().withProperty("camunda.bpm.database.type", "mysql")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/x"))).isEqualTo("mysql");
    }

    private static String sql(MappedStatement statement) {
        return statement.getBoundSql("name").getSql().replaceAll("\\s+", " ");
    }

    private static FutureTask<Configuration> read(String databaseType, String prefix) {
        FutureTask<Configuration> mappings = new FutureTask<>(
                () -> EngineMappingsAhead.read(databaseType, prefix, EngineMappingsAheadTest.class.getClassLoader()));
        mappings.run();
        return mappings;
    }

    private static ProcessEngineConfigurationImpl engineConfiguration(EngineMappingsAhead.Read ahead) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:mappings-ahead-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MappingsAheadEngineConfiguration configuration = new MappingsAheadEngineConfiguration(ahead);
        configuration.setDataSource(h2);
        configuration.setTransactionManager(new DataSourceTransactionManager(h2));
        StaticApplicationContext beans = new StaticApplicationContext();
        beans.refresh();
        configuration.setApplicationContext(beans);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("mappings-ahead-" + UUID.randomUUID());
        return configuration;
    }

    private static void runsAProcess(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment()
                .addModelInstance("Ahead.bpmn", Bpmn.createExecutableProcess("Ahead").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Check").endEvent().done())
                .deploy();
        engine.getRuntimeService().startProcessInstanceByKey("Ahead", "ahead-1");
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("ahead-1").singleResult().getId();
        engine.getTaskService().complete(task);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("ahead-1")
                .finished().count()).isEqualTo(1);
    }
}

package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The latest definition an organisation's work starts, reused between Shirong's own starts (issue 13, W1) yet never
 * older than what this node deployed or deleted, nor older than the time to live for a version another node deployed.
 * Two engines on one database stand for two nodes.
 */
@SharesJvm
class ProcessDefinitionsTest {

    private static final String KEY = "LatestOnly";
    private static final String TOWN = "jiuting";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private ProcessEngine here;
    private ProcessEngine elsewhere;
    private ProcessDefinitions definitions;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        String database = "jdbc:h2:mem:definitions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DeploymentsSeen seen = new DeploymentsSeen();
        here = engine(database, "here", seen);
        elsewhere = engine(database, "elsewhere", new DeploymentsSeen());
        definitions = new ProcessDefinitions(here.getRepositoryService(), here.getIdentityService(), seen,
                new ProcessDefinitionsProperties(Duration.ofSeconds(60)), nanos::get);
    }

    @AfterEach
    void close() {
        here.close();
        elsewhere.close();
    }

    @Test
    void aDeploymentOnThisNodeIsStartedAtOnce() {
        String first = deploy(here, "一");
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(first);
        String second = deploy(here, "二");
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(second);
    }

    @Test
    void aDeletedDeploymentIsNotStartedAgain() {
        String first = deploy(here, "一");
        String second = deploy(here, "二");
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(second);
        here.getRepositoryService().deleteDeployment(deploymentOf(second), true);
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(first);
    }

    @Test
    void anotherNodesVersionIsStartedOnceTheTimeToLiveHasPassed() {
        String first = deploy(here, "一");
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(first);
        String second = deploy(elsewhere, "二");
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(definitions.latestId(KEY, TOWN)).as("reused within the time to live").isEqualTo(first);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(second);
    }

    @Test
    void aCallersOwnLookUpIsMadeEachTimeWithTheCallersAuthorizations() {
        String first = deploy(here, "一");
        assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(first);
        String second = deploy(elsewhere, "二");
        here.getIdentityService().setAuthentication("someone", List.of(), List.of(TOWN));
        try {
            assertThat(definitions.latestId(KEY, TOWN)).isEqualTo(second);
        } finally {
            here.getIdentityService().clearAuthentication();
        }
        assertThat(definitions.latestId(KEY, TOWN)).as("Shirong's own look-up still reused").isEqualTo(first);
    }

    @Test
    void withoutTimeToLiveEveryLookUpQueries() {
        ProcessDefinitions always = new ProcessDefinitions(here.getRepositoryService());
        String first = deploy(here, "一");
        assertThat(always.latestId(KEY, TOWN)).isEqualTo(first);
        String second = deploy(elsewhere, "二");
        assertThat(always.latestId(KEY, TOWN)).isEqualTo(second);
    }

    private static ProcessEngine engine(String database, String name, DeploymentsSeen seen) {
        String unique = name + "-" + UUID.randomUUID();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(database)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setProcessEngineName(unique)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(seen)));
        return configuration.buildProcessEngine();
    }

    /** Deploys a version of the process for the town; returns its definition id. */
    private static String deploy(ProcessEngine engine, String version) {
        var model = Bpmn.createExecutableProcess(KEY).name("版本" + version).camundaHistoryTimeToLive(1)
                .startEvent().userTask().endEvent().done();
        String deployment = engine.getRepositoryService().createDeployment().tenantId(TOWN)
                .addModelInstance(KEY + ".bpmn", model).deploy().getId();
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
        return definition.getId();
    }

    private String deploymentOf(String definitionId) {
        return here.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId();
    }
}

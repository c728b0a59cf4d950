package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.ShirongApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every file of processes/ and forms/ is deployed under a stable name, and a restart without changes deploys nothing new. */
@ShirongWebTest
class ProcessDeploymentTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessResourceDeployer deployer;

    static List<String> filesUnder(String folder, String... extensions) throws IOException {
        Path root = Path.of(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder + "/" + root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> Stream.of(extensions).anyMatch(ext -> name.endsWith("." + ext)))
                    .sorted().toList();
        }
    }

    private Deployment latest() {
        return repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
                .tenantIdIn("jiuting").orderByDeploymentTime().desc().list().get(0);
    }

    @Test
    void deploysEveryProcessDecisionAndFormUnderItsRelativeName() throws IOException {
        // The shared processes and forms, and the organisation's own dispatch table under its stable name.
        List<String> expected = Stream.of(filesUnder("processes", "bpmn", "dmn"), filesUnder("forms", "form", "html"),
                List.of("processes/CaseDispatch.dmn")).flatMap(List::stream).sorted().toList();
        List<String> deployed = repositoryService.getDeploymentResources(latest().getId()).stream()
                .map(Resource::getName).sorted().toList();
        assertThat(deployed).isEqualTo(expected).contains("processes/WorkAssignmentProcess.bpmn", "forms/WorkAssignmentStart.form");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("WorkAssignmentProcess").tenantIdIn("jiuting").latestVersion()
                .singleResult().getDeploymentId()).isEqualTo(latest().getId());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void deployingAgainWithoutChangesCreatesNoNewVersion(CapturedOutput output) {
        Deployment before = latest();
        long definitions = repositoryService.createProcessDefinitionQuery().count();

        deployer.deploy();

        assertThat(output.getOut()).as("the log says which organisations got nothing new, not another one's deployment")
                .contains("九亭镇：流程与表单文件没有改动，沿用已部署的版本").doesNotContain("已部署新版本");

        assertThat(latest().getId()).isEqualTo(before.getId());
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).tenantIdIn("jiuting")
                .count()).as("one deployment per organisation").isEqualTo(1);
    }

    /** A restart skips the deployment checks only while nothing changed: a changed process file is deployed all the same. */
    @Test
    void aProcessFileChangedSinceTheLastStartIsDeployedOnRestart(@TempDir Path processes) throws IOException {
        String database = "jdbc:h2:mem:shirong-redeploy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Files.writeString(processes.resolve("RestartProbe.bpmn"), probe("第一版"));
        try (var first = start(database, processes)) {
            assertThat(probeName(first)).isEqualTo("第一版");
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("select count(*) from startup_fingerprint", Integer.class))
                    .isEqualTo(1);
        }
        try (var unchanged = start(database, processes)) {
            assertThat(unchanged.getBean(RepositoryService.class).createDeploymentQuery().tenantIdIn("jiuting").count()).isEqualTo(1);
        }
        Files.writeString(processes.resolve("RestartProbe.bpmn"), probe("第二版"));
        try (var changed = start(database, processes)) {
            assertThat(probeName(changed)).isEqualTo("第二版");
            assertThat(changed.getBean(RepositoryService.class).createDeploymentQuery().tenantIdIn("jiuting").count()).isEqualTo(2);
        }
    }

    /** A first start deploys every organisation's processes, and reads each shared BPMN file once for all of them. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFirstStartReadsEachSharedBpmnFileOnceForAllOrganisations(@TempDir Path processes, CapturedOutput output) throws IOException {
        String database = "jdbc:h2:mem:shirong-shared-reads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<String> organisations = List.of("jiuting", "jinxi", "chedun");
        int shippedBpmn = filesUnder("processes", "bpmn").size();
        try (var first = new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + database, "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false", "--shirong.organizations.active=" + String.join(",", organisations),
                "--shirong.deployment.processes-dir=" + processes)) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            for (String organisation : organisations) {
                assertThat(repository.createProcessDefinitionQuery().tenantIdIn(organisation).latestVersion().count())
                        .as(organisation).isEqualTo(shippedBpmn);
            }
        }
        // read once by the organisations' checks; the engine's check of each file before deploying (EngineBpmnParseCheck)
        // and every organisation's deployment go on from that read
        assertThat(output.getOut()).contains("3 个组织的部署共用相同的 BPMN 文件：引擎 %d 次解析沿用了已读取的文件内容"
                .formatted(shippedBpmn * (organisations.size() + 1)));
    }

    private static String probe(String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="RestartProbe" name="%s" isExecutable="true" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:endEvent id="EndEvent_Done" />
                    <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Begin" targetRef="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(name);
    }

    private static String probeName(ConfigurableApplicationContext context) {
        return context.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("RestartProbe")
                .tenantIdIn("jiuting").latestVersion().singleResult().getName();
    }

    private static ConfigurableApplicationContext start(String database, Path processes) {
        return new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + database, "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false", "--shirong.organizations.active=jiuting",
                "--shirong.deployment.processes-dir=" + processes);
    }
}

package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
    void deployingAgainWithoutChangesCreatesNoNewVersion() {
        Deployment before = latest();
        long definitions = repositoryService.createProcessDefinitionQuery().count();

        deployer.deploy();

        assertThat(latest().getId()).isEqualTo(before.getId());
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).tenantIdIn("jiuting")
                .count()).as("one deployment per organisation").isEqualTo(1);
    }
}

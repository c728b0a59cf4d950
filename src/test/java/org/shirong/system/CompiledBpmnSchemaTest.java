package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BPMN files validated against the schema compiled once are accepted and refused exactly as by the engine's own
 * per-file schema compilation: each file is deployed on an engine with {@link CompiledBpmnSchemaPlugin} and on one
 * without, and the outcomes (process keys, or each schema problem's message, line and column) are compared.
 */
@SharesJvm
class CompiledBpmnSchemaTest {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
            """;

    private static ProcessEngine compiledOnce;
    private static ProcessEngine engineDefault;

    @BeforeAll
    static void startEngines() {
        compiledOnce = engine(true);
        engineDefault = engine(false);
    }

    @AfterAll
    static void closeEngines() {
        compiledOnce.close();
        engineDefault.close();
    }

    private static ProcessEngine engine(boolean withPlugin) {
        return withPlugin ? StandaloneEngines.inMemory("compiled-schema", new CompiledBpmnSchemaPlugin()) : StandaloneEngines.inMemory("compiled-schema");
    }

    private static List<String> deploy(ProcessEngine engine, String name, String bpmn) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().addString(name, bpmn);
        String id = deployment.deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).list().stream()
                .map(d -> d.getKey()).sorted().toList();
    }

    private static List<String> problems(ProcessEngine engine, String bpmn) {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> deploy(engine, "Broken.bpmn", bpmn));
        assertThat(refused).as("refused").isInstanceOf(ParseException.class);
        return ((ParseException) refused).getResorceReports().stream().flatMap(r -> r.getErrors().stream())
                .map(p -> p.getLine() + ":" + p.getColumn() + " " + p.getMessage()).toList();
    }

    @Test
    void pluginIsInstalled() {
        assertThat(((ProcessEngineConfigurationImpl) compiledOnce.getProcessEngineConfiguration()).getBpmnParseFactory())
                .isInstanceOf(CompiledSchemaBpmnParseFactory.class);
    }

    @Test
    void everyShippedProcessIsAcceptedAsByTheEngine() throws IOException {
        List<String> files = ProcessDeploymentTest.filesUnder("processes", "bpmn");
        assertThat(files).isNotEmpty();
        for (String file : files) {
            String bpmn = Files.readString(Path.of(file));
            assertThat(deploy(compiledOnce, file, bpmn)).as(file).isNotEmpty().isEqualTo(deploy(engineDefault, file, bpmn));
        }
    }

    @Test
    void unknownBpmnElementIsRefusedWithTheEngineMessage() {
        String bpmn = HEAD + """
                  <bpmn:process id="P" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:notATask id="Task_Unknown" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        List<String> problems = problems(compiledOnce, bpmn);
        assertThat(problems).isNotEmpty().anyMatch(p -> p.startsWith("5:") && p.contains("cvc-complex-type") && p.contains("notATask"));
        assertThat(problems).isEqualTo(problems(engineDefault, bpmn));
    }

    @Test
    void wrongAttributeTypeIsRefusedWithTheEngineMessage() {
        String bpmn = HEAD + """
                  <bpmn:process id="P" isExecutable="maybe" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        List<String> problems = problems(compiledOnce, bpmn);
        assertThat(problems).isNotEmpty().anyMatch(p -> p.contains("cvc-datatype-valid") && p.contains("maybe"));
        assertThat(problems).isEqualTo(problems(engineDefault, bpmn));
    }

    @Test
    void doctypeIsRefusedAsByTheEngine() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="P" name="&secret;" isExecutable="true" />
                </bpmn:definitions>
                """;
        assertThatThrownBy(() -> deploy(compiledOnce, "Doctype.bpmn", bpmn)).hasStackTraceContaining("DOCTYPE");
        assertThatThrownBy(() -> deploy(engineDefault, "Doctype.bpmn", bpmn)).hasStackTraceContaining("DOCTYPE");
    }

    /** Every round deploys every shipped process (as for one organisation); the times printed are the figure in src/bench/HISTORY.md, not asserted. */
    @Test
    void printsDeploymentTimesWithAndWithoutThePlugin() throws IOException {
        List<String> files = ProcessDeploymentTest.filesUnder("processes", "bpmn");
        List<String> contents = new ArrayList<>();
        for (String file : files) {
            contents.add(Files.readString(Path.of(file)));
        }
        int rounds = 10;
        for (int pass = 0; pass < 2; pass++) {
            for (ProcessEngine engine : List.of(engineDefault, compiledOnce)) {
                long start = System.nanoTime();
                for (int round = 0; round < rounds; round++) {
                    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment();
                    for (int i = 0; i < files.size(); i++) {
                        deployment.addString(files.get(i), contents.get(i));
                    }
                    String id = deployment.deploy().getId();
                    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(id).count()).isEqualTo(files.size());
                }
                System.out.printf("W6 %s pass %d: %d deployments of %d BPMN files in %d ms%n",
                        engine == compiledOnce ? "compiled schema" : "engine default", pass, rounds, files.size(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}

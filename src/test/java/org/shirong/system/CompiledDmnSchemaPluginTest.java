package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decision tables deployed through {@link CompiledDmnSchemaPlugin} are the engine's own: every shipped table deploys the
 * same decisions and decides the same as on an engine without the plugin, and a broken table is refused with the same
 * message.
 */
@SharesJvm
class CompiledDmnSchemaPluginTest {

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
        return withPlugin ? StandaloneEngines.inMemory("compiled-dmn", new CompiledDmnSchemaPlugin()) : StandaloneEngines.inMemory("compiled-dmn");
    }

    @Test
    void pluginIsInstalled() {
        assertThat(((ProcessEngineConfigurationImpl) compiledOnce.getProcessEngineConfiguration()).getDmnEngineConfiguration()
                .getTransformer()).isInstanceOf(CompiledDmnSchemaPlugin.CompiledSchemaDmnTransformer.class);
    }

    @Test
    void everyShippedTableDeploysAndDecidesAsOnTheEngine() throws IOException {
        List<String> files = ProcessDeploymentTest.filesUnder("config/organizations", "dmn");
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (String file : files) {
            String dmn = Files.readString(Path.of(file));
            assertThat(decide(compiledOnce, file, dmn)).as(file).isNotEmpty().isEqualTo(decide(engineDefault, file, dmn));
        }
    }

    @Test
    void aBrokenTableIsRefusedWithTheEngineMessage() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="x" name="x"><decisionTable id="t"><output id="o"/><rule id="r"><inputEntry/></rule></decisionTable></decision>
                </definitions>
                """;
        Throwable ours = catchThrowable(() -> decide(compiledOnce, "Broken.dmn", dmn));
        Throwable theirs = catchThrowable(() -> decide(engineDefault, "Broken.dmn", dmn));
        assertThat(ours).isNotNull().hasMessage(theirs.getMessage());
    }

    /** Each decision of the deployed file, evaluated for every category of the shipped defaults: its key and result. */
    private static List<String> decide(ProcessEngine engine, String name, String dmn) {
        String id = engine.getRepositoryService().createDeployment().addString(name.replace('/', '_'), dmn).deploy().getId();
        List<String> results = new ArrayList<>();
        for (var definition : engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(id).orderByDecisionDefinitionKey().asc().list()) {
            for (String category : List.of("ILLEGAL_STALL", "GARBAGE", "GREENING", "OTHER", "")) {
                Object result;
                try {
                    result = engine.getDecisionService().evaluateDecisionById(definition.getId())
                            .variables(Map.of("category", category, "urgency", "NORMAL", "source", "PATROL")).evaluate().getResultList();
                } catch (RuntimeException e) {
                    result = e.getClass().getSimpleName();
                }
                results.add(definition.getKey() + " " + category + " " + result);
            }
        }
        return results;
    }
}

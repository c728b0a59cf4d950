package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.xml.ModelInstance;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelFiles} reads every shipped BPMN and DMN file as the model API's own readers do (same elements, candidate
 * groups, decisions and rules as the DMN engine sees them) and refuses a file against the schema as they do.
 */
@SharesJvm
class ModelFilesTest {

    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void everyShippedDiagramReadsAsWithTheModelApisOwnReader() throws IOException {
        List<Path> diagrams = files(Path.of("processes"), ".bpmn");
        assertThat(diagrams).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : diagrams) {
            byte[] content = Files.readAllBytes(file);
            var ours = ModelFiles.readBpmn(content);
            var theirs = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            assertThat(ids(ours, BaseElement.class)).as(file.toString()).isNotEmpty().isEqualTo(ids(theirs, BaseElement.class));
            assertThat(ours.getModelElementsByType(UserTask.class).stream().map(t -> t.getId() + "=" + t.getCamundaCandidateGroups()).toList())
                    .as(file.toString()).isEqualTo(theirs.getModelElementsByType(UserTask.class).stream()
                            .map(t -> t.getId() + "=" + t.getCamundaCandidateGroups()).toList());
        }
    }

    @Test
    void everyShippedDecisionTableIsTheSameTableForTheDmnEngine() throws IOException {
        List<Path> tables = files(Path.of("config/organizations"), ".dmn");
        assertThat(tables).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : tables) {
            byte[] content = Files.readAllBytes(file);
            var ours = ModelFiles.readDmn(content);
            var theirs = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            assertThat(ids(ours, DmnElement.class)).as(file.toString()).isNotEmpty().isEqualTo(ids(theirs, DmnElement.class));
            assertThat(describe(dmnEngine.parseDecisions(ours))).as(file.toString())
                    .isEqualTo(describe(dmnEngine.parseDecisions(new ByteArrayInputStream(content))));
        }
    }

    @Test
    void aFileAgainstTheSchemaIsRefusedAsByTheModelApi() {
        byte[] bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true"><bpmn:notAnElement id="x"/></bpmn:process>
                </bpmn:definitions>""".getBytes(StandardCharsets.UTF_8);
        byte[] dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="x" name="x"><decisionTable id="t"><output id="o"/><rule id="r"><inputEntry/></rule></decisionTable></decision>
                </definitions>""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ModelFiles.readBpmn(bpmn)).isInstanceOf(RuntimeException.class).rootCause()
                .hasMessageContaining("notAnElement");
        assertThatThrownBy(() -> Dmn.readModelFromStream(new ByteArrayInputStream(dmn))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ModelFiles.readDmn(dmn)).isInstanceOf(RuntimeException.class);
    }

    private static List<String> describe(List<DmnDecision> decisions) {
        List<String> described = new ArrayList<>();
        for (DmnDecision decision : decisions) {
            String table = decision.getDecisionLogic() instanceof DmnDecisionTableImpl t
                    ? " " + t.getHitPolicyHandler().getHitPolicyEntry() + " inputs " + t.getInputs().stream()
                            .map(i -> i.getExpression().getExpressionLanguage() + ":" + i.getExpression().getExpression()).toList()
                            + " rules " + t.getRules().stream().map(r -> r.getConditions().stream()
                                    .map(c -> c.getExpressionLanguage() + ":" + c.getExpression()).toList() + "->"
                                    + r.getConclusions().stream().map(c -> c.getExpressionLanguage() + ":" + c.getExpression()).toList()).toList()
                    : "";
            described.add(decision.getKey() + table);
        }
        return described;
    }

    private static List<String> ids(ModelInstance model, Class<? extends org.camunda.bpm.model.xml.instance.ModelElementInstance> type) {
        return model.getModelElementsByType(type).stream().map(e -> e.getAttributeValue("id")).toList();
    }

    private static List<Path> files(Path root, String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }
}

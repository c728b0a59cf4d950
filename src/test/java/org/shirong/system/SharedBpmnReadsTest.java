package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Within one deployment pass the engine reads each identical BPMN file once ({@link SharedBpmnReads}), and every
 * organisation still gets process definitions built as from a file read on its own; broken files are refused each
 * time with the same problems.
 */
@SharesJvm
class SharedBpmnReadsTest {

    private static final List<String> TENANTS = List.of("jiuting", "jinxi", "chedun");
    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = StandaloneEngines.inMemory("shared-reads", new CompiledBpmnSchemaPlugin());
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static Map<String, String> shippedProcesses() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : ProcessDeploymentTest.filesUnder("processes", "bpmn")) {
            files.put(file, Files.readString(Path.of(file)));
        }
        return files;
    }

    private static String deploy(String tenant, Map<String, String> files) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().tenantId(tenant);
        files.forEach(deployment::addString);
        return deployment.deploy().getId();
    }

    /** Each definition's activities (nested ones too) with their behaviour and outgoing flows, for comparison. */
    private static Map<String, List<String>> shapes(String deploymentId) {
        Map<String, List<String>> shapes = new LinkedHashMap<>();
        RepositoryServiceImpl repository = (RepositoryServiceImpl) engine.getRepositoryService();
        for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .orderByProcessDefinitionKey().asc().list()) {
            List<String> shape = new ArrayList<>();
            describe((ScopeImpl) repository.getDeployedProcessDefinition(definition.getId()), shape);
            shapes.put(definition.getKey(), shape);
        }
        return shapes;
    }

    private static void describe(ScopeImpl scope, List<String> shape) {
        for (ActivityImpl activity : scope.getActivities()) {
            StringBuilder line = new StringBuilder(activity.getId()).append(' ')
                    .append(activity.getActivityBehavior() == null ? "-" : activity.getActivityBehavior().getClass().getSimpleName())
                    .append(" line ").append(activity.getProperty("line"));
            for (PvmTransition flow : activity.getOutgoingTransitions()) {
                line.append(" -> ").append(flow.getId()).append(':').append(flow.getDestination().getId());
            }
            shape.add(line.toString());
            describe(activity, shape);
        }
    }

    @Test
    void eachIdenticalFileIsReadOnceAndEveryOrganisationGetsTheSameDefinitions() throws IOException {
        Map<String, String> files = shippedProcesses();
        Map<String, List<String>> readAlone = shapes(deploy("alone", files));
        assertThat(readAlone).hasSize(files.size());

        Map<String, Map<String, List<String>>> byTenant = new LinkedHashMap<>();
        int reused = SharedBpmnReads.during(() -> {
            TENANTS.forEach(tenant -> byTenant.put(tenant, shapes(deploy(tenant, files))));
            return SharedBpmnReads.current().reused();
        });

        assertThat(reused).as("parses that took over a read").isEqualTo(files.size() * (TENANTS.size() - 1));
        TENANTS.forEach(tenant -> assertThat(byTenant.get(tenant)).as(tenant).isEqualTo(readAlone));
        TENANTS.forEach(tenant -> assertThat(engine.getRepositoryService().createProcessDefinitionQuery().tenantIdIn(tenant).count())
                .as(tenant).isEqualTo(files.size()));
    }

    @Test
    void nothingIsSharedOutsideAPass() throws IOException {
        Map<String, String> files = shippedProcesses();
        deploy("outside-1", files);
        deploy("outside-2", files);
        assertThat(SharedBpmnReads.current()).isNull();
        int reusedInNewPass = SharedBpmnReads.during(() -> {
            deploy("inside-1", files);
            return SharedBpmnReads.current().reused();
        });
        assertThat(reusedInNewPass).as("a new pass starts with nothing read").isZero();
    }

    @Test
    void aBrokenFileIsRefusedWithTheSameProblemsEachTime() {
        String schemaInvalid = process("""
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:notATask id="Task_Unknown" />
                """);
        String flowToNowhere = process("""
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="SequenceFlow_Lost" sourceRef="StartEvent_Begin" targetRef="Nowhere" />
                """);
        for (String broken : List.of(schemaInvalid, flowToNowhere)) {
            List<String> alone = problems(broken);
            assertThat(alone).isNotEmpty();
            List<List<String>> inPass = SharedBpmnReads.during(() -> List.of(problems(broken), problems(broken), problems(broken)));
            assertThat(inPass).allSatisfy(problems -> assertThat(problems).isEqualTo(alone));
        }
    }

    /** A one-process BPMN file holding {@code elements}. */
    private static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="P" isExecutable="true" camunda:historyTimeToLive="30">
                """ + elements + """
                  </bpmn:process>
                </bpmn:definitions>
                """;
    }

    private static List<String> problems(String bpmn) {
        Throwable refused = catchThrowable(() -> deploy("broken", Map.of("Broken.bpmn", bpmn)));
        assertThat(refused).as("refused").isInstanceOf(ParseException.class);
        return ((ParseException) refused).getResorceReports().stream().flatMap(r -> r.getErrors().stream())
                .map(p -> p.getLine() + ":" + p.getColumn() + " " + p.getMessage()).toList();
    }

    /** Shirong's checks read the files first (BpmnReads); the engine's parses then go on from those reads. */
    @Test
    void theChecksReadIsTakenOverByTheEngine() throws IOException {
        Map<String, String> files = shippedProcesses();
        Map<String, List<String>> readAlone = shapes(deploy("checked-alone", files));

        Map<String, List<String>> afterChecks = new LinkedHashMap<>();
        int reused = SharedBpmnReads.during(() -> {
            files.values().forEach(bpmn -> assertThat(BpmnReads.userTasks(bpmn.getBytes(StandardCharsets.UTF_8))).isPresent());
            afterChecks.putAll(shapes(deploy("checked", files)));
            return SharedBpmnReads.current().reused();
        });

        assertThat(reused).isEqualTo(files.size());
        assertThat(afterChecks).isEqualTo(readAlone);
    }

    @Test
    void userTasksAreFoundNestedAndAnUnreadableFileHasNone() {
        String nested = process("""
                    <bpmn:userTask id="Task_Outer" name="登记" camunda:candidateGroups="office" />
                    <bpmn:subProcess id="SubProcess_Inner">
                      <bpmn:userTask id="Task_Inner" name="核查" camunda:candidateGroups="lvrong, chengguan" />
                      <bpmn:userTask id="Task_Assigned" name="办理" camunda:assignee="demo" />
                    </bpmn:subProcess>
                """);
        assertThat(BpmnReads.userTasks(nested.getBytes(StandardCharsets.UTF_8))).contains(List.of(
                new BpmnReads.UserTask("Task_Outer", "登记", "office"),
                new BpmnReads.UserTask("Task_Inner", "核查", "lvrong, chengguan"),
                new BpmnReads.UserTask("Task_Assigned", "办理", null)));
        String invalid = nested.replace("<bpmn:userTask id=\"Task_Outer\"", "<bpmn:notATask id=\"Task_Outer\"");
        assertThat(BpmnReads.userTasks(invalid.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(BpmnReads.userTasks("<not-closed".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}

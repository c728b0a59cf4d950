package shirongbench.anchor;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's anchor: a plain Camunda 7 Spring Boot application with the REST starter on the engine's default
 * settings (history FULL, no authorization, default job executor) and one process of Shirong's case shape. The
 * benchmark starts it with its settings on the command line (see Anchor).
 */
@SpringBootApplication
public class AnchorApp {

    public static final String PROCESS = "BenchCase";

    public static void main(String[] args) {
        SpringApplication.run(AnchorApp.class, args);
    }

    @Bean
    ApplicationRunner deployCaseShape(RepositoryService repository) {
        return args -> {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
                repository.createDeployment().name("bench").addModelInstance("BenchCase.bpmn", caseShape()).deploy();
            }
        };
    }

    /** 认领 → 整改 (with its deadline as a non-interrupting boundary timer) → 核查 → score delegate; drawn by the builder. */
    static BpmnModelInstance caseShape() {
        return Bpmn.createExecutableProcess(PROCESS).name("案件（基准）")
                .startEvent("StartEvent_CaseReported").name("案件已立案")
                .userTask("Task_ClaimCase").name("认领案件").camundaCandidateGroups("chengguan").camundaDueDate("${dueAt}")
                .userTask("Task_RectifyProblem").name("整改问题").camundaCandidateGroups("chengguan").camundaDueDate("${dueAt}")
                .boundaryEvent("BoundaryEvent_DeadlineReached").name("整改期限已到").cancelActivity(false)
                .timerWithDate("${dueAt}")
                .serviceTask("Task_MarkCaseOverdue").name("标记超期").camundaClass(MarkOverdueDelegate.class.getName())
                .endEvent("EndEvent_Overdue").name("已超期")
                .moveToActivity("Task_RectifyProblem")
                .userTask("Task_VerifyRectification").name("核查整改结果").camundaCandidateGroups("ducha")
                .serviceTask("Task_CalculateScore").name("计算得分").camundaClass(ScoreDelegate.class.getName())
                .endEvent("EndEvent_CaseClosed").name("案件已结案")
                .done();
    }
}

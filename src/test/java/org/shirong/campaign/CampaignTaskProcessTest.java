package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.campaign.CampaignTaskProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.SharesJvm;

/** Every path of 活动任务: a plain task, a findings task and a checkpoint, each reported back to the campaign. */
@Deployment(resources = "processes/CampaignTaskProcess.bpmn")
@SharesJvm
class CampaignTaskProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource(ProcessTestEngine.CONFIGURATION).assertClassCoverageAtLeast(1.0).build();

    private static final Date DUE = Date.from(Instant.parse("2026-05-31T09:00:00Z"));

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("campaignTaskListener", (TaskListener) t -> calls.add(t.getEventName() + ":" + t.getTaskDefinitionKey()));
        Mocks.register("campaignTaskDoneListener", (ExecutionListener) e -> calls.add("complete:" + e.getCurrentTransitionId()));
        Mocks.register("reportCampaignTaskDoneDelegate", (JavaDelegate) e -> calls.add("done:" + e.getVariable(VAR_TASK_ID)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private ProcessInstance issue(Kind kind) {
        return runtimeService().startProcessInstanceByKey(KEY, "JT-2026", withVariables(VAR_TASK_ID, 7L, VAR_TASK_KIND, kind.name(),
                VAR_TASK_NAME, "签订目标责任书（城管中队）", VAR_GROUP, "chengguan", VAR_DUE_AT, DUE));
    }

    @Test
    void plainTaskIsHandledByTheUnitAndReportedBack() {
        ProcessInstance pi = issue(Kind.TASK);

        assertThat(task(pi)).hasDefinitionKey(TASK_HANDLE).hasCandidateGroup("chengguan").hasDueDate(DUE);
        complete(task(pi), withVariables(VAR_RESULT, "已签订"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).hasPassed(END_TASK_DONE).isEnded();
        assertThat(calls).containsExactly("create:" + TASK_HANDLE, "complete:SequenceFlow_TaskHandled", "done:7");
    }

    @Test
    void findingsTaskRecordsTheProblemsFound() {
        ProcessInstance pi = issue(Kind.FINDINGS);

        assertThat(task(pi)).hasDefinitionKey(TASK_RECORD_FINDINGS);
        complete(task(pi), withVariables(VAR_RESULT, "未发现问题"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).isEnded();
        assertThat(calls).contains("complete:SequenceFlow_FindingsRecorded", "done:7");
    }

    @Test
    void checkpointIsConfirmedByTheOffice() {
        ProcessInstance pi = issue(Kind.CHECKPOINT);

        assertThat(task(pi)).hasDefinitionKey(TASK_CONFIRM_RECTIFICATION);
        complete(task(pi), withVariables(VAR_ALL_RECTIFIED, "yes"));
        execute(job(TASK_REPORT_DONE, pi));

        assertThat(pi).isEnded();
        assertThat(calls).contains("complete:SequenceFlow_RectificationConfirmed", "done:7");
    }
}

package org.shirong.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.shirong.campaign.WorkAssignmentProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.SharesJvm;

@Deployment(resources = "processes/WorkAssignmentProcess.bpmn")
@SharesJvm
class WorkAssignmentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource(ProcessTestEngine.CONFIGURATION).assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("organizationRoles", new OrganizationRoles(Organizations.read("jiuting"), processEngine.getIdentityService()));
        Mocks.register("taskNames", new org.shirong.system.TaskNames());
    }

    private ProcessInstance issue() {
        return runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_TITLE, "清理九亭大街乱张贴",
                VAR_UNIT_GROUP, "chengguan",
                VAR_REQUIREMENT, "两个工作日内清理完毕并反馈照片",
                VAR_DUE_DATE, "2026-11-25"));
    }

    @Test
    void unitHandlesAndOfficeAcceptsSoTheAssignmentEnds() {
        ProcessInstance instance = issue();

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT);
        assertThat(task(instance)).hasCandidateGroup("chengguan").hasName("办理交办事项 · 清理九亭大街乱张贴")
                .hasDueDate(Date.from(LocalDateTime.parse("2026-11-25T17:00:00").atZone(ZoneId.systemDefault()).toInstant()));
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已清理 12 处", VAR_HANDLED, true));

        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT);
        assertThat(task(instance)).hasCandidateGroup("chuangban").hasName("审阅办理结果 · 清理九亭大街乱张贴");
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));

        assertThat(instance).hasPassed(END_COMPLETED).isEnded();
    }

    @Test
    void officeReturnsTheResultSoTheUnitHandlesItAgain() {
        ProcessInstance instance = issue();
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已清理部分", VAR_HANDLED, false));

        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_RETURN, VAR_REVIEW_COMMENT, "北段仍有残留"));

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).variables().containsEntry(VAR_REVIEW_COMMENT, "北段仍有残留");
        assertThat(task(instance)).hasCandidateGroup("chengguan");
        complete(task(instance), withVariables(VAR_HANDLING_RESULT, "已全部清理", VAR_HANDLED, true));
        complete(task(instance), withVariables(VAR_REVIEW_RESULT, REVIEW_PASS));
        assertThat(instance).isEnded();
    }
}

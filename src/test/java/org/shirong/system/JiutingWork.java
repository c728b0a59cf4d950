package org.shirong.system;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A 九亭镇 work assignment for one unit, and a JSON request body: what the HTTP tests of engine tasks start from. */
final class JiutingWork {

    private JiutingWork() {
    }

    /** Starts a work assignment titled {@code title} for {@code unit} of 九亭镇; its open task. */
    static Task assign(RuntimeService runtimeService, TaskService taskService, String unit, String title) {
        String instanceId = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(
                        WorkAssignmentProcess.VAR_TITLE, title,
                        WorkAssignmentProcess.VAR_UNIT_GROUP, unit,
                        WorkAssignmentProcess.VAR_REQUIREMENT, "本周内完成",
                        WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).execute().getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

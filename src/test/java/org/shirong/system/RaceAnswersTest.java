package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two colleagues acting on the same task: the loser is told in Chinese, with 409, through the engine
 * REST API and through the API Tasklist uses; a refused action on another unit's task is a Chinese 403.
 */
@ShirongWebTest
class RaceAnswersTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;

    private Task assignTo(String unit) {
        String instanceId = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(
                WorkAssignmentProcess.VAR_TITLE, "清理乱堆物",
                WorkAssignmentProcess.VAR_UNIT_GROUP, unit,
                WorkAssignmentProcess.VAR_REQUIREMENT, "本周内完成",
                WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).execute().getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static final String HANDLED = "{\"variables\":{\"handlingResult\":{\"value\":\"已清理\"},\"handled\":{\"value\":true}}}";

    @Test
    void theSecondClaimAndTheSecondCompletionAnswer409InChineseOnEngineRest() {
        Task task = assignTo("chengguan");
        TestRestTemplate first = rest.withBasicAuth("chengguan1", "demo");
        TestRestTemplate second = rest.withBasicAuth("chengguan2", "demo");
        assertThat(first.postForEntity("/engine-rest/task/" + task.getId() + "/claim", json("{\"userId\":\"chengguan1\"}"),
                String.class).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> lateClaim = second.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                json("{\"userId\":\"chengguan2\"}"), String.class);
        assertThat(lateClaim.getStatusCode().value()).isEqualTo(409);
        assertThat(lateClaim.getBody()).contains(EngineConflictAnswers.CLAIMED);

        assertThat(first.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(HANDLED), String.class)
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> again = first.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(HANDLED), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains(EngineConflictAnswers.GONE);
        ResponseEntity<String> formAgain = first.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(HANDLED), String.class);
        assertThat(formAgain.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void tasklistsApiAnswersTheSameRacesWith409AndAnotherUnitsTaskWithAChinese403() {
        Task task = assignTo("chengguan");
        WebappSession first = WebappSession.login(port, "chengguan1", "demo");
        WebappSession second = WebappSession.login(port, "chengguan2", "demo");
        assertThat(first.post("/task/" + task.getId() + "/claim", "{\"userId\":\"chengguan1\"}").statusCode()).isEqualTo(204);
        var lateClaim = second.post("/task/" + task.getId() + "/claim", "{\"userId\":\"chengguan2\"}");
        assertThat(lateClaim.statusCode()).isEqualTo(409);
        assertThat(lateClaim.body()).contains(EngineConflictAnswers.CLAIMED);
        assertThat(first.post("/task/" + task.getId() + "/submit-form", HANDLED).statusCode()).isEqualTo(204);
        var twice = first.post("/task/" + task.getId() + "/submit-form", HANDLED);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains(EngineConflictAnswers.GONE);

        Task theirs = assignTo("lvrong");
        var foreign = first.post("/task/" + theirs.getId() + "/claim", "{\"userId\":\"chengguan1\"}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains(EngineConflictAnswers.FORBIDDEN_TASK);
    }
}

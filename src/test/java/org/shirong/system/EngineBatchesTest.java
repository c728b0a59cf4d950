package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A batch an administrator starts through {@code /engine-rest} (as Cockpit's batch operations do): its jobs belong to no
 * process, and the case history's level (CaseHistoryPlugin) once failed on their missing process definition key, so that
 * no batch could be created. Here a batch deletes a work assignment, its seed, execution and monitor jobs run as the job
 * executor would run them, and nothing of the batch is left.
 */
@ShirongWebTest
@SharesSpringContext
class EngineBatchesTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @Test
    void anAdministratorsBatchThroughTheApiIsCreatedAndRuns() {
        String instance = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（批处理）").getProcessInstanceId();
        ResponseEntity<Map> started = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/process-instance/delete",
                JiutingWork.json("{\"processInstanceIds\":[\"" + instance + "\"],\"deleteReason\":\"批处理测试\"}"), Map.class);
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
        Batch batch = managementService.createBatchQuery().batchId((String) started.getBody().get("id")).singleResult();

        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
            managementService.createJobQuery().jobDefinitionId(definition).list().forEach(job -> managementService.executeJob(job.getId()));
        }

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(managementService.createBatchQuery().batchId(batch.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).count()).isZero();
    }
}

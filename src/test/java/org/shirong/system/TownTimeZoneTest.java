package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.beans.factory.annotation.Autowired;

/** Shirong runs in the town's time zone whatever the server's: a task due "by 17:00" is due at 17:00 Beijing time. */
@ShirongWebTest
@SharesSpringContext
class TownTimeZoneTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void dueDatesAndTimersUseTheTownsTimeZone() {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
        String instanceId = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(
                WorkAssignmentProcess.VAR_TITLE, "报送月度台账",
                WorkAssignmentProcess.VAR_UNIT_GROUP, "lvrong",
                WorkAssignmentProcess.VAR_REQUIREMENT, "按模板报送",
                WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).execute().getId();
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }
}

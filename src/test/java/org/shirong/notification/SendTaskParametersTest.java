package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.SharesJvm;

/**
 * The real {@code sendNotificationDelegate} given the same parameters as extension properties and, as in a definition
 * deployed before, as input parameters: the same message to the same unit, with the due date as its iteration; only the
 * input parameters leave variables behind (a scope with one variable per parameter).
 */
@SharesJvm
class SendTaskParametersTest {

    private static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");
    private static final String PARAMETERS = """
            <camunda:%1$s>
              <camunda:%2$s name="template"%3$scase-cooperation%4$s
              <camunda:%2$s name="recipients"%3$sgroup:${partyUnit}%4$s
              <camunda:%2$s name="partyUnit"%3$s${partyUnit}%4$s
              <camunda:%2$s name="partyReason"%3$s${execution.getVariable('partyReason')}%4$s
            </camunda:%1$s>""";

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    ProcessEngine processEngine;
    NotificationFixture fixture;

    @BeforeEach
    void setUp() {
        init(processEngine);
        NotificationFixture.migrate(processEngine);
        fixture = new NotificationFixture(processEngine);
        fixture.register();
        fixture.member("wuye1", "wuye", false);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));
        deploy("properties", PARAMETERS.formatted("properties", "property", " value=\"", "\" />"));
        deploy("inputs", PARAMETERS.formatted("inputOutput", "inputParameter", ">", "</camunda:inputParameter>"));
    }

    @AfterEach
    void tearDown() {
        fixture.clear();
        ClockUtil.reset();
    }

    private void deploy(String key, String extensions) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://shirong.org/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Assigned" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToNotify" sourceRef="StartEvent_Assigned" targetRef="Task_Notify" />
                    <bpmn:sendTask id="Task_Notify" camunda:delegateExpression="${sendNotificationDelegate}">
                      <bpmn:extensionElements>%2$s</bpmn:extensionElements>
                    </bpmn:sendTask>
                    <bpmn:sequenceFlow id="SequenceFlow_ToWait" sourceRef="Task_Notify" targetRef="Task_Wait" />
                    <bpmn:userTask id="Task_Wait" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, extensions);
        processEngine.getRepositoryService().createDeployment().addString(key + ".bpmn", bpmn).deploy();
    }

    private String notify(String key, String caseNo) {
        return processEngine.getRuntimeService().startProcessInstanceByKey(key, caseNo + "/wuye", Map.of("caseNo", caseNo,
                "caseTitle", "九亭大街 12 号门前堆物", "dueAt", Date.from(DUE), "partyUnit", "wuye", "partyReason", "属地")).getId();
    }

    @Test
    void extensionPropertiesSendWhatInputParametersSentAndLeaveNoVariables() {
        String byProperties = notify("properties", "JT-2026-000001");
        String body = fixture.latestBody("wuye1", "case-cooperation");
        String byInputs = notify("inputs", "JT-2026-000002");
        String before = fixture.latestBody("wuye1", "case-cooperation");

        assertThat(body).contains("JT-2026-000001").contains("九亭大街 12 号门前堆物");
        assertThat(body.replace("JT-2026-000001", "?")).isEqualTo(before.replace("JT-2026-000002", "?"));
        assertThat(fixture.jdbc.queryForList("select distinct iteration from notification_outbox", String.class))
                .containsExactly(DUE.toString());
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(byProperties)
                .variableName("template").count()).isZero();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(byInputs)
                .variableName("template").count()).isOne();
    }
}

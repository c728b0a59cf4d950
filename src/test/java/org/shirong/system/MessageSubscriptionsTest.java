package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageSubscriptionsPlugin} on an engine of its own: a message subscription ends without a look for event jobs
 * and is gone; a signal received asynchronously still has its pending event job deleted with the subscription, as in
 * Camunda.
 */
@SharesJvm
class MessageSubscriptionsTest {

    private ProcessEngine engine;

    @BeforeEach
    void start() {
        StandaloneInMemProcessEngineConfiguration configuration = StandaloneEngines.counted("subscriptions");
        configuration.setProcessEnginePlugins(List.of(new MessageSubscriptionsPlugin()));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("supervised.bpmn", Bpmn.createExecutableProcess("supervised").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").boundaryEvent("supervision").cancelActivity(false).message("Supervised")
                        .endEvent().moveToActivity("work").endEvent().done())
                .addModelInstance("waiting.bpmn", Bpmn.createExecutableProcess("waiting").camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("wait").signal("Go").endEvent().done())
                .addModelInstance("throwing.bpmn", throwingAsynchronously())
                .deploy();
        Thread test = Thread.currentThread();
        StatementCounter.countThreads(t -> t == test);
    }

    /** A process whose throw event delivers signal "Go" asynchronously (camunda:async on its signal definition). */
    private static BpmnModelInstance throwingAsynchronously() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("throwing").camundaHistoryTimeToLive(1)
                .startEvent().intermediateThrowEvent("go").signal("Go").endEvent().done();
        model.getModelElementsByType(SignalEventDefinition.class).forEach(d -> d.setCamundaAsync(true));
        return model;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aMessageSubscriptionEndsWithoutALookForEventJobs() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("supervised").getId();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance).count()).isOne();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        StatementCounter.Counts before = StatementCounter.snapshot();
        engine.getTaskService().complete(task);
        StatementCounter.Counts spent = StatementCounter.snapshot().minus(before);
        assertThat(spent.of("select ACT_RU_JOB")).isZero();
        assertThat(spent.of("delete ACT_RU_EVENT_SUBSCR")).isOne();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance).count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aSignalReceivedAsynchronouslyHasItsEventJobDeletedWithTheSubscription() {
        String waiting = engine.getRuntimeService().startProcessInstanceByKey("waiting").getId();
        engine.getRuntimeService().startProcessInstanceByKey("throwing");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(waiting).count()).as("event job").isOne();
        engine.getRuntimeService().deleteProcessInstance(waiting, "测试");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(waiting).count()).isZero();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(waiting).count()).isZero();
    }
}

package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.shirong.notification.NotificationDigests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the 协办 steps name in the diagrams: {@code Task_StartCooperation} of RectificationProcess and
 * the listeners of CaseCooperationProcess ({@link CaseCooperation}).
 */
@Configuration(proxyBeanMethods = false)
class CaseCooperationSteps {

    @Bean
    JavaDelegate startCooperationDelegate(CaseCooperation cooperation) {
        // a case an import started: its lead unit hears of it in the import's digest, and so do its cooperating units
        return execution -> cooperation.start(execution.getProcessBusinessKey(), execution.getTenantId(),
                RectificationProcess.TEMPLATE_CASE_DISPATCHED.equals(execution.getVariable(NotificationDigests.VAR_HELD_FOR_DIGEST)));
    }

    @Bean
    ExecutionListener cooperationRecordedListener(CaseCooperation cooperation) {
        return cooperation::recorded;
    }

    @Bean
    ExecutionListener cooperationEndedListener(CaseCooperation cooperation) {
        return cooperation::endedByClosure;
    }
}

package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        return execution -> cooperation.start(execution.getProcessBusinessKey(), execution.getTenantId());
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

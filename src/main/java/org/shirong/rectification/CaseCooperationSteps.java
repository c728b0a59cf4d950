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
        return execution -> {
            String caseNo = execution.getProcessBusinessKey();
            if (!cooperation.start(caseNo, execution.getTenantId(), RectificationProcess.TEMPLATE_CASE_DISPATCHED
                    .equals(execution.getVariable(NotificationDigests.VAR_HELD_FOR_DIGEST))).isEmpty()) {
                // 整改问题 names whom the lead unit works with, the 属地 town's office first (sjreview-s57 D1); a case
                // without cooperating units writes nothing more
                execution.setVariable(RectificationProcess.VAR_COOPERATORS,
                        cooperation.cooperatorsLine(caseNo, execution.getTenantId()));
            }
        };
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

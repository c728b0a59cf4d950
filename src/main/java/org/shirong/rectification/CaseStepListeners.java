package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The execution listeners of {@code RectificationProcess}, one bean per step, each named as it
 * appears in the diagram ({@code camunda:delegateExpression="${caseClaimedListener}"}). Delegate
 * expressions (not method expressions) let a refusal such as a missing photo reach Tasklist and
 * REST as the user's error (400) instead of a wrapped engine failure.
 */
@Configuration(proxyBeanMethods = false)
class CaseStepListeners {

    @Bean
    ExecutionListener caseDispatchedListener(CaseSteps steps) {
        return steps::dispatched;
    }

    @Bean
    ExecutionListener caseClaimedListener(CaseSteps steps) {
        return steps::claimed;
    }

    @Bean
    ExecutionListener caseReturnedListener(CaseSteps steps) {
        return steps::returned;
    }

    @Bean
    ExecutionListener caseRedispatchedListener(CaseSteps steps) {
        return steps::redispatched;
    }

    @Bean
    ExecutionListener caseSubmittedListener(CaseSteps steps) {
        return steps::submitted;
    }

    @Bean
    ExecutionListener extensionRequestedListener(CaseSteps steps) {
        return steps::extensionRequested;
    }

    @Bean
    ExecutionListener extensionDecidedListener(CaseSteps steps) {
        return steps::extensionDecided;
    }

    @Bean
    ExecutionListener suspensionRequestedListener(CaseSteps steps) {
        return steps::suspensionRequested;
    }

    @Bean
    ExecutionListener suspensionDecidedListener(CaseSteps steps) {
        return steps::suspensionDecided;
    }

    @Bean
    ExecutionListener caseResumedListener(CaseSteps steps) {
        return steps::resumed;
    }

    @Bean
    ExecutionListener caseSupervisedListener(CaseSteps steps) {
        return steps::supervised;
    }

    @Bean
    ExecutionListener verificationPassedListener(CaseSteps steps) {
        return steps::verificationPassed;
    }

    @Bean
    ExecutionListener verificationFailedListener(CaseSteps steps) {
        return steps::verificationFailed;
    }
}

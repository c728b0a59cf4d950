package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The execution listeners of {@code RectificationProcess}, one bean per step, each named as it
 * appears in the diagram ({@code camunda:delegateExpression="${caseClaimedListener}"}). Delegate
 * expressions (not method expressions) let a refusal such as a missing photo reach Tasklist and
 * REST as the user's error (400) instead of a wrapped engine failure. An activity cancelled rather than done (the case
 * merged into another while it waited, an instance deleted in Cockpit) records nothing: no one decided there, and its
 * form's required fields are empty.
 */
@Configuration(proxyBeanMethods = false)
class CaseStepListeners {

    @Bean
    ExecutionListener caseDispatchedListener(CaseSteps steps) {
        return unlessCancelled(steps::dispatched);
    }

    @Bean
    ExecutionListener caseClaimedListener(CaseSteps steps) {
        return unlessCancelled(steps::claimed);
    }

    @Bean
    ExecutionListener caseReturnedListener(CaseSteps steps) {
        return unlessCancelled(steps::returned);
    }

    @Bean
    ExecutionListener caseRedispatchedListener(CaseSteps steps) {
        return unlessCancelled(steps::redispatched);
    }

    @Bean
    ExecutionListener caseSubmittedListener(CaseSteps steps) {
        return unlessCancelled(steps::submitted);
    }

    @Bean
    ExecutionListener extensionRequestedListener(CaseSteps steps) {
        return unlessCancelled(steps::extensionRequested);
    }

    @Bean
    ExecutionListener extensionDecidedListener(CaseSteps steps) {
        return unlessCancelled(steps::extensionDecided);
    }

    @Bean
    ExecutionListener suspensionRequestedListener(CaseSteps steps) {
        return unlessCancelled(steps::suspensionRequested);
    }

    @Bean
    ExecutionListener suspensionDecidedListener(CaseSteps steps) {
        return unlessCancelled(steps::suspensionDecided);
    }

    @Bean
    ExecutionListener caseResumedListener(CaseSteps steps) {
        return unlessCancelled(steps::resumed);
    }

    @Bean
    ExecutionListener caseSupervisedListener(CaseSteps steps) {
        return unlessCancelled(steps::supervised);
    }

    @Bean
    ExecutionListener verificationPassedListener(CaseSteps steps) {
        return unlessCancelled(steps::verificationPassed);
    }

    @Bean
    ExecutionListener verificationFailedListener(CaseSteps steps) {
        return unlessCancelled(steps::verificationFailed);
    }

    private static ExecutionListener unlessCancelled(ExecutionListener step) {
        return execution -> {
            if (!execution.isCanceled()) {
                step.notify(execution);
            }
        };
    }
}

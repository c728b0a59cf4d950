package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 重新交办牵头单位 (Task_ReopenCase, right after StartEvent_CaseReopened): puts the closed case the office reopened back to
 * its lead unit on a new clock, in the transaction of the reopening request ({@link CaseReopens}).
 */
@Component
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseSteps steps;

    ReopenCaseDelegate(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.reopened(execution);
    }
}

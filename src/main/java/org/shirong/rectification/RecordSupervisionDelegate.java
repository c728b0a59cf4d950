package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录督办意见 (Task_RecordSupervision): puts a 督办 received by message on the case's timeline. */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

    private final CaseSteps steps;

    RecordSupervisionDelegate(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.supervisedFromAbove(execution);
    }
}

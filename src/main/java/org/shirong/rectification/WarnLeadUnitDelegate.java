package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提醒牵头单位 (Task_WarnLeadUnit): the yellow light at the warning share of the time limit, once per due date. */
@Component
class WarnLeadUnitDelegate implements JavaDelegate {

    private final RectificationCases cases;

    WarnLeadUnitDelegate(RectificationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.warned(execution.getProcessBusinessKey());
    }
}

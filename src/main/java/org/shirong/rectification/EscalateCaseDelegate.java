package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 列入通报名单 (Task_EscalateCase): at the escalation share of the limit the case goes on the leading group's list of units to be named. */
@Component
class EscalateCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;

    EscalateCaseDelegate(RectificationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.escalated(execution.getProcessBusinessKey());
    }
}

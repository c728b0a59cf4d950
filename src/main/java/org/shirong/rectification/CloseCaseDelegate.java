package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结案归档 (Task_CloseCase): closes the case after the inspector passed it on site. */
@Component
class CloseCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;

    CloseCaseDelegate(RectificationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.closed(execution.getProcessBusinessKey(), null);
    }
}

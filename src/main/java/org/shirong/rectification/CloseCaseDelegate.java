package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结案归档 (Task_CloseCase): closes the case after the inspector passed it on site; its open 协办 end with it. */
@Component
class CloseCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;
    private final CaseCooperation cooperation;

    CloseCaseDelegate(RectificationCases cases, CaseCooperation cooperation) {
        this.cases = cases;
        this.cooperation = cooperation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.closed(execution.getProcessBusinessKey(), null);
        cooperation.caseClosed(execution.getProcessBusinessKey());
    }
}

package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 标记超期 (Task_MarkCaseOverdue): the red light at the due instant; sets {@code firstOverdue} so that
 * a 督办 task is created only the first time (the timer fires again when rework re-enters handling).
 */
@Component
class MarkCaseOverdueDelegate implements JavaDelegate {

    private final RectificationCases cases;

    MarkCaseOverdueDelegate(RectificationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(RectificationProcess.VAR_FIRST_OVERDUE, cases.overdue(execution.getProcessBusinessKey()));
    }
}

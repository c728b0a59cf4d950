package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 标记超期 (Task_MarkCaseOverdue): the red light at the due instant; sets {@code firstOverdue} so that
 * a 督办 task is created only the first time (the timer fires again when rework re-enters handling).
 * The flag is transient: only the gateway right after it reads it, in the same timer job, so it is never
 * written to the database (it used to be a variable row kept until the 督办 task was done).
 */
@Component
class MarkCaseOverdueDelegate implements JavaDelegate {

    private final RectificationCases cases;

    MarkCaseOverdueDelegate(RectificationCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean first = cases.overdue(execution.getProcessBusinessKey());
        execution.setVariableLocal(RectificationProcess.VAR_FIRST_OVERDUE, Variables.booleanValue(first, true));
    }
}

package org.shirong.rectification;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 作废案件 (Task_VoidCase in SubProcess_CaseVoided): voids the case with the office's reason; its open 协办 end with it,
 * as at a merge, and the units whose 记录协办情况 ended are told next ({@link RectificationProcess#VAR_VOID_COOPERATORS}).
 */
@Component
class VoidCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;
    private final CaseCooperation cooperation;

    VoidCaseDelegate(RectificationCases cases, CaseCooperation cooperation) {
        this.cases = cases;
        this.cooperation = cooperation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        cases.voided(caseNo, (String) execution.getVariable(RectificationProcess.VAR_VOIDED_BY),
                (String) execution.getVariable(RectificationProcess.VAR_VOID_REASON));
        String ended = cooperation.caseEnded(caseNo, "已作废").endedByClosure().stream().map(unit -> "group:" + unit).collect(Collectors.joining(","));
        execution.setVariable(RectificationProcess.VAR_VOID_COOPERATORS, Variables.stringValue(ended, true));
    }
}

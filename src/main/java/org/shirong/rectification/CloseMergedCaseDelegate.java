package org.shirong.rectification;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 关闭重复案件 (Task_CloseMergedCase in SubProcess_CaseMerged): closes the case as merged into the case the office named;
 * its open 协办 end with it, as at a case's close, and the units whose 记录协办情况 ended are told next
 * ({@link RectificationProcess#VAR_MERGE_COOPERATORS}).
 */
@Component
class CloseMergedCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;
    private final CaseCooperation cooperation;

    CloseMergedCaseDelegate(RectificationCases cases, CaseCooperation cooperation) {
        this.cases = cases;
        this.cooperation = cooperation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        cases.merged(caseNo, (String) execution.getVariable(RectificationProcess.VAR_MERGED_INTO),
                (String) execution.getVariable(RectificationProcess.VAR_MERGED_BY),
                (String) execution.getVariable(RectificationProcess.VAR_MERGE_REASON));
        String ended = cooperation.caseEnded(caseNo, "已合并").endedByClosure().stream().map(unit -> "group:" + unit).collect(Collectors.joining(","));
        execution.setVariable(RectificationProcess.VAR_MERGE_COOPERATORS, Variables.stringValue(ended, true));
    }
}

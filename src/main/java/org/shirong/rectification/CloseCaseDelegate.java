package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 结案归档 (Task_CloseCase): closes the case after the inspector passed it on site; its open 协办 end with it. Whom
 * 通知案件已结案 tells next ({@link RectificationProcess#VAR_CLOSE_TELL}): the reporter and every cooperating unit, the
 * 属地 town's office among them, whether it had recorded or not (sjreview F4: nobody was told a case closed).
 */
@Component
class CloseCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;
    private final CaseCooperation cooperation;
    private final CaseParties parties;

    CloseCaseDelegate(RectificationCases cases, CaseCooperation cooperation, CaseParties parties) {
        this.cases = cases;
        this.cooperation = cooperation;
        this.parties = parties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        cases.closed(caseNo, null);
        cooperation.caseClosed(caseNo);
        CaseRecord c = cases.get(caseNo);
        java.util.List<String> tell = new java.util.ArrayList<>();
        if (c.reportedBy() != null && !c.reportedBy().isBlank()) {
            tell.add("user:" + c.reportedBy());
        }
        parties.of(caseNo).stream().map(CaseParties.Party::unitId).filter(unit -> !unit.equals(c.leadUnit()))
                .forEach(unit -> tell.add("group:" + unit));
        execution.setVariable(RectificationProcess.VAR_CLOSE_TELL, Variables.stringValue(String.join(",", tell), true));
    }
}

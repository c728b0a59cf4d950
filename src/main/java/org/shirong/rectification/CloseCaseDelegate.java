package org.shirong.rectification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 结案归档 (Task_CloseCase): closes the case after the inspector passed it on site; its open 协办 end with it. Whom
 * 通知案件已结案 tells next ({@link RectificationProcess#VAR_CLOSE_TELL}): the reporter and every cooperating unit, the
 * 属地 town's office among them, whether it had recorded or not (sjreview F4: nobody was told a case closed); the case's
 * 村/社区 is told here ({@link CommunityUpdates#closed}).
 */
@Component
class CloseCaseDelegate implements JavaDelegate {

    private final RectificationCases cases;
    private final CaseCooperation cooperation;
    private final CommunityUpdates communityUpdates;

    CloseCaseDelegate(RectificationCases cases, CaseCooperation cooperation, CommunityUpdates communityUpdates) {
        this.cases = cases;
        this.cooperation = cooperation;
        this.communityUpdates = communityUpdates;
    }

    /** Reads nothing itself: the closing update returns the reporter and lead, the cooperations' close their parties (W1). */
    @Override
    public void execute(DelegateExecution execution) {
        String caseNo = execution.getProcessBusinessKey();
        CaseRecords.Closed closed = cases.closed(caseNo, null);
        List<String> tell = new ArrayList<>();
        if (closed.reportedBy() != null && !closed.reportedBy().isBlank()) {
            tell.add("user:" + closed.reportedBy());
        }
        cooperation.caseClosed(caseNo).units().stream().filter(unit -> !unit.equals(closed.leadUnit()))
                .forEach(unit -> tell.add("group:" + unit));
        execution.setVariable(RectificationProcess.VAR_CLOSE_TELL, Variables.stringValue(String.join(",", tell), true));
        // the case's 村/社区, told of it at its dispatch, hears that it is done (jxreview-s60 J8)
        communityUpdates.closed(execution);
    }
}

package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 汇总遗留工作 ({@code Task_SummarisePhase1OpenWork} …): the phase has reached its end date; records
 * it and sets {@code openWorkCount} and {@code openWorkList} for the notification. The open tasks
 * themselves are left running.
 */
@Component
class SummariseOpenWorkDelegate implements JavaDelegate {

    private final PhaseEnds phaseEnds;

    SummariseOpenWorkDelegate(PhaseEnds phaseEnds) {
        this.phaseEnds = phaseEnds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int phaseNo = ((Number) execution.getVariableLocal(CampaignProcess.VAR_PHASE_NO)).intValue();
        PhaseEnds.OpenWork open = phaseEnds.phaseEnded(execution.getProcessBusinessKey(), phaseNo);
        execution.setVariable(CampaignProcess.VAR_OPEN_WORK_COUNT, open.count());
        execution.setVariable(CampaignProcess.VAR_OPEN_WORK_LIST, open.list());
    }
}

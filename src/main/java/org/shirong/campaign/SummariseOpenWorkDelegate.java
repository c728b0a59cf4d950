package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 汇总遗留工作 ({@code Task_SummarisePhaseOpenWork}; {@code Task_SummarisePhase1OpenWork} … in version 1 of the
 * diagram): the phase has reached its end date; records it and sets {@code openWorkCount}, {@code openWorkList}
 * (open tasks and cases by unit) and {@code openWorkAtCampaignEnd} for the notification. The open work itself carries on.
 */
@Component
class SummariseOpenWorkDelegate implements JavaDelegate {

    private final PhaseEnds phaseEnds;

    SummariseOpenWorkDelegate(PhaseEnds phaseEnds) {
        this.phaseEnds = phaseEnds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int phaseNo = ((Number) execution.getVariable(CampaignProcess.VAR_PHASE_NO)).intValue();
        PhaseEnds.OpenWork open = phaseEnds.phaseEnded(execution.getProcessBusinessKey(), phaseNo);
        execution.setVariable(CampaignProcess.VAR_OPEN_WORK_COUNT, open.count());
        execution.setVariable(CampaignProcess.VAR_OPEN_WORK_LIST, open.list());
        execution.setVariable(CampaignProcess.VAR_OPEN_WORK_AT_CAMPAIGN_END, open.campaignEnded());
    }
}

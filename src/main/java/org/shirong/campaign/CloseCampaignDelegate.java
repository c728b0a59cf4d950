package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结束活动 ({@code Task_CloseCampaign}): the last phase is over; the campaign is marked ended and its cycles stop. */
@Component
class CloseCampaignDelegate implements JavaDelegate {

    private final PhaseEnds phaseEnds;

    CloseCampaignDelegate(PhaseEnds phaseEnds) {
        this.phaseEnds = phaseEnds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        phaseEnds.campaignEnded(execution.getProcessBusinessKey());
    }
}

package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结束活动 ({@code Task_CloseCampaign}): the last phase is over; the reports of the campaign's last period are asked for
 * ({@link LastReports}: its last month, which its report cycles would only reach after the end), the campaign is marked
 * ended and its cycles stop.
 */
@Component
class CloseCampaignDelegate implements JavaDelegate {

    private final PhaseEnds phaseEnds;
    private final LastReports lastReports;

    CloseCampaignDelegate(PhaseEnds phaseEnds, LastReports lastReports) {
        this.phaseEnds = phaseEnds;
        this.lastReports = lastReports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lastReports.issue(execution.getProcessBusinessKey());
        phaseEnds.campaignEnded(execution.getProcessBusinessKey());
    }
}

package org.shirong.campaign;

import java.util.Comparator;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结束活动 ({@code Task_CloseCampaign}): the last phase is over; the reports of the campaign's last period are asked for
 * ({@link LastReports}: its last month, which its report cycles would only reach after the end), the campaign is marked
 * ended and its cycles stop. A campaign that ends mid-month waits ({@code lastMonthNoticeAt}) for its assessment of 上月's
 * time after the month, when {@link IssueLastMonthNoticeDelegate} issues the month's final 通报 and 月度工作报告.
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
        String code = execution.getProcessBusinessKey();
        // a campaign started on a diagram before TimerEvent_LastMonthOver ends here: its last month is reported as it stands
        boolean waits = execution.getBpmnModelInstance().getModelElementById(CampaignProcess.TIMER_LAST_MONTH_OVER) != null;
        lastReports.issue(code, waits);
        phaseEnds.campaignEnded(code);
        execution.setVariable(CampaignProcess.VAR_LAST_MONTH_NOTICE_AT, !waits ? null : lastReports.lastMonthsAfterEnd(code).stream()
                .map(LastReports.LastMonth::heldAt).max(Comparator.naturalOrder()).map(Date::from).orElse(null));
    }
}

package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 印发最后一个月的通报 ({@code Task_IssueLastMonthNotice}): a campaign that ended mid-month has its last month's final 通报
 * and 月度工作报告 issued once the month is over, at the time its assessment of 上月 (松江区's 月度考核 on the 1st) would
 * have run ({@link LastReports#issueLastMonth}); each once, whichever run or retry gets there.
 */
@Component
class IssueLastMonthNoticeDelegate implements JavaDelegate {

    private final LastReports lastReports;

    IssueLastMonthNoticeDelegate(LastReports lastReports) {
        this.lastReports = lastReports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lastReports.issueLastMonth(execution.getProcessBusinessKey(), ClockUtil.getCurrentTime().toInstant());
    }
}

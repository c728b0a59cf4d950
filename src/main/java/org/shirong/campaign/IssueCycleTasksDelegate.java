package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.shirong.report.MonthlyReports;
import org.springframework.stereotype.Component;

/**
 * 下达周期任务 ({@code Task_IssueCycleTasks}): hands out the tasks of this run of a report, inspection or
 * assessment cycle, about the period the day its cron named gives (the 月度工作报告 of 1 January, held on 4 January,
 * reports December); a report cycle also issues the campaign's monthly report (月度工作报告) of that period, an assessment
 * cycle that scores a period already over (年考核 of the year before) the 通报 of that period ("进行公开通报"). A report
 * cycle on the month under way (松江区's 报送 on the 25th) issues its tasks only: the month's report and 通报 come from an
 * assessment of 上月 at the start of the next month ({@link CampaignTemplate.Cycle#reportsRunningPeriod}), which then also
 * holds the units' 报送 of the month. The organisation's leaders are told of each report issued ({@link MonthlyReportNotices}).
 */
@Component
class IssueCycleTasksDelegate implements JavaDelegate {

    private final CampaignTasks tasks;
    private final CampaignCycles cycles;
    private final MonthlyReports monthlyReports;

    private final DistrictNotices districtNotices;
    private final MonthlyReportNotices reportNotices;

    IssueCycleTasksDelegate(CampaignTasks tasks, CampaignCycles cycles, MonthlyReports monthlyReports, DistrictNotices districtNotices,
            MonthlyReportNotices reportNotices) {
        this.districtNotices = districtNotices;
        this.reportNotices = reportNotices;
        this.tasks = tasks;
        this.cycles = cycles;
        this.monthlyReports = monthlyReports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        String cycleId = (String) execution.getVariable(CampaignProcess.VAR_CYCLE_ID);
        CycleRuns.Run run = ScheduleCycleRunDelegate.scheduledRun(execution).orElseThrow(
                () -> new IllegalStateException("流程变量 " + CampaignProcess.VAR_NEXT_RUN_AT + " 为空，无法确定本次周期工作的时间"));
        String period = cycles.reportedPeriod(code, cycleId, run.plannedAt());
        tasks.issueCycleTasks(code, cycleId, run, period);
        CampaignTemplate.Cycle cycle = cycles.cycle(code, cycleId);
        // the 通报 first: the monthly report issued with it says who was 通报'd, one issued without it who is 列入通报范围
        // a report on a period without a day of its score-phases ranks and names no one (锦溪's 明确任务制定方案 months)
        String unranked = cycles.unranked(code, cycleId, run.plannedAt()).orElse(null);
        if (cycle.kind() == CycleKind.REPORT && !cycle.reportsRunningPeriod() && unranked == null) {
            districtNotices.issue(tasks.campaign(code), run.heldAt(), period);
        } else if (cycle.kind() == CycleKind.ASSESSMENT && period != null && cycle.scorePeriod().lookingBack()) {
            // Only a period that is over is 通报'd: 九亭镇's 年度考核 of 20 December scores a year still under way.
            districtNotices.issueAssessed(tasks.campaign(code), run.heldAt(), period, cycle.name());
        }
        if (cycle.issuesMonthlyReport()) {
            reportNotices.send(tasks.campaign(code),
                    monthlyReports.issue(execution.getTenantId(), code, run.heldAt(), period, run.plannedAt(), unranked));
        }
        // A 松江 campaign started before its template had the 月度考核 of 上月 runs no such cycle: its 25th issues the month
        // before's report and 通报 instead (each once per period: nothing if the 月度考核 issued them).
        cycles.closedPeriodBefore(code, cycleId, run.plannedAt()).ifPresent(closed -> {
            districtNotices.issue(tasks.campaign(code), run.heldAt(), closed);
            reportNotices.send(tasks.campaign(code),
                    monthlyReports.issue(execution.getTenantId(), code, run.heldAt(), closed, run.plannedAt()));
        });
    }
}

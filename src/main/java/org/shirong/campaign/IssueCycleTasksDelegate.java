package org.shirong.campaign;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.shirong.report.MonthlyReports;
import org.springframework.stereotype.Component;

/**
 * 下达周期任务 ({@code Task_IssueCycleTasks}): hands out the tasks of this run of a report, inspection or
 * assessment cycle; a report cycle also issues the campaign's monthly report (月度工作报告) of its score period.
 */
@Component
class IssueCycleTasksDelegate implements JavaDelegate {

    private final CampaignTasks tasks;
    private final CampaignCycles cycles;
    private final MonthlyReports monthlyReports;

    IssueCycleTasksDelegate(CampaignTasks tasks, CampaignCycles cycles, MonthlyReports monthlyReports) {
        this.tasks = tasks;
        this.cycles = cycles;
        this.monthlyReports = monthlyReports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        String cycleId = (String) execution.getVariable(CampaignProcess.VAR_CYCLE_ID);
        Date runAt = (Date) execution.getVariable(CampaignProcess.VAR_NEXT_RUN_AT);
        tasks.issueCycleTasks(code, cycleId, runAt.toInstant());
        if (cycles.cycle(code, cycleId).kind() == CycleKind.REPORT) {
            monthlyReports.issue(execution.getTenantId(), code, runAt.toInstant(), (String) execution.getVariable(CampaignProcess.VAR_SCORE_PERIOD));
        }
    }
}

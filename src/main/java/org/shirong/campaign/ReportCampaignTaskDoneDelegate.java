package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 回报活动 ({@code Task_ReportTaskDone} of CampaignTaskProcess): lets the campaign move on when this was its phase's last open task. */
@Component
class ReportCampaignTaskDoneDelegate implements JavaDelegate {

    private final CampaignTasks tasks;

    ReportCampaignTaskDoneDelegate(CampaignTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tasks.taskDone(((Number) execution.getVariable(CampaignTaskProcess.VAR_TASK_ID)).longValue());
    }
}

package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 下达阶段任务 ({@code Task_IssuePhaseTasks}; {@code Task_IssuePhase1Tasks} … in version 1 of the diagram): hands out the phase's tasks and sets {@code openTaskCount}. */
@Component
class IssuePhaseTasksDelegate implements JavaDelegate {

    private final CampaignTasks tasks;

    IssuePhaseTasksDelegate(CampaignTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int phaseNo = ((Number) execution.getVariable(CampaignProcess.VAR_PHASE_NO)).intValue();
        int open = tasks.issuePhaseTasks(execution.getProcessBusinessKey(), phaseNo);
        execution.setVariable(CampaignProcess.VAR_OPEN_TASK_COUNT, open);
    }
}

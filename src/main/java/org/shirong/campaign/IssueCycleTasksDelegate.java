package org.shirong.campaign;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 下达周期任务 ({@code Task_IssueCycleTasks}): hands out the tasks of this run of a report, inspection or assessment cycle. */
@Component
class IssueCycleTasksDelegate implements JavaDelegate {

    private final CampaignTasks tasks;

    IssueCycleTasksDelegate(CampaignTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date runAt = (Date) execution.getVariable(CampaignProcess.VAR_NEXT_RUN_AT);
        tasks.issueCycleTasks(execution.getProcessBusinessKey(), (String) execution.getVariable(CampaignProcess.VAR_CYCLE_ID),
                runAt.toInstant());
    }
}

package org.shirong.campaign;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Create and complete listener of the user tasks of {@code CampaignTaskProcess}. On create it names
 * the task after the campaign task (签订目标责任书（城管中队）) and gives the form what it shows: the
 * categories to name, or the campaign's open cases (again when the checkpoint is claimed). On complete it checks the form, turns each
 * finding into a rectification case and records the result; a refusal names the field and saves nothing.
 */
@Component
class CampaignTaskListener implements TaskListener {

    private final CampaignTaskResults results;

    CampaignTaskListener(CampaignTaskResults results) {
        this.results = results;
    }

    @Override
    public void notify(DelegateTask task) {
        long taskId = ((Number) task.getVariable(CampaignTaskProcess.VAR_TASK_ID)).longValue();
        String kind = Objects.toString(task.getVariable(CampaignTaskProcess.VAR_TASK_KIND), CampaignTaskProcess.Kind.TASK.name());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            // The office claims the checkpoint when it checks: show the cases as they are now.
            task.setVariable(CampaignTaskProcess.VAR_OPEN_CASES, results.openCasesText(taskId));
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(Objects.toString(task.getVariable(CampaignTaskProcess.VAR_TASK_NAME), task.getName()));
            task.setDescription(Objects.toString(task.getVariable(CampaignTaskProcess.VAR_REQUIREMENT), ""));
            if (CampaignTaskProcess.Kind.FINDINGS.name().equals(kind)) {
                task.setVariable(CampaignTaskProcess.VAR_CATEGORY_LIST, results.categoryList());
            } else if (CampaignTaskProcess.Kind.CHECKPOINT.name().equals(kind)) {
                task.setVariable(CampaignTaskProcess.VAR_OPEN_CASES, results.openCasesText(taskId));
            }
            return;
        }
        String result = Objects.toString(task.getVariable(CampaignTaskProcess.VAR_RESULT), "").strip();
        String user = CampaignActors.current(task);
        switch (CampaignTaskProcess.Kind.valueOf(kind)) {
            case FINDINGS -> results.recordFindings(taskId, task.getVariable(CampaignTaskProcess.VAR_FINDINGS), result, user);
            case CHECKPOINT -> results.confirm(taskId, Objects.toString(task.getVariable(CampaignTaskProcess.VAR_ALL_RECTIFIED), ""),
                    result, user);
            case TASK -> {
                if (result.isEmpty()) {
                    throw new FormFieldValidationException(CampaignTaskProcess.VAR_RESULT, "请填写办理情况");
                }
                results.done(taskId, result, user);
            }
        }
    }
}

package org.shirong.campaign;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * Take listener of the flows leaving the user tasks of {@code CampaignTaskProcess}, run as the form is submitted: checks
 * it, enters an inspection's score sheets, turns each finding into a rectification case and records the result. A refusal names the field
 * (Tasklist shows it, REST answers 400) and the task stays open with nothing saved.
 */
@Component
class CampaignTaskDoneListener implements ExecutionListener {

    private final CampaignTaskResults results;
    private final InspectionScores inspectionScores;
    private final CampaignAttachments attachments;

    CampaignTaskDoneListener(CampaignTaskResults results, InspectionScores inspectionScores, CampaignAttachments attachments) {
        this.results = results;
        this.inspectionScores = inspectionScores;
        this.attachments = attachments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long taskId = ((Number) execution.getVariable(CampaignTaskProcess.VAR_TASK_ID)).longValue();
        String kind = Objects.toString(execution.getVariable(CampaignTaskProcess.VAR_TASK_KIND), CampaignTaskProcess.Kind.TASK.name());
        String result = Objects.toString(execution.getVariable(CampaignTaskProcess.VAR_RESULT), "");
        TextInput.problem("办理情况", result, true).ifPresent(message -> {
            throw new FormFieldValidationException(CampaignTaskProcess.VAR_RESULT, message);
        });
        result = TextInput.isBlank(result) ? "" : result.strip();
        String user = CampaignActors.current();
        switch (CampaignTaskProcess.Kind.valueOf(kind)) {
            case FINDINGS -> {
                String scores = Objects.toString(execution.getVariable(InspectionScores.VAR_SCORES), "");
                Object period = execution.getVariable(CampaignTaskProcess.VAR_SCORE_PERIOD);
                if (period != null && !scores.isBlank()) {
                    inspectionScores.record(execution.getProcessBusinessKey(), period.toString(), scores, user);
                }
                results.recordFindings(taskId, execution.getVariable(CampaignTaskProcess.VAR_FINDINGS),
                        Objects.toString(execution.getVariable(CampaignTaskProcess.VAR_DEFAULT_COMMUNITY), ""), result, user);
            }
            case CHECKPOINT -> results.confirm(taskId, Objects.toString(execution.getVariable(CampaignTaskProcess.VAR_ALL_RECTIFIED), ""),
                    Objects.toString(execution.getVariable(CampaignTaskProcess.VAR_OPEN_CASE_REASONS), ""), result, user);
            case TASK, NOTICE_REPLY -> {
                if (result.isEmpty()) {
                    throw new FormFieldValidationException(CampaignTaskProcess.VAR_RESULT, "请填写办理情况");
                }
                attachments.take(execution, results.task(taskId), user);
                results.done(taskId, result, user);
            }
        }
    }
}

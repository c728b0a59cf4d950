package org.shirong.campaign;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * 工作已交办 (end of {@code StartEvent_AssignmentIssued}, {@code ${workAssignmentIssuedListener}}): a 所属活动 chosen on the
 * start form must be one of the organisation's running campaigns ({@link WorkAssignmentCampaigns}), else the start is
 * refused naming the field; the work then carries the campaign as its business key and its name, as a meeting's decision
 * does, so that it counts in the campaign's 驾驶舱、月报 and 通报 (sjreview-s57 D4). Work started without the field (a
 * meeting's decision, a town's part of the district's work) is left as it is.
 */
@Component
class WorkAssignmentIssuedListener implements ExecutionListener {

    private final WorkAssignmentCampaigns campaigns;

    WorkAssignmentIssuedListener(WorkAssignmentCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.hasVariable(WorkAssignmentProcess.VAR_CAMPAIGN)) {
            return;
        }
        String code = Objects.toString(execution.getVariable(WorkAssignmentProcess.VAR_CAMPAIGN), "").strip();
        if (code.isEmpty() || WorkAssignmentProcess.NO_CAMPAIGN.equals(code)) {
            execution.setVariable(WorkAssignmentProcess.VAR_CAMPAIGN, WorkAssignmentProcess.NO_CAMPAIGN);
            return;
        }
        var campaign = campaigns.find(execution.getTenantId(), code)
                .orElseThrow(() -> new FormFieldValidationException(WorkAssignmentProcess.VAR_CAMPAIGN, "所属活动“"
                        + TextInput.shortened(code, 40) + "”不是本组织正在进行的活动，请从列出的活动中选择，或选“不属于活动”"));
        execution.setVariable(WorkAssignmentProcess.VAR_CAMPAIGN, campaign.code());
        execution.setVariable(WorkAssignmentProcess.VAR_CAMPAIGN_NAME, campaign.name());
        execution.setProcessBusinessKey(campaign.code());
    }
}

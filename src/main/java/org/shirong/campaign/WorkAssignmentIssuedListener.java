package org.shirong.campaign;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * 工作已交办 (end of {@code StartEvent_AssignmentIssued}, {@code ${workAssignmentIssuedListener}}): a 所属活动 chosen on the
 * start form must be one of the organisation's running campaigns ({@link WorkAssignmentCampaigns}), else the start is
 * refused naming the field; the work then carries the campaign as its business key and its name, as a meeting's decision
 * does, so that it counts in the campaign's 驾驶舱、月报 and 通报 (sjreview-s57 D4). A person's start (Tasklist, REST) may
 * carry no other business key: the key is what the 驾驶舱 counts work by, so another organisation's campaign code there
 * would put the work into that campaign (diffreview-s57 R1). Work started without the field by Shirong (a meeting's
 * decision) or by the engine (a town's part of the district's work) keeps its key.
 */
@Component
class WorkAssignmentIssuedListener implements ExecutionListener {

    private final WorkAssignmentCampaigns campaigns;

    WorkAssignmentIssuedListener(WorkAssignmentCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String sentKey = Objects.toString(execution.getProcessBusinessKey(), "").strip();
        String code = Objects.toString(execution.getVariable(WorkAssignmentProcess.VAR_CAMPAIGN), "").strip();
        if (!sentKey.isEmpty() && !sentKey.equals(code) && startedByAPerson(execution)) {
            throw new FormFieldValidationException(WorkAssignmentProcess.VAR_CAMPAIGN, "工作交办的业务键由“所属活动”确定，不能另行填写（收到“"
                    + TextInput.shortened(sentKey, 40) + "”）：请不填业务键，在“所属活动”中选择本组织正在进行的活动，或选“不属于活动”");
        }
        if (!execution.hasVariable(WorkAssignmentProcess.VAR_CAMPAIGN)) {
            return;
        }
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

    /**
     * A logged-in user's own start: not a town's part of the district's work (called by the district's process) and not
     * one Shirong makes on its own behalf (a meeting's decision, run without the caller's authentication).
     */
    private static boolean startedByAPerson(DelegateExecution execution) {
        CommandContext context = Context.getCommandContext();
        return execution.getProcessInstance().getSuperExecution() == null && context != null
                && context.getAuthenticatedUserId() != null;
    }
}

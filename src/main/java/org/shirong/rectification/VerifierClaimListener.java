package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 核查整改结果 ({@code Task_VerifyRectification}, {@code ${verifierClaimListener}} on assignment) is not given to whoever
 * handed the round in ({@code caseHandler}): its completion would refuse them anyway (CaseSteps), so the claim (or an
 * assignment to them) is refused with the same words and the task stays with the inspectors (sjreview s54 L5); REST
 * answers 400, as for the completion.
 */
@Component
class VerifierClaimListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && assignee.equals(task.getVariable(RectificationProcess.VAR_HANDLER))) {
            throw FormInputRefused.of("assignee", CaseSteps.OWN_ROUND);
        }
    }
}

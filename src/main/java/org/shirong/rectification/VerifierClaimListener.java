package org.shirong.rectification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 核查整改结果 ({@code Task_VerifyRectification}, {@code ${verifierClaimListener}} on assignment) is not given to whoever
 * its completion would refuse (CaseSteps.verificationRefusal): whoever handed the round in ({@code caseHandler}, sjreview
 * s54 L5), the lead unit's staff and the staff of a unit that cooperates on the case (协办: 责任单位, 属地; jxreview s55
 * J16). The claim (or an assignment to them) is refused with the same words and the task stays with the inspectors; REST
 * answers 400, as for the completion. A claimant's groups are their login's; an assignee's are read from the identity
 * service only when someone else assigns the task.
 */
@Component
class VerifierClaimListener implements TaskListener {

    private final CaseSteps steps;
    private final IdentityService identityService;

    VerifierClaimListener(CaseSteps steps, IdentityService identityService) {
        this.steps = steps;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        Authentication current = identityService.getCurrentAuthentication();
        List<String> groups = current != null && assignee.equals(current.getUserId()) ? current.getGroupIds()
                : identityService.createGroupQuery().groupMember(assignee).list().stream().map(Group::getId).toList();
        // the execution: the roles are read from its tenant, the round's handler from its variables
        var execution = task.getExecution();
        steps.verificationRefusal(execution, execution.getProcessBusinessKey(), assignee, groups).ifPresent(message -> {
            throw FormInputRefused.of("assignee", message);
        });
    }
}

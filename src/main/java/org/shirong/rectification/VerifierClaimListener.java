package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 核查整改结果 ({@code Task_VerifyRectification}, {@code ${verifierClaimListener}} on assignment) is not given to whoever
 * its completion would refuse (CaseSteps.verificationRefusal): whoever handed the round in ({@code caseHandler}, sjreview
 * s54 L5), the lead unit's staff and the staff of a unit that cooperates on the case (协办: 责任单位, 属地; jxreview s55
 * J16). The claim (or an assignment to them) is refused with the same words and the task stays with the inspectors; REST
 * answers 400, as for the completion. Whose groups are read as {@link TaskActors} reads them.
 */
@Component
class VerifierClaimListener implements TaskListener {

    private final CaseSteps steps;
    private final TaskActors actors;

    VerifierClaimListener(CaseSteps steps, TaskActors actors) {
        this.steps = steps;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        // the execution: the roles are read from its tenant, the round's handler from its variables
        var execution = task.getExecution();
        TaskActors.refuse(actors.assignee(task), "assignee", actor -> steps.verificationRefusal(execution,
                execution.getProcessBusinessKey(), actor.userId(), actor.groups()));
    }
}

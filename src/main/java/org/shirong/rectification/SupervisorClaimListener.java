package org.shirong.rectification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * 督办超期案件 ({@code Task_SuperviseCase}, {@code ${supervisorClaimListener}} on assignment and complete) is not claimed,
 * given to or completed by whom {@code POST /api/cases/{no}/supervisions} refuses ({@link OwnUnitSupervision}): the staff of
 * the case's lead unit or of a unit cooperating on it, though they are also of the office (锦溪's 创建办主任 is of the
 * 推进小组办公室; finalreview s55 F1). The claim or assignment is refused naming the assignee, the completion naming the
 * 督办意见; REST answers 400, the task stays open with nothing saved. Whose groups are read as {@link TaskActors} reads them.
 */
@Component
class SupervisorClaimListener implements TaskListener {

    private final OwnUnitSupervision ownUnit;
    private final TaskActors actors;
    private final Organizations organizations;

    SupervisorClaimListener(OwnUnitSupervision ownUnit, TaskActors actors, Organizations organizations) {
        this.ownUnit = ownUnit;
        this.actors = actors;
        this.organizations = organizations;
    }

    @Override
    public void notify(DelegateTask task) {
        String field = EVENTNAME_COMPLETE.equals(task.getEventName()) ? RectificationProcess.VAR_SUPERVISION_INSTRUCTION : "assignee";
        // a clerk giving the task to a refused colleague is told about the colleague, not "您是…" (diffreview-s56 D5)
        TaskActors.refuse(actors.of(task), field, actor -> ownUnit.refusal(task.getTenantId(),
                task.getExecution().getProcessBusinessKey(), leadUnit(task), actor.groups(),
                actor.byOther() ? organizations.personName(actor.userId()) : null));
    }

    private static String leadUnit(DelegateTask task) {
        Object lead = task.getVariable(RectificationProcess.VAR_LEAD_UNIT);
        return lead == null ? null : lead.toString();
    }
}

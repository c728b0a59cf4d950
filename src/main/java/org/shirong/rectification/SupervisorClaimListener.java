package org.shirong.rectification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * 督办超期案件 ({@code Task_SuperviseCase}, {@code ${supervisorClaimListener}} on assignment and complete) is not claimed,
 * given to or completed by whom {@code POST /api/cases/{no}/supervisions} refuses ({@link OwnUnitSupervision}): the staff of
 * the case's lead unit or of a unit cooperating on it, though they are also of the office (锦溪's 创建办主任 is of the
 * 推进小组办公室; finalreview s55 F1). The claim or assignment is refused naming the assignee, the completion naming the
 * 督办意见; REST answers 400, the task stays open with nothing saved. A claimant's or completer's groups are their login's;
 * an assignee's are read from the identity service only when someone else assigns the task.
 */
@Component
class SupervisorClaimListener implements TaskListener {

    private final OwnUnitSupervision ownUnit;
    private final IdentityService identityService;
    private final Organizations organizations;

    SupervisorClaimListener(OwnUnitSupervision ownUnit, IdentityService identityService, Organizations organizations) {
        this.ownUnit = ownUnit;
        this.identityService = identityService;
        this.organizations = organizations;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String user;
        String field;
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            user = current == null ? null : current.getUserId();
            field = RectificationProcess.VAR_SUPERVISION_INSTRUCTION;
        } else {
            user = task.getAssignee();
            field = "assignee";
        }
        if (user == null) {
            return;
        }
        boolean self = current != null && user.equals(current.getUserId());
        List<String> groups = self ? current.getGroupIds()
                : identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        Object lead = task.getVariable(RectificationProcess.VAR_LEAD_UNIT);
        // a clerk giving the task to a refused colleague is told about the colleague, not "您是…" (diffreview-s56 D5)
        ownUnit.refusal(task.getTenantId(), task.getExecution().getProcessBusinessKey(), lead == null ? null : lead.toString(), groups,
                self || current == null ? null : organizations.personName(user))
                .ifPresent(message -> {
                    throw FormInputRefused.of(field, message);
                });
    }
}

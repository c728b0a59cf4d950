package org.shirong.rectification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organizations;
import org.shirong.system.ConflictException;
import org.shirong.system.ForbiddenException;
import org.shirong.system.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 督办 of a case the lead unit is handling, by the case organisation's office, leading group or approvers, or by a
 * district group with {@code SUPERVISE} oversight: the case's process receives {@code CaseSupervised}, records the
 * instruction on the timeline and notifies the lead unit, its head and the office; the office's 督办超期案件, if it still
 * waits, ends ({@code CaseSupervisedWhileOfficeWaits}). Members and heads of the case's lead unit or of a unit cooperating
 * on it (责任单位, 属地) may not 督办 it (403 {@code OWN_UNIT_CASE}), whatever group they also sit in ({@link OwnUnitSupervision},
 * the rule the office's 督办超期案件 applies too). One person's 督办 of a case is not
 * repeated within {@code shirong.rectification.supervision-repeat-after}: each one reaches every member of the lead unit,
 * its head and the office (by e-mail or robot where set), so repeats in a row would flood them.
 */
@Service
class CaseSupervision {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSupervision.class);

    /** As the 督办 form's {@code maxLength}; the timeline keeps it with the group's name in rect_case_event.detail (4000). */
    static final int MAX_INSTRUCTION = 2000;

    record Given(String caseNo, Instant at, String by, String from, String instruction) {
    }

    private final RectificationCases cases;
    private final ReadableCases readable;
    private final CallerOrganization callerOrganization;
    private final Organizations organizations;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final OwnUnitSupervision ownUnit;
    private final Duration repeatAfter;

    CaseSupervision(RectificationCases cases, ReadableCases readable, CallerOrganization callerOrganization,
            Organizations organizations, RuntimeService runtimeService, SystemAccess systemAccess, OwnUnitSupervision ownUnit,
            @Value("${shirong.rectification.supervision-repeat-after:PT1H}") Duration repeatAfter) {
        this.ownUnit = ownUnit;
        this.repeatAfter = repeatAfter;
        this.cases = cases;
        this.readable = readable;
        this.callerOrganization = callerOrganization;
        this.organizations = organizations;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
    }

    Given supervise(String caseNo, String instruction, Authentication caller) {
        ReasonField.checked("instruction", "督办意见", instruction, MAX_INSTRUCTION);
        CaseRecord c = readable.get(caseNo, caller);
        String group = callerOrganization.supervisingGroup(caller, c.tenantId()).orElseThrow(() -> new ForbiddenException(
                "NOT_A_SUPERVISOR", "您没有督办本案件的权限：只有" + organizations.of(c.tenantId()).name()
                        + "的办公室、领导小组，以及上级组织中有督办权的组可以督办"));
        // one rule with the office's 督办超期案件 in Tasklist (SupervisorClaimListener): the lead unit, the 协办 units, 属地
        ownUnit.refusal(c.tenantId(), c.caseNo(), c.leadUnit(), CaseVisibility.groups(caller)).ifPresent(refusal -> {
            throw new ForbiddenException("OWN_UNIT_CASE", refusal);
        });
        // Asked before correlating: a message no one waits for fails inside the engine, which logs it as an ERROR with its trace.
        if (c.processInstanceId() == null || !awaitsSupervision(c.processInstanceId())) {
            throw notInHandling(c);
        }
        Instant at = RectificationCases.now();
        cases.lastSupervisedBy(caseNo, caller.getUserId()).filter(last -> last.plus(repeatAfter).isAfter(at)).ifPresent(last -> {
            throw new ConflictException("SUPERVISED_RECENTLY", "您已于 " + Duration.between(last, at).toMinutes()
                    + " 分钟前督办过案件 " + caseNo + "，" + repeatAfter.toMinutes() + " 分钟内不再重复督办；牵头单位已收到通知");
        });
        String from = from(group, c.tenantId());
        try {
            systemAccess.run(() -> runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_CASE_SUPERVISED)
                    .processInstanceId(c.processInstanceId())
                    .setVariables(Map.of(RectificationProcess.VAR_SUPERVISION_NOTE, instruction.strip(),
                            RectificationProcess.VAR_SUPERVISED_BY, caller.getUserId(),
                            RectificationProcess.VAR_SUPERVISION_FROM, from,
                            RectificationProcess.VAR_SUPERVISION_ID, UUID.randomUUID().toString()))
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException notInHandling) {
            throw notInHandling(cases.get(caseNo));
        }
        // the office's 督办超期案件 still waiting: the case is 督办'd now, the task ends (not 已督办 and 超期待督办 at once)
        // (the 督办 above is recorded: the office finishing its task meanwhile is no failure of this one)
        try {
            systemAccess.run(() -> {
                if (subscribed(c.processInstanceId(), RectificationProcess.MESSAGE_SUPERVISED_ABOVE)) {
                    runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_SUPERVISED_ABOVE)
                            .processInstanceId(c.processInstanceId()).correlate();
                }
                return null;
            });
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException officeFinishedFirst) {
            LOG.info("案件 {} 的督办超期案件任务已由办公室办理，督办已记录", caseNo);
        }
        return new Given(caseNo, at, caller.getUserId(), from, instruction.strip());
    }

    /** Whether the case's process is in the lead unit's hands (牵头单位办理), where it receives CaseSupervised. */
    private boolean awaitsSupervision(String processInstanceId) {
        return systemAccess.run(() -> subscribed(processInstanceId, RectificationProcess.MESSAGE_CASE_SUPERVISED));
    }

    private boolean subscribed(String processInstanceId, String message) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(message).count() > 0;
    }

    private static ConflictException notInHandling(CaseRecord c) {
        return new ConflictException("CASE_NOT_IN_HANDLING", "案件 " + c.caseNo() + " 当前为“" + c.status().label()
                + "”，不在牵头单位办理中，不能督办");
    }

    /**
     * The name of the group the 督办 is given as: the case organisation's own group by its name only (创建工作领导小组, as
     * the organisation's own pages write its units), another's with its organisation ("松江区 区市容管理专项办公室").
     */
    private String from(String group, String caseOrganization) {
        if (Groups.CAMUNDA_ADMIN.equals(group)) {
            return "系统管理员";
        }
        return organizations.ofGroup(group).map(o -> {
            String name = organizations.groupNames(o.id()).getOrDefault(group, group);
            return o.id().equals(caseOrganization) ? name : o.name() + " " + name;
        }).orElse(group);
    }
}

package org.shirong.rectification;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 协办: the responsible units of a case (责任单位, from the decision table or the campaign's plan item) each
 * get a {@code CaseCooperationProcess} — a notice and a task to record what they did — while the lead unit
 * stays accountable for the case. Runs in the engine's transaction; a unit is told once per case however
 * often the case is re-dispatched ({@link CaseParties}, keyed by case and unit).
 */
@Service
class CaseCooperation {

    private static final Logger LOG = LoggerFactory.getLogger(CaseCooperation.class);

    private final CaseParties parties;
    private final RectificationCases cases;
    private final CaseRecords records;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SystemAccess systemAccess;

    CaseCooperation(CaseParties parties, RectificationCases cases, CaseRecords records, RuntimeService runtimeService,
            IdentityService identityService, SystemAccess systemAccess) {
        this.parties = parties;
        this.cases = cases;
        this.records = records;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.systemAccess = systemAccess;
    }

    /**
     * 通知协办单位 (Task_StartCooperation): starts a cooperation for every responsible unit of the case that is
     * not its lead unit and has none yet. Returns the units told now.
     */
    List<String> start(String caseNo) {
        CaseRecord c = cases.get(caseNo);
        Instant now = RectificationCases.now();
        List<String> told = new java.util.ArrayList<>();
        for (String unit : units(c.responsibleUnits())) {
            if (unit.equals(c.leadUnit())) {
                continue;
            }
            if (identityService.createGroupQuery().groupId(unit).count() == 0) {
                LOG.warn("案件 {} 的责任单位 {} 不在组织机构中，未发出协办任务", caseNo, unit);
                continue;
            }
            if (parties.add(caseNo, unit, CaseParties.Reason.RESPONSIBLE, null, now, c.dueAt())) {
                Map<String, Object> variables = new java.util.HashMap<>();
                variables.put(RectificationProcess.VAR_CASE_NO, caseNo);
                variables.put(RectificationProcess.VAR_TITLE, c.title());
                variables.put(RectificationProcess.VAR_ADDRESS, c.address());
                variables.put(RectificationProcess.VAR_DESCRIPTION, c.description() == null ? "" : c.description());
                variables.put(RectificationProcess.VAR_LEAD_UNIT, c.leadUnit());
                variables.put(RectificationProcess.VAR_DUE_AT, c.dueAt() == null ? null : Date.from(c.dueAt()));
                variables.put(CaseCooperationProcess.VAR_PARTY_UNIT, unit);
                String instanceId = systemAccess.run(() -> runtimeService
                        .createProcessInstanceByKey(CaseCooperationProcess.KEY)
                        .businessKey(CaseCooperationProcess.businessKey(caseNo, unit))
                        .setVariables(variables).execute().getId());
                parties.started(caseNo, unit, instanceId);
                told.add(unit);
            }
        }
        if (!told.isEmpty()) {
            LOG.info("案件 {} 已通知协办单位 {}", caseNo, told);
        }
        return told;
    }

    /** 记录协办情况 completed: what the unit did, on the case's record and timeline. */
    void recorded(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        String unit = (String) execution.getVariable(CaseCooperationProcess.VAR_PARTY_UNIT);
        Object value = execution.getVariable(CaseCooperationProcess.VAR_NOTE);
        String note = value == null ? null : value.toString();
        if (TextInput.isBlank(note)) {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_NOTE, "请填写协办情况");
        }
        TextInput.problem("协办情况", note, true).ifPresent(message -> {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_NOTE, message);
        });
        if (note.length() > 4000) {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_NOTE, "协办情况不能超过 4000 个字");
        }
        Instant now = RectificationCases.now();
        String actor = actor();
        parties.recorded(caseNo, unit, actor, note.strip(), now);
        records.addEvent(caseNo, now, CaseEventKind.COOPERATION_RECORDED, actor, note.strip(), unit);
    }

    /** The case closed before the unit recorded anything (EndEvent_CaseClosedFirst). */
    void endedByClosure(DelegateExecution execution) {
        parties.ended(caseNo(execution), (String) execution.getVariable(CaseCooperationProcess.VAR_PARTY_UNIT),
                RectificationCases.now());
    }

    /**
     * The case closed: its open cooperations end (Message_CaseClosed). One whose first step has not run yet
     * (its start job still waits) has no subscription to the message; it is deleted instead.
     */
    void caseClosed(String caseNo) {
        runtimeService.createMessageCorrelation(CaseCooperationProcess.MESSAGE_CASE_CLOSED)
                .processInstanceVariableEquals(RectificationProcess.VAR_CASE_NO, caseNo).correlateAllWithResult();
        Instant now = RectificationCases.now();
        for (CaseParties.Party p : parties.of(caseNo)) {
            if (p.endedAt() != null) {
                continue;
            }
            if (p.processInstanceId() != null && runtimeService.createProcessInstanceQuery()
                    .processInstanceId(p.processInstanceId()).count() > 0) {
                runtimeService.deleteProcessInstance(p.processInstanceId(), "案件已结案", true, true);
            }
            parties.ended(caseNo, p.unitId(), now);
        }
    }

    private static String caseNo(DelegateExecution execution) {
        return (String) execution.getVariable(RectificationProcess.VAR_CASE_NO);
    }

    private static Set<String> units(String commaSeparated) {
        Set<String> units = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(units::add);
        }
        return units;
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}

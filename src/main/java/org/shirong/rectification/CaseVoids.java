package org.shirong.rectification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.ConflictException;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 作废 (不予立案或撤销) of a case not yet closed: the report is no problem, lies outside the organisation, or was imported
 * by mistake. Only the office, as for a merge ({@link CaseOffice#notNeutral}): a voided case leaves its lead unit's
 * scores, so not from under a period saved with it either. The case is locked for the check; its process receives
 * {@code CaseVoided}, whose event subprocess ends it with its tasks, timers and 协办, records the void with its reason
 * on the timeline (status VOIDED) and tells the lead unit and the units whose 协办 ended. Whoever comes second finds it
 * ended: 409.
 */
@Service
class CaseVoids {

    /** As a merge's reason, well within rect_case_event.detail (4000). */
    static final int MAX_REASON = 2000;
    private static final String VOID = "作废";

    record Voided(String caseNo, String status, String statusName, Instant at, String by, String reason) {
    }

    private final RectificationCases cases;
    private final CaseRecords records;
    private final ReadableCases readable;
    private final CaseOffice office;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final ScoredPeriods scoredPeriods;

    CaseVoids(RectificationCases cases, CaseRecords records, ReadableCases readable, CaseOffice office,
            RuntimeService runtimeService, SystemAccess systemAccess, ScoredPeriods scoredPeriods) {
        this.cases = cases;
        this.records = records;
        this.readable = readable;
        this.office = office;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
        this.scoredPeriods = scoredPeriods;
    }

    @Transactional
    public Voided voidCase(String caseNo, String reason, Authentication caller) {
        CaseRecord c = readable.get(caseNo, caller);
        office.notNeutral(caller, c, VOID).ifPresent(refusal -> {
            throw refusal;
        });
        String why = ReasonField.checked("作废理由", reason, MAX_REASON);
        c = records.lock(caseNo);
        notVoidable(c).ifPresent(refusal -> {
            throw refusal;
        });
        // a voided case leaves the scores: not from under a period saved with it, nor while such a save runs
        scoredPeriods.holdSaves();
        Optional<ConflictException> saved = savedPeriod(c);
        if (saved.isPresent()) {
            throw saved.get();
        }
        String actor = caller.getUserId();
        String processInstance = c.processInstanceId();
        try {
            systemAccess.run(() -> runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_CASE_VOIDED)
                    .processInstanceId(processInstance).setVariables(Map.of(RectificationProcess.VAR_VOID_REASON, why,
                            RectificationProcess.VAR_VOIDED_BY, actor))
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException notDeployed) {
            // an instance of a definition deployed before voiding existed
            throw new ConflictException("VOID_NOT_DEPLOYED", "案件 " + caseNo
                    + " 的整改流程是不支持作废的旧版本，请管理员按 README“流程负责人如何修改流程和表单”中的迁移步骤"
                    + "把该案件的流程实例迁移到最新版本后再作废");
        }
        CaseRecord voided = cases.get(caseNo);
        return new Voided(caseNo, voided.status().name(), voided.status().label(), voided.closedAt(), actor, why);
    }

    /** Whether the caller may void the case (which it reads) now, as {@link #voidCase} would accept it. */
    boolean mayVoid(CaseRecord c, Authentication caller) {
        return office.notNeutral(caller, c, VOID).isEmpty() && notVoidable(c).isEmpty() && savedPeriod(c).isEmpty();
    }

    /** Why the case cannot be voided: its handling ended (closed, merged, voided), or its 整改 process has not started. */
    private static Optional<ConflictException> notVoidable(CaseRecord c) {
        if (c.status().ended()) {
            return Optional.of(new ConflictException("CASE_" + c.status().name(), "案件 " + c.caseNo() + " 已"
                    + switch (c.status()) {
                        case MERGED -> "并入 " + c.mergedInto();
                        case VOIDED -> "作废";
                        default -> "结案";
                    } + "，不能作废" + (c.status() == CaseStatus.CLOSED ? "；问题再次出现的，请重新打开或作为新案件上报" : "")));
        }
        if (c.processInstanceId() == null) {
            return Optional.of(new ConflictException("CASE_NOT_IN_HANDLING", "案件 " + c.caseNo() + " 没有在办的整改流程，不能作废"));
        }
        return Optional.empty();
    }

    /** The case's deadline passed in a period whose scores were saved with it: it may not leave them (409). */
    private Optional<ConflictException> savedPeriod(CaseRecord c) {
        if (c.dueAt() == null || !c.dueAt().isBefore(RectificationCases.now())) {
            return Optional.empty();
        }
        return scoredPeriods.savedPeriodCounting(c.tenantId(), c.campaign(), c.dueAt()).map(period -> new ConflictException(
                "SCORES_SAVED", "案件 " + c.caseNo() + " 的整改期限计入的考核期间“" + period + "”得分已保存，作废会使它不再计入"
                        + "考核，已保存的考核结果不再改变，不能作废；请按正常流程办结"));
    }
}

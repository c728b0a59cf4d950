package org.shirong.rectification;

import static org.shirong.system.ChineseDates.DAY;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.ConflictException;
import org.shirong.system.SystemAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重新打开: the organisation's office ({@code roles.office} of its organization.yaml, as for a merge) reopens a closed case
 * whose problem came back or whose fix did not hold, within {@code shirong.cases.reopen-within-days} days of its closure,
 * instead of reporting a new, unconnected case. The case is locked for the check and the reopening; a new
 * {@code RectificationProcess} instance starts at its message start event {@code CaseReopened} in this transaction and
 * puts the case back to its lead unit on a new clock ({@link RectificationCases#reopened}). Whoever comes second finds it
 * no longer closed: 409. A merged case, an open one or one closed too long ago is not reopened (409, saying why).
 */
@Service
class CaseReopens {

    /** As a merge's reason, well within rect_case_event.detail (4000) with what the reopening adds. */
    static final int MAX_REASON = CaseMerges.MAX_REASON;
    private static final String REOPEN = "重新打开案件";

    record Reopened(String caseNo, String status, String statusName, int reopenCount, String leadUnit, Instant dueAt,
            Instant at, String by, String reason) {
    }

    private final RectificationCases cases;
    private final CaseRecords records;
    private final ReadableCases readable;
    private final CaseOffice office;
    private final CaseDeadlines deadlines;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final CaseAppealRecords appeals;
    private final ScoredPeriods scoredPeriods;
    private final int withinDays;

    CaseReopens(RectificationCases cases, CaseRecords records, ReadableCases readable, CaseOffice office, CaseDeadlines deadlines, RuntimeService runtimeService, SystemAccess systemAccess, CaseAppealRecords appeals,
            ScoredPeriods scoredPeriods, @Value("${shirong.cases.reopen-within-days:30}") int withinDays) {
        this.appeals = appeals;
        this.scoredPeriods = scoredPeriods;
        this.cases = cases;
        this.records = records;
        this.readable = readable;
        this.office = office;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
        this.withinDays = withinDays;
    }

    @Transactional
    public Reopened reopen(String caseNo, String reason, Authentication caller) {
        CaseRecord c = readable.get(caseNo, caller);
        office.notOffice(caller, c, REOPEN).ifPresent(refusal -> {
            throw refusal;
        });
        String why = ReasonField.checked("重新打开的理由", reason, MAX_REASON);
        c = records.lock(caseNo);
        notReopenable(c).ifPresent(refusal -> {
            throw refusal;
        });
        // a save of scores under way reads the case's round once from rect_case and once kept: not both, nor neither
        scoredPeriods.holdSaves();
        String actor = caller.getUserId();
        Map<String, Object> variables = Map.of(RectificationProcess.VAR_REOPEN_REASON, why,
                RectificationProcess.VAR_REOPENED_BY, actor);
        String organization = c.tenantId();
        try {
            systemAccess.run(() -> runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_CASE_REOPENED)
                    .tenantId(organization).processInstanceBusinessKey(caseNo).setVariables(variables).correlateStartMessage());
        } catch (MismatchingMessageCorrelationException noStart) {
            // a definition deployed before reopening existed: the office cannot reopen until it is redeployed
            throw new ConflictException("REOPEN_NOT_DEPLOYED", "本组织的整改案件流程尚不支持重新打开，请联系管理员重新部署流程");
        }
        CaseRecord reopened = cases.get(caseNo);
        return new Reopened(caseNo, reopened.status().name(), reopened.status().label(), reopened.reopenCount(),
                reopened.leadUnit(), reopened.dueAt(), RectificationCases.now(), actor, why);
    }

    /** Whether the caller may reopen the case (which it reads) now, as {@link #reopen} would accept it. */
    boolean mayReopen(CaseRecord c, Authentication caller) {
        return office.notOffice(caller, c, REOPEN).isEmpty() && notReopenable(c).isEmpty();
    }

    /** Why the case cannot be reopened now: merged, not closed, or closed longer ago than the window allows. */
    private Optional<ConflictException> notReopenable(CaseRecord c) {
        if (c.status() == CaseStatus.MERGED) {
            return Optional.of(new ConflictException("CASE_MERGED", "案件 " + c.caseNo() + " 已作为重复案件并入 " + c.mergedInto()
                    + "，不能重新打开；如问题复发，请重新打开 " + c.mergedInto()));
        }
        if (c.status() == CaseStatus.VOIDED) {
            return Optional.of(new ConflictException("CASE_VOIDED", "案件 " + c.caseNo() + " 已作废，不能重新打开；"
                    + "如确有问题，请作为新案件上报"));
        }
        if (c.status() != CaseStatus.CLOSED) {
            return Optional.of(new ConflictException("CASE_NOT_CLOSED", "案件 " + c.caseNo() + " 尚未结案（" + c.status().label()
                    + "），仍在办理中，不需要重新打开"));
        }
        var pending = appeals.of(c.caseNo()).stream().filter(CaseAppealRecords.Appeal::pending).findFirst();
        if (pending.isPresent()) {
            // its review decides the round being closed: decided after a reopening, it would be judged against the next one
            return Optional.of(new ConflictException("APPEAL_PENDING", "案件 " + c.caseNo() + " 有待审核的考核申诉（"
                    + pending.get().deduction().label() + "），请先审核申诉，再重新打开"));
        }
        Instant until = c.closedAt().plus(Duration.ofDays(withinDays));
        if (!RectificationCases.now().isBefore(until)) {
            var zone = deadlines.zone(c.tenantId());
            return Optional.of(new ConflictException("REOPEN_WINDOW_PASSED", "案件 " + c.caseNo() + " 于 "
                    + DAY.format(c.closedAt().atZone(zone)) + " 结案，结案 " + withinDays + " 天内才能重新打开（已于 "
                    + DAY.format(until.atZone(zone)) + " 截止）；问题再次出现的，请作为新案件上报"));
        }
        return Optional.empty();
    }
}

package org.shirong.rectification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 合并重复案件: the organisation's office ({@code roles.office} of its organization.yaml; not a member of the case's lead
 * unit, unless the office leads it) closes a case as a duplicate of another open case of the same organisation and
 * category, reported earlier, nearby or at the same address ({@link CaseDuplicates#notAlike}), unless its deadline fell in
 * a period whose scores were saved. Both cases are locked, in case-number order, for the check and the merge; the duplicate's process receives {@code CaseMerged}, whose event subprocess ends it with its
 * tasks and its 协办, records the merge on both timelines and tells the lead unit and the reporter. Whoever comes second
 * to a case (a merge, a close) finds it ended: 409.
 */
@Service
class CaseMerges {

    /** As a 督办's instruction, well within rect_case_event.detail (4000) with the case numbers. */
    static final int MAX_REASON = 2000;

    record Merged(String caseNo, String status, String statusName, String mergedInto, Instant at, String by, String reason) {
    }

    private final RectificationCases cases;
    private final CaseRecords records;
    private final ReadableCases readable;
    private final CaseOffice office;
    private final Organizations organizations;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final CaseDuplicates duplicates;
    private final ScoredPeriods scoredPeriods;

    CaseMerges(RectificationCases cases, CaseRecords records, ReadableCases readable, CaseOffice office,
            Organizations organizations, RuntimeService runtimeService, SystemAccess systemAccess, CaseDuplicates duplicates,
            ScoredPeriods scoredPeriods) {
        this.duplicates = duplicates;
        this.scoredPeriods = scoredPeriods;
        this.cases = cases;
        this.records = records;
        this.readable = readable;
        this.office = office;
        this.organizations = organizations;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
    }

    @Transactional
    public Merged merge(String caseNo, String into, String reason, Authentication caller) {
        CaseRecord duplicate = readable.get(caseNo, caller);
        office.notNeutral(caller, duplicate, "合并").ifPresent(refusal -> {
            throw refusal;
        });
        if (TextInput.isBlank(into)) {
            throw new InvalidRequestException(ApiError.field("into", "REQUIRED", "请填写要并入的案件编号（into）"));
        }
        String why = ReasonField.checked("合并理由", reason, MAX_REASON);
        String primaryNo = into.strip();
        if (primaryNo.equals(caseNo)) {
            throw new InvalidRequestException(ApiError.field("into", "SAME_CASE", "案件不能并入它自己：请填写另一件案件的编号"));
        }
        CaseRecord primary = readable.get(primaryNo, caller);
        if (!primary.tenantId().equals(duplicate.tenantId())) {
            throw new InvalidRequestException(ApiError.field("into", "OTHER_ORGANIZATION", "案件 " + primaryNo + " 属于"
                    + organizations.of(primary.tenantId()).name() + "，只能并入" + organizations.of(duplicate.tenantId()).name()
                    + "的案件"));
        }
        if (!primary.category().equals(duplicate.category())) {
            throw new InvalidRequestException(ApiError.field("into", "OTHER_CATEGORY", "案件 " + primaryNo
                    + " 的问题类别与本案不同，只能并入同一类别的案件"));
        }
        Optional<String> notAlike = duplicates.notAlike(duplicate, primary);
        if (notAlike.isPresent()) {
            throw new InvalidRequestException(ApiError.field("into", "NOT_A_DUPLICATE", notAlike.get()));
        }
        if (primary.reportedAt().isAfter(duplicate.reportedAt())) {
            // the later report is the duplicate: an old case, overdue perhaps, does not leave the scores by going into a new one
            throw new InvalidRequestException(ApiError.field("into", "LATER_CASE", "案件 " + primaryNo
                    + " 晚于本案上报：重复的是后上报的案件，只能把后上报的案件并入先上报的案件"));
        }
        // both locked in case-number order, so that two merges of the same pair in opposite directions cannot deadlock
        boolean duplicateFirst = caseNo.compareTo(primaryNo) < 0;
        CaseRecord first = records.lock(duplicateFirst ? caseNo : primaryNo);
        CaseRecord second = records.lock(duplicateFirst ? primaryNo : caseNo);
        duplicate = duplicateFirst ? first : second;
        primary = duplicateFirst ? second : first;
        notMergeable(duplicate).ifPresent(refusal -> {
            throw refusal;
        });
        ended(primary, "要并入的案件 " + primaryNo).ifPresent(refusal -> {
            throw refusal;
        });
        // a merged case leaves the scores: not from under a period saved with it, nor while such a save runs
        scoredPeriods.holdSaves();
        Optional<ConflictException> saved = savedPeriod(duplicate);
        if (saved.isPresent()) {
            throw saved.get();
        }
        String actor = caller.getUserId();
        String processInstance = duplicate.processInstanceId();
        Map<String, Object> variables = Map.of(RectificationProcess.VAR_MERGED_INTO, primaryNo,
                RectificationProcess.VAR_MERGE_REASON, why, RectificationProcess.VAR_MERGED_BY, actor,
                RectificationProcess.VAR_MERGE_ALSO_TELL, duplicate.reportedBy() == null ? "" : "user:" + duplicate.reportedBy());
        try {
            systemAccess.run(() -> runtimeService.createMessageCorrelation(RectificationProcess.MESSAGE_CASE_MERGED)
                    .processInstanceId(processInstance).setVariables(variables).correlateWithResult());
        } catch (MismatchingMessageCorrelationException ended) {
            throw new ConflictException("CASE_NOT_IN_HANDLING", "案件 " + caseNo + " 没有在办的整改流程，不能合并");
        }
        CaseRecord merged = cases.get(caseNo);
        return new Merged(caseNo, merged.status().name(), merged.status().label(), primaryNo, merged.closedAt(), actor, why);
    }

    /** Whether the caller may merge the case (which it reads) into another now, as {@link #merge} would accept it. */
    boolean mayMerge(CaseRecord c, Authentication caller) {
        return office.notNeutral(caller, c, "合并").isEmpty() && notMergeable(c).isEmpty() && savedPeriod(c).isEmpty();
    }

    /** The case's deadline passed in a period whose scores were saved with it: it may not leave them (409). */
    private Optional<ConflictException> savedPeriod(CaseRecord c) {
        if (c.dueAt() == null || !c.dueAt().isBefore(RectificationCases.now())) {
            return Optional.empty();
        }
        return scoredPeriods.savedPeriodCounting(c.tenantId(), c.campaign(), c.dueAt()).map(period -> new ConflictException(
                "SCORES_SAVED", "案件 " + c.caseNo() + " 的整改期限计入的考核期间“" + period + "”得分已保存，合并会使它不再计入"
                        + "考核，已保存的考核结果不再改变，不能合并；请按正常流程办结"));
    }

    /** Why the case cannot be merged as a duplicate: it has ended, or its 整改 process has not started. */
    private static Optional<ConflictException> notMergeable(CaseRecord c) {
        return ended(c, "本案").or(() -> c.processInstanceId() == null ? Optional.of(new ConflictException(
                "CASE_NOT_IN_HANDLING", "案件 " + c.caseNo() + " 没有在办的整改流程，不能合并")) : Optional.empty());
    }

    private static Optional<ConflictException> ended(CaseRecord c, String which) {
        if (!c.status().ended()) {
            return Optional.empty();
        }
        return Optional.of(new ConflictException(c.status() == CaseStatus.MERGED ? "CASE_MERGED" : "CASE_CLOSED", which + "（"
                + c.caseNo() + "）" + (c.status() == CaseStatus.MERGED ? "已并入 " + c.mergedInto() : "已结案") + "，不能再合并"));
    }
}

package org.shirong.rectification;

import static org.shirong.rectification.CaseAppealProcess.*;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核申诉: the lead unit of a case appeals one of its deductions (超期, 返工, 回退, 重新打开) with a reason; the organisation's office
 * reviews it in {@code CaseAppealProcess} (审核考核申诉) and approves or rejects it; the unit is told. An appeal covers the
 * deduction as it is when filed; the same deduction is appealed again only once decided and grown beyond it. An approved appeal removes the deduction from the unit's scores (the scoring reads
 * {@code rect_case_appeal}) and leaves the case's record as it was: overdue stays overdue, the timeline shows the appeal
 * and the decision. Scores already saved for the period that counts the deduction are not changed: such an appeal is
 * refused (409), and so is its approval when the scores were saved while it waited. An approval and a save of scores
 * take one lock ({@link ScoredPeriods#holdSaves}): one of them waits for the other to commit.
 */
@Service
class CaseAppeals {

    /** As the review form's {@code maxLength}; rect_case_appeal keeps 2000. */
    static final int MAX_TEXT = 2000;
    /** OVERDUE（超期）、REWORK（返工）、RETURN（回退）或 REOPEN（重新打开）, as the errors name what may be appealed. */
    private static final String DEDUCTIONS = deductions();

    /**
     * An appeal as the API shows it; {@code status} PENDING, APPROVED or REJECTED, with its Chinese name; {@code reviewDueAt}
     * by when the office is to decide it (null for appeals filed before it was kept) and, while it waits, {@code reviewWindow}
     * saying why.
     */
    public record AppealView(String caseNo, String deduction, String deductionName, String unitId, String unitName, String reason,
            String requestedBy, Instant requestedAt, String status, String statusName, String decidedBy, Instant decidedAt,
            String opinion, Instant reviewDueAt, String reviewWindow) {
    }

    private final CaseRecords records;
    private final CaseAppealRecords appeals;
    private final ReadableCases readable;
    private final Organizations organizations;
    private final ScoredPeriods scoredPeriods;
    private final ProcessDefinitions definitions;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final IdentityService identityService;
    private final WorkingCalendars calendars;

    CaseAppeals(CaseRecords records, CaseAppealRecords appeals, ReadableCases readable, Organizations organizations, ScoredPeriods scoredPeriods, ProcessDefinitions definitions, RuntimeService runtimeService,
            SystemAccess systemAccess, IdentityService identityService, WorkingCalendars calendars) {
        this.records = records;
        this.appeals = appeals;
        this.readable = readable;
        this.organizations = organizations;
        this.scoredPeriods = scoredPeriods;
        this.definitions = definitions;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
        this.identityService = identityService;
        this.calendars = calendars;
    }

    /** Files the lead unit's appeal of {@code deductionName} and starts its review, in one transaction. */
    @Transactional
    AppealView file(String caseNo, String deductionName, String reason, Authentication caller) {
        Deduction deduction = deduction(deductionName);
        String text = ReasonField.checked("申诉理由", reason, MAX_TEXT);
        readable.get(caseNo, caller);
        CaseRecord c = records.lock(caseNo); // the lead unit is read under the lock: a re-dispatch meanwhile cannot slip between
        notTheLeadUnit(c, caller).ifPresent(refusal -> {
            throw refusal;
        });
        notAppealable(c, deduction).ifPresent(refusal -> {
            throw refusal;
        });
        appeals.find(caseNo, deduction).filter(this::reviewGone)
                .ifPresent(stale -> appeals.withdraw(caseNo, deduction)); // deleted in Cockpit: no one will decide it
        Instant now = RectificationCases.now();
        Instant reviewDue = reviewDue(c, counted(c, deduction), now);
        try {
            appeals.add(caseNo, deduction, c.leadUnit(), text, caller.getUserId(), now, c.dueAt(), c.reworkCount(), reviewDue);
        } catch (DuplicateKeyException filedMeanwhile) {
            throw alreadyAppealed(appeals.find(caseNo, deduction).orElseThrow());
        }
        records.addEvent(caseNo, now, CaseEventKind.APPEAL_FILED, caller.getUserId(), deduction.label() + "：" + text, c.leadUnit());
        CaseRecord appealed = c;
        String instance = systemAccess.run(() -> runtimeService
                .createProcessInstanceById(definitions.latestId(KEY, appealed.tenantId()))
                .businessKey(businessKey(caseNo, deduction))
                .setVariables(Map.of(RectificationProcess.VAR_CASE_NO, caseNo, RectificationProcess.VAR_TITLE, appealed.title(),
                        RectificationProcess.VAR_ADDRESS, appealed.address(), RectificationProcess.VAR_LEAD_UNIT, appealed.leadUnit(),
                        VAR_DEDUCTION, deduction.name(), VAR_DEDUCTION_NAME, deduction.label(), VAR_REASON, text,
                        VAR_CASE_SUMMARY, summary(appealed), VAR_REVIEW_DUE_AT, java.util.Date.from(reviewDue)))
                .execute().getId());
        appeals.started(caseNo, deduction, instance);
        return view(appeals.find(caseNo, deduction).orElseThrow());
    }

    /**
     * The deductions of the case the caller's unit may appeal now, as {@link #file} would accept them: none unless the
     * caller belongs to the lead unit; each the case has, not yet appealed, in no period whose scores are saved.
     */
    List<Deduction> appealable(CaseRecord c, Authentication caller) {
        if (notTheLeadUnit(c, caller).isPresent()) {
            return List.of();
        }
        return Arrays.stream(Deduction.values()).filter(d -> notAppealable(c, d).isEmpty()).toList();
    }

    private Optional<ForbiddenException> notTheLeadUnit(CaseRecord c, Authentication caller) {
        if (c.leadUnit() != null && CaseVisibility.groups(caller).contains(c.leadUnit())) {
            return Optional.empty();
        }
        return Optional.of(new ForbiddenException("NOT_THE_LEAD_UNIT", "只有本案件的牵头单位" + (c.leadUnit() == null ? ""
                : "（" + unitName(c.leadUnit()) + "）") + "可以申诉考核扣分"));
    }

    /** Why the lead unit may not appeal the case's {@code deduction} now (400 or 409, as {@link #file} answers), if it may not. */
    private Optional<RuntimeException> notAppealable(CaseRecord c, Deduction deduction) {
        List<Instant> counted = counted(c, deduction);
        if (counted.isEmpty()) {
            return Optional.of(new InvalidRequestException(ApiError.field("deduction", "NO_SUCH_DEDUCTION",
                    "案件 " + c.caseNo() + " 没有" + deduction.label() + "扣分，不能申诉" + deduction.label())));
        }
        if (c.status() == CaseStatus.MERGED) {
            return Optional.of(new ConflictException("CASE_MERGED", "案件 " + c.caseNo() + " 已并入 " + c.mergedInto()
                    + "，不计入考核，没有可申诉的扣分"));
        }
        if (c.status() == CaseStatus.VOIDED) {
            return Optional.of(new ConflictException("CASE_VOIDED", "案件 " + c.caseNo() + " 已作废，不计入考核，没有可申诉的扣分"));
        }
        Optional<CaseAppealRecords.Appeal> existing = appeals.find(c.caseNo(), deduction).filter(a -> !reviewGone(a))
                .filter(a -> a.pending() || covers(a, c, counted));
        if (existing.isPresent()) {
            return Optional.of(alreadyAppealed(existing.get()));
        }
        return savedPeriod(c, counted).map(period -> new ConflictException("SCORES_SAVED", "案件 " + c.caseNo() + " 的"
                + deduction.label() + "计入的考核期间“" + period + "”得分已保存，已保存的考核结果不再改变，不能申诉"));
    }

    /** The case's appeals, oldest first. */
    List<AppealView> of(String caseNo) {
        return appeals.of(caseNo).stream().map(this::view).toList();
    }

    /**
     * End of 审核考核申诉: records the office's decision (an opinion is required to reject; an approval is refused when the
     * scores that count the deduction were saved while the appeal waited) and sets {@code appealApproved}.
     */
    void decided(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the instance was deleted (Cockpit): nobody decided
        }
        String caseNo = (String) execution.getVariable(RectificationProcess.VAR_CASE_NO);
        Deduction deduction = Deduction.valueOf((String) execution.getVariable(VAR_DEDUCTION));
        Object decision = execution.getVariable(VAR_DECISION);
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw FormInputRefused.of(VAR_DECISION, "请选择审核结果：核准或驳回");
        }
        boolean approved = APPROVE.equals(decision);
        Object opinionValue = execution.getVariable(VAR_OPINION);
        String opinion = opinionValue == null || TextInput.isBlank(opinionValue.toString()) ? null : opinionValue.toString().strip();
        TextInput.problem("审核意见", opinion, true).ifPresent(problem -> {
            throw FormInputRefused.of(VAR_OPINION, problem);
        });
        if (opinion != null && opinion.length() > MAX_TEXT) {
            throw FormInputRefused.of(VAR_OPINION, "审核意见不能超过 " + MAX_TEXT + " 个字，现有 " + opinion.length() + " 个字");
        }
        if (!approved && opinion == null) {
            throw FormInputRefused.of(VAR_OPINION, "驳回申诉时请填写审核意见，说明驳回的理由");
        }
        CaseRecord c = records.lock(caseNo);
        var appeal = appeals.find(caseNo, deduction)
                .orElseThrow(() -> new IllegalStateException("案件 " + caseNo + " 没有待审核的" + deduction.label() + "申诉"));
        ownAppeal(appeal).ifPresent(problem -> {
            throw FormInputRefused.of(VAR_DECISION, problem);
        });
        if (approved && deduction == Deduction.OVERDUE && !java.util.Objects.equals(appeal.coveredDueAt(), c.dueAt())) {
            throw FormInputRefused.of(VAR_DECISION, "本案件的整改期限在申诉后已改变，本申诉所涉的期限不再计入考核，核准没有作用；"
                    + "请选择驳回并在审核意见中说明，新的期限超期时牵头单位可另行申诉");
        }
        if (approved) {
            // a save of the period running now would not read this approval, nor would this check see its rows: wait for it
            scoredPeriods.holdSaves();
            savedPeriod(c, counted(c, deduction)).ifPresent(period -> {
                throw FormInputRefused.of(VAR_DECISION, "本案件" + deduction.label() + "计入的考核期间“" + period
                        + "”的得分已在申诉后保存，已保存的考核结果不再改变，不能核准；请选择驳回并在审核意见中说明");
            });
        }
        Instant now = RectificationCases.now();
        String actor = actor();
        if (!appeals.decide(caseNo, deduction, approved, actor, now, opinion)) {
            throw new IllegalStateException("案件 " + caseNo + " 没有待审核的" + deduction.label() + "申诉");
        }
        String unit = appeal.unitId();
        records.addEvent(caseNo, now, approved ? CaseEventKind.APPEAL_APPROVED : CaseEventKind.APPEAL_REJECTED, actor,
                deduction.label() + (approved ? "扣分不再计入考核" : "扣分照常计入考核") + (opinion == null ? "" : "：" + opinion), unit);
        execution.setVariable(VAR_APPROVED, approved);
    }

    private static Deduction deduction(String name) {
        if (TextInput.isBlank(name)) {
            throw new InvalidRequestException(ApiError.field("deduction", "REQUIRED", "请填写申诉的扣分项：" + DEDUCTIONS));
        }
        try {
            return Deduction.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            String shown = name.strip().length() > 40 ? name.strip().substring(0, 40) + "…" : name.strip();
            throw new InvalidRequestException(ApiError.field("deduction", "UNKNOWN_DEDUCTION", "没有扣分项 \"" + shown
                    + "\"：应为 " + DEDUCTIONS));
        }
    }

    /**
     * The instants at which the scoring counts the case's {@code deduction} for its lead unit, empty when the case has no
     * such deduction: for 超期 and 返工 the case's own (the earlier of its closing and its due date, as the scoring's period
     * rule says), for 回退 each return the lead unit made, for 重新打开 each reopening that sent it back to the lead unit
     * (counted in the period of the reopening).
     */
    private List<Instant> counted(CaseRecord c, Deduction deduction) {
        boolean has = switch (deduction) {
            case OVERDUE -> c.overdue() || Boolean.FALSE.equals(c.closedOnTime())
                    || c.submittedAt() != null && c.dueAt() != null && c.submittedAt().isAfter(c.dueAt());
            case REWORK -> c.reworkCount() > c.reworksBeforeReopen(); // the rounds a reopening ended count as they were
            case RETURN -> true;
            case REOPEN -> c.reopenCount() > 0;
        };
        if (!has) {
            return List.of();
        }
        if (deduction == Deduction.RETURN || deduction == Deduction.REOPEN) {
            return appeals.chargedTo(c.caseNo(), deduction == Deduction.RETURN ? CaseEventKind.RETURNED : CaseEventKind.REOPENED,
                    c.leadUnit());
        }
        if (c.dueAt() == null) {
            return List.of();
        }
        return List.of(c.closedAt() != null && c.closedAt().isBefore(c.dueAt()) ? c.closedAt() : c.dueAt());
    }

    /**
     * By when the office is to decide an appeal of what counts at {@code counted}: a month's scores are saved once it has
     * ended (the report cycle's 计算考核得分 or the next 例会's agenda, early in the next month), and an approval after that
     * is refused; so at closing time of the last working day of the first month counting it, or, that being past already,
     * one working day after filing.
     */
    private Instant reviewDue(CaseRecord c, List<Instant> counted, Instant now) {
        WorkingCalendar calendar = calendars.of(c.tenantId());
        ZoneId zone = calendar.zone();
        LocalDate day = counted.stream().map(at -> YearMonth.from(at.atZone(zone)).atEndOfMonth()).min(Comparator.naturalOrder())
                .orElseGet(() -> YearMonth.from(now.atZone(zone)).atEndOfMonth());
        LocalDate monthStart = day.withDayOfMonth(1);
        while (!calendar.isWorkingDay(day) && day.isAfter(monthStart)) {
            day = day.minusDays(1);
        }
        Instant due = day.atTime(calendar.closingTime()).atZone(zone).toInstant();
        return due.isAfter(now) ? due : calendar.addWorkingTime(now, calendar.officeDay());
    }

    private Optional<String> savedPeriod(CaseRecord c, List<Instant> counted) {
        for (Instant at : counted) {
            Optional<String> period = scoredPeriods.savedPeriodCounting(c.tenantId(), c.campaign(), at);
            if (period.isPresent()) {
                return period;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a decided appeal covers the deduction the case has now: its deadline is still the one appealed, it has no
     * reworks beyond those appealed, no return or reopening since the appeal ({@code counted}: the instants the deduction
     * counts at). One not covered (a new deadline missed, another rework, return or reopening) may be appealed again.
     */
    private static boolean covers(CaseAppealRecords.Appeal a, CaseRecord c, List<Instant> counted) {
        return switch (a.deduction()) {
            case OVERDUE -> java.util.Objects.equals(a.coveredDueAt(), c.dueAt());
            case REWORK -> a.coveredReworks() != null && a.coveredReworks() >= c.reworkCount();
            case RETURN, REOPEN -> counted.stream().noneMatch(at -> at.isAfter(a.requestedAt()));
        };
    }

    /** A pending appeal whose review was deleted (in Cockpit): no one will decide it, so it may be filed again. */
    private boolean reviewGone(CaseAppealRecords.Appeal appeal) {
        return appeal.pending() && appeal.processInstanceId() != null && systemAccess.run(() -> runtimeService
                .createProcessInstanceQuery().processInstanceId(appeal.processInstanceId()).count() == 0);
    }

    private static ConflictException alreadyAppealed(CaseAppealRecords.Appeal existing) {
        return new ConflictException("ALREADY_APPEALED", "案件 " + existing.caseNo() + " 的" + existing.deduction().label() + "扣分已"
                + (existing.pending() ? "申诉，正在审核中" : "申诉并" + (existing.approved() ? "核准" : "驳回")) + "，不能再次申诉");
    }

    /** 牵头单位 环卫所；整改期限 2026年3月4日 17:00；状态 已结案；超期；返工 1 次；回退 0 次；重新打开 1 次 (when reopened). */
    private String summary(CaseRecord c) {
        ZoneId zone = calendars.of(c.tenantId()).zone();
        List<String> parts = new ArrayList<>();
        parts.add("牵头单位 " + unitName(c.leadUnit()));
        if (c.dueAt() != null) {
            parts.add("整改期限 " + MINUTE.format(c.dueAt().atZone(zone)));
        }
        parts.add("状态 " + c.status().label());
        if (c.closedAt() != null) {
            parts.add("结案 " + MINUTE.format(c.closedAt().atZone(zone)) + (Boolean.FALSE.equals(c.closedOnTime()) ? "（超期办结）" : ""));
        }
        if (c.overdue()) {
            parts.add("超期");
        }
        parts.add("返工 " + c.reworkCount() + " 次");
        parts.add("回退 " + c.returnCount() + " 次");
        if (c.reopenCount() > 0) {
            parts.add("重新打开 " + c.reopenCount() + " 次");
        }
        return String.join("；", parts);
    }

    private static String deductions() {
        List<String> named = Arrays.stream(Deduction.values()).map(d -> d.name() + "（" + d.label() + "）").toList();
        return String.join("、", named.subList(0, named.size() - 1)) + "或 " + named.get(named.size() - 1);
    }

    private AppealView view(CaseAppealRecords.Appeal a) {
        String status = a.pending() ? "PENDING" : a.approved() ? "APPROVED" : "REJECTED";
        return new AppealView(a.caseNo(), a.deduction().name(), a.deduction().label(), a.unitId(), unitName(a.unitId()), a.reason(),
                a.requestedBy(), a.requestedAt(), status, a.statusName(), a.decidedBy(), a.decidedAt(), a.opinion(), a.reviewDueAt(),
                a.pending() && a.reviewDueAt() != null ? reviewWindow(a) : null);
    }

    private String reviewWindow(CaseAppealRecords.Appeal a) {
        String tenant = records.find(a.caseNo()).map(CaseRecord::tenantId).orElse(null);
        return "办公室审核期限：" + MINUTE.format(a.reviewDueAt().atZone(calendars.of(tenant).zone()))
                + "。这项扣分计入的月份结束后，该月考核得分随即保存（如下月初的月度报告、例会），得分保存后申诉不能再核准";
    }

    private String unitName(String unit) {
        return unit == null ? null : organizations.groupName(unit).orElse(unit);
    }

    /** Why the reviewer may not decide the appeal: they filed it, or belong to the unit that did (a task handed to them). */
    private Optional<String> ownAppeal(CaseAppealRecords.Appeal appeal) {
        Authentication reviewer = identityService.getCurrentAuthentication();
        if (reviewer == null) {
            return Optional.empty();
        }
        if (reviewer.getUserId().equals(appeal.requestedBy())) {
            return Optional.of("本申诉由您提出，不能由您审核，请由其他审核人员审核");
        }
        if (CaseVisibility.groups(reviewer).contains(appeal.unitId())) {
            return Optional.of("您是申诉单位（" + unitName(appeal.unitId()) + "）的人员，不能审核本单位的申诉，请由其他审核人员审核");
        }
        return Optional.empty();
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}

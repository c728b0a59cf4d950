package org.shirong.rectification;

import org.shirong.organization.OrganizationRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.shirong.rectification.RectificationProcess.*;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.notification.ProcessNotices;
import org.shirong.system.DateWindow;
import org.shirong.system.ChineseDates;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code RectificationProcess} that its listeners ({@link CaseStepListeners}) run: each
 * reads what the step's form submitted, records the step on the case through {@link RectificationCases} in
 * the same transaction, and sets the few variables the diagram routes and times on.
 */
@Component
public class CaseSteps {

    private final RectificationCases cases;
    private final EvidencePhotos photos;
    private final IdentityService identityService;
    private final OrganizationRoles roles;
    private final WorkingCalendars calendars;
    private static final Logger LOG = LoggerFactory.getLogger(CaseSteps.class);
    private final DateWindow dates;
    private final CaseCooperation cooperation;
    private final CollectiveUnits collectives;
    /** On the timeline when the office gives a returned case back to the unit that returned it. */
    static final String RETURN_NOT_ACCEPTED = "办公室未采纳回退理由，仍由回退的单位牵头办理";

    private final int suspensionReviewMaxDays;
    private final ProcessNotices notices;
    private final CommunityUpdates communityUpdates;

    CaseSteps(RectificationCases cases, EvidencePhotos photos, IdentityService identityService,
            OrganizationRoles roles, WorkingCalendars calendars, DateWindow dates, CaseCooperation cooperation,
            ProcessNotices notices, CollectiveUnits collectives, CommunityUpdates communityUpdates,
            @org.springframework.beans.factory.annotation.Value("${shirong.rectification.suspension-review-max-days:90}")
            int suspensionReviewMaxDays) {
        this.suspensionReviewMaxDays = suspensionReviewMaxDays;
        this.communityUpdates = communityUpdates;
        this.notices = notices;
        this.cooperation = cooperation;
        this.collectives = collectives;
        this.calendars = calendars;
        this.dates = dates;
        this.cases = cases;
        this.photos = photos;
        this.identityService = identityService;
        this.roles = roles;
    }

    /**
     * End of 派遣案件: the decision table's lead unit, responsible units and time limit; a lead unit the
     * reporter named (a meeting decision) takes the table's place.
     */
    public void dispatched(DelegateExecution execution) {
        // A table the start-up check passed answers every category; one changed since is answered 503 naming it, not a 500.
        Map<String, Object> dispatch = DispatchTableChecks.usable(execution.getTenantId(),
                String.valueOf(execution.getVariable(CaseDispatch.IN_CATEGORY)), dispatchDecision(execution));
        TimeLimit limit = new TimeLimit(((Number) dispatch.get(CaseDispatch.OUT_LIMIT_AMOUNT)).intValue(),
                LimitUnit.valueOf((String) dispatch.get(CaseDispatch.OUT_LIMIT_UNIT)));
        String organization = execution.getTenantId();
        Object directed = execution.getVariable(RectificationProcess.VAR_DIRECTED_LEAD_UNIT);
        String lead = roles.resolve(organization,
                directed != null ? directed.toString() : (String) dispatch.get(CaseDispatch.OUT_LEAD_UNIT));
        if (!roles.isGroupOf(organization, lead)) {
            // Start-up refuses tables that name a missing group; this catches a group removed since, so the case is not stranded.
            LOG.warn("案件 {}：牵头单位 {} 不是组织 {} 的组，交办公室处理（可退回后重新派遣）", caseNo(execution), lead, organization);
            lead = roles.officeOf(organization);
        }
        Object directedResponsible = execution.getVariable(RectificationProcess.VAR_DIRECTED_RESPONSIBLE_UNITS);
        String responsible = directedResponsible != null ? directedResponsible.toString()
                : (String) dispatch.get(CaseDispatch.OUT_RESPONSIBLE_UNITS);
        // 各居委会 is each committee's own work: the one at the case's place, or the office chooses (重新派遣案件)
        CaseRecord reported = cases.get(caseNo(execution));
        CollectiveUnits.Resolved units = collectives.resolve(organization, reported, lead,
                roles.resolveAll(organization, responsible));
        String note = null;
        lead = units.lead();
        if (units.undetermined() != null) {
            note = collectives.whyOffice(organization, units.undetermined());
            lead = roles.officeOf(organization);
            execution.setVariable(VAR_RETURN_REASON, note);
            // set only when true (the gateway reads a missing one as false): every case would otherwise carry one more variable
            execution.setVariable(VAR_LEAD_UNDETERMINED, true);
        }
        Deadlines d = cases.dispatched(organization, caseNo(execution), execution.getProcessInstanceId(), lead,
                units.responsible(), limit, decidedDue(execution), false, actor(), note);
        if (execution.hasVariable(VAR_DISPATCH)) {
            execution.removeVariable(VAR_DISPATCH);
        }
        execution.setVariable(VAR_LEAD_UNIT, lead);
        execution.setVariable(VAR_CLAIMED, claimedAtEntry(execution, lead));
        supervisorsCooperate(execution, lead, units.responsible());
        setDeadlines(execution, d);
        tellCommunity(execution, reported, lead, units.responsible());
    }

    /**
     * 【辖区问题】 to the case's 村/社区 (jxreview-s58 J5: 卫星村 is told of the problems reported in the village, and reads them),
     * once per case and 村/社区 (the outbox's key): not when it leads or cooperates on the case (its 派遣 or 协办 notice tells
     * it), nor when the organisation's file has the reporter in it, nor for an import's case (each unit hears of an import
     * once; the 村/社区 finds its cases in its list). A case without a 村/社区 costs nothing here.
     */
    private void tellCommunity(DelegateExecution execution, CaseRecord c, String lead, String responsible) {
        if (c.community() == null) {
            return;
        }
        // for the forms of the case path (认领, the approvals) and the village's later notices (jxreview-s60 J4, J8)
        execution.setVariable(VAR_CASE_COMMUNITY, c.community());
        String organization = execution.getTenantId();
        String group = roles.communityGroup(organization, c.community()).orElse(null);
        if (group == null || group.equals(lead)
                || responsible != null && java.util.Arrays.stream(responsible.split(",")).map(String::strip).anyMatch(group::equals)
                || roles.listsMember(organization, c.reportedBy(), group)
                || RectificationProcess.TEMPLATE_CASE_DISPATCHED.equals(
                        execution.getVariable(org.shirong.notification.NotificationDigests.VAR_HELD_FOR_DIGEST))) {
            return;
        }
        notices.send(execution, RectificationProcess.TEMPLATE_CASE_IN_COMMUNITY, "group:" + group, "1",
                Map.of("communityName", roles.groupName(group), "link", CasePageController.pageUrl(c.caseNo())));
    }

    /**
     * Marks a case whose 责任单位 name the office, the approvers or the leading group while another unit leads it
     * ({@link RectificationProcess#VAR_SUPERVISORS_COOPERATE}): they cooperate on it, and its 督办超期案件 must not go to
     * them unread (F4). Written once, on such cases only.
     */
    private void supervisorsCooperate(DelegateExecution execution, String lead, String responsible) {
        if (responsible == null || Boolean.TRUE.equals(execution.getVariable(RectificationProcess.VAR_SUPERVISORS_COOPERATE))) {
            return;
        }
        java.util.List<String> supervisors = java.util.List.of(roles.office(execution), roles.approvers(execution), roles.leading(execution));
        if (java.util.Arrays.stream(responsible.split(",")).map(String::strip).anyMatch(u -> !u.equals(lead) && supervisors.contains(u))) {
            execution.setVariable(RectificationProcess.VAR_SUPERVISORS_COOPERATE, true);
        }
    }

    /**
     * Whether the lead unit entered the case itself in its own campaign task (认领测评点位问题, 全面自查自纠): then entering it
     * was its claim (the plan's 主动认领 is one act, sjreview F12), on record as claimed by whoever entered it, who handles
     * its 整改问题 while of the unit; 是否已认领? takes it past 认领案件, so there is nothing to claim again or to 回退.
     */
    private boolean claimedAtEntry(DelegateExecution execution, String lead) {
        if (!lead.equals(execution.getVariable(VAR_ENTERED_BY_UNIT))) {
            return false;
        }
        String caseNo = caseNo(execution);
        String enteredBy = cases.get(caseNo).reportedBy();
        cases.claimed(caseNo, enteredBy, "录入即认领：本单位在“" + execution.getVariable(VAR_ENTERED_IN_TASK)
                + "”中录入本问题，由本单位牵头整改，不再另行认领");
        if (enteredBy != null && identityService.createUserQuery().userId(enteredBy).memberOfGroup(lead).count() > 0) {
            execution.setVariable(VAR_HANDLER, enteredBy);
        }
        return true;
    }

    /**
     * The dispatch table's single result: the engine's transient {@code decisionResult} of 派遣案件, which is never written
     * (issue 13: kept as the variable {@code dispatch}, a serialized map written and deleted again, it cost some 7 % of an
     * import's CPU); a diagram of before, which still names the result variable, leaves it in {@code dispatch}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> dispatchDecision(DelegateExecution execution) {
        Object result = execution.getVariableLocal(DECISION_RESULT);
        if (result instanceof org.camunda.bpm.dmn.engine.DmnDecisionResult decision) {
            if (decision.size() > 1) {
                throw DispatchTableChecks.unusable(execution.getTenantId(), String.valueOf(execution.getVariable(CaseDispatch.IN_CATEGORY)),
                        "有 " + decision.size() + " 条规则同时符合，派遣只能用一条");
            }
            return decision.isEmpty() ? null : decision.getSingleResult().getEntryMap();
        }
        return (Map<String, Object>) execution.getVariable(VAR_DISPATCH);
    }

    /** The transient local variable in which the engine leaves a business rule task's decision result. */
    private static final String DECISION_RESULT = "decisionResult";

    /** The 期限 the case was decided with (a meeting decision), or null. */
    private static java.time.LocalDate decidedDue(DelegateExecution execution) {
        Object due = execution.getVariable(VAR_DECIDED_DUE);
        return due == null ? null : java.time.LocalDate.parse(due.toString());
    }

    public void claimed(DelegateExecution execution) {
        String actor = actor();
        cases.claimed(caseNo(execution), actor);
        recorded(execution, VAR_CLAIM_DECISION);
        execution.setVariable(VAR_CLAIMED, true);
        if (actor != null) {
            execution.setVariable(VAR_HANDLER, actor);
        }
    }

    public void returned(DelegateExecution execution) {
        cases.returned(caseNo(execution), actor(), required(execution, VAR_RETURN_REASON, "回退理由"));
        recorded(execution, VAR_CLAIM_DECISION);
    }

    /**
     * End of 重新派遣案件: the office's choice of lead unit, the one field its form sends ({@code newLeadUnit}); the case
     * keeps its 责任单位 but the new lead, whose cooperation ends as it takes the case over. The clock starts again from now on the dispatch table's limit
     * (a meeting decision keeps its 期限): the new unit does not inherit the time the unit that returned it and the office
     * used up, and the timeline says so with the deadline it had before (jtreview-s56 T8). The unit that has just returned
     * the case may be chosen again, when the office finds the 回退 unfounded: the timeline says so (diffreview-s58 R8).
     */
    public void redispatched(DelegateExecution execution) {
        String lead = required(execution, VAR_NEW_LEAD_UNIT, "新的牵头单位");
        if (!roles.isGroupOf(execution.getTenantId(), lead)) {
            throw FormInputRefused.of(VAR_NEW_LEAD_UNIT, "本组织没有单位 " + lead);
        }
        if (roles.isCollective(execution.getTenantId(), lead)) {
            throw FormInputRefused.of(VAR_NEW_LEAD_UNIT, "“" + roles.groupName(lead) + "”是若干单位的统称，请改派给其中具体的单位");
        }
        // an assessor (纪委监察) leads no case (jxreview-s58 J8)
        if (roles.assesses(execution.getTenantId(), lead)) {
            throw FormInputRefused.of(VAR_NEW_LEAD_UNIT, "“" + roles.groupName(lead) + "”负责督查考核，不牵头办理案件，请改派给其他单位");
        }
        CaseRecord c = cases.get(caseNo(execution));
        TimeLimit limit = new TimeLimit(c.limitAmount(), LimitUnit.valueOf(c.limitUnit()));
        String restarted = decidedDue(execution) != null ? null : "整改时限自重新派遣时起重新计算"
                + (c.dueAt() == null ? "" : "（原整改期限 " + MINUTE.format(c.dueAt().atZone(calendars.of(execution.getTenantId()).zone())) + "）");
        // the office found the 回退 unfounded and gives the case back to the unit that returned it (diffreview-s58 R8)
        if (!execution.hasVariable(VAR_LEAD_UNDETERMINED) && lead.equals(execution.getVariable(VAR_LEAD_UNIT))) {
            restarted = RETURN_NOT_ACCEPTED + (restarted == null ? "" : "；" + restarted);
        }
        String responsible = withoutLead(c.responsibleUnits(), lead);
        Deadlines d = cases.dispatched(execution.getTenantId(), c.caseNo(), execution.getProcessInstanceId(), lead,
                responsible, limit, decidedDue(execution), true, actor(), restarted);
        execution.setVariable(VAR_LEAD_UNIT, lead);
        supervisorsCooperate(execution, lead, responsible);
        execution.setVariable(VAR_CLAIMED, false);
        execution.removeVariable(VAR_LEAD_UNDETERMINED);
        setDeadlines(execution, d);
        cooperation.leadTookOver(c.caseNo(), lead);
        cooperation.caseChanged(c.caseNo());
    }

    /** The responsible units but the lead unit: a unit that leads a case does not also cooperate on it (sjreview F2). */
    static String withoutLead(String responsibleUnits, String lead) {
        if (responsibleUnits == null) {
            return null;
        }
        return java.util.Arrays.stream(responsibleUnits.split(",")).map(String::strip).filter(u -> !u.isEmpty() && !u.equals(lead))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.joining(","),
                        joined -> joined.isEmpty() ? null : joined));
    }

    /**
     * 整改问题 submitted for verification: the after photo is required; the before photo too when the case's campaign
     * requires it ({@code beforePhotoRequired}) and none was handed in on an earlier round, otherwise it is optional.
     */
    public void submitted(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        String measures = required(execution, VAR_MEASURES, "整改措施");
        var after = photos.take(execution, VAR_PHOTO_AFTER, "整改后照片")
                .orElseThrow(() -> FormInputRefused.of(VAR_PHOTO_AFTER, "请上传整改后照片"));
        var before = photos.take(execution, VAR_PHOTO_BEFORE, "整改前照片");
        if (before.isEmpty() && Boolean.TRUE.equals(execution.getVariable(VAR_BEFORE_PHOTO_REQUIRED))
                && !cases.hasPhoto(caseNo, "BEFORE")) {
            throw FormInputRefused.of(VAR_PHOTO_BEFORE,
                    "请上传整改前照片：本案件所属活动要求留存整改前后在同一位置、同一参照物拍摄的对比照片");
        }
        before.ifPresent(p -> cases.photoAdded(caseNo, "BEFORE", p, actor()));
        cases.photoAdded(caseNo, "AFTER", after, actor());
        photos.remove(execution, VAR_PHOTO_BEFORE);
        photos.remove(execution, VAR_PHOTO_AFTER);
        cases.submitted(caseNo, actor(), measures);
        String actor = actor();
        if (actor != null && !actor.equals(execution.getVariable(VAR_HANDLER))) {
            // who handed the round in, whoever it was assigned to: not its verifier, and its handler on a rework (set only
            // when another than the claimer: an unchanged value is written again)
            execution.setVariable(VAR_HANDLER, actor);
        }
        // 整改措施 stays: 核查整改结果's form shows it to the inspector. The last 核查's comment (a rework's) is on the
        // case's record and was sent with 通知返工: left behind, it would come back into the next 核查's form.
        recorded(execution, VAR_RECTIFY_ACTION);
        execution.removeVariable(VAR_VERIFICATION_COMMENT);
    }

    /**
     * 申请延期: the reason and 延期至 are checked together, and every problem of them is told at once (s53 T12: an empty
     * reason was told only once a weekend date had been mended). The request is recorded for the office (the first of the
     * round) or the approvers (a later one), who are told of it; their form shows the 整改期限 it would move, the lead unit,
     * which request it is and the working days it adds (T5).
     */
    public void extensionRequested(DelegateExecution execution) {
        var calendar = calendars.of(execution.getTenantId());
        ZoneId zone = calendar.zone();
        java.util.List<String> problems = new java.util.ArrayList<>();
        String field = null;
        String reason = null;
        try {
            reason = optional(execution, VAR_EXTENSION_REASON, "延期理由");
            if (TextInput.isBlank(reason)) {
                problems.add("请填写延期理由");
            }
        } catch (org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException refused) {
            problems.add(refused.getMessage());
        }
        if (!problems.isEmpty()) {
            field = VAR_EXTENSION_REASON;
        }
        Date date = null;
        try {
            date = extensionDue(execution);
        } catch (org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException refused) {
            problems.add(refused.getMessage());
            field = field == null ? VAR_EXTENSION_DUE : field;
        }
        Object due = execution.getVariable(VAR_DUE_AT);
        if (date != null) {
            Date asked = date;
            LocalDate day = asked.toInstant().atZone(zone).toLocalDate();
            var dateProblem = dates.problem("延期后的期限", day, RectificationCases.now().atZone(zone).toLocalDate())
                    .or(() -> calendar.deadlineDayProblem("延期至", day))
                    .or(() -> due instanceof Date current && !asked.after(current)
                            ? java.util.Optional.of(cases.laterThanDue(execution.getTenantId(), current.toInstant()))
                            : java.util.Optional.empty());
            if (dateProblem.isPresent()) {
                problems.add(dateProblem.get());
                field = field == null ? VAR_EXTENSION_DUE : field;
            }
        }
        if (!problems.isEmpty()) {
            throw FormInputRefused.of(field, String.join("；", problems));
        }
        String caseNo = caseNo(execution);
        int number = cases.extensionsRequestedThisRound(caseNo) + 1;
        String unit = leadUnit(execution);
        String approvers = number == 1 ? roles.reviewersOf(execution, unit) : roles.approversOf(execution, unit);
        int seq = cases.extensionRequested(caseNo, actor(), reason, date.toInstant(), approvers);
        execution.setVariable(VAR_EXTENSION_SEQ, number);
        execution.setVariable(VAR_EXTENSION_DUE_TEXT, MINUTE.format(date.toInstant().atZone(zone)));
        String kind = requestKind(number);
        String added = workingDaysAdded(calendar, due instanceof Date current ? current.toInstant() : null, date.toInstant());
        execution.setVariable(VAR_EXTENSION_REQUEST_KIND, kind);
        execution.setVariable(VAR_EXTENSION_CURRENT_DUE_TEXT, due instanceof Date current ? MINUTE.format(current.toInstant()
                .atZone(zone)) : "");
        execution.setVariable(VAR_EXTENSION_DAYS_ADDED, added);
        execution.setVariable(VAR_EXTENSION_LEAD_UNIT_NAME, unit == null ? "" : roles.groupName(unit));
        execution.setVariable(VAR_EXTENSION_HISTORY, cases.extensionHistory(caseNo, seq, zone));
        notices.send(execution, TEMPLATE_EXTENSION_REQUESTED, "group:" + approvers, Integer.toString(seq), Map.of(
                "requestKind", kind, "requestedDue", date, "daysAdded", added, "reason", reason.strip(),
                "approverName", roles.groupName(approvers)));
        // The request is on the case now; left behind, the variable (a Date) would come back into the 整改 form's
        // 延期至 field on the next round, and the form sends a plain day.
        execution.removeVariable(VAR_EXTENSION_DUE);
        // 申请延期 left behind would be the choice of the next 整改问题's form (J20: one tap files another request)
        recorded(execution, VAR_RECTIFY_ACTION);
    }

    /** 首次延期申请, 第二次延期申请, 第 3 次延期申请: which request of the round this is. */
    static String requestKind(int number) {
        return switch (number) {
            case 1 -> "首次延期申请";
            case 2 -> "第二次延期申请";
            default -> "第 " + number + " 次延期申请";
        };
    }

    /**
     * The working days an extension from the 整改期限 {@code from} to {@code to} adds: the working days after the day of
     * {@code from} up to the day of {@code to} (18 Dec → 25 Dec: 5 个工作日), or the office hours where it stays within
     * one day.
     */
    static String workingDaysAdded(WorkingCalendar calendar, Instant from, Instant to) {
        if (from == null) {
            return "";
        }
        ZoneId zone = calendar.zone();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate d = first.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            days += calendar.isWorkingDay(d) ? 1 : 0;
        }
        if (days > 0) {
            return days + " 个工作日";
        }
        long minutes = calendar.workingTimeBetween(from, to).toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " 个工作时" : String.format("%.1f 个工作时", minutes / 60.0);
    }

    /**
     * Whether the case's process version has the 挂账's 复核日期 (复核日期已到): an instance of an earlier one, whose forms
     * do not ask for it, requests and approves its 挂账 without.
     */
    private static boolean hasReviewDay(DelegateExecution execution) {
        return execution.getBpmnModelInstance().getModelElementById(BOUNDARY_SUSPENSION_REVIEW) != null;
    }

    /**
     * The 挂账's 复核日期 (预计恢复日期) as the form sends it (2026-12-05; REST clients may send a Date): required, a working
     * day after today and no later than {@code suspensionReviewMaxDays} from it; kept as the day and as its closing time
     * ({@link RectificationProcess#VAR_SUSPENSION_REVIEW_AT}), when 恢复整改 is due and the reminder goes out.
     */
    private LocalDate reviewDate(DelegateExecution execution) {
        var calendar = calendars.of(execution.getTenantId());
        ZoneId zone = calendar.zone();
        Object given = execution.getVariable(VAR_SUSPENSION_REVIEW_DATE);
        String text = given instanceof Date date ? date.toInstant().atZone(zone).toLocalDate().toString()
                : given == null ? "" : given.toString().strip();
        LocalDate today = RectificationCases.now().atZone(zone).toLocalDate();
        LocalDate latest = today.plusDays(suspensionReviewMaxDays);
        if (text.isEmpty()) {
            throw FormInputRefused.of(VAR_SUSPENSION_REVIEW_DATE, "请填写复核日期（预计恢复整改的日期），最晚 " + latest);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw FormInputRefused.of(VAR_SUSPENSION_REVIEW_DATE, "复核日期 " + TextInput.shortened(text, 40)
                    + " 不是有效的日期，请按 2026-12-05 的格式填写");
        }
        if (!day.isAfter(today) || day.isAfter(latest)) {
            throw FormInputRefused.of(VAR_SUSPENSION_REVIEW_DATE, "复核日期须在今天（" + today + "）之后、" + latest
                    + "（挂账最长 " + suspensionReviewMaxDays + " 天）之前，现为 " + day);
        }
        calendar.deadlineDayProblem("复核日期", day).ifPresent(message -> {
            throw FormInputRefused.of(VAR_SUSPENSION_REVIEW_DATE, message);
        });
        execution.setVariable(VAR_SUSPENSION_REVIEW_DATE, day.toString());
        execution.setVariable(VAR_SUSPENSION_REVIEW_AT, Date.from(day.atTime(calendar.closingTime()).atZone(zone).toInstant()));
        return day;
    }

    /**
     * 延期至 as the form sends it: a plain day ("2026-12-05", the phone's date picker), which means the end of office
     * hours that day in the organisation's calendar, or a day and time ("2026-12-05T12:00"); REST clients may send a
     * Date.
     */
    private Date extensionDue(DelegateExecution execution) {
        Object due = execution.getVariable(VAR_EXTENSION_DUE);
        if (due instanceof Date date) {
            return date;
        }
        if (due == null || due.toString().isBlank()) {
            throw FormInputRefused.of(VAR_EXTENSION_DUE, "请填写延期至（延期后的期限），例如 2026-12-05");
        }
        String text = due.toString().strip();
        var calendar = calendars.of(execution.getTenantId());
        java.time.LocalDateTime at;
        try {
            at = text.length() <= 10 ? java.time.LocalDate.parse(text).atTime(calendar.closingTime())
                    : java.time.LocalDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw FormInputRefused.of(VAR_EXTENSION_DUE, "延期至 " + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + " 不是有效的日期，请按 2026-12-05 的格式填写（当天下班时间为期限）");
        }
        return Date.from(at.atZone(calendar.zone()).toInstant());
    }

    /**
     * The extension decided: on approval the clock runs to the new 整改期限. The lead unit is told at once either way (s53
     * T4), with the new 整改期限 or, refused, that the one it had stands.
     */
    public void extensionDecided(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        notOwnRequest(execution, VAR_EXTENSION_APPROVED, cases.pendingExtensionRequester(caseNo), "延期申请");
        boolean approved = "yes".equals(execution.getVariable(VAR_EXTENSION_APPROVED));
        String comment = optional(execution, VAR_DECISION_COMMENT, "审批意见");
        cases.extensionDecided(caseNo, approved, actor(), comment)
                .ifPresent(d -> {
                    setDeadlines(execution, d);
                    cooperation.caseExtended(caseNo);
                });
        Object requested = execution.getVariable(VAR_EXTENSION_DUE_TEXT);
        Object kind = execution.getVariable(VAR_EXTENSION_REQUEST_KIND);
        notices.send(execution, TEMPLATE_EXTENSION_DECIDED, "role:leadUnit", Integer.toString(cases.latestExtensionSeq(caseNo)),
                Map.of("decision", approved ? "同意" : "不同意", "requestedDue", requested == null ? "" : requested,
                        "requestKind", kind == null ? "延期申请" : kind, "comment", TextInput.isBlank(comment) ? "（未写明）" : comment.strip()));
        // The request and its decision are on the case (rect_case_extension, the timeline), which the next 整改问题's form
        // shows as a note; left behind, the reason would fill its 延期理由 and the decision the next approval's form.
        recorded(execution, VAR_EXTENSION_REASON, VAR_EXTENSION_DUE_TEXT, VAR_EXTENSION_APPROVED, VAR_DECISION_COMMENT,
                VAR_EXTENSION_REQUEST_KIND, VAR_EXTENSION_CURRENT_DUE_TEXT, VAR_EXTENSION_DAYS_ADDED, VAR_EXTENSION_LEAD_UNIT_NAME,
                VAR_EXTENSION_HISTORY);
    }

    public void suspensionRequested(DelegateExecution execution) {
        String reason = optional(execution, VAR_SUSPENSION_REASON, "挂账理由");
        if (reason == null) {
            throw FormInputRefused.of(VAR_SUSPENSION_REASON, "请填写挂账理由");
        }
        LocalDate review = hasReviewDay(execution) ? reviewDate(execution) : null;
        cases.suspensionRequested(caseNo(execution), actor(), review != null ? reason + "（复核日期 " + review + "）" : reason);
        String unit = leadUnit(execution);
        String approvers = roles.approversOf(execution, unit);
        // what the approvers sign off on, as 审批延期申请 shows it (jxreview-s60 J2): the day asked for stays in the
        // form's date field too, prefilled, for them to keep or change
        execution.setVariable(VAR_SUSPENSION_REQUESTED_TEXT, review == null ? "" : review.format(ChineseDates.DAY) + "（"
                + review.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CHINA) + "）");
        execution.setVariable(VAR_SUSPENSION_LEAD_UNIT_NAME, unit == null ? "" : roles.groupName(unit));
        execution.setVariable(VAR_SUSPENSION_CURRENT_DUE_TEXT, currentDueText(execution));
        notices.send(execution, TEMPLATE_SUSPENSION_REQUESTED, "group:" + approvers, execution.getActivityInstanceId(), Map.of(
                "reason", reason.strip(), "reviewDate", review == null ? "" : review.toString(),
                "approverName", roles.groupName(approvers)));
        recorded(execution, VAR_RECTIFY_ACTION);
        // an earlier request's decision, which the gateway after its approval read: not this request's answer
        execution.removeVariable(VAR_SUSPENSION_APPROVED);
    }

    /** The 整改期限 a 挂账 would stop, as shown (2026年12月18日 17:00), and 已超期 when it has passed. */
    private String currentDueText(DelegateExecution execution) {
        if (!(execution.getVariable(VAR_DUE_AT) instanceof Date due)) {
            return "";
        }
        String text = MINUTE.format(due.toInstant().atZone(calendars.of(execution.getTenantId()).zone()));
        return due.toInstant().isBefore(RectificationCases.now()) ? text + "（已超期）" : text;
    }

    public void suspensionDecided(DelegateExecution execution) {
        notOwnRequest(execution, VAR_SUSPENSION_APPROVED, cases.suspensionRequester(caseNo(execution)), "挂账申请");
        boolean approved = "yes".equals(execution.getVariable(VAR_SUSPENSION_APPROVED));
        String comment = optional(execution, VAR_DECISION_COMMENT, "审批意见");
        String opinion = TextInput.isBlank(comment) ? "（未写明）" : comment.strip();
        LocalDate review = null;
        if (approved && hasReviewDay(execution)) {
            // the approvers may set another review day than the unit asked for: checked as the request's
            review = reviewDate(execution);
            comment = comment == null ? "复核日期 " + review : comment + "（复核日期 " + review + "）";
        }
        cases.suspensionDecided(caseNo(execution), approved, actor(), comment);
        // the lead unit is told at once (s53 T4): 挂账 stops its clock until the review day; refused, its 整改期限 stands
        notices.send(execution, TEMPLATE_SUSPENSION_DECIDED, "role:leadUnit", execution.getActivityInstanceId(), Map.of(
                "decision", approved ? "同意" : "不同意", "reviewDate", review == null ? "" : review.toString(), "comment", opinion));
        if (approved) {
            // the unit's 恢复整改 shows what it was granted: the review day (kept already) and the approvers' words
            execution.setVariable(VAR_SUSPENSION_DECISION_COMMENT, opinion);
            cooperation.caseSuspended(caseNo(execution));
            communityUpdates.suspended(execution, review);
        } else {
            // 不同意: no review day is asked for or checked (the form hides it), and the request's is over with it
            execution.removeVariable(VAR_SUSPENSION_REVIEW_DATE);
            execution.removeVariable(VAR_SUSPENSION_REVIEW_AT);
            recorded(execution, VAR_SUSPENSION_REASON);
        }
        // the approver's comment is on the case; left behind, it would fill the next approval's form
        recorded(execution, VAR_DECISION_COMMENT, VAR_SUSPENSION_REQUESTED_TEXT, VAR_SUSPENSION_LEAD_UNIT_NAME,
                VAR_SUSPENSION_CURRENT_DUE_TEXT);
    }

    public void resumed(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        Instant suspendedAt = cases.get(caseNo).suspendedAt();
        setDeadlines(execution, cases.resumed(caseNo, actor(), required(execution, VAR_RESUME_PLAN, "新的整改计划")));
        cooperation.caseResumed(caseNo, suspendedAt);
        cooperation.caseChanged(caseNo);
        // the 挂账 is over: its reason, review day and plan are on the case, and a later 挂账 starts from an empty form
        recorded(execution, VAR_SUSPENSION_REASON, VAR_SUSPENSION_REVIEW_DATE, VAR_SUSPENSION_REVIEW_AT, VAR_RESUME_PLAN,
                VAR_SUSPENSION_DECISION_COMMENT);
    }

    public void supervised(DelegateExecution execution) {
        cases.supervised(caseNo(execution), actor(), optional(execution, VAR_SUPERVISION_INSTRUCTION, "督办意见"));
    }

    /** 督办 received by message: who gave it travels with the message, as the API ran it on the system's behalf. */
    void supervisedFromAbove(DelegateExecution execution) {
        Object by = execution.getVariable(VAR_SUPERVISED_BY);
        Object from = execution.getVariable(VAR_SUPERVISION_FROM);
        cases.supervised(caseNo(execution), by == null ? null : by.toString(),
                (from == null ? "" : from + "：") + required(execution, VAR_SUPERVISION_NOTE, "督办意见"));
    }

    /**
     * 重新交办牵头单位: the case reopened goes back to its lead unit, which rectifies it again (no claim: it is its case) on
     * a new clock; the instance is given what a case's instance holds for its tasks and forms. Who reopened it and why
     * travel with the message, as the API ran it on the system's behalf. Whoever handed in the round it ends handles it
     * again ({@code caseHandler}, the assignee of 整改问题) if still of the lead unit, which stays the task's candidate.
     */
    void reopened(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        CaseRecord before = cases.get(caseNo);
        if (execution.getTenantId() != null && !before.tenantId().equals(execution.getTenantId())) {
            throw new IllegalStateException("案件 " + caseNo + " 不属于组织 " + execution.getTenantId() + "，不能在此重新打开");
        }
        Object by = execution.getVariable(VAR_REOPENED_BY);
        Deadlines d = cases.reopened(caseNo, execution.getProcessInstanceId(), by == null ? null : by.toString(),
                required(execution, VAR_REOPEN_REASON, "重新打开的理由"));
        cases.instanceVariables(before).forEach(execution::setVariable);
        execution.setVariable(VAR_LEAD_UNIT, before.leadUnit());
        execution.setVariable(VAR_CLAIMED, true);
        cases.lastSubmittedBy(caseNo).filter(handler -> before.leadUnit() != null && identityService.createUserQuery()
                .userId(handler).memberOfGroup(before.leadUnit()).count() > 0)
                .ifPresent(handler -> execution.setVariable(VAR_HANDLER, handler));
        execution.setVariable(VAR_REOPEN_COUNT, before.reopenCount() + 1);
        setDeadlines(execution, d);
    }

    public void verificationPassed(DelegateExecution execution) {
        notOwnRectification(execution);
        cases.verificationPassed(caseNo(execution), actor(), optional(execution, VAR_VERIFICATION_COMMENT, "核查意见"));
        recorded(execution, VAR_VERIFICATION_RESULT, VAR_VERIFICATION_COMMENT);
    }

    /** 核查未通过: counts the rework round, which also keys that round's notification. */
    public void verificationFailed(DelegateExecution execution) {
        notOwnRectification(execution);
        String caseNo = caseNo(execution);
        cases.verificationFailed(caseNo, actor(), required(execution, VAR_VERIFICATION_COMMENT, "核查意见"));
        execution.setVariable(VAR_REWORK_COUNT, cases.get(caseNo).reworkCount());
        // A new round starts blank (J20): the verdict and the round's 整改措施 are on the case's record and would otherwise
        // fill the next forms; the comment stays for 通知返工 and goes with the next hand-in ({@link #submitted}).
        recorded(execution, VAR_VERIFICATION_RESULT, VAR_MEASURES);
    }

    /**
     * Form fields the case's record now holds (rect_case_event), not kept as process variables: a form's answer that
     * routed the step, removed in the completion that set it, is never written (issue 13: an insert and a delete per
     * case); a request's or decision's fields, removed when the request is decided or over, so that the next request and
     * decision start from empty forms (J20).
     */
    private static void recorded(DelegateExecution execution, String... variables) {
        for (String variable : variables) {
            execution.removeVariable(variable);
        }
    }

    private static void setDeadlines(DelegateExecution execution, Deadlines d) {
        execution.setVariable(VAR_WARN_AT, Date.from(d.warnAt()));
        execution.setVariable(VAR_DUE_AT, Date.from(d.dueAt()));
        execution.setVariable(VAR_ESCALATE_AT, Date.from(d.escalateAt()));
    }

    private static String caseNo(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String required(DelegateExecution execution, String variable, String label) {
        String value = optional(execution, variable, label);
        if (TextInput.isBlank(value)) {
            throw FormInputRefused.of(variable, "请填写" + label);
        }
        return value.strip();
    }

    /** A text field of the form, which may be left empty but not hold control characters. */
    private static String optional(DelegateExecution execution, String variable, String label) {
        Object value = execution.getVariable(variable);
        String text = value == null ? null : value.toString();
        TextInput.problem(label, text, true).ifPresent(message -> {
            throw FormInputRefused.of(variable, message);
        });
        return text;
    }

    /** Refused to whoever handed the round in, at 核查 and at its claim ({@link VerifierClaimListener}). */
    static final String OWN_ROUND = "本轮整改结果由您提交，不能由您核查，请由其他核查人员核查";

    /**
     * 核查 is someone else's than the round's (s48 N4): not whoever handed the round in ({@code caseHandler}, as
     * {@link #submitted} keeps it), and, unless the inspectors are the lead unit itself (an office that leads the case:
     * the approvers may verify it too, see OrganizationRoles.verifiersOf), nobody of the lead unit, nor of a unit that
     * cooperates on the case (协办, s52 J12: 创建办's head verified the 规范占道经营 case his unit is responsible for). The
     * case's cooperating units are read only for a verifier who belongs to a unit beyond the organisation's roles.
     */
    private void notOwnRectification(DelegateExecution execution) {
        Authentication verifier = identityService.getCurrentAuthentication();
        if (verifier == null) {
            return;
        }
        verificationRefusal(execution, caseNo(execution), verifier.getUserId(), verifier.getGroupIds()).ifPresent(message -> {
            throw FormInputRefused.of(VAR_VERIFICATION_RESULT, message);
        });
    }

    /**
     * Why {@code user} (in {@code groups}) may not verify the case's round, if they may not: the rules of
     * {@link #notOwnRectification}, which {@link VerifierClaimListener} applies at the claim or assignment too (jxreview
     * s55 J16: 创建办's head claimed the 核查 of a case his unit cooperates on and only the completion refused him).
     */
    java.util.Optional<String> verificationRefusal(org.camunda.bpm.engine.delegate.VariableScope scope, String caseNo,
            String user, java.util.List<String> groups) {
        if (user.equals(scope.getVariable(VAR_HANDLER))) {
            return java.util.Optional.of(OWN_ROUND);
        }
        if (groups == null || groups.isEmpty()) {
            return java.util.Optional.empty();
        }
        String inspectors = roles.inspectors(scope);
        Object leadVariable = scope.getVariable(RectificationProcess.VAR_LEAD_UNIT);
        String unit = leadVariable == null ? null : leadVariable.toString();
        if (unit != null && !unit.equals(inspectors) && groups.contains(unit)) {
            return java.util.Optional.of("您是牵头单位（" + roles.groupName(unit)
                    + "）的人员，不能核查本单位的整改结果，请由其他核查人员核查");
        }
        // one group may hold several roles (锦溪镇's 推进小组办公室 is its office and its inspectors)
        java.util.Set<String> roleGroups = new java.util.HashSet<>(java.util.List.of(inspectors, roles.approvers(scope),
                roles.office(scope), roles.leading(scope)));
        java.util.List<String> units = groups.stream().filter(g -> !roleGroups.contains(g)).toList();
        if (units.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (String cooperating : cooperation.cooperatingUnits(caseNo)) {
            if (!cooperating.equals(inspectors) && units.contains(cooperating)) {
                return java.util.Optional.of("您是协办单位（" + roles.groupName(cooperating)
                        + "）的人员，不能核查本单位参与整改的案件，请由其他核查人员核查");
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Refuses a decider who made the request or belongs to the unit that asks (a task given to the office reaches one who
     * also heads the unit): an approved extension lifts the 超期 as an approved appeal does, and no one decides their own.
     */
    private void notOwnRequest(DelegateExecution execution, String decision, String requestedBy, String what) {
        Authentication decider = identityService.getCurrentAuthentication();
        if (decider == null) {
            return;
        }
        if (decider.getUserId().equals(requestedBy)) {
            throw FormInputRefused.of(decision, "本" + what + "由您提出，不能由您审批，请由其他审批人员审批");
        }
        String unit = leadUnit(execution);
        if (unit != null && decider.getGroupIds() != null && decider.getGroupIds().contains(unit)) {
            throw FormInputRefused.of(decision, "您是申请单位（" + roles.groupName(unit) + "）的人员，不能审批本单位的" + what
                    + "，请由其他审批人员审批");
        }
    }

    private static String leadUnit(DelegateExecution execution) {
        Object unit = execution.getVariable(RectificationProcess.VAR_LEAD_UNIT);
        return unit == null ? null : unit.toString();
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}

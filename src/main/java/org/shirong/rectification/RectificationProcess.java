package org.shirong.rectification;

/** Keys, element ids and variable names of {@code processes/RectificationProcess.bpmn} (整改案件). */
public final class RectificationProcess {

    public static final String KEY = "RectificationProcess";

    public static final String TASK_DISPATCH = "Task_DispatchCase";
    public static final String SUB_PROCESS_HANDLING = "SubProcess_Handling";
    public static final String TASK_CLAIM = "Task_ClaimCase";
    public static final String TASK_RECTIFY = "Task_RectifyProblem";
    public static final String TASK_REDISPATCH = "Task_RedispatchCase";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String TASK_APPROVE_SECOND_EXTENSION = "Task_ApproveSecondExtension";
    public static final String TASK_APPROVE_SUSPENSION = "Task_ApproveSuspension";
    public static final String TASK_RESUME = "Task_ResumeCase";
    public static final String TASK_SUPERVISE = "Task_SuperviseCase";
    public static final String TASK_VERIFY = "Task_VerifyRectification";
    public static final String TASK_CLOSE = "Task_CloseCase";
    public static final String TASK_NOTIFY_DISPATCHED = "Task_NotifyCaseDispatched";
    public static final String TASK_START_COOPERATION = "Task_StartCooperation";
    public static final String BOUNDARY_WARNING = "BoundaryEvent_WarningReached";
    public static final String BOUNDARY_DEADLINE = "BoundaryEvent_DeadlineReached";
    public static final String BOUNDARY_ESCALATION = "BoundaryEvent_EscalationReached";
    public static final String BOUNDARY_SUSPENSION_REVIEW = "BoundaryEvent_SuspensionReviewReached";
    public static final String TASK_NOTIFY_SUSPENSION_REVIEW = "Task_NotifySuspensionReview";
    public static final String END_SUSPENSION_REVIEW_NOTIFIED = "EndEvent_SuspensionReviewNotified";
    public static final String END_CLOSED = "EndEvent_CaseClosed";
    public static final String END_ALREADY_SUPERVISED = "EndEvent_AlreadySupervised";
    public static final String SUB_PROCESS_MERGED = "SubProcess_CaseMerged";
    public static final String TASK_CLOSE_MERGED = "Task_CloseMergedCase";
    public static final String TASK_NOTIFY_MERGED = "Task_NotifyCaseMerged";
    public static final String TASK_NOTIFY_COOPERATORS_MERGED = "Task_NotifyCooperatorsMerged";
    public static final String END_MERGED = "EndEvent_CaseMerged";
    public static final String SUB_PROCESS_VOIDED = "SubProcess_CaseVoided";
    public static final String TASK_VOID = "Task_VoidCase";
    public static final String TASK_NOTIFY_VOIDED = "Task_NotifyCaseVoided";
    public static final String TASK_NOTIFY_COOPERATORS_VOIDED = "Task_NotifyCooperatorsVoided";
    public static final String END_VOIDED = "EndEvent_CaseVoided";
    public static final String START_REOPENED = "StartEvent_CaseReopened";
    public static final String TASK_REOPEN = "Task_ReopenCase";
    public static final String TASK_NOTIFY_REOPENED = "Task_NotifyCaseReopened";

    /** The case's category, for the dispatch table only: transient, the case's record keeps it. */
    public static final String VAR_CATEGORY = "category";
    public static final String VAR_URGENCY = "urgency";
    /** The case's source, for the dispatch table only: transient, the case's record keeps it. */
    public static final String VAR_SOURCE = "source";
    public static final String VAR_DISPATCH = "dispatch";
    public static final String VAR_LEAD_UNIT = "leadUnit";
    public static final String VAR_CLAIMED = "claimed";
    /**
     * Who handles the case in its lead unit (user id): set when the unit claims it, and to whoever completed its 整改问题
     * or 恢复整改 when that was someone else. {@link CaseTaskListener} assigns the unit's later tasks of the case to them.
     */
    public static final String VAR_HANDLER = "caseHandler";
    public static final String VAR_WARN_AT = "warnAt";
    public static final String VAR_DUE_AT = "dueAt";
    public static final String VAR_ESCALATE_AT = "escalateAt";
    public static final String VAR_CLAIM_DECISION = "claimDecision";
    public static final String VAR_RETURN_REASON = "returnReason";
    /** Whether the dispatch table named a collective (各居委会) whose member unit the case does not tell: the office assigns it. */
    public static final String VAR_LEAD_UNDETERMINED = "leadUnitUndetermined";
    public static final String VAR_NEW_LEAD_UNIT = "newLeadUnit";
    /**
     * Set (true) only when a dispatch names the organisation's office, approvers or leading group among the 责任单位 of a
     * case another unit leads: they cooperate on it (协办), so 督办超期案件's routing reads the case's cooperating units
     * before it gives one of them the task (OrganizationRoles.supervisorsOf, F4). Never removed: a unit dropped on 重新派遣
     * stays a party. Unset on every other case, which carries no row for it; false only on a case dispatched before it was written,
     * whose cooperating units were read at its first deadline (diffreview-s57 R5).
     */
    public static final String VAR_SUPERVISORS_COOPERATE = "supervisorsCooperate";
    /**
     * The diagram's process property ({@code true}) that its dispatch writes {@link #VAR_SUPERVISORS_COOPERATE}: a case of
     * a diagram without it was dispatched before the flag, and its 督办超期案件's routing reads its cooperating units once
     * (CooperatingUnits, diffreview-s57 R5).
     */
    public static final String PROPERTY_FLAGS_SUPERVISORS = "supervisorsCooperateFlagged";
    public static final String VAR_RECTIFY_ACTION = "rectifyAction";
    public static final String VAR_MEASURES = "measures";
    public static final String VAR_PHOTO_BEFORE = "photoBefore";
    public static final String VAR_PHOTO_AFTER = "photoAfter";
    /**
     * Set when the case is registered: whether the campaign that found it requires a before photo at 整改
     * ({@code evidence.before-photo: required}); the form and {@link CaseSteps} refuse a submission without one.
     */
    public static final String VAR_BEFORE_PHOTO_REQUIRED = "beforePhotoRequired";
    public static final String VAR_EXTENSION_REASON = "extensionReason";
    public static final String VAR_EXTENSION_DUE = "extensionDue";
    /** The extension request's number in the case's current round: 1, its first, goes to the office (是否首次延期?). */
    public static final String VAR_EXTENSION_SEQ = "extensionSeq";
    public static final String VAR_EXTENSION_DUE_TEXT = "extensionDueText";
    public static final String VAR_EXTENSION_APPROVED = "extensionApproved";
    /** 审批延期申请's form (s53 T5): the 整改期限 the request would move, as shown (2026年12月18日 10:00). */
    public static final String VAR_EXTENSION_CURRENT_DUE_TEXT = "extensionCurrentDueText";
    /** 审批延期申请's form: which request of the round this is (首次延期申请, 第二次延期申请, …). */
    public static final String VAR_EXTENSION_REQUEST_KIND = "extensionRequestKind";
    /** The approval form's 此前的延期申请: the case's earlier requests and their decisions (jtreview s56 T15). */
    public static final String VAR_EXTENSION_HISTORY = "extensionHistory";
    /** 审批延期申请's form: how many working days the request adds to the 整改期限 (5 个工作日). */
    public static final String VAR_EXTENSION_DAYS_ADDED = "extensionDaysAdded";
    /** 审批延期申请's form: the lead unit that asks, by name. */
    public static final String VAR_EXTENSION_LEAD_UNIT_NAME = "extensionLeadUnitName";
    /** Notice to the approvers of an extension request (s53 T4). */
    public static final String TEMPLATE_EXTENSION_REQUESTED = "case-extension-requested";
    /** Notice to the lead unit of the decision on its extension request. */
    public static final String TEMPLATE_EXTENSION_DECIDED = "case-extension-decided";
    /** Notice to the approvers of a 挂账 request. */
    public static final String TEMPLATE_SUSPENSION_REQUESTED = "case-suspension-requested";
    /** Notice to the lead unit of the decision on its 挂账 request. */
    public static final String TEMPLATE_SUSPENSION_DECIDED = "case-suspension-decided";
    public static final String VAR_SUSPENSION_REASON = "suspensionReason";
    public static final String VAR_SUSPENSION_APPROVED = "suspensionApproved";
    /**
     * 复核日期 (预计恢复日期) of a 挂账: the day the unit asks for, which the approvers may change (yyyy-MM-dd; a future
     * working day within {@code shirong.rectification.suspension-review-max-days}); {@link #VAR_SUSPENSION_REVIEW_AT} is
     * that day's closing time, the 恢复整改 task's due date and the instant of 复核日期已到.
     */
    public static final String VAR_SUSPENSION_REVIEW_DATE = "suspensionReviewDate";
    public static final String VAR_SUSPENSION_REVIEW_AT = "suspensionReviewAt";
    /**
     * 审批挂账申请's read-only lines (jxreview-s60 J2), as 审批延期申请 shows its own: the 复核日期 the unit asked for
     * (2027年2月1日（星期一）), the lead unit by name and the 整改期限 the 挂账 would stop (with 已超期 when passed).
     */
    public static final String VAR_SUSPENSION_REQUESTED_TEXT = "suspensionRequestedText";
    public static final String VAR_SUSPENSION_LEAD_UNIT_NAME = "suspensionLeadUnitName";
    public static final String VAR_SUSPENSION_CURRENT_DUE_TEXT = "suspensionCurrentDueText";
    public static final String VAR_DECISION_COMMENT = "decisionComment";
    /**
     * The approvers' words on an approved 挂账 (or "（未写明）"), kept for the 恢复整改 task's description and form until the
     * case resumes: {@link #VAR_DECISION_COMMENT} is cleared with the approval (jxreview-s55 J15).
     */
    public static final String VAR_SUSPENSION_DECISION_COMMENT = "suspensionDecisionComment";
    public static final String VAR_RESUME_PLAN = "resumePlan";
    public static final String VAR_FIRST_OVERDUE = "firstOverdue";
    public static final String VAR_SUPERVISION_INSTRUCTION = "supervisionInstruction";
    /** 督办超期案件's read-only lines (the task's own variable): 牵头单位, 整改期限, 已超期, 通报名单 ({@link SupervisionFormListener}). */
    public static final String VAR_SUPERVISION_FACTS = "supervisionFacts";
    /**
     * Set with {@link #MESSAGE_CASE_SUPERVISED}: the instruction (apart from the 督办超期案件 form's field, which it
     * would otherwise fill in), who gave it (user id), as whom (a label), and an id that keys the notice, so that each
     * 督办 is told once even when two come in the same instant.
     */
    public static final String VAR_SUPERVISION_NOTE = "supervisionNote";
    public static final String VAR_SUPERVISED_BY = "supervisedBy";
    public static final String VAR_SUPERVISION_FROM = "supervisionFrom";
    public static final String VAR_SUPERVISION_ID = "supervisionId";
    /**
     * A 督办 came in (through the API, after {@link #MESSAGE_CASE_SUPERVISED}) while the office's 督办超期案件 waits: the
     * case is 督办'd, so BoundaryEvent_SupervisedAbove ends that task (supervisors' review s54 V13).
     */
    public static final String MESSAGE_SUPERVISED_ABOVE = "CaseSupervisedWhileOfficeWaits";
    public static final String EVENT_SUPERVISED_ABOVE = "BoundaryEvent_SupervisedAbove";
    /** 督办 of a case in handling, by its organisation's office or leaders or a district overseer. */
    public static final String MESSAGE_CASE_SUPERVISED = "CaseSupervised";
    /**
     * The office merges the case into another as a duplicate (合并关闭, {@link CaseMerges}): the event subprocess
     * SubProcess_CaseMerged ends whatever the case was at, given the case it is merged into, why, by whom (user id) and
     * whom to tell besides the lead unit (the reporter, as {@code user:<id>}; empty when there is none).
     */
    public static final String MESSAGE_CASE_MERGED = "CaseMerged";
    public static final String VAR_MERGED_INTO = "mergedInto";
    public static final String VAR_MERGE_REASON = "mergeReason";
    public static final String VAR_MERGED_BY = "mergedBy";
    public static final String VAR_MERGE_ALSO_TELL = "mergeAlsoTell";
    /**
     * The office voids the case (作废：不予立案或撤销, {@link CaseVoids}): the event subprocess SubProcess_CaseVoided ends
     * whatever the case was at, given why and by whom (user id).
     */
    public static final String MESSAGE_CASE_VOIDED = "CaseVoided";
    public static final String VAR_VOID_REASON = "voidReason";
    public static final String VAR_VOIDED_BY = "voidedBy";
    /** Transient, set by 作废案件 for 通知协办单位案件已作废: as {@link #VAR_MERGE_COOPERATORS}. */
    public static final String VAR_VOID_COOPERATORS = "voidCooperators";
    /**
     * The office reopens a closed case (重新打开, {@link CaseReopens}): a new instance starts at StartEvent_CaseReopened,
     * given why and by whom (user id); 重新交办牵头单位 puts the case back to its lead unit on a new clock and sets
     * {@link #VAR_REOPEN_COUNT} (how often it was reopened), which keys the notice of each reopening.
     */
    public static final String MESSAGE_CASE_REOPENED = "CaseReopened";
    public static final String VAR_REOPEN_REASON = "reopenReason";
    public static final String VAR_REOPENED_BY = "reopenedBy";
    public static final String VAR_REOPEN_COUNT = "reopenCount";
    /**
     * Transient, set by 关闭重复案件 for 通知协办单位案件已合并: the units whose cooperation the merge ended before they
     * recorded it, as {@code group:<id>} recipients, comma-separated; empty when there are none.
     */
    public static final String VAR_MERGE_COOPERATORS = "mergeCooperators";
    /**
     * Transient, set by 结案归档 for 通知案件已结案: the case's reporter ({@code user:<id>}) and its cooperating units
     * ({@code group:<id>}, the 属地 town's office among them), comma-separated; empty when there is no one to tell.
     */
    public static final String VAR_CLOSE_TELL = "closeTell";
    public static final String TEMPLATE_CASE_CLOSED = "case-closed";
    public static final String VAR_VERIFICATION_RESULT = "verificationResult";
    public static final String VAR_VERIFICATION_COMMENT = "verificationComment";
    /** How often verification failed so far; keys the 核查未通过 notification of each round. */
    public static final String VAR_REWORK_COUNT = "reworkCount";
    public static final String VAR_CASE_NO = "caseNo";
    public static final String VAR_TITLE = "caseTitle";
    public static final String VAR_ADDRESS = "caseAddress";
    public static final String VAR_DESCRIPTION = "caseDescription";
    /**
     * The case's 村/社区 by name, set at its dispatch (and by 更正) only when it has one, so that a case without costs no
     * variable: 认领案件 and the approval forms show it (jxreview-s60 J4), and the village is told when the case is 挂账 or
     * closed ({@link CommunityUpdates}).
     */
    public static final String VAR_CASE_COMMUNITY = "caseCommunity";
    /** Set when whoever reported the case (a meeting decision) named its lead unit: it overrides the decision table's. */
    public static final String VAR_DIRECTED_LEAD_UNIT = "directedLeadUnit";
    /**
     * Set when whoever reported the case (a campaign's plan item) named its responsible units (comma-separated
     * group ids): they take the decision table's place and each cooperates (协办).
     */
    public static final String VAR_DIRECTED_RESPONSIBLE_UNITS = "directedResponsibleUnits";
    /**
     * Set when the case was decided with a 期限 (a meeting decision; a day, yyyy-MM-dd): the case is due at the end of
     * that day instead of the decision table's limit, still no later than its campaign's plan allows ({@link DueBounds}).
     */
    public static final String VAR_DECIDED_DUE = "decidedDue";
    /**
     * Transient, set when a unit entered the case itself in its own campaign task ({@link RectificationCases.EnteredBy}):
     * the unit (group id) and the task's name. When 派遣案件 makes that unit the lead, the case is claimed at entry
     * ({@link #VAR_CLAIMED}, 是否已认领? 已认领) and goes to 整改问题 at once: the plan's 主动认领 is one act (sjreview F12).
     */
    public static final String VAR_ENTERED_BY_UNIT = "enteredByUnit";
    public static final String VAR_ENTERED_IN_TASK = "enteredInTask";

    /** The template of 通知牵头单位 (Task_NotifyCaseDispatched). */
    public static final String TEMPLATE_CASE_DISPATCHED = "case-dispatched";
    /** 【辖区问题】: a case in a 村/社区's area, to that 村/社区 ({@link CaseSteps#dispatched}). */
    public static final String TEMPLATE_CASE_IN_COMMUNITY = "case-in-community";
    /** 【辖区问题进展】: the 村/社区 told its case was 挂账, closed or corrected out of its area ({@link CommunityUpdates}). */
    public static final String TEMPLATE_CASE_COMMUNITY_UPDATE = "case-community-update";
    /** The digest an import sends each lead unit instead ({@link CaseImportBatches}). */
    public static final String TEMPLATE_CASES_IMPORTED = "cases-imported";
    /** The template of 通知牵头单位重新整改 (Task_NotifyCaseReopened). */
    public static final String TEMPLATE_CASE_REOPENED = "case-reopened";
    /** The template of 通知协办单位 (CaseCooperationProcess' Task_NotifyCooperation). */
    public static final String TEMPLATE_CASE_COOPERATION = "case-cooperation";
    /** The digest an import sends each cooperating unit instead ({@link CaseImportBatches}). */
    public static final String TEMPLATE_COOPERATIONS_IMPORTED = "cooperations-imported";

    public static final String CLAIM = "claim";
    public static final String RETURN = "return";
    public static final String SUBMIT = "submit";
    public static final String EXTENSION = "extension";
    public static final String SUSPENSION = "suspension";
    public static final String PASS = "pass";
    public static final String FAIL = "fail";

    private RectificationProcess() {
    }
}

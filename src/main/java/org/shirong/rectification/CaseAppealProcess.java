package org.shirong.rectification;

/**
 * Keys, element ids and variable names of {@code processes/CaseAppealProcess.bpmn} (考核申诉): one instance per case and
 * deduction, business key {@link #businessKey}, started by {@code POST /api/cases/{caseNo}/appeals} ({@link CaseAppeals}).
 * It shares the case's variable names ({@code caseNo}, {@code caseTitle}, {@code caseAddress}, {@code leadUnit}: the
 * appealing unit), so that its task is named after the case and the notice addresses the unit.
 */
public final class CaseAppealProcess {

    public static final String KEY = "CaseAppealProcess";

    public static final String START = "StartEvent_AppealFiled";
    public static final String TASK_REVIEW = "Task_ReviewAppeal";
    public static final String TASK_NOTIFY_APPROVED = "Task_NotifyAppealApproved";
    public static final String TASK_NOTIFY_REJECTED = "Task_NotifyAppealRejected";
    public static final String END_APPROVED = "EndEvent_AppealApproved";
    public static final String END_REJECTED = "EndEvent_AppealRejected";

    /** The deduction appealed ({@link Deduction}'s name) and its Chinese name for the form. */
    public static final String VAR_DEDUCTION = "appealDeduction";
    public static final String VAR_DEDUCTION_NAME = "appealDeductionName";
    /** The unit's 申诉理由. */
    public static final String VAR_REASON = "appealReason";
    /** The case as the reviewer needs it: lead unit, 整改期限, status, overdue, rework and return counts. */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    /** By when 审核考核申诉 is due (a {@link java.util.Date}): before the scores that count the deduction are saved. */
    public static final String VAR_REVIEW_DUE_AT = "appealReviewDueAt";
    /** The reviewer's decision: {@link #APPROVE} (核准) or {@link #REJECT} (驳回). */
    public static final String VAR_DECISION = "appealDecision";
    /** The reviewer's 审核意见, required when rejecting. */
    public static final String VAR_OPINION = "appealOpinion";
    /** Set when the decision is recorded: whether the appeal was approved (the gateway routes on it). */
    public static final String VAR_APPROVED = "appealApproved";

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    /** The template of both notices of the decision. */
    public static final String TEMPLATE_DECIDED = "case-appeal-decided";

    /** {@code JT-2026-000042/appeal-OVERDUE}: the case number, then the deduction appealed. */
    public static String businessKey(String caseNo, Deduction deduction) {
        return caseNo + "/appeal-" + deduction.name();
    }

    private CaseAppealProcess() {
    }
}

package org.shirong.campaign;

/** Keys, element ids and variable names of {@code processes/CampaignTaskProcess.bpmn} (活动任务). */
public final class CampaignTaskProcess {

    public static final String KEY = "CampaignTaskProcess";

    public static final String TASK_HANDLE = "Task_HandleCampaignTask";
    public static final String TASK_RECORD_FINDINGS = "Task_RecordFindings";
    public static final String TASK_CONFIRM_RECTIFICATION = "Task_ConfirmRectification";
    /** 书面报告整改情况: a unit named in a 通报 reports its rectification in writing (sjreview-s57 D9). */
    public static final String TASK_REPORT_NOTICE_RECTIFICATION = "Task_ReportNoticeRectification";
    public static final String TASK_REPORT_DONE = "Task_ReportTaskDone";
    public static final String END_TASK_DONE = "EndEvent_TaskDone";

    public static final String VAR_CAMPAIGN_CODE = "campaignCode";
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    public static final String VAR_TASK_ID = "campaignTaskId";
    public static final String VAR_TASK_NAME = "taskName";
    public static final String VAR_TASK_KIND = "taskKind";
    public static final String VAR_GROUP = "groupId";
    /** The groups that do the task together with {@link #VAR_GROUP} (the template's {@code with}), comma-separated; optional. */
    public static final String VAR_CO_GROUPS = "coGroups";
    public static final String VAR_DUE_AT = "dueAt";
    public static final String VAR_REQUIREMENT = "requirement";
    /** The organisation whose campaign set the task: a district's, for a task of a town taking part in it. */
    public static final String VAR_CAMPAIGN_ORGANIZATION = "campaignOrganization";
    /**
     * A 通报's 书面报告整改情况: the 通报 it answers ({@code /api/documents/…}), which the form links (szreview-s60 S2: a
     * district department named in it has no other page that opens it; every unit it names may read it).
     */
    public static final String VAR_NOTICE_URL = "noticeUrl";
    /** With {@link #VAR_NOTICE_URL}: the month's 月度工作报告 ({@code /api/documents/…}), once it is issued (szreview-s60 S2). */
    public static final String VAR_MONTHLY_REPORT_URL = "monthlyReportUrl";
    /** An inspection cycle's task that scores: the unit-score period its score sheets count for. */
    public static final String VAR_SCORE_PERIOD = "scorePeriod";
    /** Form: 办理情况. */
    public static final String VAR_RESULT = "result";
    /** Form: the findings, one per line ({@link FindingLines}); a JSON list of {title, address, category, description} also does. */
    public static final String VAR_FINDINGS = "findings";
    /** Optional on 录入发现的问题: the 社区（村、网格） of every finding whose line names none. */
    public static final String VAR_DEFAULT_COMMUNITY = "defaultCommunity";
    /** Form (checkpoint): whether every problem found earlier is rectified. */
    public static final String VAR_ALL_RECTIFIED = "allRectified";
    /** Form (checkpoint): why each case still open may stand when the office confirms all rectified, one per line: 案件编号｜理由. */
    public static final String VAR_OPEN_CASE_REASONS = "openCaseReasons";
    /** Set on a checkpoint task: the campaign's cases still open, as text. */
    public static final String VAR_OPEN_CASES = "openCases";
    /** Set on a findings task: the problem categories a finding may name, as text. */
    public static final String VAR_CATEGORY_LIST = "categoryList";

    /**
     * Form (一般任务): the files handed in, {@code attachment1}, {@code attachment2}, … (File variables), stored by
     * {@link CampaignAttachments}.
     */
    public static final String VAR_ATTACHMENT_PREFIX = "attachment";
    /** Set when the task is issued: whether its template requires an attachment ({@code evidence.attachments: required}). */
    public static final String VAR_ATTACHMENTS_REQUIRED = "attachmentsRequired";
    /** Set when the task is issued: the kinds of file it takes (comma-separated {@link AttachmentKind} ids). */
    public static final String VAR_ATTACHMENT_KINDS = "attachmentKinds";

    /** How the task is done: {@code taskKind}. */
    public enum Kind {
        /** Done and reported in words (办理情况). */
        TASK,
        /** Problems found are listed one by one; each becomes a rectification case. */
        FINDINGS,
        /** The office confirms that the campaign's cases so far are rectified. */
        CHECKPOINT,
        /** A unit named in a 通报 reports in writing how it rectified (办理情况 and attachments), {@link NoticeReplyTasks}. */
        NOTICE_REPLY
    }

    private CampaignTaskProcess() {
    }
}

package org.shirong.meeting;

/** Keys, element ids and variable names of {@code processes/JointMeetingProcess.bpmn} (工作例会). */
public final class JointMeetingProcess {

    public static final String KEY = "JointMeetingProcess";

    public static final String TASK_GENERATE_AGENDA = "Task_GenerateAgenda";
    public static final String TASK_ISSUE_MEETING_NOTICE = "Task_IssueMeetingNotice";
    public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
    public static final String TASK_GENERATE_MINUTES = "Task_GenerateMinutes";
    public static final String TASK_CARRY_OUT_DECISIONS = "Task_CarryOutDecisions";
    public static final String TASK_ISSUE_NOTICE = "Task_IssueNotice";
    public static final String TASK_SEND_NOTICE = "Task_SendNotice";
    public static final String END_NOTICE_SENT = "EndEvent_NoticeSent";
    public static final String END_DECISIONS_CARRIED_OUT = "EndEvent_DecisionsCarriedOut";

    /** Start variables (the business key is the campaign code). */
    public static final String VAR_CAMPAIGN_CODE = "campaignCode";
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    public static final String VAR_CYCLE_ID = "cycleId";
    public static final String VAR_MEETING_NAME = "meetingName";
    public static final String VAR_ORGANISER_GROUP = "organiserGroup";
    /** A {@link java.util.Date}. */
    public static final String VAR_MEETING_AT = "meetingAt";
    /** A period code (2026-05, 2026-Q2, 2026); blank or missing: the month before the meeting. */
    public static final String VAR_SCORE_PERIOD = "scorePeriod";
    /** Where the meeting is held (地点), as the template gives it; blank when it gives none. */
    public static final String VAR_PLACE = "place";

    /** Set by 生成会议议程. */
    public static final String VAR_AGENDA_URL = "agendaUrl";
    /** The meeting's name with its day, 工作例会（2026年11月20日）: the record task is named after it. */
    public static final String VAR_MEETING_TITLE = "meetingTitle";
    public static final String VAR_HAS_NAMED_UNITS = "hasNamedUnits";
    /** Why the meeting's agenda ranks and names no unit (its cycle's score-phases have no day in the period), or absent. */
    public static final String VAR_UNRANKED = org.shirong.report.MeetingDocuments.UNRANKED_VARIABLE;
    public static final String VAR_RECORD_DUE_AT = "recordDueAt";
    public static final String VAR_UNIT_OPTIONS = "unitOptions";
    public static final String VAR_CATEGORY_OPTIONS = "categoryOptions";
    /** The unit and category names the record form lists for the 决定事项 lines, joined with 、. */
    public static final String VAR_UNIT_NAMES = "unitNames";
    public static final String VAR_CATEGORY_NAMES = "categoryNames";
    public static final String VAR_PARTICIPANTS = "participantRecipients";

    /** Entered in 召开会议并记录 ({@code forms/JointMeetingRecord.form}). */
    public static final String VAR_MINUTES = "minutes";
    public static final String VAR_ATTENDEES = "attendees";
    /**
     * 决定事项: the form's textarea, one decision a line ({@code 责任单位 ｜ 决定事项 ｜ 期限 ｜ 问题类别 ｜ 地点}, see
     * {@link DecisionLines}); a REST client may send a structured Json list instead.
     */
    public static final String VAR_DECISIONS = "decisions";
    /**
     * Set when the record is accepted: the decisions read and resolved (a Json list of content, kind, unit group
     * id, due day, category code, address), how many 落实会议决定 carries out, and by whom they were recorded.
     */
    public static final String VAR_RECORDED_DECISIONS = "recordedDecisions";
    public static final String VAR_DECISION_COUNT = "decisionCount";
    public static final String VAR_RECORDED_BY = "recordedBy";

    public static final String VAR_MINUTES_URL = "minutesUrl";
    public static final String VAR_NOTICE_URL = "noticeUrl";
    public static final String VAR_NOTICE_TITLE = "noticeTitle";
    public static final String VAR_NOTICE_DETAIL = "noticeDetail";

    /** Decision kinds: a line with a 问题类别 becomes a case, one without a work assignment. */
    public static final String KIND_CASE = "CASE";
    public static final String KIND_ASSIGNMENT = "ASSIGNMENT";
    /** A decision to 通报 a unit with a reason (通报｜单位｜原因): the campaign's next 通报 names it. */
    public static final String KIND_NOTICE = "NOTICE";

    private JointMeetingProcess() {
    }
}

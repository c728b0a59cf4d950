package org.shirong.meeting;

/** Keys, element ids and variable names of {@code processes/AdHocMeetingProcess.bpmn} (临时会议). */
public final class AdHocMeetingProcess {

    public static final String KEY = "AdHocMeetingProcess";

    public static final String TASK_GENERATE_AGENDA = "Task_GenerateAdHocAgenda";
    public static final String TASK_ISSUE_MEETING_NOTICE = "Task_IssueAdHocMeetingNotice";
    public static final String TASK_HOLD_MEETING = "Task_HoldAdHocMeeting";
    public static final String TASK_GENERATE_MINUTES = "Task_GenerateAdHocMinutes";
    public static final String TASK_CARRY_OUT_DECISIONS = "Task_CarryOutAdHocDecisions";
    public static final String END_MEETING_RECORDED = "EndEvent_AdHocMeetingRecorded";

    /** Entered in the start form ({@code forms/AdHocMeetingStart.form}). */
    public static final String VAR_MEETING_NAME = "meetingName";
    /** The form's {@code 2026-12-10T14:00} in the organisation's time zone; a {@link java.util.Date} once the call is accepted. */
    public static final String VAR_MEETING_AT = "meetingAt";
    public static final String VAR_PLACE = "place";
    /** 议程: one item a line. */
    public static final String VAR_AGENDA = "agenda";
    /** The attending units' group ids (a Json list). */
    public static final String VAR_ATTENDEE_UNITS = "attendeeUnits";
    /**
     * 所属活动 (optional): the code of the organisation's running campaign the meeting's decisions count for, its cases
     * and work assignments that campaign's and its minutes among its documents; blank or {@link #NO_CAMPAIGN} for none.
     * The start form offers the running campaigns when it is opened ({@link AdHocMeetingCampaigns}).
     */
    public static final String VAR_CAMPAIGN = "campaign";
    /** The start form's 不属于活动. */
    public static final String NO_CAMPAIGN = "none";
    /** Set when the call is accepted with a campaign: its name (the 交办's notice names it, as a 例会's). */
    public static final String VAR_CAMPAIGN_NAME = JointMeetingProcess.VAR_CAMPAIGN_NAME;

    /** Set when the call is accepted. */
    public static final String VAR_ORGANISER_GROUP = "organiserGroup";
    public static final String VAR_PARTICIPANTS = "participantRecipients";
    public static final String VAR_ATTENDEE_NAMES = "attendeeNames";
    public static final String VAR_RECORD_DUE_AT = "recordDueAt";
    public static final String VAR_MEETING_TIME = "meetingTime";

    /** Set by 生成会议通知: the address of the notice with the agenda, the organisation's document. */
    public static final String VAR_AGENDA_URL = "agendaUrl";

    /**
     * Set by 生成会议通知: the units (the organisation's, and a district's towns' offices) and categories the record offers
     * for its 决定事项, as Json options and as names for the form's help.
     */
    public static final String VAR_UNIT_OPTIONS = JointMeetingProcess.VAR_UNIT_OPTIONS;
    public static final String VAR_CATEGORY_OPTIONS = JointMeetingProcess.VAR_CATEGORY_OPTIONS;

    /** Entered in 召开会议并记录 ({@code forms/AdHocMeetingRecord.form}). */
    public static final String VAR_MINUTES = "minutes";
    /**
     * 决定事项, as the 工作例会's ({@link JointMeetingProcess#VAR_DECISIONS}, read by {@link DecisionLines}): one a line, a line
     * with a 问题类别 becomes a case, one without a work assignment; a district's may give a town work.
     */
    public static final String VAR_DECISIONS = JointMeetingProcess.VAR_DECISIONS;
    /** Set when the record is accepted ({@link MeetingRecordedListener}): the decisions read and how many to carry out. */
    public static final String VAR_RECORDED_DECISIONS = JointMeetingProcess.VAR_RECORDED_DECISIONS;
    public static final String VAR_DECISION_COUNT = JointMeetingProcess.VAR_DECISION_COUNT;
    /** Set by 生成会议纪要: the address of the minutes, the organisation's document. */
    public static final String VAR_MINUTES_URL = "minutesUrl";

    private AdHocMeetingProcess() {
    }
}

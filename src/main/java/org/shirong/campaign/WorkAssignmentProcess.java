package org.shirong.campaign;

/** Keys, element ids and variable names of {@code processes/WorkAssignmentProcess.bpmn} (工作交办). */
public final class WorkAssignmentProcess {

    public static final String KEY = "WorkAssignmentProcess";

    public static final String TASK_HANDLE_ASSIGNMENT = "Task_HandleAssignment";
    public static final String TASK_REVIEW_RESULT = "Task_ReviewResult";
    public static final String END_COMPLETED = "EndEvent_AssignmentCompleted";

    public static final String VAR_TITLE = "title";
    public static final String VAR_UNIT_GROUP = "unitGroup";
    public static final String VAR_REQUIREMENT = "requirement";
    public static final String VAR_DUE_DATE = "dueDate";
    /** A meeting's decision: the meeting that decided it, named in the unit's notice. */
    public static final String VAR_MEETING_NAME = "meetingName";
    /** A meeting's decision: the campaign of the meeting. */
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    public static final String VAR_HANDLING_RESULT = "handlingResult";
    public static final String VAR_HANDLED = "handled";
    public static final String VAR_REVIEW_RESULT = "reviewResult";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";

    public static final String REVIEW_PASS = "pass";
    public static final String REVIEW_RETURN = "return";

    private WorkAssignmentProcess() {
    }
}

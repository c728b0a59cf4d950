package org.shirong.campaign;

/** Keys, element ids and variable names of {@code processes/WorkAssignmentProcess.bpmn} (工作交办). */
public final class WorkAssignmentProcess {

    public static final String KEY = "WorkAssignmentProcess";

    public static final String TASK_HANDLE_ASSIGNMENT = "Task_HandleAssignment";
    public static final String TASK_REVIEW_RESULT = "Task_ReviewResult";
    public static final String END_COMPLETED = "EndEvent_AssignmentCompleted";
    /** Work a district hands to one of its towns, done in the town's own organisation by this process there. */
    public static final String CALL_TOWN_HANDLES = "CallActivity_TownHandlesAssignment";
    public static final String END_TOWN_COMPLETED = "EndEvent_TownAssignmentCompleted";
    /** Work a town has finished for the district: the district's office is told, with the result (【交办办结】). */
    public static final String TASK_NOTIFY_DONE = "Task_NotifyAssignmentDone";

    public static final String VAR_TITLE = "title";
    public static final String VAR_UNIT_GROUP = "unitGroup";
    public static final String VAR_REQUIREMENT = "requirement";
    public static final String VAR_DUE_DATE = "dueDate";
    /** A meeting's decision: the meeting that decided it, named in the unit's notice. */
    public static final String VAR_MEETING_NAME = "meetingName";
    /** The start form's 所属活动: a running campaign's code, or {@link #NO_CAMPAIGN}; the work's business key when a campaign. */
    public static final String VAR_CAMPAIGN = "campaign";
    public static final String NO_CAMPAIGN = "none";
    /** A meeting's decision, or the start form's 所属活动: the campaign's name. */
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    /** Work from the district in a town's process: the district's office that handed it, named in the town's notices. */
    public static final String VAR_ASSIGNED_BY = "assignedBy";
    /** Work from the district in a town's process: the district office's group, told too when the work is overdue. */
    public static final String VAR_ASSIGNED_BY_GROUP = "assignedByGroup";
    public static final String VAR_HANDLING_RESULT = "handlingResult";
    public static final String VAR_HANDLED = "handled";
    /**
     * Set when 办理交办事项 is done: the names of the photos and files handed in so far ({@link WorkAssignmentFiles}), shown
     * on 审阅办理结果; the files themselves are in {@code work_assignment_attachment}, not in the process.
     */
    public static final String VAR_ATTACHMENT_NAMES = "attachmentNames";
    /**
     * Set with {@link #VAR_ATTACHMENT_NAMES}: the same files as Json {@code [{"id": 12, "name": "整治后.jpg"}]}, which the
     * 办理交办事项 form links to their downloads ({@code /shirong/work-assignments/files/{id}}) when the work comes back for 重办.
     */
    public static final String VAR_HANDED_IN_FILES = "handedInFiles";
    public static final String VAR_REVIEW_RESULT = "reviewResult";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";

    /** How often the office has returned the work (退回重办), set at each return. */
    public static final String VAR_RETURN_COUNT = "returnCount";
    /** What the unit had handed in when the office returned it, shown on the redo form. */
    public static final String VAR_RETURNED_RESULT = "returnedResult";
    /** Who completed 办理交办事项 last: the redo goes back to that person. */
    public static final String VAR_HANDLED_BY = "handledBy";
    public static final String TASK_NOTIFY_RETURNED = "Task_NotifyAssignmentReturned";

    public static final String REVIEW_PASS = "pass";
    public static final String REVIEW_RETURN = "return";

    private WorkAssignmentProcess() {
    }
}

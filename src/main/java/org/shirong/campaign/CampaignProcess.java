package org.shirong.campaign;

/** Keys, element ids, messages and variable names of {@code processes/CampaignProcess.bpmn} (创建活动). */
public final class CampaignProcess {

    public static final String KEY = "CampaignProcess";

    public static final String TIMER_CYCLE_DUE = "TimerEvent_CycleDue";
    public static final String TASK_CONVENE_MEETING = "Task_ConveneMeeting";
    public static final String TASK_CALCULATE_CYCLE_SCORES = "Task_CalculateCycleScores";
    public static final String TASK_ISSUE_CYCLE_TASKS = "Task_IssueCycleTasks";
    public static final String TASK_CLOSE_CAMPAIGN = "Task_CloseCampaign";
    public static final String END_CAMPAIGN_ENDED = "EndEvent_CampaignEnded";
    public static final String END_CYCLE_FINISHED = "EndEvent_CycleFinished";

    public static final String VAR_TEMPLATE = "template";
    public static final String VAR_CAMPAIGN_CODE = "campaignCode";
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    /** Optional start-form field: the first day of the first phase (yyyy-MM-dd); empty = today. */
    public static final String VAR_START_DATE = "startDate";
    /** Optional, from {@code POST /api/campaigns}: the request's {@code dates} as JSON. */
    public static final String VAR_DATES = "dates";
    public static final String VAR_PHASE_NO = "phaseNo";
    public static final String VAR_OPEN_TASK_COUNT = "openTaskCount";
    public static final String VAR_OPEN_WORK_COUNT = "openWorkCount";
    public static final String VAR_OPEN_WORK_LIST = "openWorkList";
    public static final String VAR_CYCLE_ID = "cycleId";
    public static final String VAR_CYCLE_KIND = "cycleKind";
    public static final String VAR_CYCLE_RUNS_AGAIN = "cycleRunsAgain";
    public static final String VAR_NEXT_RUN_AT = "nextRunAt";
    /** The unit-score period the run calculates (a code such as 2026-11), or null. */
    public static final String VAR_SCORE_PERIOD = "scorePeriod";

    private CampaignProcess() {
    }

    /** The sub-process of phase {@code no} (1–3). */
    public static String phase(int no) {
        return "SubProcess_Phase" + no;
    }

    public static String phaseEndTimer(int no) {
        return "TimerEvent_Phase" + no + "EndReached";
    }

    public static String awaitPhaseTasks(int no) {
        return "ReceiveTask_AwaitPhase" + no + "Tasks";
    }

    public static String summariseOpenWork(int no) {
        return "Task_SummarisePhase" + no + "OpenWork";
    }

    public static String notifyOpenWork(int no) {
        return "Task_NotifyPhase" + no + "OpenWork";
    }

    /** The message the last task of phase {@code no} sends when it is done. */
    public static String phaseTasksDoneMessage(int no) {
        return "CampaignPhase" + no + "TasksDone";
    }

    public static String phaseStartTimer(int no) {
        return "TimerEvent_Phase" + no + "StartReached";
    }

    public static String varPhaseStart(int no) {
        return "phase" + no + "Start";
    }

    public static String varPhaseEnd(int no) {
        return "phase" + no + "End";
    }

    public static String varPhaseName(int no) {
        return "phase" + no + "Name";
    }
}

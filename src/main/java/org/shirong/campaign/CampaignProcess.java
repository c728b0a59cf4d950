package org.shirong.campaign;

/** Keys, element ids, messages and variable names of {@code processes/CampaignProcess.bpmn} (开展活动). */
public final class CampaignProcess {

    public static final String KEY = "CampaignProcess";

    public static final String TIMER_CYCLE_DUE = "TimerEvent_CycleDue";
    public static final String TASK_CONVENE_MEETING = "Task_ConveneMeeting";
    public static final String TASK_CALCULATE_CYCLE_SCORES = "Task_CalculateCycleScores";
    public static final String TASK_ISSUE_CYCLE_TASKS = "Task_IssueCycleTasks";
    public static final String TASK_CLOSE_CAMPAIGN = "Task_CloseCampaign";
    public static final String END_CAMPAIGN_ENDED = "EndEvent_CampaignEnded";
    public static final String TIMER_LAST_MONTH_OVER = "TimerEvent_LastMonthOver";
    public static final String TASK_ISSUE_LAST_MONTH_NOTICE = "Task_IssueLastMonthNotice";
    public static final String END_LAST_MONTH_NOTICED = "EndEvent_LastMonthNoticed";
    public static final String END_CYCLE_FINISHED = "EndEvent_CycleFinished";

    public static final String VAR_TEMPLATE = "template";
    public static final String VAR_CAMPAIGN_CODE = "campaignCode";
    public static final String VAR_CAMPAIGN_NAME = "campaignName";
    /** Optional start-form field: the first day of the first phase (yyyy-MM-dd); empty = today. */
    public static final String VAR_START_DATE = "startDate";
    /** Optional, from {@code POST /api/campaigns}: the request's {@code dates} as JSON. */
    public static final String VAR_DATES = "dates";
    /** Start form: the office has read the phase dates and calendar warnings the form listed (已核对各阶段日期). */
    public static final String VAR_PHASES_CONFIRMED = "phasesConfirmed";
    public static final String VAR_PHASE_NO = "phaseNo";
    public static final String VAR_OPEN_TASK_COUNT = "openTaskCount";
    public static final String VAR_OPEN_WORK_COUNT = "openWorkCount";
    public static final String VAR_OPEN_WORK_LIST = "openWorkList";
    public static final String VAR_CYCLE_ID = "cycleId";
    public static final String VAR_CYCLE_KIND = "cycleKind";
    public static final String VAR_CYCLE_RUNS_AGAIN = "cycleRunsAgain";
    /** When the cycle's timer fires next: when the run is held, or ahead of a meeting, when its notice goes out. */
    public static final String VAR_NEXT_RUN_AT = "nextRunAt";
    /** The time the cycle's cron named for that run; what a report or assessment is about follows its day. */
    public static final String VAR_NEXT_RUN_PLANNED_AT = "nextRunPlannedAt";
    /** When that run is held: the planned time, moved to a working day. */
    public static final String VAR_NEXT_RUN_HELD_AT = "nextRunHeldAt";
    /** The unit-score period the run calculates (a code such as 2026-11), or null. */
    public static final String VAR_SCORE_PERIOD = "scorePeriod";
    /**
     * Set at the campaign's end: when the final 通报 and 月度工作报告 of the month it ended in before the month was over are
     * issued (the month's assessment of 上月, after it), or null when there is no such month.
     */
    public static final String VAR_LAST_MONTH_NOTICE_AT = "lastMonthNoticeAt";

    /** The multi-instance sub-process 活动阶段: one inner instance per phase of the campaign, one after the other. */
    public static final String PHASE = "SubProcess_Phase";
    public static final String PHASE_TASKS = "SubProcess_PhaseTasks";
    public static final String TIMER_PHASE_START = "TimerEvent_PhaseStartReached";
    public static final String TIMER_PHASE_END = "TimerEvent_PhaseEndReached";
    public static final String AWAIT_PHASE_TASKS = "ReceiveTask_AwaitPhaseTasks";
    public static final String SUMMARISE_OPEN_WORK = "Task_SummarisePhaseOpenWork";
    public static final String NOTIFY_OPEN_WORK = "Task_NotifyPhaseOpenWork";
    public static final String END_PHASE_NOTHING_OPEN = "EndEvent_PhaseNothingOpen";

    /** Local to each phase's inner instance of {@link #PHASE}: the phase's name, start and end. */
    public static final String VAR_PHASE_NAME = "phaseName";
    public static final String VAR_PHASE_START = "phaseStart";
    public static final String VAR_PHASE_END = "phaseEnd";
    /** Set by 汇总遗留工作: whether the phase that ended was the campaign's last. */
    public static final String VAR_OPEN_WORK_AT_CAMPAIGN_END = "openWorkAtCampaignEnd";

    private CampaignProcess() {
    }

    /** The message the last task of phase {@code no} sends when it is done (the diagram's {@code CampaignPhase${phaseNo}TasksDone}). */
    public static String phaseTasksDoneMessage(int no) {
        return "CampaignPhase" + no + "TasksDone";
    }

    /*
     * phaseNStart, phaseNEnd and phaseNName: process variables that list every phase of the campaign at once, as
     * version 1 of the diagram (three phases drawn one by one) reads them; instances of it still running keep working.
     */
    public static String varPhaseStart(int no) {
        return "phase" + no + "Start";
    }

    public static String varPhaseEnd(int no) {
        return "phase" + no + "End";
    }

    /**
     * The start form's field for the last day of phase {@code no} the office sets (optional, {@code phase1LastDay}; not
     * {@code phase1End}, the instant the phase ends, which the campaign sets itself).
     */
    public static String varPhaseLastDay(int no) {
        return "phase" + no + "LastDay";
    }

    public static String varPhaseName(int no) {
        return "phase" + no + "Name";
    }
}

package org.shirong.zone;

/** Keys, element ids and variable names of {@code processes/ZoneEnforcementProcess.bpmn} (门责处置). */
public final class ZoneEnforcementProcess {

    static final String KEY = "ZoneEnforcementProcess";
    /** The business key of a breach's process: {@code breach-<id>}. */
    static final String BUSINESS_KEY_PREFIX = "breach-";

    static final String START = "StartEvent_BreachFound";
    static final String TASK_DETERMINE_START = "Task_DetermineLadderStart";
    static final String TASK_RECORD_STEP = "Task_RecordLadderStep";
    static final String TASK_NOTIFY_HOLDER = "Task_NotifyHolder";
    static final String EVENT_DEADLINE = "Event_RectifyDeadlineReached";
    static final String TASK_RECHECK = "Task_RecheckZone";
    static final String TASK_CLOSE = "Task_CloseBreach";
    static final String TASK_HAND_OVER = "Task_HandOverToEnforcement";
    static final String END_COMPLIED = "EndEvent_Complied";
    static final String END_HANDED_OVER = "EndEvent_HandedOver";

    static final String VAR_BREACH_ID = "breachId";
    static final String VAR_ZONE_ID = "zoneId";
    static final String VAR_ZONE_NO = "zoneNo";
    static final String VAR_HOLDER_NAME = "holderName";
    static final String VAR_ZONE_ADDRESS = "zoneAddress";
    /** The group that tells the holder (the zone's owner group: 居委会, 物业, 市场). */
    static final String VAR_OWNER_GROUP = "ownerGroup";
    /** What the inspection that opened the breach found, for the forms. */
    static final String VAR_BREACH_ITEMS = "breachItems";
    static final String VAR_START_LEVEL = "startLevel";
    /** The current step: 1 告知劝导, 2 黄牌, 3 红牌. */
    static final String VAR_LADDER_LEVEL = "ladderLevel";
    static final String VAR_LADDER_STEP_NAME = "ladderStepName";
    /** The current step's 整改期限 (a Date, the timer's), and as the forms show it. */
    static final String VAR_RECTIFY_DUE_AT = "rectifyDueAt";
    static final String VAR_RECTIFY_DUE_TEXT = "rectifyDueText";
    static final String VAR_ADVISED_PERSON = "advisedPerson";
    static final String VAR_ADVICE_NOTE = "adviceNote";
    /** The recheck's answer: {@link #YES} or {@link #NO}. */
    static final String VAR_COMPLIED = "complied";
    static final String VAR_RECHECK_NOTE = "recheckNote";
    static final String VAR_RECHECK_PHOTO = "recheckPhoto";

    static final String YES = "yes";
    static final String NO = "no";

    private ZoneEnforcementProcess() {
    }

    static String businessKey(long breachId) {
        return BUSINESS_KEY_PREFIX + breachId;
    }
}

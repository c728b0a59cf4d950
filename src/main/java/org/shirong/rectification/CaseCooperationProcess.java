package org.shirong.rectification;

/**
 * Keys, element ids and variable names of {@code processes/CaseCooperationProcess.bpmn} (协办): one
 * instance per case and cooperating unit, business key {@link #businessKey} (the case number and the unit, so
 * that the case's own process stays the only one under the case number); the case number is its
 * {@code caseNo} variable.
 */
public final class CaseCooperationProcess {

    public static final String KEY = "CaseCooperationProcess";

    public static final String START = "StartEvent_CooperationAssigned";
    public static final String TASK_NOTIFY = "Task_NotifyCooperation";
    public static final String TASK_RECORD = "Task_RecordCooperation";
    public static final String BOUNDARY_CASE_CLOSED = "BoundaryEvent_CaseClosed";
    public static final String END_RECORDED = "EndEvent_CooperationRecorded";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosedFirst";
    /** The message a closing case sends to its open cooperations (Message_CaseClosed). */
    public static final String MESSAGE_CASE_CLOSED = "CaseClosed";

    /** The cooperating unit's group id: the record task's candidate group and the notice's recipient. */
    public static final String VAR_PARTY_UNIT = "partyUnit";
    /** Why the unit cooperates: {@link CaseParties.Reason} RESPONSIBLE or TERRITORY (the notice's wording). */
    public static final String VAR_PARTY_REASON = "partyReason";
    /**
     * True on a 属地 town's cooperation (partyReason TERRITORY, or asked again after 属地无误): the diagram lets its office hand
     * 记录协办情况 to anyone of the town ({@code handOverWithinOrganisation="territoryParty=true"}, sjreview-s57 D11).
     */
    public static final String VAR_TERRITORY_PARTY = "territoryParty";
    /** What the unit did (协办情况), or why no cooperation was needed, or which town the problem lies in, from the form. */
    public static final String VAR_NOTE = "cooperationNote";
    /** The unit's answer, a {@link CaseParties.Outcome} name: COOPERATED, NOT_NEEDED or NOT_TERRITORY (属地 only). */
    public static final String VAR_OUTCOME = "cooperationOutcome";
    /** An optional photo of what the unit did (a File variable, with {@code …TakenAt} and {@code …Location} beside it). */
    public static final String VAR_PHOTO = "cooperationPhoto";
    /** The district's office is told that the 属地 town answered 非本镇属地, so that it corrects the 属地. */
    public static final String TEMPLATE_TERRITORY_DISPUTED = "case-territory-disputed";
    /** The case's lead unit is told that its 属地 is being checked by the office (sjreview-s57 D14). */
    public static final String TEMPLATE_TERRITORY_RECHECKED = "case-territory-rechecked";
    /**
     * The lead unit's name for the form (牵头单位), with its organisation's when that is not the cooperating unit's own:
     * 区绿化市容局（松江区） on a town's 属地 cooperation. Written when 记录协办情况 is created.
     */
    public static final String VAR_LEAD_UNIT_NAME = "leadUnitName";
    /** The case's 整改期限 as the form shows it (2026年3月4日 17:00 in the cooperating organisation's zone). */
    public static final String VAR_DUE_TEXT = "caseDueText";

    /** {@code JT-2026-000042/zongguan}: the case number, then the cooperating unit. */
    public static String businessKey(String caseNo, String unit) {
        return caseNo + "/" + unit;
    }

    private CaseCooperationProcess() {
    }
}

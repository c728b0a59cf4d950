package org.shirong.rectification;

import static org.shirong.rectification.RectificationProcess.*;
import static org.shirong.system.ChineseDates.DAY;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.system.TaskNames;
import org.springframework.stereotype.Component;
import org.shirong.system.TextInput;

/**
 * Create and complete listener of every user task of a case ({@code RectificationProcess}, {@code CaseCooperationProcess}),
 * so that a Tasklist row says which case it is: 整改问题 · JT-2026-000012 · 人行道堆物 · 沪亭北路 88 号. Reads the
 * variables the instance already has (and, on a 协办's start job, its party's due date) and sets the task's own fields
 * before its row is first written:
 * <ul>
 * <li>name: the diagram's name (kept short there for Modeler and Cockpit) with case number, short title and address;
 * 记录协办情况 also with the cooperating unit: 记录协办情况（环卫所） · JT-2026-000012 · …;</li>
 * <li>description: the whole title, address, urgency and 整改期限 (on 恢复整改 instead the approved 复核日期 and the
 * approvers' words, the clock being stopped); on 记录协办情况 also the lead unit (牵头单位), which the
 * form shows too, with the 整改期限, from two variables written here ({@link CaseCooperationProcess#VAR_LEAD_UNIT_NAME},
 * {@link CaseCooperationProcess#VAR_DUE_TEXT}): a cooperating unit, a town's office above all on a district's case, sees
 * whom it works with and by when;</li>
 * <li>priority: {@link #URGENT_PRIORITY} for an urgent case, so Tasklist's 优先级 sort puts them first;</li>
 * <li>follow-up date: the case's 黄灯 instant ({@code warnAt}) on tasks due by the case's clock (认领案件, 整改问题), so the list
 * can show the traffic light (红 past the due date, 黄 past the follow-up date); not on those with deadlines of their own
 * (核查, the approvals, 督办);</li>
 * <li>assignee of 整改问题 and 恢复整改: whoever handles the case ({@code caseHandler}: who claimed it, or the last one who
 * worked its 整改), so one claim carries through; the unit stays a candidate and can hand it on.</li>
 * </ul>
 * On completion of those two tasks it records who worked them as the handler, only when that changed (a colleague or
 * the unit head took it over).
 */
@Component("caseTaskListener")
class CaseTaskListener implements TaskListener {

    static final int URGENT_PRIORITY = 80;
    static final int NORMAL_PRIORITY = 50;
    private static final int SHORT_TITLE = 16;
    private static final int SHORT_ADDRESS = 20;
    private static final String SEPARATOR = " · ";
    /** Tasks due otherwise than by the case's clock: no follow-up date from its 黄灯. */
    private static final java.util.Set<String> OWN_DEADLINES = java.util.Set.of(TASK_RESUME, TASK_VERIFY, TASK_APPROVE_EXTENSION,
            TASK_APPROVE_SECOND_EXTENSION, TASK_APPROVE_SUSPENSION, TASK_SUPERVISE);

    private final WorkingCalendars calendars;
    private final Organizations organizations;
    private final CooperatorsLine cooperators;
    private final CaseParties parties;

    CaseTaskListener(WorkingCalendars calendars, Organizations organizations, CooperatorsLine cooperators, CaseParties parties) {
        this.parties = parties;
        this.calendars = calendars;
        this.organizations = organizations;
        this.cooperators = cooperators;
    }

    @Override
    public void notify(DelegateTask task) {
        VariableScope instance = TaskNames.variablesOf(task);
        Object caseNo = instance.getVariable(VAR_CASE_NO);
        if (caseNo == null) {
            return;
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            rememberHandler(task, instance);
            return;
        }
        String title = text(instance.getVariable(VAR_TITLE));
        String address = text(instance.getVariable(VAR_ADDRESS));
        boolean cooperation = CaseCooperationProcess.TASK_RECORD.equals(task.getTaskDefinitionKey());
        String partyUnit = cooperation && instance.getVariable(CaseCooperationProcess.VAR_PARTY_UNIT) instanceof String unit
                ? unit : null;
        String party = partyUnit == null ? null : organizations.groupName(partyUnit).orElse(partyUnit);
        // 记录协办情况 of two units of one case would otherwise read alike in the office's lists
        task.setName(name(party == null ? task.getName() : task.getName() + "（" + party + "）", caseNo.toString(), title, address));
        Object urgency = instance.getVariable(VAR_URGENCY);
        boolean urgent = Urgency.URGENT.name().equals(urgency);
        Date dueAt = instance.getVariable(VAR_DUE_AT) instanceof Date at ? at : null;
        if (partyUnit != null && instance.getVariableTyped(VAR_DUE_AT) != null
                && !instance.getVariableTyped(VAR_DUE_AT).isTransient()) {
            // its start job (a first dispatch's due date is transient, of a case just registered): due by its record, read
            // once a 挂账 or 恢复整改 of the case in progress has committed, not by the variable its start read before
            // (diffreview-s60 R7); by no date while the case is 挂账, as its other 协办 meanwhile (diffreview-s59 R5)
            java.util.Optional<CaseParties.StartingDue> starting = parties.startingDue(caseNo.toString(), partyUnit);
            if (starting.isPresent()) {
                task.setDueDate(starting.get().taskDue());
                if (!starting.get().paused()) {
                    dueAt = starting.get().taskDue();
                }
            }
        }
        String due = dueAt == null ? null : display(task, dueAt);
        String lead = cooperation ? leadUnitName(task, instance) : null;
        if (TASK_RESUME.equals(task.getTaskDefinitionKey())) {
            // 挂账 stopped the clock: the 整改期限 it stopped at is not the unit's date, the approved review day is
            // (jxreview-s55 J15)
            task.setDescription(resumeDescription(description(caseNo.toString(), title, address, urgent, null, null, null),
                    instance.getVariable(VAR_SUSPENSION_REVIEW_DATE), instance.getVariable(VAR_SUSPENSION_DECISION_COMMENT)));
        } else if (TASK_RECTIFY.equals(task.getTaskDefinitionKey())) {
            // the lead unit's 整改问题 names the 属地 town's office and the 协办 units it works with (sjreview-s57 D1), as
            // the case's parties stand now: a 属地 the office corrected since the dispatch included (diffreview-s57 R2)
            task.setDescription(TextInput.shortened(CooperatorsLine.replaced(
                    description(caseNo.toString(), title, address, urgent, null, null, due),
                    cooperators.of(caseNo.toString(), task.getTenantId())), 4000));
        } else {
            task.setDescription(description(caseNo.toString(), title, address, urgent, party, lead, due));
        }
        if (lead != null) {
            // on the instance, whose variables are loaded already (the task's own would be read first: a statement more)
            task.getExecution().setVariable(CaseCooperationProcess.VAR_LEAD_UNIT_NAME, lead);
            task.getExecution().setVariable(CaseCooperationProcess.VAR_DUE_TEXT, due == null ? "" : due);
        }
        if (cooperation) {
            // a 属地 town's office may hand it to the town's units (the diagram's handOverWithinOrganisation, sjreview-s57
            // D11); partyReason is transient at a first dispatch, so this is kept
            Object reason = instance.getVariable(CaseCooperationProcess.VAR_PARTY_REASON);
            if (CaseParties.Reason.TERRITORY.name().equals(reason) || CaseCooperation.TERRITORY_CONFIRMED.equals(reason)) {
                task.getExecution().setVariable(CaseCooperationProcess.VAR_TERRITORY_PARTY, Boolean.TRUE);
            }
        }
        if (urgency != null) {
            task.setPriority(urgent ? URGENT_PRIORITY : NORMAL_PRIORITY);
        }
        // 核查整改结果, the approvals and 督办 are due on their own deadlines (CaseTaskDeadlines, VerificationDeadline), which
        // the case's 黄灯 has nothing to do with; 恢复整改 (挂账, the case's clock stopped) has none, its follow-up being the
        // review day
        if (task.getDueDate() != null && !OWN_DEADLINES.contains(task.getTaskDefinitionKey())
                && instance.getVariable(VAR_WARN_AT) instanceof Date warnAt) {
            task.setFollowUpDate(warnAt);
        }
        if (handled(task) && task.getAssignee() == null && instance.getVariable(VAR_HANDLER) instanceof String handler) {
            task.setAssignee(handler);
        }
    }

    private static boolean handled(DelegateTask task) {
        return TASK_RECTIFY.equals(task.getTaskDefinitionKey()) || TASK_RESUME.equals(task.getTaskDefinitionKey());
    }

    private static void rememberHandler(DelegateTask task, VariableScope instance) {
        String assignee = task.getAssignee();
        if (handled(task) && assignee != null && !assignee.equals(instance.getVariable(VAR_HANDLER))) {
            task.getExecution().setVariable(VAR_HANDLER, assignee);
        }
    }

    /** 整改问题 · JT-2026-000012 · 人行道堆物 · 沪亭北路 88 号, within the 255 characters Camunda keeps of a name. */
    static String name(String step, String caseNo, String title, String address) {
        StringBuilder name = new StringBuilder(Objects.toString(step, "")).append(SEPARATOR).append(caseNo);
        if (!title.isEmpty()) {
            name.append(SEPARATOR).append(TextInput.shortened(title, SHORT_TITLE));
        }
        if (!address.isEmpty()) {
            name.append(SEPARATOR).append(TextInput.shortened(address, SHORT_ADDRESS));
        }
        return TextInput.shortened(name.toString(), 255);
    }

    /**
     * The task's description as the listener writes it: the case, where, how urgent, the cooperating unit (协办单位), the
     * lead unit and 整改期限 if given.
     */
    static String description(String caseNo, String title, String address, boolean urgent, String party, String lead,
            String due) {
        StringBuilder text = new StringBuilder("案件 ").append(caseNo);
        if (urgent) {
            text.append("（").append(Urgency.URGENT.label()).append("）");
        }
        text.append("：").append(title);
        if (!address.isEmpty()) {
            text.append("\n地点：").append(address);
        }
        if (party != null) {
            text.append("\n协办单位：").append(party);
        }
        if (lead != null) {
            text.append("\n牵头单位：").append(lead);
        }
        if (due != null) {
            text.append("\n整改期限：").append(due);
        }
        return TextInput.shortened(text.toString(), 4000);
    }

    /** 恢复整改's description: the case, then the approved 复核日期 (yyyy-MM-dd, shown 2027年3月5日) and the approvers' words. */
    static String resumeDescription(String caseText, Object reviewDate, Object comment) {
        StringBuilder text = new StringBuilder(caseText).append("\n挂账期间停止计时，恢复整改后继续计时");
        if (reviewDate instanceof String day && !day.isBlank()) {
            String shown;
            try {
                shown = DAY.format(java.time.LocalDate.parse(day.strip()));
            } catch (java.time.format.DateTimeParseException notADay) {
                shown = day.strip();
            }
            text.append("\n复核日期：").append(shown);
        }
        if (comment instanceof String words && !words.isBlank()) {
            text.append("\n挂账审批意见：").append(words.strip());
        }
        return TextInput.shortened(text.toString(), 4000);
    }

    private String display(DelegateTask task, Date at) {
        return display(task.getTenantId(), at);
    }

    /** A due instant as a task in the organisation {@code tenantId} shows it: 2026年5月9日 10:00, in the organisation's zone. */
    String display(String tenantId, Date at) {
        ZoneId zone = calendars.of(tenantId).zone();
        return MINUTE.format(at.toInstant().atZone(zone));
    }

    /**
     * The case's lead unit as the task's organisation reads it ({@link Organizations#unitName}: a district's department on
     * a town's 属地 cooperation with the district named); the group id for a group no file defines, null when the case has none.
     */
    private String leadUnitName(DelegateTask task, VariableScope instance) {
        return instance.getVariable(VAR_LEAD_UNIT) instanceof String leadUnit ? leadUnitName(leadUnit, task.getTenantId()) : null;
    }

    /** As {@link #leadUnitName(DelegateTask, VariableScope)}, for a task of the organisation {@code tenantId}. */
    String leadUnitName(String leadUnit, String tenantId) {
        if (leadUnit == null || leadUnit.isBlank()) {
            return null;
        }
        return organizations.unitName(leadUnit, tenantId);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString().strip().replaceAll("\\s+", " ");
    }
}

package org.shirong.rectification;

import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.system.LiveTaskFormValue;
import org.springframework.stereotype.Component;

/**
 * What the 督办超期案件 form ({@code Task_SuperviseCase}, {@code ${supervisionFormListener}}) tells the office it writes to:
 * the lead unit by name, the 整改期限, how many working days the case is behind and whether it is 列入通报名单
 * ({@link RectificationProcess#VAR_SUPERVISION_FACTS}, the task's own variable). Written when the task is created (the
 * case has just fallen overdue: not yet 列入通报名单 unless past its escalation time) and again when it is claimed, from
 * the case's record, so the office writing the 督办意见 reads the figures of that day (supervisors' review s54 V7); and
 * each time the form is opened, without storing them ({@link LiveTaskFormValue}).
 */
@Component
class SupervisionFormListener implements TaskListener, LiveTaskFormValue {

    private final WorkingCalendars calendars;
    private final Organizations organizations;
    private final RectificationCases cases;
    private final OverdueCooperators cooperators;

    SupervisionFormListener(WorkingCalendars calendars, Organizations organizations, RectificationCases cases,
            OverdueCooperators cooperators) {
        this.cooperators = cooperators;
        this.calendars = calendars;
        this.organizations = organizations;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String facts;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Object unit = task.getVariable(RectificationProcess.VAR_LEAD_UNIT);
            Instant due = task.getVariable(RectificationProcess.VAR_DUE_AT) instanceof Date d ? d.toInstant() : null;
            boolean escalated = task.getVariable(RectificationProcess.VAR_ESCALATE_AT) instanceof Date e && !now.isBefore(e.toInstant());
            facts = facts(task.getTenantId(), unitName(unit), due, escalated, now);
        } else {
            facts = current(task);
            if (facts == null) {
                return;
            }
        }
        task.setVariableLocal(RectificationProcess.VAR_SUPERVISION_FACTS, facts);
    }

    @Override
    public String taskDefinitionKey() {
        return RectificationProcess.TASK_SUPERVISE;
    }

    @Override
    public String variable() {
        return RectificationProcess.VAR_SUPERVISION_FACTS;
    }

    /**
     * The facts from the case's record as of now: when the task is claimed and each time its form is opened
     * ({@link LiveTaskFormValue}; Tasklist does not read the form again after 认领, jxreview-s58 J7).
     */
    @Override
    public String current(DelegateTask task) {
        if (!(task.getVariable(RectificationProcess.VAR_CASE_NO) instanceof String caseNo)) {
            return null;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        CaseRecord c = cases.get(caseNo);
        String facts = facts(task.getTenantId(), unitName(c.leadUnit()), c.dueAt(), c.escalated(), now);
        // the 属地 town's office and the 协办 units with how their 协办 stands (sjreview-s57 D15), read from the case's
        // parties when the office claims or opens the task (as the other figures are refreshed then), not at the deadline
        // itself, whose statements are counted (CaseStatementCountTest)
        String lines = cooperators.lines(task.getTenantId(), caseNo, now);
        return lines.isEmpty() ? facts : facts + "\n协办情况（超期未记录的单位同时收到督办意见）：\n" + lines;
    }

    private String unitName(Object unit) {
        return unit == null ? null : organizations.groupName(unit.toString()).orElse(unit.toString());
    }

    /** The form's lines: 牵头单位, 整改期限, 已超期 (as of {@code now}), 通报名单. */
    String facts(String tenant, String unitName, Instant due, boolean escalated, Instant now) {
        WorkingCalendar calendar = calendars.of(tenant);
        StringBuilder text = new StringBuilder("牵头单位：").append(unitName == null ? "（尚无）" : unitName);
        if (due != null) {
            int late = calendar.workingDaysLate(due, now);
            text.append("\n整改期限：").append(MINUTE.format(due.atZone(calendar.zone())))
                    .append("\n已超期：").append(late == 0 ? "不足 1 个工作日" : late + " 个工作日")
                    .append("（截至 ").append(MINUTE.format(now.atZone(calendar.zone()))).append("）");
        }
        return text.append("\n通报名单：").append(escalated ? "已列入通报名单" : "尚未列入").toString();
    }
}

package org.shirong.rectification;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.system.StandaloneTasks;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * 核实属地: when a district case's 属地 town answers 非本镇属地, the district's office gets a task in its 本单位待办 — not only a
 * message — due in {@value #WORKING_DAYS} working days by the district's calendar (or by the case's own deadline when that
 * comes first), naming the town's answer (sjreview-s57 D14). The office settles it on the case page (更正案件信息: another
 * 属地, or 属地无误), which completes the task; the 驾驶舱 lists the disputes still open. Staff cannot complete it in Tasklist
 * ({@link #howSettled}); a case that ends first cancels it ({@link #caseEnded}).
 * A standalone Tasklist task of the case's organisation: the dispute is the office's, not part of the town's 协办 process.
 */
@Component
public class TerritoryChecks {

    /** How long the office has to check the 属地, in working days. */
    static final int WORKING_DAYS = 2;
    /** The task variable naming the case, by which the correction finds the task. */
    static final String VAR_CASE_NO = "territoryCheckCaseNo";
    static final String NAME = "核实属地";

    private final TaskService taskService;
    private final SystemAccess systemAccess;
    private final WorkingCalendars calendars;
    private final Organizations organizations;

    TerritoryChecks(TaskService taskService, SystemAccess systemAccess, WorkingCalendars calendars, Organizations organizations) {
        this.taskService = taskService;
        this.systemAccess = systemAccess;
        this.calendars = calendars;
        this.organizations = organizations;
    }

    /** The town {@code townName} answered 非本镇属地 on {@code c} with {@code reason}: the office's task to check, unless one is open. */
    void open(CaseRecord c, String townName, String reason, Instant now) {
        systemAccess.run(() -> {
            if (!openTasks(c.caseNo()).isEmpty()) {
                return null;
            }
            Task task = taskService.newTask();
            task.setName(NAME + " · " + c.caseNo() + " · " + c.title());
            task.setDescription("属地街镇" + townName + "答复非本镇属地：" + reason + "。请核实属地：在案件页“更正案件信息”中改为正确的街镇，"
                    + "或勾选“属地无误”请" + townName + "重新记录协办情况；更正后本任务自动完成。案件页：" + CasePageController.pageUrl(c.caseNo()));
            task.setTenantId(c.tenantId());
            task.setDueDate(Date.from(due(c, now)));
            taskService.saveTask(task);
            taskService.addCandidateGroup(task.getId(), organizations.office(c.tenantId()));
            taskService.setVariablesLocal(task.getId(), java.util.Map.of(VAR_CASE_NO, c.caseNo(), StandaloneTasks.VAR_HOW_SETTLED,
                    howSettled(c.caseNo(), townName)));
            return null;
        });
    }

    /**
     * Why a staff completion of the task is refused (diffreview-s57 R3): completing it in Tasklist would settle nothing —
     * the town would not be asked again, nor the 协办 moved — and leave the dispute in the 驾驶舱 with no task to find it
     * by; the office decides on the case page, which records its 更正说明, and that completes the task.
     */
    static String howSettled(String caseNo, String townName) {
        return "核实属地不能在任务列表中直接完成：请在案件页“更正案件信息”中把属地改为正确的街镇，或勾选“属地无误”请" + townName
                + "重新记录协办情况，并填写更正说明；办理后本任务自动完成。案件页：" + CasePageController.pageUrl(caseNo);
    }

    /**
     * The case ended (结案, 合并 or 作废, {@code ended} says which: 已结案) before the office settled its 属地: its open
     * 核实属地 is cancelled with that reason, which its history keeps, and leaves the office's 待办 and 已超期.
     */
    void caseEnded(String caseNo, String ended) {
        systemAccess.run(() -> {
            openTasks(caseNo).forEach(t -> taskService.deleteTask(t.getId(), "案件" + ended + "，无需再核实属地"));
            return null;
        });
    }

    /** The office corrected the 属地 or kept it: its open 核实属地 of the case is done. */
    void settled(String caseNo) {
        systemAccess.run(() -> {
            openTasks(caseNo).forEach(t -> taskService.complete(t.getId()));
            return null;
        });
    }

    /** {@value #WORKING_DAYS} working days from now, closing time; the case's own deadline when that is sooner and still ahead. */
    private Instant due(CaseRecord c, Instant now) {
        Instant due = calendars.of(c.tenantId()).dueByClosing(now, new TimeLimit(WORKING_DAYS, LimitUnit.WORKING_DAYS));
        return c.dueAt() != null && c.dueAt().isAfter(now) && c.dueAt().isBefore(due) ? c.dueAt() : due;
    }

    /** The due instant of each open 核实属地 of the organisation's cases, by case number (read on Shirong's behalf). */
    public java.util.Map<String, Instant> openDue(String organization) {
        return systemAccess.run(() -> {
            java.util.Map<String, Instant> due = new java.util.HashMap<>();
            taskService.createTaskQuery().taskNameLike(NAME + " · %").tenantIdIn(organization).list().forEach(t -> {
                Object caseNo = taskService.getVariableLocal(t.getId(), VAR_CASE_NO);
                if (caseNo != null && t.getDueDate() != null) {
                    due.put(caseNo.toString(), t.getDueDate().toInstant());
                }
            });
            return due;
        });
    }

    private List<Task> openTasks(String caseNo) {
        return taskService.createTaskQuery().taskNameLike(NAME + " · %").taskVariableValueEquals(VAR_CASE_NO, caseNo).list();
    }
}

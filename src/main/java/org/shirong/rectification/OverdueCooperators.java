package org.shirong.rectification;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * The units whose 协办 on an overdue case is overdue too: the 属地 town's office and the cooperating departments that have
 * not recorded their 协办 by its due date. 督办超期案件 shows them with how far behind they are, and 通知督办意见
 * ({@code Task_NotifyOverdueSupervision}) sends them the 【督办】 with the lead unit: the plan makes a point problem the
 * joint duty of the district department and the 属地街镇 (sjreview-s57 D15). A cooperation that ended (recorded, the case
 * closed or its 属地 corrected to another town) is not overdue, and a town that is no longer the case's 属地 is not shown;
 * one standing still under the case's 挂账 ({@link CaseParties#PAUSED}) is not overdue while it lasts.
 */
@Component("overdueCooperators")
@ProcessExpressionBean
public class OverdueCooperators {

    private final CaseParties parties;
    private final Organizations organizations;
    private final WorkingCalendars calendars;

    OverdueCooperators(CaseParties parties, Organizations organizations, WorkingCalendars calendars) {
        this.parties = parties;
        this.organizations = organizations;
        this.calendars = calendars;
    }

    List<CaseParties.Party> of(String caseNo, Instant now) {
        List<CaseParties.Party> late = parties.current(caseNo).stream().filter(p -> !p.done() && p.endedAt() == null
                && p.dueAt() != null && p.dueAt().isBefore(now)).toList();
        if (late.isEmpty()) {
            return late;
        }
        // a 协办 standing still under the case's 挂账 is not late meanwhile, as the counts have it (diffreview-s59 R5)
        java.util.Set<String> paused = parties.pausedUnits(caseNo);
        return late.stream().filter(p -> !paused.contains(p.unitId())).toList();
    }

    /**
     * The overdue parties of the execution's case, read from its parties as they stand when 通知督办意见 runs (once a 督办
     * is given, never at the deadline itself): a 属地 the office set or corrected after the dispatch is told too
     * (diffreview-s57 R2).
     */
    private List<CaseParties.Party> overdue(DelegateExecution execution) {
        return of(execution.getProcessBusinessKey(), ClockUtil.getCurrentTime().toInstant());
    }

    /** {@code group:chuangban,group:sjshangwuwei} for a send task's recipients; empty when none is overdue. */
    public String recipients(DelegateExecution execution) {
        return overdue(execution).stream()
                .map(p -> "group:" + p.unitId()).collect(Collectors.joining(","));
    }

    /** Their names as the case's organisation reads them, 、-separated: {@code 创建工作办公室（九亭镇）、区商务委}; empty when none. */
    public String names(DelegateExecution execution) {
        return overdue(execution).stream()
                .map(p -> organizations.unitName(p.unitId(), execution.getTenantId())).collect(Collectors.joining("、"));
    }

    /**
     * The 督办 form's lines of every 协办 unit of the case with how its 协办 stands: {@code 属地街镇 创建工作办公室（九亭镇）：
     * 待记录，已超期 21 个工作日}; empty when the case has no party.
     */
    String lines(String tenant, String caseNo, Instant now) {
        WorkingCalendar calendar = calendars.of(tenant);
        List<CaseParties.Party> current = parties.current(caseNo);
        java.util.Set<String> paused = current.isEmpty() ? java.util.Set.of() : parties.pausedUnits(caseNo);
        return current.stream().filter(p -> p.outcome() != CaseParties.Outcome.NOT_TERRITORY)
                .map(p -> (p.reason() == CaseParties.Reason.TERRITORY ? "属地街镇 " : "协办单位 ")
                        + organizations.unitName(p.unitId(), tenant) + "：" + state(calendar, p, now, paused.contains(p.unitId())))
                .collect(Collectors.joining("\n"));
    }

    private static String state(WorkingCalendar calendar, CaseParties.Party p, Instant now, boolean paused) {
        if (p.done()) {
            return "已记录";
        }
        if (p.endedAt() != null) {
            return "已结束，未记录";
        }
        if (paused) {
            return "待记录，案件挂账中，暂停计时";
        }
        if (p.dueAt() == null || !p.dueAt().isBefore(now)) {
            return "待记录";
        }
        int late = calendar.workingDaysLate(p.dueAt(), now);
        return "待记录，已超期 " + (late == 0 ? "不足 1" : String.valueOf(late)) + " 个工作日";
    }
}

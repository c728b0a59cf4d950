package org.shirong.rectification;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The due dates of the office's and the approvers' tasks of a case ({@code camunda:dueDate}): 审批延期申请, 审批再次延期申请
 * and 审批挂账申请 ({@code ${caseTaskDeadlines.approval(execution)}}) so many working days after the request
 * ({@code shirong.rectification.approval-working-days}), 督办超期案件 ({@code ${caseTaskDeadlines.supervision(execution)}})
 * so many after the case fell overdue ({@code shirong.rectification.supervision-working-days}), 重新派遣案件
 * ({@code ${caseTaskDeadlines.redispatch(execution)}}) so many after the unit returned the case, or the dispatch left its
 * lead unit to the office ({@code shirong.rectification.redispatch-working-days}, jtreview-s56 T8), each at the close of that
 * office day on the case's organisation's working calendar. The unit waits for the decision with its own clock running,
 * so the approvers see the request in 即将到期 and 已超期 as any other work (九亭 review s53 T4). The task is created in the
 * request's (the overdue timer's) own transaction, so "now" is the request; no variable is kept for it.
 */
@Component("caseTaskDeadlines")
@ProcessExpressionBean
public class CaseTaskDeadlines {

    private final WorkingCalendars calendars;
    private final TimeLimit approval;
    private final TimeLimit supervision;
    private final TimeLimit redispatch;

    CaseTaskDeadlines(WorkingCalendars calendars,
            @Value("${shirong.rectification.approval-working-days:2}") int approvalDays,
            @Value("${shirong.rectification.supervision-working-days:1}") int supervisionDays,
            @Value("${shirong.rectification.redispatch-working-days:1}") int redispatchDays) {
        this.calendars = calendars;
        this.approval = limit("approval-working-days（审批延期、挂账申请的期限）", approvalDays);
        this.supervision = limit("supervision-working-days（督办超期案件的期限）", supervisionDays);
        this.redispatch = limit("redispatch-working-days（重新派遣案件的期限）", redispatchDays);
    }

    private static TimeLimit limit(String setting, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("shirong.rectification." + setting + "的工作日数须至少为 1，现为 " + days);
        }
        return new TimeLimit(days, LimitUnit.WORKING_DAYS);
    }

    /** When a request for an extension or for 挂账, made now, is to be decided. */
    public Date approval(DelegateExecution execution) {
        return Date.from(calendars.of(execution.getTenantId()).dueByClosing(RectificationCases.now(), approval));
    }

    /** When the office is to have re-dispatched a case returned (or left to it to dispatch) now. */
    public Date redispatch(DelegateExecution execution) {
        return Date.from(calendars.of(execution.getTenantId()).dueByClosing(RectificationCases.now(), redispatch));
    }

    /** When the office is to have given its 督办 of a case that fell overdue now. */
    public Date supervision(DelegateExecution execution) {
        return Date.from(calendars.of(execution.getTenantId()).dueByClosing(RectificationCases.now(), supervision));
    }
}

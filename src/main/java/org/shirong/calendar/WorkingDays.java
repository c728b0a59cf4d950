package org.shirong.calendar;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * Working-time deadlines for the process owner's BPMN, on the working calendar of the organisation the process runs in
 * (holidays, 调休 and office hours, as the case deadlines): {@code camunda:dueDate="${workingDays.after(execution, 3)}"},
 * a timer's {@code timeDate} {@code ${workingDays.hoursAfter(execution, 4)}}; in a task listener {@code task} instead of
 * {@code execution}. "Now" is when the expression is evaluated (the task is created, the timer is started).
 */
@Component("workingDays")
@ProcessExpressionBean
public class WorkingDays {

    private final WorkingCalendars calendars;

    WorkingDays(WorkingCalendars calendars) {
        this.calendars = calendars;
    }

    /** {@code days} working days of office time from now, e.g. Friday 10:00 + 1 → Monday 10:00 (a holiday skipped). */
    public Date after(VariableScope execution, int days) {
        return due(execution, new TimeLimit(days, LimitUnit.WORKING_DAYS));
    }

    /** {@code hours} hours of office time from now, e.g. 16:00 + 2 → 09:30 of the next working day (office 08:30–17:00). */
    public Date hoursAfter(VariableScope execution, int hours) {
        return due(execution, new TimeLimit(hours, LimitUnit.WORKING_HOURS));
    }

    private Date due(VariableScope execution, TimeLimit limit) {
        return Date.from(calendars.of(tenant(execution)).due(ClockUtil.getCurrentTime().toInstant(), limit));
    }

    private static String tenant(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getTenantId();
        }
        if (scope instanceof DelegateTask task) {
            return task.getTenantId();
        }
        return null;
    }
}

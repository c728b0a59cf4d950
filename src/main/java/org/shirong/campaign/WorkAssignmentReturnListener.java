package org.shirong.campaign;

import static org.shirong.campaign.WorkAssignmentProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.springframework.stereotype.Component;

/**
 * 审阅办理结果 completed with 退回重办 (jtphone-s61 F3): refused without a 审阅意见, as 核查 is without its 核查意见; else counts
 * the return, keeps what the unit handed in ({@code returnedResult}) for the redo form, and gives the redo
 * {@code redoWorkingDays} working days from today where the work's own deadline is earlier (often already past).
 */
@Component
class WorkAssignmentReturnListener implements TaskListener {

    private final WorkingCalendars calendars;
    private final int redoWorkingDays;

    WorkAssignmentReturnListener(WorkingCalendars calendars, WorkAssignmentProperties properties) {
        this.calendars = calendars;
        this.redoWorkingDays = properties.redoWorkingDays();
    }

    @Override
    public void notify(DelegateTask task) {
        if (REVIEW_PASS.equals(task.getVariable(VAR_REVIEW_RESULT))) {
            return;
        }
        Object comment = task.getVariable(VAR_REVIEW_COMMENT);
        if (comment == null || comment.toString().isBlank()) {
            throw new FormFieldValidationException(VAR_REVIEW_COMMENT, "退回重办时请填写审阅意见：写明需要重办的地方，承办单位会收到。");
        }
        Object count = task.getVariable(VAR_RETURN_COUNT);
        task.setVariable(VAR_RETURN_COUNT, count instanceof Number n ? n.intValue() + 1 : 1);
        task.setVariable(VAR_RETURNED_RESULT, task.getVariable(VAR_HANDLING_RESULT));
        WorkingCalendar calendar = calendars.of(task.getTenantId());
        LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
        for (int i = 0; i < redoWorkingDays; i++) {
            day = calendar.workingDayFrom(day.plusDays(1));
        }
        Object due = task.getVariable(VAR_DUE_DATE);
        if (due == null || LocalDate.parse(due.toString()).isBefore(day)) {
            task.setVariable(VAR_DUE_DATE, day.toString());
        }
    }
}

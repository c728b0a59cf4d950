package org.shirong.rectification;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendars;
import org.springframework.beans.factory.annotation.Value;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * The due date of 核查整改结果 ({@code Task_VerifyRectification}'s {@code camunda:dueDate}): so many working days of office
 * time ({@code shirong.rectification.verification-working-days}, 3 unless set) after the round was handed in, on the case's
 * organisation's working calendar, so that a fix waiting for 核查 shows in 即将到期 and 已超期 instead of waiting forever.
 * It ends at the close of that office day (17:00), as every other deadline does, not at the clock time of the hand-in
 * (九亭 review s53 T14: "2026年12月10日 09:21"). The task is created in the hand-in's own transaction, so "now" is the
 * hand-in; no variable is kept for it.
 */
@Component("verificationDeadline")
@ProcessExpressionBean
public class VerificationDeadline {

    private final WorkingCalendars calendars;
    private final TimeLimit limit;

    VerificationDeadline(WorkingCalendars calendars,
            @Value("${shirong.rectification.verification-working-days:3}") int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("shirong.rectification.verification-working-days（核查期限的工作日数）须至少为 1，现为 "
                    + workingDays);
        }
        this.calendars = calendars;
        this.limit = new TimeLimit(workingDays, LimitUnit.WORKING_DAYS);
    }

    /** When the 核查 of the round handed in now is due. */
    public Date dueAt(DelegateExecution execution) {
        return Date.from(calendars.of(execution.getTenantId()).dueByClosing(RectificationCases.now(), limit));
    }
}

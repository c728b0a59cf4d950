package org.shirong.rectification;

import java.time.Duration;
import java.time.Instant;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Computes a case's warning, due and escalation instants on the working calendar: when it is
 * dispatched, when an extension moves its due date, and when it resumes after 挂账 (the clock
 * stood still while it was suspended).
 */
@Component
class CaseDeadlines {

    private final WorkingCalendar calendar;
    private final RectificationProperties properties;

    CaseDeadlines(WorkingCalendar calendar, RectificationProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    Deadlines start(Instant start, TimeLimit limit) {
        return new Deadlines(calendar.at(start, limit, properties.warnFraction()), calendar.at(start, limit, 1.0),
                calendar.at(start, limit, properties.escalateFraction()));
    }

    /** The clock runs from {@code clockStart} to the approved new due instant. */
    Deadlines extend(Instant clockStart, Instant newDue, LimitUnit unit) {
        if (unit == LimitUnit.CALENDAR_DAYS) {
            Duration total = Duration.between(clockStart, newDue);
            return new Deadlines(clockStart.plus(scale(total, properties.warnFraction())), newDue,
                    clockStart.plus(scale(total, properties.escalateFraction())));
        }
        Duration total = calendar.workingTimeBetween(clockStart, newDue);
        return new Deadlines(calendar.addWorkingTime(clockStart, scale(total, properties.warnFraction())), newDue,
                calendar.addWorkingTime(clockStart, scale(total, properties.escalateFraction())));
    }

    /** Instants still ahead when the case was suspended move by the time it stood suspended; passed ones stay. */
    Deadlines resume(Deadlines before, Instant suspendedAt, Instant resumedAt, LimitUnit unit) {
        return new Deadlines(shift(before.warnAt(), suspendedAt, resumedAt, unit),
                shift(before.dueAt(), suspendedAt, resumedAt, unit),
                shift(before.escalateAt(), suspendedAt, resumedAt, unit));
    }

    private Instant shift(Instant instant, Instant suspendedAt, Instant resumedAt, LimitUnit unit) {
        if (!instant.isAfter(suspendedAt)) {
            return instant;
        }
        if (unit == LimitUnit.CALENDAR_DAYS) {
            return resumedAt.plus(Duration.between(suspendedAt, instant));
        }
        return calendar.addWorkingTime(resumedAt, calendar.workingTimeBetween(suspendedAt, instant));
    }

    private static Duration scale(Duration duration, double fraction) {
        return Duration.ofMillis(Math.round(duration.toMillis() * fraction));
    }
}

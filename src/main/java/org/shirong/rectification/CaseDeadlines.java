package org.shirong.rectification;

import java.time.Duration;
import java.time.Instant;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.springframework.stereotype.Component;

/**
 * Computes a case's warning, due and escalation instants on its organisation's working calendar: when
 * it is dispatched, when an extension moves its due date, and when it resumes after 挂账 (the clock
 * stood still while it was suspended).
 */
@Component
class CaseDeadlines {

    private final WorkingCalendars calendars;
    private final RectificationProperties properties;

    CaseDeadlines(WorkingCalendars calendars, RectificationProperties properties) {
        this.calendars = calendars;
        this.properties = properties;
    }

    /** The time zone the organisation's calendar and the case's dates are in. */
    java.time.ZoneId zone(String organization) {
        return calendars.of(organization).zone();
    }

    Deadlines start(String organization, Instant start, TimeLimit limit) {
        WorkingCalendar calendar = calendars.of(organization);
        return new Deadlines(calendar.at(start, limit, properties.warnFraction()), calendar.at(start, limit, 1.0),
                calendar.at(start, limit, properties.escalateFraction()));
    }

    /** The clock runs from {@code clockStart} to the approved new due instant. */
    Deadlines extend(String organization, Instant clockStart, Instant newDue, LimitUnit unit) {
        if (unit == LimitUnit.CALENDAR_DAYS) {
            Duration total = Duration.between(clockStart, newDue);
            return new Deadlines(clockStart.plus(scale(total, properties.warnFraction())), newDue,
                    clockStart.plus(scale(total, properties.escalateFraction())));
        }
        WorkingCalendar calendar = calendars.of(organization);
        Duration total = calendar.workingTimeBetween(clockStart, newDue);
        return new Deadlines(calendar.addWorkingTime(clockStart, scale(total, properties.warnFraction())), newDue,
                calendar.addWorkingTime(clockStart, scale(total, properties.escalateFraction())));
    }

    /** Instants still ahead when the case was suspended move by the time it stood suspended; passed ones stay. */
    Deadlines resume(String organization, Deadlines before, Instant suspendedAt, Instant resumedAt, LimitUnit unit) {
        WorkingCalendar calendar = calendars.of(organization);
        return new Deadlines(shift(calendar, before.warnAt(), suspendedAt, resumedAt, unit),
                shift(calendar, before.dueAt(), suspendedAt, resumedAt, unit),
                shift(calendar, before.escalateAt(), suspendedAt, resumedAt, unit));
    }

    /** One instant of the case as {@link #resume} moves its own. */
    Instant resume(String organization, Instant instant, Instant suspendedAt, Instant resumedAt, LimitUnit unit) {
        return shift(calendars.of(organization), instant, suspendedAt, resumedAt, unit);
    }

    private static Instant shift(WorkingCalendar calendar, Instant instant, Instant suspendedAt, Instant resumedAt,
            LimitUnit unit) {
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

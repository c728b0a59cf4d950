package org.shirong.system;

import java.time.format.DateTimeFormatter;

/**
 * The one way a day and a moment are written for the people in the office (forms, messages, notices, documents):
 * 2026年11月25日 and 2026年11月25日 09:00. Format a zoned date-time, in the organisation's zone, or a local date.
 */
public final class ChineseDates {

    /** A day: 2026年11月25日. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** A moment to the minute: 2026年11月25日 09:00. */
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private ChineseDates() {
    }
}

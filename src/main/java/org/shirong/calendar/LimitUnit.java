package org.shirong.calendar;

import java.util.Arrays;
import java.util.Optional;

/** The unit of a {@link TimeLimit}, with the label the office uses. */
public enum LimitUnit {
    /** One hour of office time on a working day. */
    WORKING_HOURS("工作时"),
    /** One full office day of office time (7 h with 08:30-11:30 and 13:00-17:00). */
    WORKING_DAYS("工作日"),
    /** 24 hours, holidays and office hours ignored. */
    CALENDAR_DAYS("自然日");

    private final String label;

    LimitUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The unit named by its constant ({@code WORKING_HOURS}) or its label ({@code 工作时}). */
    public static Optional<LimitUnit> fromText(String text) {
        String trimmed = text == null ? "" : text.trim();
        return Arrays.stream(values())
                .filter(u -> u.name().equalsIgnoreCase(trimmed) || u.label.equals(trimmed))
                .findFirst();
    }
}

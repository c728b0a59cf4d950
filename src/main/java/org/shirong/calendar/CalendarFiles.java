package org.shirong.calendar;

import java.util.List;

/** The checked content of the calendar folder: {@code calendar.yaml} and the year files it lists. */
record CalendarFiles(CalendarSettings settings, List<YearSchedule> years) {

    CalendarFiles {
        years = List.copyOf(years);
    }
}

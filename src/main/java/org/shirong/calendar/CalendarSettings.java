package org.shirong.calendar;

import java.util.List;

/** The content of {@code calendar.yaml}: the town's time zone, office hours and the year files to load. */
record CalendarSettings(String timeZone, List<String> officeHours, List<Integer> years) {

    CalendarSettings {
        officeHours = officeHours == null ? List.of() : List.copyOf(officeHours);
        years = years == null ? List.of() : List.copyOf(years);
    }
}

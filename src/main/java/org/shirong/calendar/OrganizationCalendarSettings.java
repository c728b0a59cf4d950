package org.shirong.calendar;

import java.util.List;

/**
 * The content of an organisation's own {@code calendar.yaml}: what it changes of the shared calendar (a field left out
 * keeps the shared value). Holidays and make-up days are national and stay in {@code config/calendar/}.
 */
record OrganizationCalendarSettings(String timeZone, List<String> officeHours) {

    OrganizationCalendarSettings {
        officeHours = officeHours == null ? null : List.copyOf(officeHours);
    }
}

package org.shirong.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the calendar files are: an absolute folder, or a name looked up in {@code ./config/}; a file
 * not found there is taken from the defaults bundled in the application ({@code config/calendar/}).
 */
@ConfigurationProperties("shirong.calendar")
record CalendarProperties(@DefaultValue("calendar") String folder) {
}

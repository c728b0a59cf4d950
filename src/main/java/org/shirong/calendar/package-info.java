/**
 * The working calendar for working-time deadlines: office hours, public holidays and make-up
 * working days (调休) from {@code config/calendar/}, and the arithmetic that turns a limit such as
 * "4 工作时" or "5 工作日" into a due instant, a warning instant or the office time already used.
 * Other capabilities call {@link org.shirong.calendar.WorkingCalendar} with a
 * {@link org.shirong.calendar.TimeLimit}; the files, their checks and the start-up coverage warning
 * stay inside this package.
 */
package org.shirong.calendar;

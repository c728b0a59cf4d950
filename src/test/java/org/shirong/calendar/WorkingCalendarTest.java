package org.shirong.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.shirong.system.SharesJvm;

/**
 * Deadline arithmetic on the shipped calendar (2026 published, 2027 provisional), office hours
 * 08:30-11:30 and 13:00-17:00, so one working day is 7 h. Expected instants are worked out by hand
 * in the comment above each assertion.
 */
@SharesJvm
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingCalendar calendar = WorkingCalendar.bundled();

    private static Instant t(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, SHANGHAI);
    }

    private LocalDateTime plus(String start, Duration workingTime) {
        return local(calendar.addWorkingTime(t(start), workingTime));
    }

    private LocalDateTime at(String start, String limit, double fraction) {
        return local(calendar.at(t(start), TimeLimit.parse(limit), fraction));
    }

    private static LocalDateTime ldt(String localDateTime) {
        return LocalDateTime.parse(localDateTime);
    }

    /** A date's deadline on a weekend or holiday moves back to the working day before, at its closing time (sjreview F7). */
    @Test
    void aDeadlineDayOffWorkMovesBackToTheWorkingDayBeforeItsClosingTime() {
        assertThat(calendar.workingDayUntil(LocalDate.parse("2027-04-10"))).isEqualTo(LocalDate.parse("2027-04-09"));
        assertThat(calendar.workingDayUntil(LocalDate.parse("2027-03-21"))).isEqualTo(LocalDate.parse("2027-03-19"));
        assertThat(calendar.workingDayUntil(LocalDate.parse("2027-03-22"))).as("a working day stays").isEqualTo(LocalDate.parse("2027-03-22"));
        assertThat(calendar.closingOnOrBefore(LocalDate.parse("2027-04-10"))).isEqualTo(Instant.parse("2027-04-09T09:00:00Z"));
    }

    @Test
    void fourWorkingHoursFromFridayAfternoonEndOnMondayAtLunch() {
        // Fri 01-30 16:00-17:00 = 1 h (3 h left); Sat 01-31 and Sun 02-01 are off;
        // Mon 02-02 08:30-11:30 = 3 h -> 11:30 (11:00 would be only 2.5 h on Monday).
        assertThat(plus("2026-01-30T16:00", Duration.ofHours(4))).isEqualTo(ldt("2026-02-02T11:30"));
        assertThat(at("2026-01-30T16:00", "4 WORKING_HOURS", 1.0)).isEqualTo(ldt("2026-02-02T11:30"));
    }

    @Test
    void aLimitSpanningTheLunchBreakSkipsIt() {
        // Mon 03-02 11:00-11:30 = 0.5 h (1.5 h left); lunch 11:30-13:00 does not count; 13:00 + 1.5 h = 14:30.
        assertThat(plus("2026-03-02T11:00", Duration.ofHours(2))).isEqualTo(ldt("2026-03-02T14:30"));
    }

    /** The 驾驶舱's 红灯 case as the agenda and the 督办 form say how late it is (supervisors' review s54 V2, V7). */
    @Test
    void aCaseDueBeforeNationalDayIsLateByTheWorkingDaysSinceItsDeadlinesDay() {
        // due Wed 09-30 09:00; 10-01..10-07 off, Thu 10-08, Fri 10-09, Sat 10-10 (调休上班), Sun 10-11 off, Mon 10-12
        Instant due = Instant.parse("2026-09-30T01:00:00Z");
        assertThat(calendar.workingDaysLate(due, Instant.parse("2026-10-12T02:00:00Z"))).isEqualTo(4);
        assertThat(calendar.workingDaysLate(due, Instant.parse("2026-10-05T02:00:00Z"))).as("nothing but days off since").isZero();
        assertThat(calendar.workingDaysLate(due, Instant.parse("2026-09-30T00:00:00Z"))).as("not yet due").isZero();
    }

    @Test
    void nationalDayCountsItsMakeUpDaysAndSkipsTheHoliday() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("Sun 09-20 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Sat 10-10 调休上班").isTrue();
        LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-08"))
                .forEach(day -> assertThat(calendar.isWorkingDay(day)).as(day + " 国庆").isFalse());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).as("Sun 10-11").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).as("Thu 10-08").isTrue();

        // 5 working days = 35 h. Tue 09-29 10:00-11:30 + 13:00-17:00 = 5.5 h (29.5 left); Wed 09-30 7 h (22.5);
        // Oct 1-7 off; Thu 10-08 7 h (15.5); Fri 10-09 7 h (8.5); Sat 10-10 make-up 7 h (1.5); Sun 10-11 off;
        // Mon 10-12 08:30 + 1.5 h = 10:00.
        assertThat(at("2026-09-29T10:00", "5 WORKING_DAYS", 1.0)).isEqualTo(ldt("2026-10-12T10:00"));

        // Fri 09-18 16:00-17:00 = 1 h (4 left); Sat 09-19 off; Sun 09-20 make-up 08:30-11:30 3 h (1 left), 13:00 + 1 h = 14:00.
        assertThat(plus("2026-09-18T16:00", Duration.ofHours(5))).isEqualTo(ldt("2026-09-20T14:00"));
    }

    @Test
    void springFestivalCountsBothSaturdayMakeUpDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Sat 02-14 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("Sat 02-28 调休上班").isTrue();
        LocalDate.parse("2026-02-15").datesUntil(LocalDate.parse("2026-02-24"))
                .forEach(day -> assertThat(calendar.isWorkingDay(day)).as(day + " 春节").isFalse());

        // 3 working days = 21 h. Fri 02-13 15:00-17:00 = 2 h (19 left); Sat 02-14 make-up 7 h (12);
        // Feb 15-23 off; Tue 02-24 7 h (5); Wed 02-25 08:30-11:30 3 h (2), 13:00 + 2 h = 15:00.
        assertThat(at("2026-02-13T15:00", "3 工作日", 1.0)).isEqualTo(ldt("2026-02-25T15:00"));

        // Thu 02-26 09:00-11:30 2.5 h + 13:00-17:00 4 h = 6.5 h (9.5 left); Fri 02-27 7 h (2.5);
        // Sat 02-28 make-up 08:30 + 2.5 h = 11:00.
        assertThat(plus("2026-02-26T09:00", Duration.ofHours(16))).isEqualTo(ldt("2026-02-28T11:00"));
    }

    @Test
    void warningDueAndEscalationOfFiveWorkingDaysSkipQingming() {
        // 5 working days = 35 h; 80 % = 28 h, 200 % = 70 h. Office time used by the end of each working day
        // from Thu 04-02 15:00: 04-02 2 h, 04-03 9, (04-04..06 清明 off) 04-07 16, 04-08 23, 04-09 30, 04-10 37,
        // 04-13 44, 04-14 51, 04-15 58, 04-16 65, 04-17 72.
        // 28 h: 04-09 needs 5 h = 08:30-11:30 + 13:00-15:00 -> 15:00 (4 office days later, same time of day).
        assertThat(at("2026-04-02T15:00", "5 WORKING_DAYS", 0.8)).isEqualTo(ldt("2026-04-09T15:00"));
        // 35 h: 04-10 needs 5 h -> 15:00.
        assertThat(at("2026-04-02T15:00", "5 WORKING_DAYS", 1.0)).isEqualTo(ldt("2026-04-10T15:00"));
        assertThat(local(calendar.due(t("2026-04-02T15:00"), TimeLimit.parse("5 WORKING_DAYS")))).isEqualTo(ldt("2026-04-10T15:00"));
        // 70 h: 04-17 needs 5 h -> 15:00.
        assertThat(at("2026-04-02T15:00", "5 WORKING_DAYS", 2.0)).isEqualTo(ldt("2026-04-17T15:00"));

        // From Fri 04-03 15:00: 04-03 2 h, 04-07 9, 04-08 16, 04-09 23, 04-10 30, 04-13 37, ..., 04-17 65, 04-20 72.
        // 28 h -> Fri 04-10 15:00; 35 h -> Mon 04-13 15:00; 70 h -> Mon 04-20 15:00.
        assertThat(at("2026-04-03T15:00", "5 WORKING_DAYS", 0.8)).isEqualTo(ldt("2026-04-10T15:00"));
        assertThat(at("2026-04-03T15:00", "5 WORKING_DAYS", 1.0)).isEqualTo(ldt("2026-04-13T15:00"));
        assertThat(at("2026-04-03T15:00", "5 WORKING_DAYS", 2.0)).isEqualTo(ldt("2026-04-20T15:00"));
    }

    @Test
    void workingHourFractionsCountOfficeMinutes() {
        // 80 % of 4 h = 3 h 12 min. Mon 03-02 08:30-11:30 = 3 h; 13:00 + 12 min = 13:12.
        assertThat(at("2026-03-02T08:30", "4 工作时", 0.8)).isEqualTo(ldt("2026-03-02T13:12"));
    }

    @Test
    void countingStartsAtTheNextOfficeOpening() {
        // Sun 03-01 is off -> Mon 03-02 08:30 + 1 h.
        assertThat(plus("2026-03-01T10:00", Duration.ofHours(1))).isEqualTo(ldt("2026-03-02T09:30"));
        // Mon 04-06 is 清明 -> Tue 04-07 08:30 + 1 h.
        assertThat(plus("2026-04-06T10:00", Duration.ofHours(1))).isEqualTo(ldt("2026-04-07T09:30"));
        // Tue 03-03 19:00 is after closing -> Wed 03-04 08:30 + 1 h.
        assertThat(plus("2026-03-03T19:00", Duration.ofHours(1))).isEqualTo(ldt("2026-03-04T09:30"));
        // Wed 03-04 07:00 is before opening -> 08:30 + 1 h.
        assertThat(plus("2026-03-04T07:00", Duration.ofHours(1))).isEqualTo(ldt("2026-03-04T09:30"));
        // 12:00 is the lunch break -> 13:00 + 1 h.
        assertThat(plus("2026-03-04T12:00", Duration.ofHours(1))).isEqualTo(ldt("2026-03-04T14:00"));
        // Sat 02-14 is a make-up day: counted like a weekday, 10:00 + 1 h.
        assertThat(plus("2026-02-14T10:00", Duration.ofHours(1))).isEqualTo(ldt("2026-02-14T11:00"));
    }

    @Test
    void startingExactlyAtClosingTimeCountsFromTheNextOpening() {
        // 11:30 closes the morning -> 13:00 + 1 h = 14:00.
        assertThat(plus("2026-03-03T11:30", Duration.ofHours(1))).isEqualTo(ldt("2026-03-03T14:00"));
        // 17:00 closes the day -> Wed 03-04 08:30 + 1 h = 09:30.
        assertThat(plus("2026-03-03T17:00", Duration.ofHours(1))).isEqualTo(ldt("2026-03-04T09:30"));
    }

    @Test
    void aLimitUsingUpAnIntervalIsDueAtItsClosingTime() {
        // 08:30 + 3 h ends the morning exactly: due at 11:30, not at the next opening 13:00.
        assertThat(plus("2026-03-03T08:30", Duration.ofHours(3))).isEqualTo(ldt("2026-03-03T11:30"));
        // 1 working day from 08:30 = 7 h = the whole day -> 17:00 the same day.
        assertThat(at("2026-03-03T08:30", "1 WORKING_DAYS", 1.0)).isEqualTo(ldt("2026-03-03T17:00"));
    }

    @Test
    void zeroWorkingTimeIsDueAtOnce() {
        assertThat(calendar.addWorkingTime(t("2026-03-01T10:00"), Duration.ZERO)).isEqualTo(t("2026-03-01T10:00"));
        assertThat(at("2026-03-01T10:00", "4 WORKING_HOURS", 0.0)).isEqualTo(ldt("2026-03-01T10:00"));
    }

    @Test
    void newYearMakeUpSundayCountsAndYearsNotLoadedFollowWeekdays() {
        // Wed 2025-12-31 (2025 not loaded: a plain weekday) 16:00-17:00 = 1 h; Jan 1-3 元旦 off;
        // Sun 01-04 make-up 08:30 + 1 h = 09:30.
        assertThat(plus("2025-12-31T16:00", Duration.ofHours(2))).isEqualTo(ldt("2026-01-04T09:30"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2028-01-01"))).as("Sat, 2028 not loaded").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2028-10-02"))).as("Mon, 2028 not loaded").isTrue();
    }

    @Test
    void calendarDaysIgnoreHolidaysAndOfficeHours() {
        // Tue 09-29 10:00 + 3 × 24 h = Fri 10-02 10:00, in the middle of 国庆.
        assertThat(at("2026-09-29T10:00", "3 CALENDAR_DAYS", 1.0)).isEqualTo(ldt("2026-10-02T10:00"));
        // 50 % of 3 days = 36 h -> Wed 09-30 22:00.
        assertThat(at("2026-09-29T10:00", "3 自然日", 0.5)).isEqualTo(ldt("2026-09-30T22:00"));
        // 80 % of 5 days = 96 h -> Sat 10-03 10:00.
        assertThat(at("2026-09-29T10:00", "5 自然日", 0.8)).isEqualTo(ldt("2026-10-03T10:00"));
    }

    @Test
    void workingTimeBetweenIsTheInverseOfAddingIt() {
        assertThat(calendar.workingTimeBetween(t("2026-01-30T16:00"), t("2026-02-02T11:30"))).isEqualTo(Duration.ofHours(4));
        assertThat(calendar.workingTimeBetween(t("2026-09-29T10:00"), t("2026-10-12T10:00"))).isEqualTo(Duration.ofHours(35));
        for (String start : List.of("2026-01-30T16:00", "2026-02-13T15:00", "2026-09-29T10:00", "2026-03-01T10:00", "2026-12-31T16:45")) {
            for (Duration d : List.of(Duration.ofMinutes(1), Duration.ofHours(3), Duration.ofMinutes(437), Duration.ofHours(70))) {
                Instant end = calendar.addWorkingTime(t(start), d);
                assertThat(calendar.workingTimeBetween(t(start), end)).as(start + " + " + d).isEqualTo(d);
            }
        }
        // An end inside office hours is reached again from the office time up to it.
        Instant end = t("2026-10-09T14:20");
        assertThat(calendar.addWorkingTime(t("2026-09-25T09:00"), calendar.workingTimeBetween(t("2026-09-25T09:00"), end)))
                .isEqualTo(end);
    }

    @Test
    void workingTimeBetweenIsZeroOutsideOfficeHoursAndNegativeBackwards() {
        assertThat(calendar.workingTimeBetween(t("2026-03-03T11:40"), t("2026-03-03T12:50"))).isZero();
        assertThat(calendar.workingTimeBetween(t("2026-10-01T09:00"), t("2026-10-07T16:00"))).isZero();
        assertThat(calendar.workingTimeBetween(t("2026-02-02T11:30"), t("2026-01-30T16:00"))).isEqualTo(Duration.ofHours(-4));
    }

    @Test
    void aSuspendedCaseKeepsItsRemainingTime() {
        // 2 working days = 14 h from Mon 03-02 09:00. Suspended Tue 03-03 10:00 after
        // Mon 09:00-11:30 2.5 h + 13:00-17:00 4 h + Tue 08:30-10:00 1.5 h = 8 h; 6 h remain.
        Duration used = calendar.workingTimeBetween(t("2026-03-02T09:00"), t("2026-03-03T10:00"));
        assertThat(used).isEqualTo(Duration.ofHours(8));
        Duration remaining = calendar.officeDay().multipliedBy(2).minus(used);
        // Resumed Mon 03-09 14:00: 14:00-17:00 3 h (3 left); Tue 03-10 08:30 + 3 h = 11:30.
        assertThat(local(calendar.addWorkingTime(t("2026-03-09T14:00"), remaining))).isEqualTo(ldt("2026-03-10T11:30"));
    }

    @Test
    void aWorkingDayIsOneFullOfficeDayOfTheTownsHours() {
        assertThat(calendar.officeDay()).isEqualTo(Duration.ofHours(7));
        WorkingCalendar eightHours = WorkingCalendar.of(
                new CalendarSettings("Asia/Shanghai", List.of("09:00-17:00"), List.of(2026)),
                WorkingCalendarLoader.readBundled().years().subList(0, 1));
        assertThat(eightHours.officeDay()).isEqualTo(Duration.ofHours(8));
        // Fri 01-30 16:00-17:00 = 1 h (7 left); weekend off; Mon 02-02 09:00 + 7 h = 16:00.
        assertThat(local(eightHours.due(t("2026-01-30T16:00"), TimeLimit.parse("1 WORKING_DAYS")))).isEqualTo(ldt("2026-02-02T16:00"));

        WorkingCalendar threeShifts = WorkingCalendar.of(
                new CalendarSettings("Asia/Shanghai", List.of("14:00-17:00", "08:00-10:00", "10:30-12:00"), List.of(2026)),
                List.of());
        // 08:00-10:00 2 h + 10:30-12:00 1.5 h + 14:00-17:00 3 h = 6.5 h; from 09:00: 1 h + 1.5 h, then 14:00 + 0.5 h.
        assertThat(threeShifts.officeDay()).isEqualTo(Duration.ofMinutes(390));
        assertThat(local(threeShifts.addWorkingTime(t("2026-03-02T09:00"), Duration.ofHours(3)))).isEqualTo(ldt("2026-03-02T14:30"));
    }

    @Test
    void negativeTimesAndFractionsAreRejected() {
        assertThatThrownBy(() -> calendar.addWorkingTime(t("2026-03-02T09:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.at(t("2026-03-02T09:00"), TimeLimit.parse("1 工作日"), -0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.at(t("2026-03-02T09:00"), TimeLimit.parse("1 工作日"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * {@code ${workingDays.after(execution, 3)}}, the process owner's expression: Wed 09-30 10:00 has 5.5 h left that day,
     * 国庆 Oct 1-7 is off, Thu 10-08 and Fri 10-09 are 7 h each (19.5 h), and Sat 10-10 is a make-up working day: 08:30 +
     * 1.5 h = 10:00. A plain {@code dateTime().plusDays(3)} would say Sat 10-03, in the middle of the holiday.
     * {@code hoursAfter(task, 4)} from Fri 01-30 16:00: Mon 02-02 11:30 (as in the first test).
     */
    @Test
    void workingDaysInTheProcessOwnersExpressionsCountHolidaysAndMakeUpDays() {
        WorkingDays workingDays = new WorkingDays(WorkingCalendars.bundled());
        DelegateExecution execution = Mockito.mock(DelegateExecution.class);
        Mockito.when(execution.getTenantId()).thenReturn("jiuting");
        DelegateTask task = Mockito.mock(DelegateTask.class);
        try {
            ClockUtil.setCurrentTime(Date.from(t("2026-09-30T10:00")));
            assertThat(local(workingDays.after(execution, 3).toInstant())).isEqualTo(ldt("2026-10-10T10:00"));
            ClockUtil.setCurrentTime(Date.from(t("2026-01-30T16:00")));
            assertThat(local(workingDays.hoursAfter(task, 4).toInstant())).isEqualTo(ldt("2026-02-02T11:30"));
        } finally {
            ClockUtil.reset();
        }
        assertThatThrownBy(() -> workingDays.after(execution, 0)).hasMessageContaining("时限必须大于 0");
    }
}

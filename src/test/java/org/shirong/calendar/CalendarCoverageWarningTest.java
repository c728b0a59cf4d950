package org.shirong.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;

/** The calendar must reach 12 months ahead; provisional years are reported until replaced. */
@SharesJvm
class CalendarCoverageWarningTest {

    private static final WorkingCalendarLoader LOADER = new WorkingCalendarLoader(new CalendarProperties("calendar"));
    private static final LocalDate NOVEMBER_22 = LocalDate.parse("2026-11-22");

    private static WorkingCalendar only2026() {
        CalendarFiles bundled = WorkingCalendarLoader.readBundled();
        return WorkingCalendar.of(new CalendarSettings("Asia/Shanghai", bundled.settings().officeHours(), List.of(2026)),
                bundled.years().stream().filter(y -> y.year() == 2026).toList());
    }

    @Test
    void onlyThe2026FileDoesNotCoverTheYearFromLateNovember() {
        WorkingCalendar calendar = only2026();
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(calendar.coversNext12Months(NOVEMBER_22)).isFalse();
        // From New Year's Day the next 12 months end on 2026-12-31.
        assertThat(calendar.coversNext12Months(LocalDate.parse("2026-01-01"))).isTrue();
        assertThat(calendar.provisionalYears()).isEmpty();
        assertThat(new CalendarCoverageWarning(calendar, LOADER).warnings(NOVEMBER_22)).singleElement().asString()
                .contains("未覆盖今后 12 个月", "2026-11-22 至 2027-11-21", "缺少 2027 年", "config/calendar/2027.yaml");
    }

    @Test
    void theShippedCalendarCoversTheYearButReports2027AsProvisional() {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(calendar.coversNext12Months(NOVEMBER_22)).isTrue();
        assertThat(calendar.provisionalYears()).containsExactly(2027);
        assertThat(new CalendarCoverageWarning(calendar, LOADER).warnings(NOVEMBER_22)).containsExactly(
                "2027 年节假日为临时安排（仅法定节日），请在国务院公布后替换 config/calendar/2027.yaml");
    }

    @Test
    void aCalendarStartingAfterTodayDoesNotCoverIt() {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        assertThat(calendar.coversNext12Months(LocalDate.parse("2025-12-01"))).isFalse();
        assertThat(calendar.coversNext12Months(LocalDate.parse("2027-01-02"))).isFalse();
        assertThat(new CalendarCoverageWarning(calendar, LOADER).warnings(LocalDate.parse("2025-12-01")).get(0))
                .contains("缺少 2025 年");
    }
}

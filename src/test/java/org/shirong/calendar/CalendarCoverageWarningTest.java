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

    /**
     * sjreview F19: what a page or report whose days run over a span says of the calendar: a line for a provisional year
     * it reaches and for a year beyond the calendar, nothing for a published year or one before the calendar begins.
     */
    @Test
    void aSpanReachingAProvisionalOrUncoveredYearIsWarnedOf() {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        assertThat(calendar.warnings(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-12-31"))).isEmpty();
        assertThat(calendar.warnings(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-12-31"))).as("before the calendar").isEmpty();
        assertThat(calendar.warnings(LocalDate.parse("2026-10-26"), LocalDate.parse("2027-02-25"))).containsExactly(
                "2027年工作日历为暂定（仅法定节日，没有调休），待国务院办公厅公布放假安排后更新；落在2027年的工作日和期限届时可能变化。");
        assertThat(calendar.warnings(LocalDate.parse("2027-12-01"), LocalDate.parse("2028-01-31"))).hasSize(2)
                .last().asString().isEqualTo("2028年尚无工作日历，该年只按周末休息计算工作日和期限，请添加该年的放假安排。");
        assertThat(only2026().warnings(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-31"))).singleElement().asString()
                .startsWith("2027年尚无工作日历");
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

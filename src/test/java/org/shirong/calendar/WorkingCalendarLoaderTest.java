package org.shirong.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.calendar.WorkingCalendarLoader.CalendarFile;
import org.shirong.system.SharesJvm;
import org.shirong.system.StartupRefusedException;

/** Every mistake in the calendar files refuses start-up, naming the file and the field. */
@SharesJvm
class WorkingCalendarLoaderTest {

    private static final String SETTINGS = """
            time-zone: Asia/Shanghai
            office-hours: ["08:30-11:30", "13:00-17:00"]
            years: [2026]
            """;
    private static final String YEAR_HEAD = """
            year: 2026
            provisional: false
            source: { title: 国务院办公厅关于2026年部分节假日安排的通知, published: 2025-11-04 }
            """;

    private static CalendarFiles read(Map<String, String> files) {
        return WorkingCalendarLoader.read(name -> Optional.ofNullable(files.get(name))
                .map(text -> new CalendarFile("config/calendar/" + name, text)), List.of());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusing(String settings, String year2026) {
        return assertThatThrownBy(() -> read(Map.of("calendar.yaml", settings, "2026.yaml", year2026)))
                .isInstanceOf(StartupRefusedException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusingYear(String body) {
        return refusing(SETTINGS, YEAR_HEAD + body).hasMessageContaining("config/calendar/2026.yaml");
    }

    @Test
    void theShippedFilesAreValid() {
        CalendarFiles files = new WorkingCalendarLoader(new CalendarProperties("calendar")).load();
        assertThat(files).isEqualTo(WorkingCalendarLoader.readBundled());
        assertThat(files.settings().timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(files.years()).extracting(YearSchedule::year).containsExactly(2026, 2027);
        YearSchedule y2026 = files.years().get(0);
        assertThat(y2026.isProvisional()).isFalse();
        assertThat(y2026.source().published()).isEqualTo(LocalDate.parse("2025-11-04"));
        assertThat(y2026.holidays()).hasSize(7);
        assertThat(y2026.makeUpDays()).extracting(YearSchedule.MakeUpDay::date).extracting(LocalDate::toString)
                .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        YearSchedule y2027 = files.years().get(1);
        assertThat(y2027.isProvisional()).isTrue();
        assertThat(y2027.makeUpDays()).isEmpty();
        // 13 statutory days: 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3.
        assertThat(y2027.holidays().stream().mapToLong(h -> h.from().datesUntil(h.to().plusDays(1)).count()).sum()).isEqualTo(13);
    }

    @Test
    void overlappingOfficeHoursAreRefused() {
        refusing(SETTINGS.replace("\"13:00-17:00\"", "\"11:00-17:00\""), YEAR_HEAD)
                .hasMessageContaining("config/calendar/calendar.yaml")
                .hasMessageContaining("office-hours: 办公时段 \"08:30-11:30\" 与 \"11:00-17:00\" 重叠");
    }

    @Test
    void malformedOfficeHoursAndTimeZoneAreRefused() {
        refusing(SETTINGS.replace("\"13:00-17:00\"", "\"13.00-17.00\"").replace("Asia/Shanghai", "Asia/Shangai"), YEAR_HEAD)
                .hasMessageContaining("config/calendar/calendar.yaml")
                .hasMessageContaining("time-zone: \"Asia/Shangai\" 不是有效的时区")
                .hasMessageContaining("office-hours[1]: \"13.00-17.00\" 格式应为");
        refusing(SETTINGS.replace("\"13:00-17:00\"", "\"17:00-13:00\""), YEAR_HEAD)
                .hasMessageContaining("office-hours[1]: \"17:00-13:00\" 开始时间须早于结束时间");
    }

    @Test
    void aMakeUpDayOnAWeekdayIsRefused() {
        refusingYear("""
                holidays: [{ name: 国庆节, from: 2026-10-01, to: 2026-10-07 }]
                make-up-days: [{ date: 2026-03-04, holiday: 国庆节 }]
                """).hasMessageContaining("make-up-days[0].date: 2026-03-04 是星期三，调休上班日只能是周六或周日");
    }

    @Test
    void aMakeUpDayMustBelongToAHolidayOfTheFileAndLieOutsideIt() {
        refusingYear("""
                holidays: [{ name: 国庆节, from: 2026-10-01, to: 2026-10-07 }]
                make-up-days: [{ date: 2026-10-04, holiday: 国庆 }]
                """).hasMessageContaining("make-up-days[0].date: 2026-10-04 在 holidays[0]（国庆节）假期内")
                .hasMessageContaining("make-up-days[0].holiday: \"国庆\" 不是本文件 holidays 中的节日名称");
    }

    @Test
    void unknownFieldsAreNamed() {
        refusingYear("holidays: [{ name: 元旦, form: 2026-01-01, to: 2026-01-03 }]\n")
                .hasMessageContaining("holidays[0].form（第 4 行）: 未知字段");
        refusing(SETTINGS + "office-hour: [\"08:00-12:00\"]\n", YEAR_HEAD)
                .hasMessageContaining("config/calendar/calendar.yaml")
                .hasMessageContaining("office-hour（第 4 行）: 未知字段");
    }

    @Test
    void reversedAndOutOfYearDatesAreRefused() {
        refusingYear("""
                holidays:
                  - { name: 春节, from: 2026-02-23, to: 2026-02-15 }
                  - { name: 劳动节, from: 2025-05-01, to: 2025-05-05 }
                make-up-days: [{ date: 2027-01-02, holiday: 春节 }]
                """).hasMessageContaining("holidays[0].to: 2026-02-15 早于开始日期 from 2026-02-23")
                .hasMessageContaining("holidays[1].from: 2025-05-01 不在 2026 年内")
                .hasMessageContaining("holidays[1].to: 2025-05-05 不在 2026 年内")
                .hasMessageContaining("make-up-days[0].date: 2027-01-02 不在 2026 年内");
        refusingYear("holidays: [{ name: 春节, from: 2026-02-15, to: 2026-02-30 }]\n")
                .hasMessageContaining("holidays[0].to（第 4 行）");
    }

    @Test
    void aNewYearHolidayMayStartInThePreviousDecember() {
        // As in the State Council's 2019 schedule: 2018-12-30 to 2019-01-01 off, Sat 2018-12-29 worked.
        CalendarFiles files = read(Map.of("calendar.yaml", SETTINGS, "2026.yaml", YEAR_HEAD + """
                holidays: [{ name: 元旦, from: 2025-12-30, to: 2026-01-01 }]
                make-up-days: [{ date: 2025-12-27, holiday: 元旦 }]
                """));
        WorkingCalendar calendar = WorkingCalendar.of(files.settings(), files.years());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-12-30"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-12-27"))).isTrue();
    }

    @Test
    void aListedYearWithoutItsFileIsRefused() {
        assertThatThrownBy(() -> read(Map.of("calendar.yaml", SETTINGS.replace("[2026]", "[2026, 2028]"), "2026.yaml", YEAR_HEAD)))
                .hasMessageContaining("config/calendar/calendar.yaml")
                .hasMessageContaining("years[1]: 列出了 2028 年，但找不到文件 2028.yaml");
    }

    @Test
    void aYearFileMustSayItsYearAndWhetherItIsProvisional() {
        refusing(SETTINGS, "year: 2025\nholidays: []\n")
                .hasMessageContaining("config/calendar/2026.yaml")
                .hasMessageContaining("year: 2025 与文件名 2026.yaml 不符")
                .hasMessageContaining("provisional: 必须填写");
        refusing(SETTINGS, "year: 2026\nprovisional: false\n")
                .hasMessageContaining("source.title: 必须填写")
                .hasMessageContaining("source.published: 必须填写");
    }

    @Test
    void aMakeUpDayInOneFileMustNotBeAHolidayInAnother() {
        String settings = SETTINGS.replace("[2026]", "[2025, 2026]");
        String y2025 = "year: 2025\nprovisional: true\nholidays: [{ name: 元旦, from: 2025-12-27, to: 2025-12-31 }]\n";
        String y2026 = YEAR_HEAD + """
                holidays: [{ name: 元旦, from: 2026-01-01, to: 2026-01-03 }]
                make-up-days: [{ date: 2025-12-27, holiday: 元旦 }]
                """;
        assertThatThrownBy(() -> read(Map.of("calendar.yaml", settings, "2025.yaml", y2025, "2026.yaml", y2026)))
                .hasMessageContaining("工作日历文件 config/calendar/2026.yaml 有误")
                .hasMessageContaining("make-up-days[0].date: 2025-12-27 在 config/calendar/2025.yaml 中的元旦假期内");
    }

    @Test
    void theOfficeReplacesOneYearFileAndKeepsTheBundledRest(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("2027.yaml"), """
                year: 2027
                provisional: false
                source: { title: 国务院办公厅关于2027年部分节假日安排的通知, published: 2026-11-05 }
                holidays: [{ name: 国庆节, from: 2027-10-01, to: 2027-10-07 }]
                make-up-days: [{ date: 2027-09-26, holiday: 国庆节 }]
                """);
        WorkingCalendarLoader loader = new WorkingCalendarLoader(new CalendarProperties(folder.toString()));
        CalendarFiles files = loader.load();
        WorkingCalendar calendar = WorkingCalendar.of(files.settings(), files.years());
        assertThat(calendar.provisionalYears()).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-05"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-09-26"))).as("Sun make-up").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("bundled 2026").isTrue();
    }

    @Test
    void aYearFileInTheFolderThatIsNotListedIsRefused(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("2028.yaml"), "year: 2028\nprovisional: true\n");
        WorkingCalendarLoader loader = new WorkingCalendarLoader(new CalendarProperties(folder.toString()));
        assertThatThrownBy(loader::load)
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("classpath:config/calendar/calendar.yaml")
                .hasMessageContaining("years: 配置文件夹中有 2028.yaml，但 years 未列出 2028");
    }
}

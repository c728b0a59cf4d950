package org.shirong.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The mistakes an office can make in the calendar files, each named by field, in Chinese. */
final class CalendarChecks {

    private CalendarChecks() {
    }

    static List<String> settings(CalendarSettings settings) {
        List<String> problems = new ArrayList<>();
        if (blank(settings.timeZone())) {
            problems.add("time-zone: 必须填写时区，如 Asia/Shanghai");
        } else {
            checkTimeZone(settings.timeZone(), problems);
        }
        checkOfficeHours(settings.officeHours(), problems);
        if (settings.years().isEmpty()) {
            problems.add("years: 至少列出一个年份，如 [2026, 2027]");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < settings.years().size(); i++) {
            Integer year = settings.years().get(i);
            if (year == null) {
                problems.add("years[" + i + "]: 必须填写年份");
            } else if (!seen.add(year)) {
                problems.add("years[" + i + "]: " + year + " 重复");
            }
        }
        return problems;
    }

    /** An organisation's own file: only the fields it sets are checked, the others come from the shared file. */
    static List<String> organization(OrganizationCalendarSettings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.timeZone() != null) {
            checkTimeZone(settings.timeZone(), problems);
        }
        if (settings.officeHours() != null) {
            checkOfficeHours(settings.officeHours(), problems);
        }
        return problems;
    }

    private static void checkTimeZone(String timeZone, List<String> problems) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add("time-zone: \"" + timeZone + "\" 不是有效的时区，如 Asia/Shanghai");
        }
    }

    private static void checkOfficeHours(List<String> officeHours, List<String> problems) {
        try {
            OfficeHours.parse(officeHours);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    static List<String> year(YearSchedule schedule, int year, String fileName) {
        List<String> problems = new ArrayList<>();
        if (schedule.year() == null) {
            problems.add("year: 必须填写，应为 " + year);
        } else if (schedule.year() != year) {
            problems.add("year: " + schedule.year() + " 与文件名 " + fileName + " 不符");
        }
        if (schedule.provisional() == null) {
            problems.add("provisional: 必须填写 false（国务院已公布的安排）或 true（临时安排，仅法定节日）");
        } else if (!schedule.provisional()) {
            if (schedule.source() == null || blank(schedule.source().title())) {
                problems.add("source.title: 必须填写所依据的通知名称");
            }
            if (schedule.source() == null || schedule.source().published() == null) {
                problems.add("source.published: 必须填写通知的发布日期");
            }
        }
        Map<LocalDate, Integer> holidayDays = new HashMap<>();
        checkHolidays(schedule, year, problems, holidayDays);
        checkMakeUpDays(schedule, year, problems, holidayDays);
        return problems;
    }

    private static void checkHolidays(YearSchedule schedule, int year, List<String> problems, Map<LocalDate, Integer> days) {
        for (int i = 0; i < schedule.holidays().size(); i++) {
            var holiday = schedule.holidays().get(i);
            String at = "holidays[" + i + "]";
            if (blank(holiday.name())) {
                problems.add(at + ".name: 必须填写节日名称");
            }
            boolean datesOk = checkDate(problems, at + ".from", holiday.from(), year)
                    & checkDate(problems, at + ".to", holiday.to(), year);
            if (!datesOk) {
                continue;
            }
            if (holiday.from().isAfter(holiday.to())) {
                problems.add(at + ".to: " + holiday.to() + " 早于开始日期 from " + holiday.from());
                continue;
            }
            for (LocalDate day : holiday.from().datesUntil(holiday.to().plusDays(1)).toList()) {
                Integer other = days.putIfAbsent(day, i);
                if (other != null) {
                    problems.add(at + ": 与 holidays[" + other + "]（" + schedule.holidays().get(other).name() + "）日期重叠");
                    break;
                }
            }
        }
    }

    private static void checkMakeUpDays(YearSchedule schedule, int year, List<String> problems, Map<LocalDate, Integer> holidayDays) {
        Set<String> names = new HashSet<>();
        schedule.holidays().forEach(h -> names.add(h.name()));
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < schedule.makeUpDays().size(); i++) {
            var makeUp = schedule.makeUpDays().get(i);
            String at = "make-up-days[" + i + "]";
            LocalDate date = makeUp.date();
            if (checkDate(problems, at + ".date", date, year)) {
                DayOfWeek day = date.getDayOfWeek();
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    problems.add(at + ".date: " + date + " 是" + day.getDisplayName(TextStyle.FULL, Locale.CHINA)
                            + "，调休上班日只能是周六或周日");
                } else if (holidayDays.containsKey(date)) {
                    int k = holidayDays.get(date);
                    problems.add(at + ".date: " + date + " 在 holidays[" + k + "]（" + schedule.holidays().get(k).name() + "）假期内");
                } else if (!seen.add(date)) {
                    problems.add(at + ".date: " + date + " 重复");
                }
            }
            if (blank(makeUp.holiday())) {
                problems.add(at + ".holiday: 必须填写所属节日（holidays 中的名称）");
            } else if (!names.contains(makeUp.holiday())) {
                problems.add(at + ".holiday: \"" + makeUp.holiday() + "\" 不是本文件 holidays 中的节日名称");
            }
        }
    }

    /**
     * A date must lie in the file's year, or in the December before it: the State Council's notice
     * for a year sometimes starts 元旦 on the last days of the old year (2019: 2018-12-30 to 2019-01-01).
     */
    private static boolean checkDate(List<String> problems, String field, LocalDate date, int year) {
        if (date == null) {
            problems.add(field + ": 必须填写日期，如 " + year + "-01-01");
            return false;
        }
        boolean inYear = date.getYear() == year || (date.getYear() == year - 1 && date.getMonth() == Month.DECEMBER);
        if (!inYear) {
            problems.add(field + ": " + date + " 不在 " + year + " 年内（只可填本年日期，元旦假期跨年时可填上一年 12 月的日期）");
        }
        return inYear;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

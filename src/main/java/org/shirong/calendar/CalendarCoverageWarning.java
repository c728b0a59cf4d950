package org.shirong.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the calendar does not reach 12 months ahead or holds a provisional year,
 * since deadlines there would ignore the State Council's holidays and make-up days.
 */
@Component
class CalendarCoverageWarning {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarCoverageWarning.class);

    private final WorkingCalendar calendar;
    private final Path folder;

    CalendarCoverageWarning(WorkingCalendar calendar, WorkingCalendarLoader loader) {
        this.calendar = calendar;
        this.folder = loader.externalFolder();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        warnings(LocalDate.now(calendar.zone())).forEach(LOG::warn);
    }

    List<String> warnings(LocalDate today) {
        List<String> warnings = new ArrayList<>();
        List<Integer> missing = calendar.missingYears(today);
        if (!missing.isEmpty()) {
            String years = missing.stream().map(String::valueOf).collect(Collectors.joining("、"));
            String files = missing.stream().map(y -> file(y + ".yaml")).collect(Collectors.joining("、"));
            warnings.add("工作日历未覆盖今后 12 个月（%s 至 %s）：缺少 %s 年的节假日安排，这些日期只按普通周末计算。请添加 %s，并列入 %s 的 years"
                    .formatted(today, WorkingCalendar.lastOfNext12Months(today), years, files, file(WorkingCalendarLoader.SETTINGS)));
        }
        for (int year : calendar.provisionalYears()) {
            warnings.add("%d 年节假日为临时安排（仅法定节日），请在国务院公布后替换 %s".formatted(year, file(year + ".yaml")));
        }
        return warnings;
    }

    private String file(String name) {
        return folder.resolve(name).toString();
    }
}

package org.shirong.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The office's opening intervals within a working day, sorted and non-overlapping. */
record OfficeHours(List<Interval> intervals) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    /** One opening, {@code start} inclusive, {@code end} exclusive. */
    record Interval(LocalTime start, LocalTime end) {

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    OfficeHours {
        intervals = intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
    }

    /**
     * Parses entries such as {@code "08:30-11:30"}.
     *
     * @throws IllegalArgumentException naming the entry ({@code office-hours[1]: …}) in Chinese
     */
    static OfficeHours parse(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("office-hours: 至少填写一个办公时段，如 \"08:30-11:30\"");
        }
        List<Interval> intervals = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            intervals.add(parseInterval("office-hours[" + i + "]", texts.get(i)));
        }
        OfficeHours hours = new OfficeHours(intervals);
        for (int i = 1; i < hours.intervals.size(); i++) {
            Interval before = hours.intervals.get(i - 1);
            Interval after = hours.intervals.get(i);
            if (after.start.isBefore(before.end)) {
                throw new IllegalArgumentException("office-hours: 办公时段 \"%s\" 与 \"%s\" 重叠".formatted(before, after));
            }
        }
        return hours;
    }

    private static Interval parseInterval(String field, String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(field + ": \"" + text + "\" 格式应为 时:分-时:分，如 \"08:30-11:30\"");
        }
        try {
            LocalTime start = LocalTime.parse(pad(m.group(1)));
            LocalTime end = LocalTime.parse(pad(m.group(2)));
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException(field + ": \"" + text + "\" 开始时间须早于结束时间（不能跨过午夜）");
            }
            return new Interval(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": \"" + text + "\" 不是有效的时刻", e);
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    /** The office time of one full working day (7 h for 08:30-11:30 and 13:00-17:00). */
    Duration perDay() {
        return intervals.stream().map(i -> Duration.between(i.start, i.end)).reduce(Duration.ZERO, Duration::plus);
    }
}

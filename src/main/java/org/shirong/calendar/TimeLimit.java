package org.shirong.calendar;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rectification limit such as "4 工作时" or "5 工作日"; turned into instants by {@link WorkingCalendar}. */
public record TimeLimit(int amount, LimitUnit unit) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*(\\S+)\\s*");

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("时限必须大于 0，实际为 " + amount);
        }
    }

    /**
     * Reads {@code "4 WORKING_HOURS"}, {@code "4 工作时"} or {@code "4工作时"}.
     *
     * @throws IllegalArgumentException with a Chinese message when the text is not such a limit
     */
    public static TimeLimit parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        LimitUnit unit = m != null && m.matches() ? LimitUnit.fromText(m.group(2)).orElse(null) : null;
        if (unit == null) {
            throw new IllegalArgumentException("无法识别的时限 \"" + text
                    + "\"，应为数量加单位，如 \"4 WORKING_HOURS\"、\"5 工作日\"、\"3 自然日\"");
        }
        try {
            return new TimeLimit(Integer.parseInt(m.group(1)), unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("时限 \"" + text + "\" 的数量过大", e);
        }
    }

    /** How the office writes it, e.g. "4 工作时". */
    public String label() {
        return amount + " " + unit.label();
    }
}

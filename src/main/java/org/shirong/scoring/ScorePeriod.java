package org.shirong.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shirong.system.DateWindow;
import org.shirong.system.TextInput;

/**
 * A scoring period in the town's calendar: a month ({@code 2026-05}), a quarter ({@code 2026-Q2}) or a
 * year ({@code 2026}), from its first day (inclusive) to the first day after it (exclusive).
 */
record ScorePeriod(String code, String name, LocalDate from, LocalDate until) {

    static final String FORMAT_HINT = "格式应为 2026-05（月）、2026-Q2（季度）或 2026（年）";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    /**
     * The period a text names, if it is one of the three forms with a year from 2000 to 2099 (surrounding spaces aside;
     * a text with control characters names none). Whether people may ask for it is {@link #problem}'s business.
     */
    static Optional<ScorePeriod> parse(String text) {
        if (text == null || TextInput.problem("", text, false).isPresent()) {
            return Optional.empty();
        }
        String s = text.strip();
        Matcher m;
        if ((m = MONTH.matcher(s)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            return plausible(year) && month >= 1 && month <= 12 ? Optional.of(month(YearMonth.of(year, month))) : Optional.empty();
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
            return plausible(year) ? Optional.of(new ScorePeriod(year + "-Q" + quarter,
                    year + "年第" + QUARTER_NAMES[quarter - 1] + "季度", from, from.plusMonths(3))) : Optional.empty();
        }
        if (YEAR.matcher(s).matches()) {
            int year = Integer.parseInt(s);
            return plausible(year) ? Optional.of(new ScorePeriod(s, year + "年", LocalDate.of(year, 1, 1),
                    LocalDate.of(year + 1, 1, 1))) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Why {@code text} cannot be taken as the 考核期间 people ask for: control characters, not a period, or a period
     * wholly outside the days they may type ({@link DateWindow}, as of {@code today}); empty when it can.
     */
    static Optional<String> problem(String text, DateWindow window, LocalDate today) {
        Optional<String> characters = TextInput.problem("考核期间", text, false);
        if (characters.isPresent()) {
            return characters;
        }
        Optional<ScorePeriod> period = parse(text);
        LocalDate latest = today.plusYears(window.yearsAhead());
        if (period.isEmpty() && text != null && wellFormed(text.strip())) {
            // 1970 or 2150-03: a period in form whose year is outside the years parse() takes, so outside the window too.
            return Optional.of("考核期间 %s 超出可查询的范围（%s 至 %s），请检查年份".formatted(text.strip(), window.earliest(), latest));
        }
        if (period.isEmpty()) {
            return Optional.of("考核期间 \"" + (text == null ? "" : text) + "\" 无效：" + FORMAT_HINT);
        }
        ScorePeriod p = period.get();
        if (!p.until.isAfter(window.earliest()) || p.from.isAfter(latest)) {
            return Optional.of("考核期间 %s 超出可查询的范围（%s 至 %s），请检查年份".formatted(p.code, window.earliest(), latest));
        }
        return Optional.empty();
    }

    /** Whether the text has the form of a period (a month 01–12, a quarter or a year), whatever its year. */
    private static boolean wellFormed(String s) {
        Matcher m = MONTH.matcher(s);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12;
        }
        return QUARTER.matcher(s).matches() || YEAR.matcher(s).matches();
    }

    static ScorePeriod month(YearMonth month) {
        return new ScorePeriod(month.toString(), month.getYear() + "年" + month.getMonthValue() + "月",
                month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The last full month before {@code now} in the town's time zone. */
    static ScorePeriod previousMonth(Instant now, ZoneId zone) {
        return month(YearMonth.from(now.atZone(zone)).minusMonths(1));
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return until.atStartOfDay(zone).toInstant();
    }

    /** The last day of the period, for people (the period ends at the start of {@link #until}). */
    LocalDate to() {
        return until.minusDays(1);
    }

    private static boolean plausible(int year) {
        return year >= 2000 && year <= 2099;
    }
}

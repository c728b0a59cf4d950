package org.shirong.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day of the year a plan ends a phase on, as a template's {@code ends} writes it: "2月底" (the month's last day, 28 or 29
 * February) or "12月31日". 锦溪镇's plan runs by the calendar (明确任务 to 2月底, 全面整治 to 年底, 考核 in the next 上半年),
 * so a campaign of it keeps those days rather than the lengths of 2017's phases (jxreview J8).
 */
record PlanDay(int month, int day) {

    /** {@code day} for the month's last day (月底). */
    static final int MONTH_END = 0;
    private static final Pattern TEXT = Pattern.compile("(\\d{1,2})月(?:(底)|(\\d{1,2})日)");

    /** The day {@code text} names, or empty when it is not "M月底" or "M月D日" of a day every year has. */
    static Optional<PlanDay> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(1));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return Optional.of(new PlanDay(month, MONTH_END));
        }
        int day = Integer.parseInt(m.group(3));
        // 2月29日 is not in every year: such a plan says 2月底.
        boolean everyYear = day >= 1 && day <= YearMonth.of(2025, month).lengthOfMonth();
        return everyYear ? Optional.of(new PlanDay(month, day)) : Optional.empty();
    }

    /** This day in {@code year}. */
    LocalDate in(int year) {
        YearMonth month = YearMonth.of(year, this.month);
        return day == MONTH_END ? month.atEndOfMonth() : month.atDay(day);
    }

    /** Whether {@code date} is this day of its year. */
    boolean is(LocalDate date) {
        return in(date.getYear()).equals(date);
    }

    /**
     * The end of a phase that begins on {@code from} and, by its template length, would end on {@code byLength}: this day
     * in the year nearest {@code byLength}, unless that has passed before the phase begins (a campaign started after the
     * plan's day in its year), when the length stands. A campaign of 锦溪's template started on 7 December runs its first
     * phase to the next 2月底, not to 6 January; one started in June keeps the first phase's month and runs 全面整治 to 年底.
     */
    LocalDate endOfPhase(LocalDate from, LocalDate byLength) {
        LocalDate nearest = null;
        for (int year = byLength.getYear() - 1; year <= byLength.getYear() + 1; year++) {
            LocalDate candidate = in(year);
            if (nearest == null || Math.abs(candidate.toEpochDay() - byLength.toEpochDay())
                    < Math.abs(nearest.toEpochDay() - byLength.toEpochDay())) {
                nearest = candidate;
            }
        }
        return nearest.isBefore(from) ? byLength : nearest;
    }

    @Override
    public String toString() {
        return month + "月" + (day == MONTH_END ? "底" : day + "日");
    }
}

package org.shirong.campaign;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which unit scores a cycle calculates when it fires, relative to the firing date: the period just
 * ended (an assessment at the start of a year looks back) or the one under way (an assessment in
 * December of a campaign that ends with the year).
 */
public enum ScoredPeriod {
    PREVIOUS_MONTH("上月"),
    CURRENT_MONTH("本月"),
    PREVIOUS_QUARTER("上季度"),
    CURRENT_QUARTER("本季度"),
    PREVIOUS_YEAR("上年度"),
    CURRENT_YEAR("本年度");

    private final String label;

    ScoredPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this is a period over by the day it is scored (上月、上季度、上年度), whose results can be 通报'd as final. */
    boolean lookingBack() {
        return this == PREVIOUS_MONTH || this == PREVIOUS_QUARTER || this == PREVIOUS_YEAR;
    }

    /** The period before the one under way (上月 for 本月), or this one if it looks back already. */
    ScoredPeriod closed() {
        return switch (this) {
            case CURRENT_MONTH -> PREVIOUS_MONTH;
            case CURRENT_QUARTER -> PREVIOUS_QUARTER;
            case CURRENT_YEAR -> PREVIOUS_YEAR;
            default -> this;
        };
    }

    /** The unit-score period code (2026-05, 2026-Q2, 2026) this means on {@code day}. */
    public String code(LocalDate day) {
        return switch (this) {
            case PREVIOUS_MONTH -> YearMonth.from(day).minusMonths(1).toString();
            case CURRENT_MONTH -> YearMonth.from(day).toString();
            case PREVIOUS_QUARTER -> quarter(day.minusMonths(3));
            case CURRENT_QUARTER -> quarter(day);
            case PREVIOUS_YEAR -> Integer.toString(day.getYear() - 1);
            case CURRENT_YEAR -> Integer.toString(day.getYear());
        };
    }

    /** The first day of the period this means on {@code day}. */
    LocalDate from(LocalDate day) {
        return switch (this) {
            case PREVIOUS_MONTH -> day.withDayOfMonth(1).minusMonths(1);
            case CURRENT_MONTH -> day.withDayOfMonth(1);
            case PREVIOUS_QUARTER -> until(day).minusMonths(3);
            case CURRENT_QUARTER -> until(day).minusMonths(3);
            case PREVIOUS_YEAR -> day.withDayOfYear(1).minusYears(1);
            case CURRENT_YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day after the period this means on {@code day}. */
    LocalDate until(LocalDate day) {
        LocalDate quarterStart = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
        return switch (this) {
            case PREVIOUS_MONTH -> day.withDayOfMonth(1);
            case CURRENT_MONTH -> day.withDayOfMonth(1).plusMonths(1);
            case PREVIOUS_QUARTER -> quarterStart;
            case CURRENT_QUARTER -> quarterStart.plusMonths(3);
            case PREVIOUS_YEAR -> day.withDayOfYear(1);
            case CURRENT_YEAR -> day.withDayOfYear(1).plusYears(1);
        };
    }

    private static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}

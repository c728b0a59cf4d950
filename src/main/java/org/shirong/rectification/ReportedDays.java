package org.shirong.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.shirong.system.ApiError;
import org.shirong.system.DateWindow;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;

/**
 * The days a case list or ledger is narrowed to by when the cases were reported ({@code from} and {@code to}, both
 * included, either open), in the organisation's zone: "the cases reported in November" for the month's ledger.
 */
record ReportedDays(LocalDate from, LocalDate to, Instant start, Instant end) {

    /** Null when neither day is given; refuses (400, naming the parameter) a day not written as 2026-11-01, outside
     * {@code window}, or a {@code to} before {@code from}. */
    static ReportedDays of(String from, String to, ZoneId zone, DateWindow window, LocalDate today) {
        LocalDate first = day("from", from, window, today);
        LocalDate last = day("to", to, window, today);
        if (first == null && last == null) {
            return null;
        }
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidRequestException(ApiError.field("to", "DATE_RANGE",
                    "上报日期的结束日 to（" + last + "）早于开始日 from（" + first + "）"));
        }
        return new ReportedDays(first, last, first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** For the ledger's filter line: 上报日期 2026-11-01 至 2026-11-30 (起、止 when one is open). */
    String describe() {
        return from == null ? "上报日期 " + to + " 及以前" : to == null ? "上报日期 " + from + " 起" : "上报日期 " + from + " 至 " + to;
    }

    private static LocalDate day(String parameter, String text, DateWindow window, LocalDate today) {
        String written = TextInput.selector(parameter, text, "INVALID_PARAMETER");
        if (written == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(ApiError.field(parameter, "INVALID_DATE",
                    "参数 " + parameter + " 应为日期，如 2026-11-01"));
        }
        window.problem("参数 " + parameter, day, today).ifPresent(problem -> {
            throw new InvalidRequestException(ApiError.field(parameter, "DATE_OUT_OF_RANGE", problem));
        });
        return day;
    }
}

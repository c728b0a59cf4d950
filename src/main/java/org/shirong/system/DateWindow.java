package org.shirong.system;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The days a person may type for anything Shirong schedules (a campaign's phases, an extended deadline, a
 * meeting decision's 期限): from {@code earliest} to {@code yearsAhead} years after today. A day outside
 * is a typing mistake (99999 for 2026) and is refused naming the field, before any timer is set on it.
 */
@ConfigurationProperties("shirong.input.dates")
public record DateWindow(LocalDate earliest, int yearsAhead) {

    /** The window when none is configured (tests of single classes). */
    public static final DateWindow DEFAULT = new DateWindow(LocalDate.of(2000, 1, 1), 10);

    public DateWindow {
        earliest = earliest == null ? LocalDate.of(2000, 1, 1) : earliest;
        yearsAhead = yearsAhead <= 0 ? 10 : yearsAhead;
    }

    /** Why {@code day} cannot be taken for the field {@code label}; empty when it lies in the window. */
    public Optional<String> problem(String label, LocalDate day, LocalDate today) {
        LocalDate latest = today.plusYears(yearsAhead);
        if (day.isBefore(earliest) || day.isAfter(latest)) {
            return Optional.of("%s %s 超出可填写的范围（%s 至 %s），请检查年份".formatted(label, day, earliest, latest));
        }
        return Optional.empty();
    }
}

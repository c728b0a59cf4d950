package org.shirong.rectification;

import java.time.Clock;
import java.time.ZoneId;
import org.shirong.organization.OrganizationLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers {@code <prefix>-<year>-<six digits>} (e.g. JT-2026-000123), the prefix from
 * {@code organization.yaml}, numbered per year in {@code rect_case_sequence} under a row lock.
 */
@Component
class CaseNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;
    private final String prefix;
    private final ZoneId zone;

    @org.springframework.beans.factory.annotation.Autowired
    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, OrganizationLoader organization,
            org.shirong.calendar.WorkingCalendar calendar) {
        this(jdbc, transactionManager, organization.load().organization().casePrefix(), calendar.zone());
    }

    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, String prefix, ZoneId zone) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.prefix = prefix == null || prefix.isBlank() ? "SR" : prefix;
        this.zone = zone;
    }

    String next(Clock clock) {
        int year = clock.instant().atZone(zone).getYear();
        ensureYear(year);
        jdbc.update("update rect_case_sequence set last_value = last_value + 1 where seq_year = ?", year);
        Long value = jdbc.queryForObject("select last_value from rect_case_sequence where seq_year = ?", Long.class, year);
        return "%s-%d-%06d".formatted(prefix, year, value);
    }

    /** Creates the year's counter in its own transaction, so that a concurrent creator cannot spoil the caller's. */
    private void ensureYear(int year) {
        Integer rows = jdbc.queryForObject("select count(*) from rect_case_sequence where seq_year = ?", Integer.class, year);
        if (rows != null && rows > 0) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(s -> jdbc.update(
                    "insert into rect_case_sequence (seq_year, last_value) select ?, 0 where not exists"
                            + " (select 1 from rect_case_sequence where seq_year = ?)", year, year));
        } catch (org.springframework.dao.DuplicateKeyException createdByAnotherNode) {
            // the other node's row serves as well
        }
    }
}

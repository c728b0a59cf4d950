package org.shirong.rectification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.OrganizationLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers {@code <prefix>-<year>-<six digits>} (e.g. JT-2026-000123), the prefix from
 * {@code organization.yaml}, counted per year by a database sequence {@code rect_case_no_<year>}.
 * A sequence hands out a value without a row lock, so an import of thousands of cases and a single
 * report never wait for each other; the price is that a number drawn by a transaction that then
 * rolls back is not used again (a gap in the numbering).
 */
@Component
class CaseNumbers {

    /** The migration V21 (db.migration), which moved the per-year counters here, names the sequences the same way. */
    static final String SEQUENCE_PREFIX = "rect_case_no_";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;
    private final String prefix;
    private final ZoneId zone;
    private final Set<Integer> knownYears = ConcurrentHashMap.newKeySet();
    private volatile String nextValueSql;

    @Autowired
    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, OrganizationLoader organization,
            WorkingCalendar calendar) {
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
        ensureSequence(year);
        Long value = jdbc.queryForObject(nextValueSql().formatted(SEQUENCE_PREFIX + year), Long.class);
        return "%s-%d-%06d".formatted(prefix, year, value);
    }

    /**
     * Creates the year's sequence once, in its own transaction: H2 commits the surrounding transaction
     * on DDL, and a creation rolled back with the caller's case would leave the next caller without it.
     */
    private void ensureSequence(int year) {
        if (knownYears.contains(year)) {
            return;
        }
        String create = "create sequence if not exists " + SEQUENCE_PREFIX + year + " start with 1";
        try {
            separateTransaction.executeWithoutResult(s -> jdbc.execute(create));
        } catch (DataAccessException createdByAnotherNodeAtTheSameTime) {
            // PostgreSQL lets one of two simultaneous "if not exists" creations fail; the other's sequence serves.
            separateTransaction.executeWithoutResult(s -> jdbc.execute(create));
        }
        knownYears.add(year);
    }

    /** {@code nextval('…')} on PostgreSQL, the standard {@code next value for …} elsewhere (H2). */
    private String nextValueSql() {
        if (nextValueSql == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            nextValueSql = "PostgreSQL".equalsIgnoreCase(product) ? "select nextval('%s')" : "select next value for %s";
        }
        return nextValueSql;
    }
}

package org.shirong.rectification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shirong.calendar.WorkingCalendar;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.shirong.organization.Organizations;
import org.shirong.system.DatabaseProduct;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers {@code <prefix>-<year>-<six digits>} (e.g. JT-2026-000123), the prefix from
 * the organisation's {@code organization.yaml}, counted per prefix and year by a database sequence
 * {@code rect_case_no_<prefix>_<year>}.
 * A sequence hands out a value without a row lock, so an import of thousands of cases and a single
 * report never wait for each other; the price is that a number drawn by a transaction that then
 * rolls back is not used again (a gap in the numbering).
 */
@Component
class CaseNumbers {

    /** The migrations V21/V22 (db.migration), which made these sequences, name them the same way. */
    static final String SEQUENCE_PREFIX = "rect_case_no_";

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;
    private final TransactionTemplate separateTransaction;
    private final Function<String, String> prefixOf;
    private final ZoneId zone;
    private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();
    @Autowired
    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Organizations organizations,
            WorkingCalendar calendar) {
        this(jdbc, transactionManager, organization -> organizations.of(organization).organization().casePrefix(),
                calendar.zone());
    }

    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Function<String, String> prefixOf,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.prefixOf = prefixOf;
        this.zone = zone;
    }

    /** The organisation's next number, e.g. JT-2026-000124, from {@code rect_case_no_jt_2026}. */
    String next(String organization, Clock clock) {
        String prefix = prefixOf.apply(organization);
        int year = clock.instant().atZone(zone).getYear();
        String sequence = SEQUENCE_PREFIX + prefix.toLowerCase(Locale.ROOT) + "_" + year;
        ensureSequence(sequence);
        Long value = jdbc.queryForObject(nextValueSql().formatted(sequence), Long.class);
        return "%s-%d-%06d".formatted(prefix, year, value);
    }

    /**
     * The organisation's next {@code count} numbers, drawn in one statement (an import's chunk: one round trip instead of
     * one a case); in ascending order, not necessarily consecutive (another report may draw between them).
     */
    List<String> next(String organization, Clock clock, int count) {
        String prefix = prefixOf.apply(organization);
        int year = clock.instant().atZone(zone).getYear();
        String sequence = SEQUENCE_PREFIX + prefix.toLowerCase(Locale.ROOT) + "_" + year;
        ensureSequence(sequence);
        return jdbc.queryForList(rangeSql().formatted(sequence), Long.class, count).stream().sorted()
                .map(value -> "%s-%d-%06d".formatted(prefix, year, value)).toList();
    }

    /**
     * Makes sure the sequence exists, asking the database once per sequence and JVM. The caller's transaction already
     * holds a connection, so a sequence that exists (every one after the first report of an organisation's year) is
     * found with that connection: taking a second one here, as every first report after a start once did, held all ten
     * of the pool's connections in ten reports each waiting for an eleventh when a restarted node met its load
     * (30 s without an answer, then 500s). A missing sequence is created on PostgreSQL in the caller's transaction,
     * whose DDL commits or rolls back with the case; a transaction-level advisory lock makes simultaneous first reports
     * (on any node) wait for the creator's commit rather than fail on its uncommitted sequence. H2 commits the
     * surrounding transaction on DDL, so there it is created in a transaction of its own. Remembered only once the
     * caller's transaction commits: a sequence rolled back with its case is looked for again.
     */
    private void ensureSequence(String sequence) {
        if (knownSequences.contains(sequence)) {
            return;
        }
        String create = "create sequence if not exists " + sequence + " start with 1";
        if (database.isPostgres()) {
            if (Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, sequence))) {
                jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", sequence);
                jdbc.execute(create);
            }
        } else if (jdbc.queryForObject("select count(*) from information_schema.sequences where upper(sequence_name) = ?",
                Long.class, sequence.toUpperCase(Locale.ROOT)) == 0) {
            separateTransaction.executeWithoutResult(s -> jdbc.execute(create));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    knownSequences.add(sequence);
                }
            });
        } else {
            knownSequences.add(sequence);
        }
    }

    /** {@code count} values of a sequence: a row each, every row drawing its own. */
    private String rangeSql() {
        return database.isPostgres() ? "select nextval('%s') from generate_series(1, ?)"
                : "select next value for %s from system_range(1, ?)";
    }

    /** {@code nextval('…')} on PostgreSQL, the standard {@code next value for …} elsewhere (H2). */
    private String nextValueSql() {
        return database.isPostgres() ? "select nextval('%s')" : "select next value for %s";
    }
}

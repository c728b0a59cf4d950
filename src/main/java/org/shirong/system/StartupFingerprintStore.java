package org.shirong.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored start-up fingerprint (table {@code startup_fingerprint}, one row). Any change to identities,
 * authorizations or filters made through the engine forgets it (see {@link IdentityChangeInterceptor}), except the
 * start-up's own synchronisation, which stores a new one when it is done.
 */
@Component
class StartupFingerprintStore {

    private static final Logger LOG = LoggerFactory.getLogger(StartupFingerprintStore.class);
    private static final String NAME = "startup";

    // Not the application's JdbcTemplate bean: the engine plugin needs this before Flyway may run (after the engine).
    private final JdbcTemplate jdbc;
    /** On the synchronising thread: how many changes had forgotten the fingerprint when the synchronisation began. */
    private final ThreadLocal<Long> syncing = new ThreadLocal<>();
    private final AtomicLong forgotten = new AtomicLong();

    StartupFingerprintStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The fingerprint of the last complete synchronisation still in force, or null. */
    String stored() {
        List<String> rows = jdbc.queryForList("select fingerprint from startup_fingerprint where name = ?", String.class, NAME);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Stores the fingerprint of the synchronisation just done, unless a change made through the engine elsewhere while it
     * ran forgot the fingerprint (an administrator in Admin during start-up): then the next start synchronises everything.
     */
    void store(String fingerprint) {
        Long since = syncing.get();
        if (since != null && forgotten.get() != since) {
            LOG.info("同步组织机构期间有用户、组或授权经引擎更改，不记录启动指纹：下次启动将完整同步");
            return;
        }
        jdbc.update("delete from startup_fingerprint where name = ?", NAME);
        jdbc.update("insert into startup_fingerprint (name, fingerprint, stored_at) values (?,?,?)", NAME, fingerprint,
                Timestamp.from(Instant.now()));
    }

    /** The next start synchronises everything; changes made by the start-up synchronisation itself do not count. */
    void forget() {
        if (syncing.get() == null) {
            forgotten.incrementAndGet();
            jdbc.update("delete from startup_fingerprint where name = ?", NAME);
        }
    }

    /** Runs the start-up synchronisation on this thread, whose identity changes do not forget the fingerprint. */
    <T> T whileSyncing(java.util.function.Supplier<T> sync) {
        syncing.set(forgotten.get());
        try {
            return sync.get();
        } finally {
            syncing.remove();
        }
    }
}

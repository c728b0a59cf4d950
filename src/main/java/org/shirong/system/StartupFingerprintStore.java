package org.shirong.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored start-up fingerprint (table {@code startup_fingerprint}, one row). Any change to identities,
 * authorizations or filters made through the engine forgets it (see {@link IdentityChangeInterceptor}), except the
 * start-up's own synchronisation, which stores a new one when it is done.
 */
@Component
class StartupFingerprintStore {

    private static final String NAME = "startup";

    // Not the application's JdbcTemplate bean: the engine plugin needs this before Flyway may run (after the engine).
    private final JdbcTemplate jdbc;
    private final ThreadLocal<Boolean> syncing = new ThreadLocal<>();

    StartupFingerprintStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The fingerprint of the last complete synchronisation still in force, or null. */
    String stored() {
        List<String> rows = jdbc.queryForList("select fingerprint from startup_fingerprint where name = ?", String.class, NAME);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void store(String fingerprint) {
        jdbc.update("delete from startup_fingerprint where name = ?", NAME);
        jdbc.update("insert into startup_fingerprint (name, fingerprint, stored_at) values (?,?,?)", NAME, fingerprint,
                Timestamp.from(Instant.now()));
    }

    /** The next start synchronises everything; changes made by the start-up synchronisation itself do not count. */
    void forget() {
        if (syncing.get() == null) {
            jdbc.update("delete from startup_fingerprint where name = ?", NAME);
        }
    }

    /** Runs the start-up synchronisation on this thread, whose identity changes do not forget the fingerprint. */
    <T> T whileSyncing(java.util.function.Supplier<T> sync) {
        syncing.set(Boolean.TRUE);
        try {
            return sync.get();
        } finally {
            syncing.remove();
        }
    }
}

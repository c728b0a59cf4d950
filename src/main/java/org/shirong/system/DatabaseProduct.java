package org.shirong.system;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database a template writes to, asked of the first connection that needs to know and remembered. */
public final class DatabaseProduct {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public DatabaseProduct(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** PostgreSQL (production), where H2 (the embedded default) needs other SQL. */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = "PostgreSQL".equalsIgnoreCase(product);
            postgres = known;
        }
        return known;
    }
}

package org.shirong.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.shirong.ShirongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The databases the last single-organisation Shirong (Flyway V21) wrote, made by
 * {@code src/test/upgrade/make-fixture.sh} (contents in {@code src/test/resources/upgrade/v21/README.md}):
 * the demo run's H2 file, copied for each test, and a pg_dump of a production-profile run, restored
 * into a fresh embedded PostgreSQL. Upgrade tests start the current code on them.
 */
public final class UpgradeFixtures {

    private static final String H2_FILE = "/upgrade/v21/h2/shirong.mv.db";
    private static final String POSTGRES_DUMP = "/upgrade/v21/postgres.sql";

    /** Passwords in the H2 fixture: the demo run's. */
    public static final String H2_ADMIN_PASSWORD = "admin";
    public static final String H2_USER_PASSWORD = "demo";
    /** Passwords in the PostgreSQL fixture: the admin's from the production start, the users' set by that admin. */
    public static final String PG_ADMIN_PASSWORD = ShirongOnPostgres.ADMIN_PASSWORD;
    public static final String PG_USER_PASSWORD = "Shirong#2026-Upgrade";

    private UpgradeFixtures() {
    }

    /**
     * Copies the H2 fixture to {@code <dir>/data/shirong.mv.db}, where the demo run keeps it, and returns
     * its JDBC URL with the settings of {@code config/application.yaml}.
     */
    public static String h2In(Path dir) {
        Path data = dir.resolve("data");
        try (InputStream fixture = resource(H2_FILE)) {
            Files.createDirectories(data);
            Files.copy(fixture, data.resolve("shirong.mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:h2:file:" + data.resolve("shirong").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /**
     * Shirong in this JVM on a copy of the H2 fixture in {@code dir}: the default (demo) configuration on a
     * random port, with its own engine name and no job executor (the fixture's timers stay where they are).
     */
    public static ConfigurableApplicationContext startOnH2(Path dir, String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.datasource.url=" + h2In(dir)));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(ShirongApplication.class).run(args.toArray(String[]::new));
    }

    /** A fresh embedded PostgreSQL holding the PostgreSQL fixture in its database {@code postgres}. */
    public static EmbeddedPostgres postgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            restore(postgres.getPostgresDatabase());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shirong in this JVM with the production profile on {@code postgres} (see {@link ShirongOnPostgres}:
     * random port, own engine name, no job executor), with the admin password the fixture was made with.
     */
    public static ConfigurableApplicationContext startOnPostgres(EmbeddedPostgres postgres) {
        return ShirongOnPostgres.start(postgres, PG_ADMIN_PASSWORD);
    }

    /**
     * Runs the plain pg_dump script into {@code dataSource} as psql would: statements end with a
     * {@code ;} at the end of a line, {@code COPY … FROM stdin;} is followed by its rows up to {@code \.}
     * (fed to the server's COPY), and psql's own commands ({@code \restrict}) are skipped.
     */
    public static void restore(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                InputStream dump = resource(POSTGRES_DUMP);
                BufferedReader lines = new BufferedReader(new InputStreamReader(dump, StandardCharsets.UTF_8))) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            // One transaction: all or nothing, and no commit per statement.
            connection.setAutoCommit(false);
            StringBuilder statement = new StringBuilder();
            try (Statement sql = connection.createStatement()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (statement.isEmpty() && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
                        continue;
                    }
                    statement.append(line).append('\n');
                    if (!line.endsWith(";")) {
                        continue;
                    }
                    String text = statement.toString();
                    statement.setLength(0);
                    if (text.startsWith("COPY ") && text.stripTrailing().endsWith("FROM stdin;")) {
                        StringBuilder rows = new StringBuilder();
                        for (String row = lines.readLine(); !"\\.".equals(row); row = lines.readLine()) {
                            if (row == null) {
                                throw new IllegalStateException("COPY without its end (\\.): " + text);
                            }
                            rows.append(row).append('\n');
                        }
                        pg.getCopyAPI().copyIn(text, new StringReader(rows.toString()));
                    } else {
                        sql.execute(text);
                    }
                }
            }
            if (!statement.toString().isBlank()) {
                throw new IllegalStateException("dump ends inside a statement: " + statement);
            }
            connection.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("restoring " + POSTGRES_DUMP + " failed", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = UpgradeFixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing: run src/test/upgrade/make-fixture.sh");
        }
        return in;
    }
}

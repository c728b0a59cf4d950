package org.shirong.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.shirong.ShirongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with the production profile on an embedded PostgreSQL, on a random port, with
 * its own engine name and (unless asked for) no job executor, as the PostgreSQL tests start it.
 */
public final class ShirongOnPostgres {

    /** An admin password that passes the password policy. */
    public static final String ADMIN_PASSWORD = "Jiuting#2026-Shirong";
    /** The recovery administrator's password, which production requires as well. */
    public static final String RECOVERY_PASSWORD = "Songjiang#2026-Recover";

    private ShirongOnPostgres() {
    }

    /** A fresh embedded PostgreSQL and Shirong started on it; closing stops Shirong, then the database. */
    public record Running(EmbeddedPostgres database, ConfigurableApplicationContext context) implements AutoCloseable {

        /** HTTP to the started application as the admin. */
        public TestRestTemplate adminRest() {
            return ShirongOnPostgres.adminRest(context);
        }

        @Override
        public void close() throws Exception {
            try {
                context.close();
            } finally {
                database.close();
            }
        }
    }

    /** Starts a fresh embedded PostgreSQL and Shirong on it as the admin {@link #ADMIN_PASSWORD}; see the start methods. */
    public static Running startWithDatabase(boolean jobExecutor, Class<?>... extraSources) throws java.io.IOException {
        EmbeddedPostgres database = EmbeddedPostgres.builder().start();
        try {
            return new Running(database, start(database, ADMIN_PASSWORD, jobExecutor, extraSources));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts Shirong on {@code postgres}; without {@code adminPassword} the production profile is expected to refuse. */
    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminPassword) {
        return start(postgres, adminPassword, RECOVERY_PASSWORD, false);
    }

    /** As {@link #start(EmbeddedPostgres, String)}, with the recovery administrator's password (null: none). */
    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminPassword, String recoveryPassword) {
        return start(postgres, adminPassword, recoveryPassword, false);
    }

    /** As above; with {@code jobExecutor} the engine runs its jobs (timers, async steps) as in production. */
    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminPassword, boolean jobExecutor) {
        return start(postgres, adminPassword, RECOVERY_PASSWORD, jobExecutor);
    }

    /** As above, with further configuration classes in the context (e.g. {@link StatementCounter.Config}). */
    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminPassword, boolean jobExecutor,
            Class<?>... extraSources) {
        return start(postgres, adminPassword, RECOVERY_PASSWORD, jobExecutor, extraSources);
    }

    /** As {@link #start(EmbeddedPostgres, String)} with the admin {@link #ADMIN_PASSWORD} and further settings. */
    public static ConfigurableApplicationContext startWith(EmbeddedPostgres postgres, String... settings) {
        return start(postgres, ADMIN_PASSWORD, RECOVERY_PASSWORD, false, List.of(settings));
    }

    /** As {@link #startWith}, with the job executor running as in production. */
    public static ConfigurableApplicationContext startWithJobs(EmbeddedPostgres postgres, String... settings) {
        return start(postgres, ADMIN_PASSWORD, RECOVERY_PASSWORD, true, List.of(settings));
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminPassword,
            String recoveryPassword, boolean jobExecutor, Class<?>... extraSources) {
        return start(postgres, adminPassword, recoveryPassword, jobExecutor, List.of(), extraSources);
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String adminPassword,
            String recoveryPassword, boolean jobExecutor, List<String> settings, Class<?>... extraSources) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                "--SHIRONG_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--SHIRONG_DB_USER=postgres",
                "--SHIRONG_DB_PASSWORD=postgres"));
        if (adminPassword != null) {
            args.add("--SHIRONG_ADMIN_PASSWORD=" + adminPassword);
        }
        if (recoveryPassword != null) {
            args.add("--SHIRONG_RECOVERY_ADMIN_PASSWORD=" + recoveryPassword);
        }
        args.addAll(settings);
        return new SpringApplicationBuilder(ShirongApplication.class).sources(extraSources).profiles("postgres")
                .run(args.toArray(String[]::new));
    }

    /** HTTP to the started application as the admin. */
    public static TestRestTemplate adminRest(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)).withBasicAuth("admin", ADMIN_PASSWORD);
    }
}

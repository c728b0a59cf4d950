package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Case numbers from per-year sequences on H2 and PostgreSQL: the migration carries the old counter
 * on, a new year starts at 1, and numbers drawn by parallel creators never repeat.
 */
class CaseNumbersTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:case-numbers;DB_CLOSE_DELAY=-1");
        numberingGoesOnFromTheOldCounter(h2);
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            numberingGoesOnFromTheOldCounter(postgres.getPostgresDatabase());
        }
    }

    private static void numberingGoesOnFromTheOldCounter(DataSource dataSource) throws Exception {
        migrate(dataSource, lastVersionBefore21(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into rect_case_sequence (seq_year, last_value) values (2026, 41)");
        migrate(dataSource, "latest");

        CaseNumbers numbers = new CaseNumbers(jdbc, new DataSourceTransactionManager(dataSource), organization -> "JT", SHANGHAI);
        Clock in2026 = Clock.fixed(Instant.parse("2026-12-31T15:59:59Z"), SHANGHAI);
        Clock in2027 = Clock.fixed(Instant.parse("2026-12-31T16:00:00Z"), SHANGHAI);
        assertThat(numbers.next("jiuting", in2026)).isEqualTo("JT-2026-000042");
        assertThat(numbers.next("jiuting", in2027)).isEqualTo("JT-2027-000001");

        ExecutorService creators = Executors.newFixedThreadPool(4);
        List<Callable<String>> draws = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            draws.add(() -> numbers.next("jiuting", in2027));
        }
        Set<String> drawn = new HashSet<>();
        for (Future<String> number : creators.invokeAll(draws)) {
            drawn.add(number.get());
        }
        creators.shutdown();
        assertThat(drawn).hasSize(200).allMatch(n -> n.matches("JT-2027-\\d{6}"));
        assertThat(numbers.next("jiuting", in2027)).isEqualTo("JT-2027-000202");
    }

    private static void migrate(DataSource dataSource, String target) {
        flyway(dataSource).target(target).load().migrate();
    }

    /** The database as it stood before case numbers moved to sequences. */
    private static String lastVersionBefore21(DataSource dataSource) {
        MigrationVersion v21 = MigrationVersion.fromVersion("21");
        return Arrays.stream(flyway(dataSource).load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(v21) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("shirong_schema_history")
                .baselineOnMigrate(true).baselineVersion("0");
    }
}

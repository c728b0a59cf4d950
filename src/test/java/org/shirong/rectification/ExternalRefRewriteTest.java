package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.shirong.system.TextInput;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V62 on H2 and PostgreSQL: outside numbers stored before {@link TextInput#reference} dropped every invisible
 * character and wrote dashes as "-" are rewritten as it writes them now, so that the same 12345 order reported again finds
 * its case (finalreview-s55 F2); two cases that come to one number keep both, the later one its number as stored.
 */
class ExternalRefRewriteTest {

    @Test
    void onH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:external-refs;DB_CLOSE_DELAY=-1");
        storedNumbersAreWrittenAsANewReportWritesThem(h2);
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            storedNumbersAreWrittenAsANewReportWritesThem(postgres.getPostgresDatabase());
        }
    }

    private static void storedNumbersAreWrittenAsANewReportWritesThem(DataSource dataSource) {
        migrate(dataSource, lastVersionBefore62(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String hyphen = "SJ\u20102026\u20100012"; // U+2010, as a web page writes it
        store(jdbc, "JT-2026-000001", "jiuting", hyphen, 1);
        store(jdbc, "JT-2026-000002", "jiuting", "SJ-2026-0012\uFE0F", 2); // the same order again, with a VS16: kept as stored
        store(jdbc, "JT-2026-000003", "jiuting", "12345\u2212000099", 4); // a minus sign
        store(jdbc, "JT-2026-000004", "jiuting", "12345-000100", 5); // already as it is written now
        store(jdbc, "JT-2026-000005", "jiuting", "12345-000100\u034F", 3); // earlier, but 000004 holds the number
        store(jdbc, "JT-2026-000006", "jiuting", "\u3164\u200B", 6); // shows nothing: kept
        store(jdbc, "JT-2026-000007", "jiuting", "campaign:JT-2026-DB:17:1", 7); // Shirong's own: unchanged
        store(jdbc, "JT-2026-000008", "jiuting", "\uFDFA".repeat(10), 8); // NFKC writes 18 letters for each: over 128
        store(jdbc, "SJ-2026-000001", "songjiang", hyphen, 9); // another organisation's order of that number

        migrate(dataSource, "latest");

        Map<String, String> refs = jdbc.query("select case_no, external_ref from rect_case", rs -> {
            Map<String, String> all = new java.util.HashMap<>();
            while (rs.next()) {
                all.put(rs.getString(1), rs.getString(2));
            }
            return all;
        });
        assertThat(refs).as("no case lost").hasSize(9);
        assertThat(refs).containsEntry("JT-2026-000001", "SJ-2026-0012")
                .containsEntry("JT-2026-000002", "SJ-2026-0012\uFE0F")
                .containsEntry("JT-2026-000003", "12345-000099")
                .containsEntry("JT-2026-000004", "12345-000100")
                .containsEntry("JT-2026-000005", "12345-000100\u034F")
                .containsEntry("JT-2026-000006", "\u3164\u200B")
                .containsEntry("JT-2026-000007", "campaign:JT-2026-DB:17:1")
                .containsEntry("JT-2026-000008", "\uFDFA".repeat(10))
                .containsEntry("SJ-2026-000001", "SJ-2026-0012");
        // the order reported or imported again after the upgrade is found under its number as a report writes it
        assertThat(caseOf(jdbc, "jiuting", "SJ\u20112026\u20110012")).containsExactly("JT-2026-000001");
        assertThat(caseOf(jdbc, "jiuting", "１２３４５－０００099")).containsExactly("JT-2026-000003");
        assertThat(caseOf(jdbc, "songjiang", "SJ-2026-0012\u200B")).containsExactly("SJ-2026-000001");
    }

    private static List<String> caseOf(JdbcTemplate jdbc, String tenant, String typed) {
        return jdbc.queryForList("select case_no from rect_case where tenant_id = ? and external_ref = ?", String.class, tenant,
                TextInput.reference(typed));
    }

    private static void store(JdbcTemplate jdbc, String caseNo, String tenant, String ref, int hour) {
        jdbc.update("insert into rect_case (case_no, tenant_id, source, external_ref, category, urgency, title, address, status,"
                        + " reported_at) values (?,?,?,?,?,?,?,?,?,?)", caseNo, tenant, "HOTLINE_12345", ref, "EXPOSED_GARBAGE",
                "NORMAL", "升级前的工单", "九亭大街 1 号", "DISPATCHED",
                Timestamp.from(Instant.parse("2026-11-02T00:00:00Z").plusSeconds(3600L * hour)));
    }

    private static void migrate(DataSource dataSource, String target) {
        flyway(dataSource).target(target).load().migrate();
    }

    /** The database as it stood before V62. */
    private static String lastVersionBefore62(DataSource dataSource) {
        MigrationVersion v62 = MigrationVersion.fromVersion("62");
        return Arrays.stream(flyway(dataSource).load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(v62) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("shirong_schema_history")
                .baselineOnMigrate(true).baselineVersion("0");
    }
}

package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V61 on H2 and PostgreSQL: a 季检查 score of before V61 goes to the campaign of the 发现问题 task its inspector
 * completed with it (the first one at or after the score, within a minute), not lost to an unrelated completion of another
 * campaign later that day (diffreview-s56 D3); none, or two campaigns at that instant: no campaign (''). The table's key
 * holds a score without a campaign once (D10).
 */
class ScoreInspectionCampaignMigrationTest {

    @Test
    void onH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:score-inspection-campaign;DB_CLOSE_DELAY=-1");
        legacyScoresGoToTheCampaignWhoseTaskEnteredThem(h2);
    }

    @Test
    void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            legacyScoresGoToTheCampaignWhoseTaskEnteredThem(postgres.getPostgresDatabase());
        }
    }

    private static void legacyScoresGoToTheCampaignWhoseTaskEnteredThem(DataSource dataSource) {
        migrate(dataSource, "60");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Instant ten = Instant.parse("2026-09-30T02:00:00Z");
        score(jdbc, "huanwei", "ducha1", ten);
        findings(jdbc, "JT-A", 1, "ducha1", ten.plusMillis(40)); // entered with it
        findings(jdbc, "JT-B", 2, "ducha1", ten.plusSeconds(5 * 3600)); // another campaign's work that afternoon
        score(jdbc, "chengguan", "ducha2", ten.plusSeconds(3600));
        findings(jdbc, "JT-B", 3, "ducha2", ten.plusSeconds(3600 + 300)); // five minutes later: another piece of work
        score(jdbc, "juweihui", "ducha3", ten.plusSeconds(7200));
        findings(jdbc, "JT-A", 4, "ducha3", ten.plusSeconds(7200).plusMillis(10));
        findings(jdbc, "JT-B", 5, "ducha3", ten.plusSeconds(7200).plusMillis(10)); // two campaigns at that instant

        migrate(dataSource, "61");

        Map<String, String> campaigns = new HashMap<>();
        jdbc.query("select unit_id, campaign_code from score_inspection", rs -> {
            campaigns.put(rs.getString(1), rs.getString(2));
        });
        assertThat(campaigns).containsExactlyInAnyOrderEntriesOf(Map.of("huanwei", "JT-A", "chengguan", "", "juweihui", ""));
        assertThatThrownBy(() -> score(jdbc, "chengguan", "ducha2", ten)).as("a score without a campaign is held once")
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static void score(JdbcTemplate jdbc, String unit, String inspector, Instant at) {
        jdbc.update("insert into score_inspection (score_period, unit_id, sheet_id, item_id, points, max_points, inspected_by,"
                + " recorded_at) values ('2026-Q3', ?, 'ROADS', 'ROAD_ORDER', 2, 3, ?, ?)", unit, inspector, Timestamp.from(at));
    }

    private static void findings(JdbcTemplate jdbc, String campaign, int no, String inspector, Instant at) {
        jdbc.update("insert into campaign_task (campaign_code, task_key, definition_id, name, kind, group_id, status, completed_by,"
                + " created_at, completed_at) values (?, ?, 'quarterlyCheck', '季度检查', 'FINDINGS', 'ducha', 'COMPLETED', ?, ?, ?)",
                campaign, "quarterlyCheck/" + no, inspector, Timestamp.from(at.minusSeconds(86_400)), Timestamp.from(at));
    }

    private static void migrate(DataSource dataSource, String target) {
        flyway(dataSource).target(target).load().migrate();
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("shirong_schema_history")
                .baselineOnMigrate(true).baselineVersion("0");
    }
}

package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the production profile started at the same moment, as separate JVMs, on one empty
 * PostgreSQL: both come up (one waits while the other creates the schema, migrates, deploys and
 * seeds) and both answer, with one deployment between them.
 */
class TwoNodesStartTest {

    @TempDir
    Path workDir;

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ShirongJvm first = node(postgres, "node-1");
                ShirongJvm second = node(postgres, "node-2")) {
            first.awaitReady(Duration.ofSeconds(150));
            second.awaitReady(Duration.ofSeconds(150));

            for (ShirongJvm node : List.of(first, second)) {
                var categories = node.as("admin", ShirongOnPostgres.ADMIN_PASSWORD).getForEntity("/api/categories?organization=jiuting", List.class);
                assertThat(categories.getStatusCode()).as("%s", node).isEqualTo(HttpStatus.OK);
                assertThat(categories.getBody()).as("%s", node).isNotEmpty();
            }
            assertThat(List.of(first.log(), second.log())).as("one node waited for the other")
                    .filteredOn(log -> log.contains("另一节点正在初始化数据库")).hasSize(1);
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            int organizations = org.shirong.organization.Organizations.read().ids().size();
            assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Integer.class))
                    .as("one deployment per organisation, not two").isEqualTo(organizations);
            assertThat(jdbc.queryForObject("select count(distinct tenant_id_) from act_re_deployment", Integer.class))
                    .isEqualTo(organizations);
            assertThat(jdbc.queryForObject("select count(*) from shirong_schema_history where not success", Integer.class)).isZero();
        }
    }

    private ShirongJvm node(EmbeddedPostgres postgres, String name) {
        return ShirongJvm.in(workDir.resolve(name), name)
                .arg("--spring.profiles.active=postgres")
                .env("SHIRONG_DB_URL", postgres.getJdbcUrl("postgres", "postgres"))
                .env("SHIRONG_DB_USER", "postgres")
                .env("SHIRONG_DB_PASSWORD", "postgres")
                .env("SHIRONG_ADMIN_PASSWORD", ShirongOnPostgres.ADMIN_PASSWORD)
                .env("SHIRONG_RECOVERY_ADMIN_PASSWORD", ShirongOnPostgres.RECOVERY_PASSWORD)
                .start();
    }
}

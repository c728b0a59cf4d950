package org.shirong.scoring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongOnPostgres;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On PostgreSQL (embedded, production profile): the unit ranking counted in the database is the one counted case by case
 * (see {@link AggregationCheck}), read by the administrator for 九亭镇.
 */
class ScoreAggregationOnPostgresTest {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        context = ShirongOnPostgres.start(postgres, ShirongOnPostgres.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        postgres.close();
    }

    @Test
    void theRankingCountedInTheDatabaseIsTheOneCountedCaseByCase() throws Exception {
        AggregationCheck check = new AggregationCheck(context);
        check.writeCases();
        try {
            check.sameAsPerCase(ShirongOnPostgres.adminRest(context), "admin", "jiuting");
        } finally {
            check.clear();
        }
    }
}

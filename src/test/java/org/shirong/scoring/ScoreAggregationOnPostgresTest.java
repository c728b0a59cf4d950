package org.shirong.scoring;

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

    private static ShirongOnPostgres.Running shirong;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        shirong = ShirongOnPostgres.startWithDatabase(false);
        context = shirong.context();
    }

    @AfterAll
    static void stop() throws Exception {
        shirong.close();
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

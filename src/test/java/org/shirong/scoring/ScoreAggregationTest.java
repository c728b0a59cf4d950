package org.shirong.scoring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/** On H2: the unit ranking counted in the database is the one counted case by case (see {@link AggregationCheck}). */
@ShirongWebTest
@SharesSpringContext
class ScoreAggregationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestRestTemplate rest;

    AggregationCheck check;

    @BeforeEach
    void cases() {
        check = new AggregationCheck(context);
        check.writeCases();
    }

    @AfterEach
    void clear() {
        check.clear();
    }

    @Test
    void theRankingCountedInTheDatabaseIsTheOneCountedCaseByCase() throws Exception {
        check.sameAsPerCase(rest.withBasicAuth("chengguan1", "demo"), "chengguan1", null);
    }
}

package org.shirong.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once Shirong has started, one small dossier is made in the background with the real renderer, font and template, so
 * that the first person to ask for a dossier does not wait for the renderer's one-time start.
 */
@ShirongWebTest
@SharesSpringContext
class DossierWarmUpTest {

    @Autowired
    DossierWarmUp warmUp;

    @Test
    void aDossierIsMadeInTheBackgroundOnceShirongHasStarted() {
        assertThat(warmUp.done()).succeedsWithin(Duration.ofMinutes(2));
    }
}

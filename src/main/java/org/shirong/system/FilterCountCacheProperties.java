package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a saved filter's count is reused for the same caller at most, for how many filter × caller pairs, and on how
 * many threads a caller's other counts are read alongside the first one after a change (0: one after the other), and
 * how long a request waits for a count being read alongside before it counts itself.
 */
@ConfigurationProperties("shirong.filters.count-cache")
record FilterCountCacheProperties(@DefaultValue("PT15S") Duration timeToLive, @DefaultValue("20000") int maxEntries,
        @DefaultValue("2") int parallelCounts, @DefaultValue("PT5S") Duration readAheadWait) {
}

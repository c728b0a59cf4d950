package org.shirong.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the scoring rubric is: an absolute path, or a name looked up first in {@code ./config/} and
 * then among the defaults bundled in the application.
 */
@ConfigurationProperties("shirong.scoring")
record ScoringProperties(@DefaultValue("scoring.yaml") String file) {
}

package org.shirong.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the category catalogue is: an absolute path, or a name looked up first in {@code ./config/}
 * and then among the defaults bundled in the application.
 */
@ConfigurationProperties("shirong.categories")
record CategoryProperties(@DefaultValue("categories.yaml") String file) {
}

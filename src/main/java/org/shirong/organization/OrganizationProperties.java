package org.shirong.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the organisation file is: an absolute path, or a name looked up first in {@code ./config/}
 * and then among the defaults bundled in the application.
 */
@ConfigurationProperties("shirong.organization")
record OrganizationProperties(String file) {
}

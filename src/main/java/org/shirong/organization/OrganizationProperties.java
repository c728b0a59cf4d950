package org.shirong.organization;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which organisations this installation runs: the folders under {@code folder} (relative to {@code ./config/} where
 * Shirong is started, or absolute) and those bundled in the application, all of them when {@code active} is empty.
 */
@ConfigurationProperties("shirong.organizations")
record OrganizationProperties(List<String> active, String folder) {

    OrganizationProperties {
        active = active == null ? List.of() : List.copyOf(active);
        folder = folder == null || folder.isBlank() ? OrganizationFolders.BUNDLED : folder;
    }
}

package org.shirong.organization;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which organisations this installation runs: the folders under {@code config/organizations/} (beside the running
 * application, else bundled), all of them when {@code active} is empty.
 */
@ConfigurationProperties("shirong.organizations")
record OrganizationProperties(List<String> active) {

    OrganizationProperties {
        active = active == null ? List.of() : List.copyOf(active);
    }
}

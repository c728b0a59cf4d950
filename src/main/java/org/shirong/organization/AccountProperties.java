package org.shirong.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator account, and whether this is the demo run that gives every user of the
 * organisation file the demo password.
 */
@ConfigurationProperties("shirong")
record AccountProperties(Admin admin, Demo demo) {

    record Admin(@DefaultValue("admin") String id, String password) {
    }

    record Demo(boolean enabled, String password) {
    }
}

package org.shirong.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator account, and whether this is the demo run that gives every user of the
 * organisation file the demo password.
 */
@ConfigurationProperties("shirong")
record AccountProperties(Admin admin, Demo demo) {

    /**
     * The administrator, and the recovery administrator whose password is set from the environment at
     * every start, so that an operator can always get in again by restarting (required in production).
     */
    record Admin(@DefaultValue("admin") String id, String password, @DefaultValue("recoveryadmin") String recoveryId,
            String recoveryPassword) {
    }

    record Demo(boolean enabled, String password) {
    }
}

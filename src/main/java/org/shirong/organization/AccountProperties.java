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
     * The administrator's password: the configured one ({@code SHIRONG_ADMIN_PASSWORD}); without it the demo's
     * ({@code shirong.demo.admin-password}, {@code admin}) in the demo run only, and none otherwise (start-up is refused).
     */
    String adminPassword() {
        if (admin.password() != null && !admin.password().isBlank()) {
            return admin.password();
        }
        return demo.enabled() ? demo.adminPassword() : null;
    }

    /**
     * The administrator, and the recovery administrator whose password is set from the environment at
     * every start, so that an operator can always get in again by restarting (required in production).
     */
    record Admin(@DefaultValue("admin") String id, String password, @DefaultValue("recoveryadmin") String recoveryId,
            String recoveryPassword) {
    }

    /** The demo run's accounts: every user's password and the administrator's, when no other is configured. */
    record Demo(boolean enabled, String password, @DefaultValue("admin") String adminPassword) {
    }
}

package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many failed logins lock an account from one address, or an address, for how long. */
@ConfigurationProperties("shirong.login")
record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window, @DefaultValue("PT15M") Duration lockTime) {
}

package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins lock an account from one address, or an address, for how long; and how many failures of
 * one account from anywhere slow its password checks from unknown addresses to one per {@code slowDown}.
 */
@ConfigurationProperties("shirong.login")
record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window, @DefaultValue("PT15M") Duration lockTime,
        @DefaultValue("30") int maxFailuresPerAccountEverywhere, @DefaultValue("PT10S") Duration slowDown) {
}

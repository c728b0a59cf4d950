package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins lock an account from one address, or an address, for how long; and how many failures of
 * one account from anywhere slow its password checks from each unknown address to one per {@code slowDown}; how long a
 * browser's signed cookie of an account it logged in to lets it past others' failures ({@code knownDeviceFor}).
 */
@ConfigurationProperties("shirong.login")
record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window, @DefaultValue("PT15M") Duration lockTime,
        @DefaultValue("30") int maxFailuresPerAccountEverywhere, @DefaultValue("PT10S") Duration slowDown,
        @DefaultValue("P90D") Duration knownDeviceFor) {
}

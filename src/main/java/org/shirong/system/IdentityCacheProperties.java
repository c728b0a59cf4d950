package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a logged-in user's verified password, groups and organisations are reused, and for how many users at most. */
@ConfigurationProperties("shirong.identity-cache")
public record IdentityCacheProperties(@DefaultValue("PT60S") Duration timeToLive, @DefaultValue("5000") int maxUsers) {
}

package org.shirong.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request body Shirong reads: from anyone, and from a request that carries no credentials at all. */
@ConfigurationProperties("shirong.http")
record RequestSizeProperties(@DefaultValue("30MB") DataSize maxRequestSize,
        @DefaultValue("64KB") DataSize maxAnonymousRequestSize) {
}

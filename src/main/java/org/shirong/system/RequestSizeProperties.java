package org.shirong.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body Shirong reads: from anyone, from a request that carries no credentials at all, and sent to
 * the engine's APIs other than a form submission or a deployment (a query, a list of ids, a message).
 */
@ConfigurationProperties("shirong.http")
record RequestSizeProperties(@DefaultValue("30MB") DataSize maxRequestSize,
        @DefaultValue("64KB") DataSize maxAnonymousRequestSize,
        @DefaultValue("256KB") DataSize maxEngineRequestSize) {
}

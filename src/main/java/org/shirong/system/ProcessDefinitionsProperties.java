package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long the latest definition of a process found for an organisation is reused ({@link ProcessDefinitions}). */
@ConfigurationProperties("shirong.process-definitions")
record ProcessDefinitionsProperties(@DefaultValue("PT60S") Duration timeToLive) {
}

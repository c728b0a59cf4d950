package org.shirong.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code shirong.notification} in {@code config/application.yaml}): the retry
 * cycle of delivery jobs and the three channels (links are built from {@code shirong.public-url}). The SMTP
 * server itself is Spring's {@code spring.mail.*}; e-mail goes out only when a host is set there.
 */
@ConfigurationProperties("shirong.notification")
record NotificationProperties(@DefaultValue("PT1M,PT10M,PT1H") String retryCycle,
        @DefaultValue Inbox inbox, @DefaultValue Email email, @DefaultValue Webhook webhook) {

    record Inbox(@DefaultValue("true") boolean enabled) {
    }

    record Email(@DefaultValue("true") boolean enabled, @DefaultValue("shirong@localhost") String from) {
    }

    /** Group robots: a URL per group id, and a default URL for groups without one (either may be empty). */
    record Webhook(@DefaultValue("true") boolean enabled, String defaultUrl, Map<String, String> groups,
            @DefaultValue("PT10S") Duration timeout) {

        Webhook {
            groups = groups == null ? Map.of() : Map.copyOf(groups);
        }
    }
}

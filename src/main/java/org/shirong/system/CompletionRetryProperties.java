package org.shirong.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a user's task completion is tried again when the engine's own background work changed
 * the same process instance at the same moment ({@link CompletionRetryInterceptor}).
 */
@ConfigurationProperties("shirong.completion-retry")
record CompletionRetryProperties(int attempts, Duration backoff) {

    /** Unset values (a configuration without this section) take the defaults of application.yaml. */
    CompletionRetryProperties {
        if (attempts == 0) {
            attempts = 4;
        }
        if (backoff == null) {
            backoff = Duration.ofMillis(50);
        }
        if (attempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("shirong.completion-retry：attempts 至少为 1（1 即不重试），backoff 不能为负数；当前为 "
                    + attempts + "、" + backoff);
        }
    }
}

package org.shirong.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rectification settings from {@code config/application.yaml}: the share of the time limit at which
 * the yellow warning goes out and at which an overdue case is escalated to the 通报 list.
 */
@ConfigurationProperties("shirong.rectification")
record RectificationProperties(double warnFraction, double escalateFraction) {
}

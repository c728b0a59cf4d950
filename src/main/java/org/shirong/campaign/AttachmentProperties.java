package org.shirong.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shirong.campaigns.attachments}: the largest file (bytes) a campaign task takes. The kinds a task takes are
 * the template's ({@code evidence.kinds}); the whole submission is also bounded by {@code shirong.rectification.max-form-bytes}.
 */
@ConfigurationProperties("shirong.campaigns.attachments")
record AttachmentProperties(@DefaultValue("5000000") int maxBytes) {
}

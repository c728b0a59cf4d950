package org.shirong.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the campaign templates are: an absolute folder, or a name looked up in {@code ./config/}; when
 * that folder holds no {@code *.yaml} file the templates bundled in the application
 * ({@code config/campaigns/}) are used.
 */
@ConfigurationProperties("shirong.campaigns")
record CampaignProperties(@DefaultValue("campaigns") String folder) {
}

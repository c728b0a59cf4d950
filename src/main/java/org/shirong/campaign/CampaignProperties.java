package org.shirong.campaign;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the campaign templates are: an absolute folder, or a name looked up in {@code ./config/}; when
 * that folder holds no {@code *.yaml} file the templates bundled in the application
 * ({@code config/campaigns/}) are used. {@code cycleTaskTime}: how long a unit has for a task a cycle
 * hands out (月报告, 检查), counted in days from the day the cycle runs.
 */
@ConfigurationProperties("shirong.campaigns")
record CampaignProperties(@DefaultValue("P7D") Period cycleTaskTime) {
}

package org.shirong.scoring;

import java.util.Optional;

/**
 * Which organisation a campaign belongs to, for scores asked for a campaign ({@code ?campaign=}): a campaign of
 * another organisation, or none, is not found. The campaign capability implements it.
 */
public interface CampaignOrganizations {

    Optional<String> organizationOf(String campaignCode);
}

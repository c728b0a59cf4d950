package org.shirong.campaign;

import java.util.Optional;
import org.shirong.scoring.CampaignOrganizations;
import org.springframework.stereotype.Component;

/** Tells scoring which organisation a campaign belongs to, from the {@code campaign} table. */
@Component
class CampaignOrganizationLookup implements CampaignOrganizations {

    private final CampaignRecords records;

    CampaignOrganizationLookup(CampaignRecords records) {
        this.records = records;
    }

    @Override
    public Optional<String> organizationOf(String campaignCode) {
        return records.find(campaignCode).map(CampaignRecords.Campaign::tenantId);
    }
}

package org.shirong.campaign;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.shirong.scoring.CampaignOrganizations;
import org.springframework.stereotype.Component;

/** Tells scoring which organisation a campaign belongs to and its participating units, from {@code campaign} and {@code campaign_unit}. */
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

    @Override
    public Set<String> participantGroups(String campaignCode) {
        return records.units(campaignCode).stream().map(CampaignRecords.UnitRow::groupId).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }
}

package org.shirong.campaign;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.shirong.report.RankingNotices;
import org.shirong.scoring.CampaignOrganizations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells scoring which organisation a campaign belongs to and its participating units, from {@code campaign} and {@code campaign_unit}. */
@Component
class CampaignOrganizationLookup implements CampaignOrganizations {

    private final CampaignRecords records;
    /** Asked when needed: the 通报 are written with the scores this lookup serves. */
    private final ObjectProvider<RankingNotices> notices;

    CampaignOrganizationLookup(CampaignRecords records, ObjectProvider<RankingNotices> notices) {
        this.records = records;
        this.notices = notices;
    }

    @Override
    public Optional<String> organizationOf(String campaignCode) {
        return records.find(campaignCode).map(CampaignRecords.Campaign::tenantId);
    }

    @Override
    public Optional<String> nameOf(String campaignCode) {
        return records.find(campaignCode).map(CampaignRecords.Campaign::name);
    }

    @Override
    public Set<String> participantGroups(String campaignCode) {
        return records.units(campaignCode).stream().map(CampaignRecords.UnitRow::groupId).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean rankingPublished(String campaignCode, String period) {
        return notices.getObject().issued(campaignCode, period).isPresent();
    }
}

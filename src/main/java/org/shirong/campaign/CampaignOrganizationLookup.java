package org.shirong.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.report.RankingNotices;
import org.shirong.scoring.CampaignOrganizations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells scoring which organisation a campaign belongs to, its participating units and its days, from {@code campaign},
 * {@code campaign_unit} and {@code campaign_phase}.
 */
@Component
class CampaignOrganizationLookup implements CampaignOrganizations {

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    /** Asked when needed: the 通报 are written with the scores this lookup serves. */
    private final ObjectProvider<RankingNotices> notices;

    private final ZoneId zone;

    CampaignOrganizationLookup(CampaignRecords records, CampaignTemplates templates, ObjectProvider<RankingNotices> notices,
            WorkingCalendar calendar) {
        this.records = records;
        this.templates = templates;
        this.notices = notices;
        this.zone = calendar.zone();
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

    @Override
    public Optional<CampaignDays> days(String campaignCode) {
        return records.find(campaignCode).map(c -> {
            var phases = records.phases(campaignCode);
            LocalDate started = c.startedAt() == null ? null : LocalDate.ofInstant(c.startedAt(), zone);
            LocalDate first = phases.stream().map(CampaignRecords.PhaseRow::firstDay).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(started);
            if (first == null || started != null && started.isBefore(first)) {
                first = started;
            }
            LocalDate last = phases.stream().map(CampaignRecords.PhaseRow::lastDay).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            Set<ScoredPeriod> scored = c.templateId() == null ? Set.of() : templates.find(c.tenantId(), c.templateId())
                    .map(t -> t.cycles().stream().map(CampaignTemplate.Cycle::scorePeriod).filter(Objects::nonNull)
                            .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
            return new CampaignDays(c.name(), first, last,
                    scored.contains(ScoredPeriod.PREVIOUS_QUARTER) || scored.contains(ScoredPeriod.CURRENT_QUARTER),
                    scored.contains(ScoredPeriod.PREVIOUS_YEAR) || scored.contains(ScoredPeriod.CURRENT_YEAR));
        });
    }
}

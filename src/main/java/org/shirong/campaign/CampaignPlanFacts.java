package org.shirong.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CampaignPlans;
import org.shirong.rectification.Category;
import org.shirong.rectification.CategoryCatalogue;
import org.springframework.stereotype.Component;

/**
 * Answers rectification's {@link CampaignPlans}: whether a campaign runs, when it ends and, for a case's category,
 * the template's plan item and the end of the phase it is to be finished by (for the sources the item names), on the
 * dates the campaign was started with ({@code campaign_phase}). A category that is no plan item itself counts toward the
 * item its categories.yaml names ({@code item:}, e.g. 乱设摊 toward 规范占道经营) when the template has that item.
 */
@Component
class CampaignPlanFacts implements CampaignPlans {

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    private final Organizations organizations;
    private final CategoryCatalogue catalogue;

    CampaignPlanFacts(CampaignRecords records, CampaignTemplates templates, Organizations organizations,
            CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
        this.records = records;
        this.templates = templates;
        this.organizations = organizations;
    }

    /**
     * Whether a case of {@code organization} may belong to the campaign of {@code campaignOrganization}: its own, or, for
     * a town or street, its district's (the findings of its 全面自查自纠 are its own cases, counted for the district's campaign).
     */
    static boolean countsFor(Organizations organizations, String organization, String campaignOrganization) {
        return campaignOrganization.equals(organization) || organizations.find(organization)
                .map(o -> campaignOrganization.equals(o.organization().parent())).orElse(false);
    }

    @Override
    public Optional<Campaign> campaign(String campaignCode) {
        return records.find(campaignCode).map(c -> new Campaign(c.code(), c.name(), c.tenantId()));
    }

    @Override
    public List<Campaign> running(String organization) {
        return records.all().stream()
                .filter(c -> organization.equals(c.tenantId()) && CampaignRecords.RUNNING.equals(c.status()))
                .sorted(java.util.Comparator.comparing(CampaignRecords.Campaign::startedAt,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .map(c -> new Campaign(c.code(), c.name(), c.tenantId())).toList();
    }

    @Override
    public java.util.Set<String> unitGroups(String campaignCode) {
        return records.units(campaignCode).stream().map(CampaignRecords.UnitRow::groupId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean takesPart(String organization, String campaignCode) {
        return records.find(campaignCode).filter(c -> !c.tenantId().equals(organization)
                && countsFor(organizations, organization, c.tenantId())).isPresent()
                && organizations.find(organization).map(o -> o.roles().office())
                        .filter(office -> unitGroups(campaignCode).contains(office)).isPresent();
    }

    @Override
    public Optional<PlanFacts> plan(String organization, String campaignCode, String category) {
        return records.find(campaignCode).filter(c -> countsFor(organizations, organization, c.tenantId())).map(c -> {
            List<PhaseRow> phases = records.phases(c.code());
            Instant end = phases.isEmpty() ? null : phases.get(phases.size() - 1).endsAt();
            List<CampaignTemplate.Item> items = templates.find(c.tenantId(), c.templateId())
                    .map(CampaignTemplate::items).orElse(List.of());
            Optional<CampaignTemplate.Item> item = category == null ? Optional.empty()
                    : itemOf(category, items).or(() -> catalogue.find(organization, category).map(Category::item)
                            .flatMap(counted -> itemOf(counted, items)));
            Instant finishBy = item.map(CampaignTemplate.Item::finishBy)
                    .flatMap(phaseId -> phases.stream().filter(p -> p.phaseId().equals(phaseId)).findFirst())
                    .map(PhaseRow::endsAt).orElse(null);
            return new PlanFacts(CampaignRecords.RUNNING.equals(c.status()), end,
                    item.map(CampaignTemplate.Item::category).orElse(null), finishBy,
                    item.map(i -> Set.copyOf(i.sources())).orElse(Set.of()));
        });
    }

    private static Optional<CampaignTemplate.Item> itemOf(String category, List<CampaignTemplate.Item> items) {
        return items.stream().filter(i -> category.equals(i.category())).findFirst();
    }
}

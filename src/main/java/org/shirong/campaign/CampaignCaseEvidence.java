package org.shirong.campaign;

import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseEvidenceRules;
import org.springframework.stereotype.Component;

/** A campaign's {@code evidence.before-photo} for the cases it finds, from the template it was started from. */
@Component
class CampaignCaseEvidence implements CaseEvidenceRules {

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    private final Organizations organizations;

    CampaignCaseEvidence(CampaignRecords records, CampaignTemplates templates, Organizations organizations) {
        this.records = records;
        this.templates = templates;
        this.organizations = organizations;
    }

    @Override
    public boolean beforePhotoRequired(String organization, String campaign) {
        return records.find(campaign).filter(c -> CampaignPlanFacts.countsFor(organizations, organization, c.tenantId()))
                .flatMap(c -> templates.find(c.tenantId(), c.templateId()))
                .map(CampaignTemplate::beforePhotoRequired).orElse(false);
    }
}

package org.shirong.campaign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.notification.NotificationDigests;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.report.RankingNotices;
import org.springframework.stereotype.Component;

/**
 * A district campaign's 通报 of the period it reports on ({@link RankingNotices}: its departments' ranking and its towns'
 * and streets' on the cases located in them), issued with its 月度工作报告 and sent, as a town's 例会 sends its 通报, to
 * every participating unit (a town's office in its own organisation) and the district's leading group. Queued in the
 * report's transaction and keyed by period and group, so a retried run sends nothing twice. A town's campaign issues none.
 */
@Component
class DistrictNotices {

    static final String TEMPLATE = "notice-issued";

    private final RankingNotices rankingNotices;
    private final CampaignRecords records;
    private final Organizations organizations;
    private final NotificationDigests digests;

    DistrictNotices(RankingNotices rankingNotices, CampaignRecords records, Organizations organizations, NotificationDigests digests) {
        this.rankingNotices = rankingNotices;
        this.records = records;
        this.organizations = organizations;
        this.digests = digests;
    }

    void issue(Campaign campaign, Instant at, String period) {
        rankingNotices.issue(campaign.tenantId(), campaign.code(), at, period).ifPresent(issued -> {
            Organization district = organizations.of(campaign.tenantId());
            Map<String, Object> model = Map.of("title", issued.document().title(), "detail", issued.summary(),
                    "leadingName", district.roleNames().get("leadingName"),
                    "noticeIssuer", district.roleNames().get("noticeIssuer"));
            Map<String, String> recipients = new LinkedHashMap<>();
            records.units(campaign.code()).forEach(u -> recipients.put(u.groupId(),
                    organizations.ofGroup(u.groupId()).map(Organization::id).orElse(campaign.tenantId())));
            recipients.putIfAbsent(district.roles().leading(), campaign.tenantId());
            recipients.forEach((group, organization) -> digests.sendDocumentToGroup(campaign.code(), "notice/" + period + "/" + group,
                    TEMPLATE, model, issued.document().url(), group, organization));
        });
    }
}

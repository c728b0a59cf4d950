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
 * report's transaction and keyed by period and group, so a retried run sends nothing twice. A town's campaign issues none
 * with its reports; its assessment cycle (年考核) issues and sends the 通报 of the period it assessed ({@link #issueAssessed}).
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
        rankingNotices.issue(campaign.tenantId(), campaign.code(), at, period).ifPresent(issued -> send(campaign, period, issued));
    }

    /**
     * The 通报 of the period an assessment cycle (年考核) assessed: a district's ranking 通报 as above, a town's
     * ({@link RankingNotices#issueAssessed}) of its units' ranking; sent alike.
     */
    void issueAssessed(Campaign campaign, Instant at, String period, String assessment) {
        rankingNotices.issue(campaign.tenantId(), campaign.code(), at, period)
                .or(() -> rankingNotices.issueAssessed(campaign.tenantId(), campaign.code(), at, period, assessment))
                .ifPresent(issued -> send(campaign, period, issued));
    }

    private void send(Campaign campaign, String period, RankingNotices.Issued issued) {
        Organization owner = organizations.of(campaign.tenantId());
        Map<String, Object> model = Map.of("title", issued.document().title(), "detail", issued.summary(),
                "leadingName", owner.roleNames().get("leadingName"), "noticeIssuer", owner.roleNames().get("noticeIssuer"));
        Map<String, String> recipients = new LinkedHashMap<>();
        records.units(campaign.code()).forEach(u -> recipients.put(u.groupId(),
                organizations.ofGroup(u.groupId()).map(Organization::id).orElse(campaign.tenantId())));
        recipients.putIfAbsent(owner.roles().leading(), campaign.tenantId());
        recipients.forEach((group, organization) -> digests.sendDocumentToGroup(campaign.code(), "notice/" + period + "/" + group,
                TEMPLATE, model, issued.document().url(), group, organization));
    }
}

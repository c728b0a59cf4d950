package org.shirong.campaign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.notification.NotificationDigests;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.report.RankingNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A district campaign's 通报 of the period it reports on ({@link RankingNotices}: its departments' ranking and its towns'
 * and streets' on the cases located in them), issued with its 月度工作报告 and sent, as a town's 例会 sends its 通报, to
 * every participating unit (a town's office in its own organisation) and the organisation's leading group, through its
 * leaders (its 组长、副组长 where the file singles them out: the rest of its members are the units' heads); a person in
 * several of these groups gets one message. Queued in the report's transaction and keyed by period and person, so a
 * retried run sends nothing twice. A town's campaign issues none
 * with its reports; its assessment cycle (年考核) issues and sends the 通报 of the period it assessed ({@link #issueAssessed}).
 */
@Component
class DistrictNotices {

    private static final Logger LOG = LoggerFactory.getLogger(DistrictNotices.class);

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
     * ({@link RankingNotices#issueAssessed}) of its units' ranking; sent alike. None for a period not over yet
     * ({@link RankingNotices#periodRefusal}: a campaign that closes before the year it assesses has ended).
     */
    void issueAssessed(Campaign campaign, Instant at, String period, String assessment) {
        var refused = rankingNotices.periodRefusal(campaign.code(), period);
        if (refused.isPresent()) {
            // a campaign closed before the period it assesses is over: its scores are 暂定 and name no unit
            LOG.warn("活动 {} 的{}不印发考核期间 {} 的通报：{}", campaign.code(), assessment, period, refused.get().message());
            return;
        }
        rankingNotices.issue(campaign.tenantId(), campaign.code(), at, period)
                .or(() -> rankingNotices.issueAssessed(campaign.tenantId(), campaign.code(), at, period, assessment))
                .ifPresent(issued -> send(campaign, period, issued));
    }

    private void send(Campaign campaign, String period, RankingNotices.Issued issued) {
        Organization owner = organizations.of(campaign.tenantId());
        Map<String, Object> model = Map.of("title", issued.document().title(), "detail", issued.summary(),
                "leadingName", owner.roleNames().get("leadingName"), "noticeIssuer", owner.roleNames().get("noticeIssuer"));
        Map<String, Set<String>> groupsByOrganization = new LinkedHashMap<>();
        records.units(campaign.code()).stream().map(CampaignRecords.UnitRow::groupId).filter(Objects::nonNull)
                .forEach(group -> groupsByOrganization.computeIfAbsent(organizations.ofGroup(group).map(Organization::id)
                        .orElse(campaign.tenantId()), o -> new LinkedHashSet<>()).add(group));
        groupsByOrganization.computeIfAbsent(campaign.tenantId(), o -> new LinkedHashSet<>()).add(owner.roles().leading());
        // one iteration for every organisation's share: a person in several of the groups is told once
        groupsByOrganization.forEach((organization, groups) -> digests.sendDocumentToGroups(campaign.code(), "notice/" + period,
                TEMPLATE, model, issued.document().url(), groups, organization));
    }
}

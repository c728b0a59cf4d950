package org.shirong.campaign;

import java.util.List;
import java.util.Map;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.notification.NotificationDigests;
import org.shirong.organization.Organizations;
import org.shirong.report.StoredDocument;
import org.springframework.stereotype.Component;

/**
 * Tells the organisation's leaders that the campaign's 月度工作报告 of a period is out, with its link: the leading group as
 * a body, so its 组长、副组长 where the file singles them out (锦溪镇 jxzuzhang, 九亭镇 zuzhang; RecipientResolver#readersOf),
 * not every unit head who is a member of it (jxreview s55 J12: the plan's 月报告 is addressed to the 推进小组, whose leaders
 * learnt of no report). Queued in the report's transaction and keyed by period and person: a period issued again (a
 * retried run, the campaign's end) tells no one twice.
 */
@Component
class MonthlyReportNotices {

    static final String TEMPLATE = "monthly-report-issued";

    private final Organizations organizations;
    private final NotificationDigests digests;

    MonthlyReportNotices(Organizations organizations, NotificationDigests digests) {
        this.organizations = organizations;
        this.digests = digests;
    }

    void send(Campaign campaign, StoredDocument report) {
        String leading = organizations.of(campaign.tenantId()).roles().leading();
        digests.sendDocumentToGroups(campaign.code(), report.docKey(), TEMPLATE, Map.of("title", report.title()),
                report.url(), List.of(leading), campaign.tenantId());
    }
}

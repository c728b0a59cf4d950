package org.shirong.campaign;

import static org.shirong.system.ChineseDates.DAY;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shirong.calendar.TimeLimit;
import org.shirong.organization.ReplyPeriods;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.report.NoticeReplies;
import org.shirong.report.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The written reports a 通报 demands (sjreview-s57 D9: "被通报的部门和街镇……于五个工作日内……书面报告整改情况"): every unit
 * it names gets the campaign task 书面报告整改情况（2026年11月通报） ({@code CampaignTaskProcess}'s
 * {@code Task_ReportNoticeRectification}), due five working days after the 通报 by the issuing organisation's calendar, with
 * its reasons in the 要求 and attachments allowed; only the unit's own staff see it. As a campaign task, one not done in
 * time is reminded and named in the 通报 of the period it fell due in like any other late task; the 驾驶舱 lists who
 * has replied ({@link NoticeReplyBoard}). A unit whose report an earlier 通报 asked for is still open is not asked again
 * (its open task is the one the next 通报 names late), so a unit that never replies does not gather a task a month.
 */
@Component
class NoticeReplyTasks implements NoticeReplies {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeReplyTasks.class);

    /** {@code campaign_task.definition_id} of these tasks; their key is {@code noticeReply/<period>/<group>}. */
    static final String DEFINITION = "noticeReply";

    private final CampaignTasks tasks;
    private final WorkingCalendars calendars;
    private final Organizations organizations;

    NoticeReplyTasks(CampaignTasks tasks, WorkingCalendars calendars, Organizations organizations) {
        this.tasks = tasks;
        this.calendars = calendars;
        this.organizations = organizations;
    }

    /** 书面报告整改情况（2026年11月通报）. */
    static String taskName(String periodName) {
        return "书面报告整改情况（" + periodName + "通报）";
    }

    /**
     * The 通报's own words for the time allowed ({@code notice.reply-within}: 五个工作日, 两个工作日, 10 个工作日) as a limit,
     * so the task falls due when the 通报 says. The organisation check refuses words that are no number of working days
     * ({@link ReplyPeriods}), so there is no other period to fall back to.
     */
    static TimeLimit replyWithin(String words) {
        int days = ReplyPeriods.workingDays(words).orElseThrow(() -> new IllegalStateException(
                "notice.reply-within: “" + words + "”不是工作日数（组织文件的检查本应拒绝它），请写 " + ReplyPeriods.FORMS));
        return new TimeLimit(days, org.shirong.calendar.LimitUnit.WORKING_DAYS);
    }

    @Override
    public void request(String campaignCode, String periodCode, String periodName, StoredDocument notice, List<NamedUnit> units,
            Instant at) {
        CampaignRecords.Campaign campaign = tasks.campaign(campaignCode);
        Organization issuer = organizations.of(campaign.tenantId());
        WorkingCalendar calendar = calendars.of(campaign.tenantId());
        Instant due = calendar.dueByClosing(at, replyWithin(issuer.noticeReplyWithin()));
        Map<String, String> requirements = new LinkedHashMap<>();
        java.util.Set<String> owing = tasks.groupsOwingNoticeReply(campaignCode, DEFINITION + "/" + periodCode);
        List<String> stillOwing = new java.util.ArrayList<>();
        for (NamedUnit unit : units) {
            if (organizations.ofGroup(unit.groupId()).isEmpty()) {
                LOG.warn("通报《{}》点名的单位 {}（{}）不是任何组织的组，不下达整改报告任务", notice.title(), unit.unitName(), unit.groupId());
                continue;
            }
            if (owing.contains(unit.groupId())) {
                // its report asked by an earlier 通报 is still open (and named late in this one): not a second task, so that a
                // unit that does not reply is not asked again every month for not replying (note-s58)
                stillOwing.add(unit.unitName());
                continue;
            }
            requirements.put(unit.groupId(), "《" + notice.title() + "》（" + DAY.format(at.atZone(calendar.zone())) + "印发）通报了本单位：\n"
                    + String.join("\n", unit.reasons().stream().map(r -> "· " + r).toList())
                    + "\n请认真查找原因，逐项落实整改，于" + DAY.format(due.atZone(calendar.zone())) + "前向"
                    + issuer.roleNames().get("officeName") + "书面报告整改情况（办理情况写明整改措施和结果，可附整改前后照片等材料）。");
        }
        int issued = tasks.issueNoticeReplies(campaignCode, DEFINITION + "/" + periodCode, taskName(periodName),
                "印发《" + notice.title() + "》", due, notice.url(), requirements,
                group -> organizations.ofGroup(group).map(Organization::id).orElse(campaign.tenantId()));
        LOG.info("活动 {} 的{}通报点名 {} 个单位，下达整改报告任务 {} 件{}", campaignCode, periodName, requirements.size(), issued,
                stillOwing.isEmpty() ? "" : "；" + String.join("、", stillOwing) + " 此前通报要求的整改报告尚未报送，不再另下任务");
    }

    /** The month's 月度工作报告, issued after its 通报 in the same run: each written report of that 通报 still open links it. */
    @Override
    public void monthlyReportIssued(String campaignCode, String periodCode, StoredDocument report) {
        int linked = tasks.addToOpenTasks(campaignCode, DEFINITION, DEFINITION + "/" + periodCode,
                CampaignTaskProcess.VAR_MONTHLY_REPORT_URL, report.url());
        if (linked > 0) {
            LOG.info("活动 {} 的月度工作报告（{}）已链接到 {} 件书面报告整改情况任务", campaignCode, periodCode, linked);
        }
    }
}

package org.shirong.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.shirong.scoring.UnitScores;
import org.shirong.scoring.UnitScores.PeriodScores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * 月度工作报告: the campaign's progress per phase, the period's cases per unit, the ranking and the named
 * units (ranked low, late with a task or decided by a meeting, as the period's 通报 names them), for a district its towns and streets ranked on the cases located in them and, where the organisation has
 * responsibility zones, their rates as scored, and how each unit handed in the report cycle's run before (上期报送情况,
 * {@link SubmissionStatus}), issued by the campaign's REPORT cycle once per campaign and period.
 */
@Service
public class MonthlyReports {

    private final CampaignFigures figures;
    private final DocumentModels models;
    private final DocumentTemplates templates;
    private final CampaignDocuments documents;
    private final UnitScores scores;
    private final SubmissionStatus submissions;
    private final MeetingDocuments notices;
    private final ObjectProvider<NoticeReplies> replies;

    MonthlyReports(CampaignFigures figures, DocumentModels models, DocumentTemplates templates, CampaignDocuments documents,
            UnitScores scores, SubmissionStatus submissions, MeetingDocuments notices, ObjectProvider<NoticeReplies> replies) {
        this.replies = replies;
        this.submissions = submissions;
        this.notices = notices;
        this.figures = figures;
        this.models = models;
        this.templates = templates;
        this.documents = documents;
        this.scores = scores;
    }

    /**
     * Renders and stores the report of {@code scorePeriod} (blank: the month before {@code at}) that the report cycle's run
     * planned at {@code runPlannedAt} issues; issuing the same period again returns the report stored first.
     */
    public StoredDocument issue(String organization, String campaignCode, Instant at, String scorePeriod, Instant runPlannedAt) {
        return issue(organization, campaignCode, at, scorePeriod, runPlannedAt, null);
    }

    /**
     * As {@link #issue(String, String, Instant, String, Instant)}; {@code unranked}, when not null, says why the period is
     * not ranked (its days lie outside the phases the report cycle ranks, {@code score-phases}): the report then gives
     * the progress, cases and 报送 of the period, and that sentence in place of the ranking and the 通报 (jxreview-s58 J1).
     */
    public StoredDocument issue(String organization, String campaignCode, Instant at, String scorePeriod, Instant runPlannedAt,
            String unranked) {
        String period = scorePeriod == null || scorePeriod.isBlank() ? scores.previousMonth(at) : scorePeriod.strip();
        String docKey = docKey(period);
        var stored = documents.find(campaignCode, docKey);
        if (stored.isPresent()) {
            return stored.get();
        }
        Rendered report = render(organization, campaignCode, at, period, runPlannedAt, unranked);
        StoredDocument issued = documents.store(campaignCode, docKey, DocumentKind.MONTHLY_REPORT, report.title(), report.html(), null);
        NoticeReplies target = replies.getIfAvailable();
        if (target != null) {
            target.monthlyReportIssued(campaignCode, period, issued);
        }
        return issued;
    }

    /** The report of {@code period} as issued (stored), if it was: its figures as they were then. */
    java.util.Optional<String> issued(String campaignCode, String period) {
        return documents.find(campaignCode, docKey(period)).flatMap(d -> documents.html(d.id()));
    }

    private static String docKey(String period) {
        return "monthly-report/" + period;
    }

    /**
     * The report of {@code period} as it would be issued at {@code at}, neither stored nor taken from the stored one; its
     * 上期报送情况 is of the latest run handed out so far.
     */
    String preview(String organization, String campaignCode, Instant at, String period) {
        return render(organization, campaignCode, at, period, null, null).html();
    }

    private record Rendered(String title, String html) {
    }

    private Rendered render(String organization, String campaignCode, Instant at, String period, Instant runPlannedAt,
            String unranked) {
        String campaignName = figures.campaign(campaignCode).map(Figures.Campaign::name).orElseThrow(
                () -> new IllegalArgumentException("活动不存在：" + campaignCode));
        PeriodScores periodScores = scores.read(organization, campaignCode, period);
        Map<String, Object> model = new HashMap<>();
        String title = campaignName + periodScores.periodName() + "工作报告";
        model.put("title", title);
        model.put("campaignName", campaignName);
        model.put("issuedOn", models.day(at));
        models.addIssuers(model, organization);
        UnitScores.Window window = scores.window(period);
        models.addProgress(model, campaignCode, window, periodScores);
        model.put("calendarWarnings", figures.calendarWarnings(campaignCode, window.from(), window.until()));
        scores.territories(organization, campaignCode, period).ifPresent(territories -> model.put("territories", territories));
        // the 协办 of the campaign's cases (属地街镇配合), the lines the 通报 names from (sjreview-s57 D7)
        model.put("cooperation", scores.cooperation(organization, campaignCode, period));
        // the cases 列入通报名单, as the period's 通报 lists them (sjreview-s57 D8)
        models.addEscalatedCases(model, campaignCode, window, at);
        scores.zoneRates(organization, period).ifPresent(rates -> model.put("zoneRates", rates));
        model.put("submissions", submissions.of(campaignCode, runPlannedAt, at));
        // a unit below the line is "通报" only once the period's 通报 exists (a town's 例会 issues it later, 锦溪 quarterly)
        model.put("noticeIssued", documents.find(campaignCode, MeetingDocuments.noticeKey(period)).isPresent());
        // every unit the 通报 names, read where the 通报 reads them: not only those named for their scores
        models.putOthersNamed(model, notices.othersNamed(campaignCode, periodScores));
        if (unranked != null) {
            model.put("unranked", unranked);
        }
        return new Rendered(title, templates.render("monthly-report", model));
    }
}

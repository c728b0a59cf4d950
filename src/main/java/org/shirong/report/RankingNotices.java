package org.shirong.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.scoring.CampaignPeriods;
import org.shirong.scoring.UnitScores;
import org.shirong.scoring.UnitScores.PeriodScores;
import org.shirong.scoring.UnitScores.TerritoryScores;
import org.springframework.stereotype.Service;

/**
 * A district's 通报 of a period's ranking: its departments as its units are scored (and named, as a town's 通报 names
 * them) and its towns and streets ranked on the cases located in them. A district plan holds no 例会 to issue a 通报,
 * so its report cycle issues this one with the 月度工作报告; stored under the period's 通报 key, once per campaign and period.
 * A town's assessment cycle (年考核) issues the 通报 of the period it assessed the same way ({@link #issueAssessed}).
 */
@Service
public class RankingNotices {

    private static final String NOT_ENDED = "PERIOD_NOT_ENDED";

    /** A 通报 issued: the document and a line for the notification (who was named). */
    public record Issued(StoredDocument document, String summary) {
    }

    private final CampaignFigures figures;
    private final DocumentModels models;
    private final DocumentTemplates templates;
    private final CampaignDocuments documents;
    private final UnitScores scores;
    private final CampaignPeriods periods;
    private final NoticeNamedUnits named;

    RankingNotices(CampaignFigures figures, DocumentModels models, DocumentTemplates templates, CampaignDocuments documents,
            UnitScores scores, CampaignPeriods periods, NoticeNamedUnits named) {
        this.named = named;
        this.figures = figures;
        this.models = models;
        this.templates = templates;
        this.documents = documents;
        this.scores = scores;
        this.periods = periods;
    }

    /**
     * The period's ranking 通报 of the campaign if it was issued (a district's campaign issues it with its 月度工作报告, a
     * town's at its 例会): from then on its ranking is public to the campaign's participants.
     */
    public Optional<StoredDocument> issued(String campaignCode, String period) {
        return documents.find(campaignCode, MeetingDocuments.noticeKey(period));
    }

    /**
     * Why the campaign's 通报 of {@code period} cannot be issued now, naming {@code period}: a period outside the campaign or
     * not begun ({@link CampaignPeriods#problem}: PERIOD_BEFORE_CAMPAIGN, PERIOD_AFTER_CAMPAIGN, PERIOD_NOT_BEGUN),
     * or one still running (PERIOD_NOT_ENDED), whose scores are 暂定 and name no unit: a 通报 stored now would take the
     * period's key, and the 通报 naming the non-performing units could not be issued once the period is over. Empty when it can.
     */
    public Optional<ApiError> periodRefusal(String campaignCode, String period) {
        Optional<ApiError> outside = periods.problem(campaignCode, period);
        if (outside.isPresent()) {
            return outside;
        }
        UnitScores.Window window = scores.window(period);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (now.isBefore(window.from())) {
            return Optional.of(ApiError.field("period", "PERIOD_NOT_BEGUN", "考核期间 " + window.periodName()
                    + " 尚未开始，还没有可通报的考核结果"));
        }
        if (now.isBefore(window.until())) {
            return Optional.of(ApiError.field("period", NOT_ENDED, "考核期间 " + window.periodName()
                    + " 尚未结束：本期排名为暂定结果，不列入通报名单；请在本期结束后（" + models.day(window.until()) + "起）印发该期通报"));
        }
        return Optional.empty();
    }

    private void refuseUnlessOver(String campaignCode, String period) {
        periodRefusal(campaignCode, period).ifPresent(error -> {
            throw new InvalidRequestException(error);
        });
    }

    /**
     * The period's ranking 通报 of a district's campaign: issued now, the departments' scores and the towns' ranking saved
     * with it (as a town's 通报 saves its scores), unless it was issued before; empty for a town's campaign, or when it was issued before. A period
     * outside the campaign or not begun is refused (400 naming {@code period}); the month still running is not refused
     * here, but no cycle asks for it any more: 松江区's 25th hands out the month's 报送 only, and its 月度考核 on the 1st
     * issues the month just ended (sjreview-s54 D1); a campaign that closes mid-month issues its last month 暂定.
     */
    public Optional<Issued> issue(String organization, String campaignCode, Instant at, String period) {
        String docKey = MeetingDocuments.noticeKey(period);
        if (documents.find(campaignCode, docKey).isPresent()) {
            return Optional.empty();
        }
        Optional<TerritoryScores> territories = scores.territories(organization, campaignCode, period);
        if (territories.isEmpty()) {
            return Optional.empty();
        }
        periodRefusal(campaignCode, period).filter(error -> !NOT_ENDED.equals(error.code())).ifPresent(error -> {
            throw new InvalidRequestException(error);
        });
        PeriodScores units = scores.computeAndSave(organization, campaignCode, period);
        // the towns' ranking is stored with the units' (s55 S2): the API, the 街镇排名 Excel and the 驾驶舱 serve what it prints
        territories = scores.saveTerritories(organization, campaignCode, period);
        String campaignName = figures.campaign(campaignCode).map(Figures.Campaign::name).orElseThrow(
                () -> new IllegalArgumentException("活动不存在：" + campaignCode));
        String title = "关于" + units.periodName() + "区级部门和街镇考核排名的通报";
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("campaignName", campaignName);
        model.put("issuedOn", models.day(at));
        model.put("scores", units);
        model.put("territories", territories.get());
        // the towns (属地街镇配合) and departments that failed to cooperate on the campaign's cases (sjreview-s57 D7)
        UnitScores.CooperationScores cooperation = scores.cooperation(organization, campaignCode, period);
        model.put("cooperation", cooperation);
        models.addIssuers(model, organization);
        List<String> others = models.addOthersNamed(model, campaignCode, scores.window(period), units.provisional(), at).unitNames();
        // the cases 列入通报名单: a district holds no 例会 whose agenda would carry them (sjreview-s57 D8)
        models.addEscalatedCases(model, campaignCode, scores.window(period), at);
        StoredDocument stored = documents.store(campaignCode, docKey, DocumentKind.NOTICE, campaignName + title,
                templates.render("ranking-notice", model), null);
        models.othersNamedIn(campaignCode, docKey, model);
        named.askForReplies(organization, campaignCode, period, units.periodName(), stored, model, at);
        String summary = (units.notice() == null || units.notice().isBlank() ? "" : "区级部门：" + units.notice() + "\n")
                + "街镇：" + territories.get().notice()
                + cooperationLine(cooperation) + othersLine(others);
        return Optional.of(new Issued(stored, summary));
    }

    /**
     * A town campaign's 通报 of an assessed period (锦溪镇's 年考核 of the year: "进行公开通报"), as its 例会 issues the month's:
     * the units' ranking and those named, on the scores the assessment has just saved; stored under the period's 通报 key,
     * once. Empty when the period's 通报 was issued before. {@code assessment} is the cycle's name (年考核). A period not
     * over yet is refused ({@link #periodRefusal}, 400 naming {@code period}): its scores are 暂定 and name no unit. It
     * commends the units of the rubric's top grade that nothing names (九亭镇's 考核评估与表彰, jtreview-s59 T10).
     */
    public Optional<Issued> issueAssessed(String organization, String campaignCode, Instant at, String period, String assessment) {
        refuseUnlessOver(campaignCode, period);
        String docKey = MeetingDocuments.noticeKey(period);
        if (documents.find(campaignCode, docKey).isPresent()) {
            return Optional.empty();
        }
        PeriodScores units = scores.read(organization, campaignCode, period);
        String campaignName = figures.campaign(campaignCode).map(Figures.Campaign::name).orElseThrow(
                () -> new IllegalArgumentException("活动不存在：" + campaignCode));
        String title = "关于" + units.periodName() + "单位考核结果的通报";
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("campaignName", campaignName);
        model.put("assessment", assessment);
        model.put("issuedOn", models.day(at));
        model.put("scores", units);
        models.addIssuers(model, organization);
        List<String> others = models.addOthersNamed(model, campaignCode, scores.window(period), units.provisional(), at).unitNames();
        UnitScores.CooperationScores cooperation = scores.cooperation(organization, campaignCode, period);
        model.put("cooperation", cooperation);
        // 考核评估与表彰、通报不履职单位 (九亭镇 plan, 三): the units of the top grade named by nothing are commended
        java.util.Set<String> namedElsewhere = new java.util.HashSet<>(others);
        cooperation.named().forEach(c -> namedElsewhere.add(c.unitName()));
        UnitScores.Commended commended = scores.commended(organization, units, namedElsewhere);
        model.put("commended", commended);
        models.addEscalatedCases(model, campaignCode, scores.window(period), at);
        StoredDocument stored = documents.store(campaignCode, docKey, DocumentKind.NOTICE, campaignName + title,
                templates.render("notice", model), null);
        models.othersNamedIn(campaignCode, docKey, model);
        named.askForReplies(organization, campaignCode, period, units.periodName(), stored, model, at);
        return Optional.of(new Issued(stored, units.notice() + cooperationLine(cooperation) + othersLine(others)
                + (commended.units().isEmpty() ? "" : "\n表彰：" + commended.units().stream().map(UnitScores.RankedUnit::unitName)
                        .collect(java.util.stream.Collectors.joining("、")) + "。")));
    }

    /** The notification's line for the units a 通报 names for a 协办 left unrecorded; nothing when there are none. */
    public static String cooperationLine(UnitScores.CooperationScores cooperation) {
        return cooperation.notice().isEmpty() ? "" : "\n协办：" + cooperation.notice() + "。";
    }

    /**
     * The notification's line for the units a 通报 names besides those ranked low (late with a task, or decided by a
     * meeting); nothing when there are none.
     */
    public static String othersLine(List<String> others) {
        return others.isEmpty() ? "" : "\n另通报未按期完成工作任务或经会议决定通报的单位：" + String.join("、", others) + "。";
    }
}

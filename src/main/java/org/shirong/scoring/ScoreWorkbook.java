package org.shirong.scoring;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.system.XlsxSheet;
import org.shirong.system.XlsxSheet.Column;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A period's scores (考核得分表) as an Excel workbook: the ranked units with rank, total, its 得分 and 满分 (the sums over the
 * rubric items that applied to the unit, as the 驾驶舱's 得分/满分: the total is 得分 ÷ 满分 × 100, so the 失分 are out of that
 * 满分; the 备注 says it in words, 本期适用评分项满分 90 分，得 20 分，折合百分制 22.22 分), grade, whether and why they are
 * named in the 通报, every rubric component and indicator, then the units not ranked; the 通报线 in the subtitle and the
 * 通报 sentence below the table. A district's whole-organisation scores add a second sheet, its towns and streets ranked
 * on the cases lying in them ({@link TerritoryBoard}: the plan's 排名靠后的镇和街道 named).
 */
@Component
class ScoreWorkbook {

    static final String SHEET = "考核得分";
    static final String TERRITORY_SHEET = "街镇排名";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** An organisation's whole scores name no unit for its 协办 (only a campaign's 通报 does). */
    private static final UnitScores.CooperationScores EMPTY_COOPERATION = new UnitScores.CooperationScores("", false, List.of());

    /** One indicator column: its header and its value of a unit's indicators (a count, or a rate in percent). */
    private record Indicator(String header, Function<Indicators, Number> value, boolean rate) {
    }

    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("应结案件数", Indicators::dueCount, false),
            new Indicator("结案数", Indicators::closedCount, false),
            new Indicator("按期结案数", Indicators::onTimeClosedCount, false),
            new Indicator("超期数", Indicators::overdueCount, false),
            new Indicator("回退数", Indicators::returnedCount, false),
            new Indicator("重新打开数", Indicators::reopenedCount, false),
            new Indicator("返工次数", Indicators::reworkTotal, false),
            new Indicator("挂账数", Indicators::suspendedCount, false),
            new Indicator("核准申诉数", Indicators::appealedCount, false),
            new Indicator("结案率", Indicators::closureRate, true),
            new Indicator("按期结案率", Indicators::onTimeClosureRate, true),
            new Indicator("按时处置率", Indicators::onTimeHandlingRate, true),
            new Indicator("返工率", Indicators::reworkRate, true),
            new Indicator("紧急案件按期结案率", Indicators::urgentOnTimeRate, true));

    private final ScoreService scores;
    private final Organizations organizations;
    private final CampaignOrganizations campaigns;
    private final UnitScores unitScores;
    private final ObjectProvider<NoticeOthers> noticeOthers;

    ScoreWorkbook(ScoreService scores, Organizations organizations, CampaignOrganizations campaigns, UnitScores unitScores,
            ObjectProvider<NoticeOthers> noticeOthers) {
        this.scores = scores;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.unitScores = unitScores;
        this.noticeOthers = noticeOthers;
    }

    /** 锦溪镇2026年12月“锦溪镇环境综合整治行动（2027年度）”单位考核得分: the campaign by its name, as people call it, not its code. */
    String title(ScoreQuery.Resolved resolved) {
        return head(resolved) + "单位考核得分";
    }

    /**
     * 松江区2026年11月“…”街镇排名: the workbook of the 驾驶舱's 街镇排名 link, which holds the towns' sheet alone; null for an
     * organisation without towns or streets.
     */
    String territoriesTitle(ScoreQuery.Resolved resolved) {
        return head(resolved) + TERRITORY_SHEET;
    }

    /** 九亭镇2026年11月, or the campaign's 锦溪镇 named once: “锦溪镇‘931’环境综合整治行动”2026年11月 (jxreview-s55 J11). */
    private String head(ScoreQuery.Resolved resolved) {
        String organization = organizations.of(resolved.organization()).name();
        if (resolved.wholeOrganization()) {
            return organization + resolved.period().name();
        }
        String scope = resolved.board().scope();
        String campaign = campaigns.nameOf(scope).orElse(scope);
        return campaign.startsWith(organization) ? org.shirong.system.Titles.quoted(campaign) + resolved.period().name()
                : organization + resolved.period().name() + org.shirong.system.Titles.quoted(campaign);
    }

    /**
     * The district's towns and streets alone ({@code part=territories}, the 驾驶舱's 街镇排名): of the campaign's cases for a
     * campaign, as its 通报 ranks them; false (nothing written) for an organisation without towns or streets.
     */
    boolean writeTerritories(ScoreQuery.Resolved resolved, String user, Instant now, OutputStream out) throws IOException {
        TerritoryBoard territories = territoryBoard(resolved);
        if (territories == null) {
            return false;
        }
        Workbook workbook = new Workbook(out, "Shirong", "1.0");
        territories(workbook, resolved, territories, territorySubtitle(resolved, user, now), scores.zone());
        workbook.finish();
        return true;
    }

    /** The towns' board of the workbook's scope: a campaign's counts its cases only (as its 通报), else the organisation's. */
    private TerritoryBoard territoryBoard(ScoreQuery.Resolved resolved) {
        return scores.territories(resolved.period(), resolved.organization(),
                resolved.wholeOrganization() ? null : resolved.board().scope());
    }

    private String territorySubtitle(ScoreQuery.Resolved resolved, String user, Instant now) {
        ZoneId zone = scores.zone();
        // a campaign's towns' board is stored when its 通报 is issued (s55 S2) and served as stored from then on; before
        // that, once the period is over, it counts the cases as they stood at its end (finalreview-s55 F6)
        boolean issued = !resolved.wholeOrganization()
                && scores.issuedTerritories(resolved.period(), resolved.board().scope()).isPresent();
        return "考核期间：" + resolved.period().from() + " 至 " + resolved.period().to() + "　｜　通报："
                + territoryLine(scores.rubric(resolved.organization()).territoryRanking())
                + (now.isBefore(resolved.period().end(zone)) ? "　｜　暂定（本期尚未结束，不据此通报）　｜　按当前数据即时计算"
                        : issued ? "　｜　按通报印发时保存的排名" : "　｜　按本期案件期末情况计算")
                + "　｜　导出时间：" + SHOWN.format(now.atZone(zone)) + "　｜　导出人：" + organizations.personName(user);
    }

    void write(ScoreQuery.Resolved resolved, String user, Instant now, OutputStream out) throws IOException {
        ScoreBoard board = resolved.board();
        ScoringRubric rubric = scores.rubric(resolved.organization());
        ZoneId zone = scores.zone();
        // The rubric's items: its case rules, then its zone items (责任区), each a column of points. A zone item applies
        // only to a unit with that rate (it neither scores nor counts for a unit without zones): a zone item no unit of
        // the board was scored on has no column, as the district's departments, which have no 责任区 (sjreview-s57 D16).
        java.util.Set<String> scored = board.ranking().stream().flatMap(u -> u.components().stream())
                .map(ComponentPoints::id).collect(Collectors.toSet());
        Map<String, String> items = new java.util.LinkedHashMap<>();
        rubric.rules().forEach(r -> items.put(r.id(), r.name() + "（" + r.points().stripTrailingZeros().toPlainString() + " 分）"));
        rubric.zoneRuleList().stream().filter(r -> scored.contains(r.id()))
                .forEach(r -> items.put(r.id(), r.name() + "（" + r.points().stripTrailingZeros().toPlainString() + " 分）"));
        List<Column> columns = new ArrayList<>(List.of(new Column("排名", 6), new Column("单位", 16), new Column("总分", 8),
                new Column("得分", 8), new Column("满分", 8), new Column("等级", 6),
                new Column(NoticeSheets.namedHeader(resolved.noticeIssued()), 6), new Column(resolved.noticeIssued() ? "通报原因" : "列入原因", 30),
                new Column("考核项得分", 9), new Column("检查得分", 9)));
        items.values().forEach(header -> columns.add(new Column(header, 14)));
        INDICATORS.forEach(i -> columns.add(new Column(i.header(), i.rate() ? 11 : 9)));
        columns.add(new Column("备注", 18));

        String period = "考核期间：" + resolved.period().from() + " 至 " + resolved.period().to();
        String exported = "　｜　导出时间：" + SHOWN.format(now.atZone(zone)) + "　｜　导出人：" + organizations.personName(user);
        String subtitle = period + "　｜　通报线：" + line(rubric)
                + (board.provisional() ? "　｜　暂定（本期尚未结束，不据此通报）" : "")
                + "　｜　" + (board.stored() && board.computedAt() != null
                        ? "已保存的得分（计算于 " + SHOWN.format(board.computedAt().atZone(zone)) + "）" : "按当前数据即时计算，未保存")
                + exported;
        // a campaign's 通报 names units for their late tasks, their 协办 and a meeting's decision too: the Excel the office
        // hands to the leading group names them alike, read where the 通报 reads them (jtreview-s59 T15)
        String campaign = resolved.wholeOrganization() ? null : board.scope();
        NoticeOthers.Others others = campaign == null ? NoticeOthers.Others.NONE
                : noticeOthers.getIfAvailable(() -> (c, p, provisional) -> NoticeOthers.Others.NONE)
                        .of(campaign, resolved.period().code(), board.provisional());
        // its 协办 as the 通报 named them when it was issued, as its late tasks (diffreview-s60 R2)
        UnitScores.CooperationScores cooperation = campaign == null ? null
                : unitScores.cooperation(resolved.organization(), campaign, resolved.period().code(), others.issuedAt());
        NoticeReasons named = NoticeReasons.of(board, others, cooperation == null ? EMPTY_COOPERATION : cooperation);
        Workbook workbook = new Workbook(out, "Shirong", "1.0");
        XlsxSheet sheet = XlsxSheet.start(workbook, SHEET, title(resolved), subtitle, columns, zone);
        int row = sheet.firstDataRow();
        for (UnitScore u : board.ranking()) {
            int col = 0;
            sheet.number(row, col++, u.rank());
            sheet.label(row, col++, u.unitName());
            sheet.decimal(row, col++, u.total());
            ScoreBoard.Basis basis = ScoreBoard.Basis.of(u.components());
            sheet.decimal(row, col++, u.components().isEmpty() ? null : basis.points());
            sheet.decimal(row, col++, u.components().isEmpty() ? null : basis.maxPoints());
            sheet.label(row, col++, u.grade());
            String reasons = named.of(u.unitId());
            sheet.label(row, col++, reasons.isEmpty() ? "否" : "是");
            sheet.text(row, col++, reasons);
            sheet.decimal(row, col++, u.caseScore());
            sheet.decimal(row, col++, u.inspectionScore());
            Map<String, BigDecimal> points = u.components().stream()
                    .filter(c -> c.points() != null).collect(Collectors.toMap(ComponentPoints::id, ComponentPoints::points));
            for (String id : items.keySet()) {
                sheet.decimal(row, col++, points.get(id));
            }
            col = indicators(sheet, row, col, u.indicators());
            sheet.label(row, col, ScoreNotice.basis(u));
            row++;
        }
        int firstRule = 10;
        for (UnitScore u : board.unranked()) {
            sheet.label(row, 1, u.unitName());
            String reasons = named.of(u.unitId());
            sheet.label(row, 6, reasons.isEmpty() ? "否" : "是");
            sheet.text(row, 7, reasons);
            sheet.decimal(row, 9, u.inspectionScore());
            int col = indicators(sheet, row, firstRule + items.size(), u.indicators());
            sheet.label(row, col, u.indicators().caseCount() == 0 ? "本期无可计分项，不排名" : "应结案件均已挂账，不排名");
            row++;
        }
        for (NoticeReasons.Named u : named.besides(board)) {
            sheet.label(row, 1, u.unitName());
            sheet.label(row, 6, "是");
            sheet.text(row, 7, String.join("；", u.reasons()));
            sheet.label(row, columns.size() - 1, "不参加考核排名");
            row++;
        }
        List<String> lines = new ArrayList<>(others.lines());
        if (cooperation != null) {
            cooperation.named().forEach(c -> lines.add(NoticeOthers.line(c.unitName(), c.reason())));
        }
        // a 通报 issued by a meeting that ranks no unit names none for its score: the note gives its reason instead
        String notice = others.unranked() != null ? others.unranked() : resolved.notice(zone);
        sheet.note(row + 1, columns.size(), ScoreNotice.alsoNaming(notice, board.provisional() ? List.of() : lines,
                resolved.noticeIssued()));
        TerritoryBoard territories = territoryBoard(resolved);
        if (territories != null) {
            territories(workbook, resolved, territories, territorySubtitle(resolved, user, now), zone);
        }
        if (campaign != null) {
            String head = head(resolved);
            String stated = period + (board.provisional() ? "　｜　暂定（本期尚未结束，不据此通报）" : "") + exported;
            NoticeSheets.cooperation(workbook, head + "协办情况", stated, cooperation, resolved.noticeIssued(), zone);
            NoticeSheets.lateTasks(workbook, head + "逾期未完成的工作任务", stated, others.lateTasks(), board.provisional(),
                    resolved.noticeIssued(), zone);
        }
        workbook.finish();
    }

    /** The district's towns and streets, ranked on the cases lying in them; those without due cases below, unranked. */
    private void territories(Workbook workbook, ScoreQuery.Resolved resolved, TerritoryBoard board, String subtitle, ZoneId zone) {
        List<Column> columns = new ArrayList<>(List.of(new Column("排名", 6), new Column("街镇", 14), new Column("级别", 6),
                new Column("总分", 8), new Column("等级", 6), new Column("排名靠后予以通报", 10)));
        INDICATORS.forEach(i -> columns.add(new Column(i.header(), i.rate() ? 11 : 9)));
        columns.add(new Column("备注", 18));
        XlsxSheet sheet = XlsxSheet.start(workbook, TERRITORY_SHEET, organizations.of(resolved.organization()).name()
                + resolved.period().name() + (resolved.wholeOrganization() ? "街镇排名（按属地案件）" : "街镇排名（按街镇牵头的本活动案件）"),
                subtitle, columns, zone);
        int row = sheet.firstDataRow();
        for (TerritoryBoard.Place p : board.ranking()) {
            sheet.number(row, 0, p.rank());
            sheet.label(row, 1, p.name());
            sheet.label(row, 2, p.levelName());
            sheet.decimal(row, 3, p.total());
            sheet.label(row, 4, p.grade());
            sheet.label(row, 5, p.named() ? "是" : "否");
            indicators(sheet, row, 6, p.indicators());
            row++;
        }
        for (TerritoryBoard.Place p : board.noCases()) {
            sheet.label(row, 1, p.name());
            sheet.label(row, 2, p.levelName());
            sheet.label(row, 5, "否");
            int col = indicators(sheet, row, 6, p.indicators());
            sheet.label(row, col, p.indicators().caseCount() == 0 ? "本期无计入的属地案件，不排名" : "应结案件均已挂账，不排名");
            row++;
        }
        sheet.note(row + 1, columns.size(), board.notice());
    }

    private static int indicators(XlsxSheet sheet, int row, int col, Indicators indicators) {
        for (Indicator i : INDICATORS) {
            Number value = i.value().apply(indicators);
            if (i.rate()) {
                if (value == null) {
                    sheet.label(row, col, "—");
                } else {
                    sheet.percent(row, col, (BigDecimal) value);
                }
            } else {
                sheet.number(row, col, value);
            }
            col++;
        }
        return col;
    }

    /** Which towns and streets are named: 排名靠后的 5 个镇、1 个街道. */
    private static String territoryLine(ScoringRubric.TerritoryRanking rule) {
        List<String> parts = new ArrayList<>();
        for (Organization.Level level : List.of(Organization.Level.TOWN, Organization.Level.STREET)) {
            int bottom = rule == null ? 0 : rule.bottom(level);
            if (bottom > 0) {
                parts.add(bottom + " 个" + level.label());
            }
        }
        String below = rule == null || rule.belowScore() == null ? null
                : "总分低于 " + rule.belowScore().stripTrailingZeros().toPlainString() + " 分的街镇";
        if (parts.isEmpty()) {
            return below == null ? "不按排名通报街镇" : below;
        }
        return "排名靠后的 " + String.join("、", parts) + "（参加排名的镇或街道多于该数时）" + (below == null ? "" : "，以及" + below);
    }

    /** The 通报线 of the rubric for people: 总分低于 60 分，或排名最后 3 位. */
    private static String line(ScoringRubric rubric) {
        ScoringRubric.NonPerforming rule = rubric.nonPerforming();
        List<String> parts = new ArrayList<>();
        if (rule != null && rule.belowScore() != null) {
            parts.add("总分低于 " + rule.belowScore().stripTrailingZeros().toPlainString() + " 分");
        }
        if (rule != null && rule.bottom() != null && rule.bottom() > 0) {
            parts.add("排名最后 " + rule.bottom() + " 位（参加排名的单位多于 " + rule.bottom() + " 个时）");
        }
        return parts.isEmpty() ? "无" : String.join("，或", parts);
    }
}

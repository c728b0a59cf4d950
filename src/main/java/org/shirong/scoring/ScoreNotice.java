package org.shirong.scoring;

import static org.shirong.system.ChineseDates.MINUTE;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.shirong.scoring.ScoreBoard.Basis;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;

/**
 * The 通报 text of a period: how many units were ranked and which are named, with why: the basis of each named unit's
 * total (the items that applied to it, their maximum and its points, as a score out of 100) and the items that cost it
 * its points, with the rate or the counts they were scored on. A provisional board (the period still running) names
 * none and says so.
 */
final class ScoreNotice {

    /** When a provisional board was computed: {@code 2026年12月7日 10:30}. */

    private ScoreNotice() {
    }

    /** The time a provisional board counts up to, for people, in the town's zone. */
    static String asOf(ScoreBoard board, ZoneId zone) {
        return board.computedAt() == null ? "" : MINUTE.format(board.computedAt().atZone(zone));
    }

    static String text(ScoreBoard board, ZoneId zone) {
        String counted = board.ranking().size() + " 个单位参加排名"
                + (board.unranked().isEmpty() ? "" : "，" + board.unranked().size() + " 个单位本期无可计分项，不排名");
        if (board.provisional()) {
            return board.period().name() + "单位考核（暂定，截至" + asOf(board, zone) + "）：" + counted
                    + "。本期尚未结束，排名随案件办理变化，不据此通报；期末后按考核细则确定通报单位。";
        }
        String head = board.period().name() + "单位考核：" + counted;
        // a unit ranked alone is not "第 1 名": it is named for its total, not for a place among others; a place is given
        // out of how many were ranked, since a 不履职 unit "第 1 名" of two reads as praise (jtreview-s59 T11)
        int ranked = board.ranking().size();
        String named = board.ranking().stream().filter(UnitScore::nonPerforming).map(u -> line(u, ranked))
                .collect(Collectors.joining("；"));
        return head + (named.isEmpty() ? NONE : NAMED + named + "。");
    }

    private static final String NAMED = "。通报：";
    private static final String NONE = "。本期无通报单位。";

    /**
     * The text of {@link #text} (or {@link #beforeNotice}) with the units the 通报 names besides those it ranks low, each
     * {@code 单位：原因}: "本期无通报单位" no longer holds, so it says none was named for its score — 列入通报范围 until the
     * 通报 is issued, as the rest of the text (diffreview-s56 D6).
     */
    static String alsoNaming(String text, List<String> others, boolean issued) {
        if (text == null || others.isEmpty()) {
            return text;
        }
        return text.replace(NONE, issued ? "。本期没有因考核得分被通报的单位。" : "。本期没有因考核得分列入通报范围的单位。")
                + (issued ? "另通报：" : "另列入通报范围（本期通报尚未印发）：")
                + String.join("；", others) + "。";
    }

    /**
     * The text of {@link #text} read before the period's 通报 is issued (a town's 例会 issues it after the monthly report,
     * 锦溪镇 通报s quarterly): the units it names are only 列入通报范围, not 通报'd (supreview-s54 V6).
     */
    static String beforeNotice(String text) {
        return text == null ? null : text.replace(NAMED, "。按考核细则列入通报范围（本期通报尚未印发）：");
    }

    /** The 通报's heading over the units named for their scores, after {@code rule} (see {@link UnitScores#namedHeading}). */
    static String heading(ScoringRubric.NonPerforming rule) {
        List<String> parts = new java.util.ArrayList<>();
        if (rule != null && rule.belowScore() != null) {
            parts.add("得分低于通报线（" + rule.belowScore().stripTrailingZeros().toPlainString() + " 分）");
        }
        if (rule != null && rule.bottom() != null && rule.bottom() > 0) {
            parts.add("排名后 " + rule.bottom() + " 名");
        }
        return parts.isEmpty() ? "因考核得分被通报的单位" : "考核" + String.join("或", parts) + "的单位";
    }

    private static String line(UnitScore u, int ranked) {
        String lost = lost(u);
        return "%s（%s总分 %s，%s 级；%s%s；%s）".formatted(u.unitName(),
                ranked == 1 ? "唯一参加排名的单位，" : ranked + " 个参加排名的单位中第 " + u.rank() + " 名，",
                u.total().toPlainString(), u.grade(),
                basis(u), lost.isEmpty() ? "" : "；失分：" + lost,
                u.namedFor().stream().map(NamedFor::label).collect(Collectors.joining("、")));
    }

    /**
     * How the unit's total comes from its items, so that a reader can add up the 失分: {@code 本期适用评分项满分 90 分，得 20 分，
     * 折合百分制 22.22 分}, and, when inspection scores are weighted in, {@code ，与检查得分 80.00 加权后总分 40.00 分}; empty for a
     * unit without items.
     */
    static String basis(UnitScore u) {
        if (u.components().isEmpty() || u.caseScore() == null) {
            return "";
        }
        Basis b = Basis.of(u.components());
        String text = "本期适用评分项满分 " + plain(b.maxPoints()) + " 分，得 " + plain(b.points()) + " 分，折合百分制 "
                + u.caseScore().toPlainString() + " 分";
        return u.total() == null || u.total().compareTo(u.caseScore()) == 0 || u.inspectionScore() == null ? text
                : text + "，与检查得分 " + u.inspectionScore().toPlainString() + " 加权后总分 " + u.total().toPlainString() + " 分";
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * The unit's items that fell short of their maximum, in the rubric's order, each with what it was scored on:
     * {@code 责任告知书送达率 77.78%（7/9）扣 5.00 分，返工与回退（回退 1 次）扣 0.20 分}; empty when none did.
     */
    static String lost(UnitScore u) {
        return u.components().stream().filter(c -> c.lost().signum() > 0).map(ScoreNotice::lost)
                .collect(Collectors.joining("，"));
    }

    private static String lost(ComponentPoints c) {
        String basis = c.basis() == null ? ""
                : !c.basis().contains("%") ? "（" + c.basis() + "）"
                : " " + c.basis() + (c.basis().endsWith("）") ? "" : " ");
        return c.name() + basis + "扣 " + c.lost().toPlainString() + " 分";
    }
}

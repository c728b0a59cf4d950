package org.shirong.scoring;

import java.util.stream.Collectors;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;

/**
 * The 通报 text of a period: how many units were ranked and which are named, with why: the items that cost each its
 * points, with the rate or the counts they were scored on.
 */
final class ScoreNotice {

    private ScoreNotice() {
    }

    static String text(ScoreBoard board) {
        String head = board.period().name() + "单位考核：" + board.ranking().size() + " 个单位参加排名"
                + (board.unranked().isEmpty() ? "" : "，" + board.unranked().size() + " 个单位本期无应结案件不排名");
        String named = board.ranking().stream().filter(UnitScore::nonPerforming).map(ScoreNotice::line)
                .collect(Collectors.joining("；"));
        return head + (named.isEmpty() ? "。本期无通报单位。" : "。通报：" + named + "。");
    }

    private static String line(UnitScore u) {
        String lost = lost(u);
        return "%s（第 %d 名，总分 %s，%s 级%s%s；%s）".formatted(u.unitName(), u.rank(), u.total().toPlainString(), u.grade(),
                u.inspectionScore() == null ? "" : "，检查得分 " + u.inspectionScore().toPlainString(),
                lost.isEmpty() ? "" : "，失分：" + lost, u.namedFor().stream().map(NamedFor::label).collect(Collectors.joining("、")));
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

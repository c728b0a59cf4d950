package org.shirong.scoring;

import java.util.stream.Collectors;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;

/** The 通报 text of a period: how many units were ranked and which are named, with why. */
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
        Indicators i = u.indicators();
        return "%s（第 %d 名，总分 %s，%s 级，按期结案率 %s，结案率 %s，超期 %d 件；%s）".formatted(u.unitName(), u.rank(),
                u.total().toPlainString(), u.grade(), Indicators.display(i.onTimeClosureRate()),
                Indicators.display(i.closureRate()), i.overdueCount(),
                u.namedFor().stream().map(NamedFor::label).collect(Collectors.joining("、")));
    }
}

package org.shirong.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shirong.organization.Organization.Level;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.scoring.ScoringRubric.TerritoryRanking;

/**
 * A district's towns and streets ranked on the cases located in them (the rubric's rules applied to those cases), and
 * those named as {@link TerritoryRanking} says: the lowest-ranked of each level (排名靠后的 5 个镇和 1 个街道; a level with
 * no more ranked places than it names names none, places tied at the cut are all named), and those below its 通报线.
 */
record TerritoryBoard(List<Place> ranking, List<Place> noCases, List<String> named, String notice) {

    /** One town or street; rank, total and grade are null when no case located there was due. */
    record Place(Integer rank, String organization, String name, String level, String levelName, BigDecimal total,
            String grade, boolean named, Indicators indicators) {
    }

    static TerritoryBoard of(ScoreBoard board, Map<String, Level> levels, TerritoryRanking given) {
        // a running period's ranking is provisional: it names no town or street until the period has closed
        TerritoryRanking rule = board.provisional() ? null : given;
        Set<String> named = new HashSet<>();
        List<String> notices = new ArrayList<>();
        for (Level level : List.of(Level.TOWN, Level.STREET)) {
            int bottom = rule == null ? 0 : rule.bottom(level);
            List<UnitScore> ofLevel = board.ranking().stream().filter(u -> levels.get(u.unitId()) == level).toList();
            if (bottom == 0 || ofLevel.size() <= bottom) {
                continue;
            }
            int cut = ofLevel.get(ofLevel.size() - bottom).rank();
            List<UnitScore> bottomOnes = ofLevel.stream().filter(u -> u.rank() >= cut).toList();
            bottomOnes.forEach(u -> named.add(u.unitId()));
            notices.add("排名靠后的 " + bottomOnes.size() + " 个" + level.label() + "："
                    + String.join("、", bottomOnes.stream().map(UnitScore::unitName).toList()));
        }
        BigDecimal line = rule == null ? null : rule.belowScore();
        if (line != null) {
            List<UnitScore> below = board.ranking().stream().filter(u -> u.total() != null && u.total().compareTo(line) < 0).toList();
            below.forEach(u -> named.add(u.unitId()));
            if (!below.isEmpty()) {
                notices.add("总分低于 " + line.stripTrailingZeros().toPlainString() + " 分的 " + below.size() + " 个街镇："
                        + String.join("、", below.stream().map(UnitScore::unitName).toList()));
            }
        }
        List<Place> ranking = board.ranking().stream().map(u -> place(u, levels, named.contains(u.unitId()))).toList();
        List<Place> noCases = board.unranked().stream().map(u -> place(u, levels, false)).toList();
        return new TerritoryBoard(ranking, noCases, ranking.stream().filter(Place::named).map(Place::organization).toList(),
                board.provisional() ? "本期尚未结束，街镇排名为暂定，不据此通报；期末后确定予以通报的街镇。"
                        : notices.isEmpty() ? "本期没有予以通报的街镇。" : String.join("；", notices) + "。");
    }

    private static Place place(UnitScore u, Map<String, Level> levels, boolean named) {
        Level level = levels.get(u.unitId());
        return new Place(u.rank(), u.unitId(), u.unitName(), level == null ? null : level.name(),
                level == null ? null : level.label(), u.total(), u.grade(), named, u.indicators());
    }
}

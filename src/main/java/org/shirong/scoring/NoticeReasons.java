package org.shirong.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.scoring.UnitScores.CooperationScores;

/**
 * Why the 通报 of a period names each unit, for the 考核得分 Excel: its score (总分低于通报线、排名末位), each late task
 * ({@link NoticeOthers.LateTask#reason}), its 协办 left unrecorded ({@link UnitScores.CooperationScores.CooperationLine#reason})
 * and a meeting's decision ({@link NoticeOthers.Decided#wording}), all of them, {@code ；}-separated, as the 通报 lists them
 * (jtreview-s59 T15) and in the words its replies and the 驾驶舱 give them (diffreview-s60 R11).
 * A unit is found by its group, or by its name where the 通报's line does not know the group.
 */
final class NoticeReasons {

    /** A unit named: its name and its reasons, in the 通报's order. */
    record Named(String unitId, String unitName, List<String> reasons) {
    }

    private final Map<String, Named> byUnit = new LinkedHashMap<>();
    private final Map<String, String> unitByName = new LinkedHashMap<>();

    private NoticeReasons() {
    }

    /**
     * The reasons of {@code board}'s units named for their scores (none when the 通报 ranks no unit, {@code others.unranked()})
     * and of those {@code others} and {@code cooperation} name.
     */
    static NoticeReasons of(ScoreBoard board, NoticeOthers.Others others, CooperationScores cooperation) {
        NoticeReasons reasons = new NoticeReasons();
        board.ranking().forEach(u -> reasons.unitByName.putIfAbsent(u.unitName(), u.unitId()));
        board.unranked().forEach(u -> reasons.unitByName.putIfAbsent(u.unitName(), u.unitId()));
        board.ranking().stream().filter(u -> others.unranked() == null && u.nonPerforming()).forEach(u -> reasons.add(u.unitId(), u.unitName(),
                u.namedFor().stream().map(NamedFor::label).collect(Collectors.joining("、"))));
        // each in the words the 通报's replies and the 驾驶舱 give it (diffreview-s60 R11)
        others.lateTasks().forEach(t -> reasons.add(t.unitId(), t.unitName(), t.reason()));
        cooperation.named().forEach(c -> reasons.add(c.unitId(), c.unitName(), c.reason()));
        others.decided().forEach(d -> reasons.add(d.unitId(), d.unitName(), d.wording()));
        return reasons;
    }

    private String key(String unitId, String unitName) {
        return unitId != null ? unitId : unitByName.getOrDefault(unitName, "name:" + unitName);
    }

    private void add(String unitId, String unitName, String reason) {
        String key = key(unitId, unitName);
        byUnit.computeIfAbsent(key, k -> new Named(k.startsWith("name:") ? null : k, unitName, new ArrayList<>())).reasons().add(reason);
    }

    /** The unit's reasons, {@code ；}-separated; empty when the 通报 does not name it. */
    String of(String unitId) {
        Named named = byUnit.get(unitId);
        return named == null ? "" : String.join("；", named.reasons());
    }

    /** The units named that are not among {@code board}'s, ranked or not (a unit without scores named for a task). */
    List<Named> besides(ScoreBoard board) {
        java.util.Set<String> shown = new java.util.HashSet<>();
        board.ranking().forEach(u -> shown.add(u.unitId()));
        board.unranked().forEach(u -> shown.add(u.unitId()));
        return byUnit.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }
}

package org.shirong.scoring;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The scores of one period and scope: the ranked units (best first; equal totals share a rank, the
 * next rank skips, and the order among them is by unit name), and the units not ranked because nothing of theirs
 * counts for the period (本期无可计分项: no case counted, by the period rule of {@link ScoringFacts}, and no zone rate). {@code provisional}: computed before the period ended (暂定，截至计算之时), so it
 * names no unit for the 通报: who is 不履职 is known only once the period has closed.
 */
record ScoreBoard(ScorePeriod period, String scope, Instant computedAt, boolean stored, List<UnitScore> ranking,
        List<UnitScore> unranked, boolean provisional) {

    ScoreBoard(ScorePeriod period, String scope, Instant computedAt, boolean stored, List<UnitScore> ranking,
            List<UnitScore> unranked) {
        this(period, scope, computedAt, stored, ranking, unranked, false);
    }

    /** Equal totals in Chinese name order (pinyin where the JDK knows it), then by id. */
    static final Comparator<UnitScore> BY_NAME = Comparator.comparing(UnitScore::unitName, Collator.getInstance(Locale.CHINA))
            .thenComparing(UnitScore::unitId);
    static final Comparator<UnitScore> BY_RANK = Comparator.comparing(UnitScore::total, Comparator.reverseOrder())
            .thenComparing(BY_NAME);

    /** Named units in rank order (comma-separated group ids for the processes). */
    List<String> nonPerformingUnits() {
        return ranking.stream().filter(UnitScore::nonPerforming).map(UnitScore::unitId).toList();
    }

    ScoreBoard asStored(boolean isStored) {
        return new ScoreBoard(period, scope, computedAt, isStored, ranking, unranked, provisional);
    }

    /**
     * This board as a provisional one when it was computed before {@code periodEnd}: the same ranks and totals, no unit
     * named (a running month's ranking is 暂定 and carries no 通报 flag). Unchanged when computed at or after the end.
     */
    ScoreBoard provisionalBefore(Instant periodEnd) {
        if (computedAt == null || !computedAt.isBefore(periodEnd)) {
            return this;
        }
        List<UnitScore> unnamed = ranking.stream().map(u -> new UnitScore(u.unitId(), u.unitName(), u.ranked(), u.rank(),
                u.total(), u.grade(), u.caseScore(), u.inspectionScore(), false, List.of(), u.indicators(), u.components()))
                .toList();
        return new ScoreBoard(period, scope, computedAt, stored, unnamed, unranked, true);
    }

    /** Why a unit is named in the 通报. */
    enum NamedFor {
        BELOW_THRESHOLD("总分低于通报线"),
        BOTTOM_N("排名末位");

        private final String label;

        NamedFor(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One rubric component's points for a unit, and what they were scored on, for people ({@code basis}): the rate
     * ({@code 77.78%（7/9）}), the counts deducted for ({@code 超期 1 件}), or null when there was nothing to count (and in
     * rows saved before it was kept).
     */
    record ComponentPoints(String id, String name, BigDecimal maxPoints, BigDecimal points, String basis) {

        /** The points short of the maximum. */
        BigDecimal lost() {
            return maxPoints.subtract(points);
        }
    }

    /**
     * The points behind a unit's total, for people: the maximum of the items that applied to it this period (an item
     * without figures, such as the zone items of a unit without zones, neither scores nor counts) and the points it got.
     */
    record Basis(BigDecimal maxPoints, BigDecimal points) {

        static Basis of(List<ComponentPoints> components) {
            return new Basis(components.stream().map(ComponentPoints::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add),
                    components.stream().map(ComponentPoints::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /** One unit's result; rank, total, grade, scores and components are null/empty when it is not ranked. */
    record UnitScore(String unitId, String unitName, boolean ranked, Integer rank, BigDecimal total, String grade,
            BigDecimal caseScore, BigDecimal inspectionScore, boolean nonPerforming, List<NamedFor> namedFor,
            Indicators indicators, List<ComponentPoints> components) {
    }
}

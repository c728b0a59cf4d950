package org.shirong.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other capabilities (meetings, reports) may know of the unit scores: the ranking of a period for
 * a campaign's scope, the units named in the 通报 and the 通报 sentence, as plain public records.
 */
@Service
public class UnitScores {

    private final ScoreService scores;

    UnitScores(ScoreService scores) {
        this.scores = scores;
    }

    /** One ranked unit, its rates for people ({@code 66.67%} or {@code —}) and why it is named, if it is. */
    public record RankedUnit(int rank, String unitId, String unitName, BigDecimal total, String grade, boolean named,
            String namedFor, int dueCount, int closedCount, int overdueCount, String closureRate, String onTimeClosureRate) {
    }

    /** A period's ranking (best first) and the 通报 sentence of {@link ScoreNotice}. */
    public record PeriodScores(String periodCode, String periodName, LocalDate from, LocalDate to, List<RankedUnit> ranking,
            int unrankedCount, String notice) {

        public List<RankedUnit> named() {
            return ranking.stream().filter(RankedUnit::named).toList();
        }

        public List<String> namedUnitIds() {
            return named().stream().map(RankedUnit::unitId).toList();
        }
    }

    /** The period's start and end (exclusive) in the town's zone. */
    public record Window(String periodCode, String periodName, Instant from, Instant until) {
    }

    /** One item of an inspection score sheet (检查评分表) of {@code config/scoring.yaml}. */
    public record SheetItem(String sheetId, String sheetName, String itemId, String itemName, BigDecimal maxPoints) {
    }

    /** Every item of every inspection score sheet of the organisation's rubric, in the rubric's order. */
    public List<SheetItem> inspectionItems(String organization) {
        return scores.sheetsOf(organization).stream().flatMap(sheet -> sheet.items().stream()
                .map(i -> new SheetItem(sheet.id(), sheet.name(), i.id(), i.name(), i.maxPoints()))).toList();
    }

    /**
     * Enters a unit's points on one sheet for a period (replacing what was entered before), checked
     * against the sheet; refusals are {@link org.shirong.system.InvalidRequestException}s naming the item.
     */
    @Transactional
    public void recordInspection(String periodCode, String unitId, String sheetId, Map<String, BigDecimal> points, String actor) {
        scores.recordInspection(period(periodCode), unitId, sheetId, points, actor);
    }

    /** The total below which a unit is named in the 通报 (the rubric's {@code non-performing.below-score}), if the rubric sets one. */
    public Optional<BigDecimal> noticeLine(String organization) {
        return Optional.ofNullable(scores.rubric(organization).nonPerforming()).map(ScoringRubric.NonPerforming::belowScore);
    }

    /** Whether the text is a period code (2026-05, 2026-Q2, 2026). */
    public static boolean isPeriod(String code) {
        return ScorePeriod.parse(code).isPresent();
    }

    /** The code of the last full month before {@code at} in the town's zone. */
    public String previousMonth(Instant at) {
        return ScorePeriod.previousMonth(at, scores.zone()).code();
    }

    public Window window(String periodCode) {
        ScorePeriod p = period(periodCode);
        return new Window(p.code(), p.name(), p.start(scores.zone()), p.end(scores.zone()));
    }

    /** Computes the period's scores for the campaign's scope as of the engine clock and saves them. */
    @Transactional
    public PeriodScores computeAndSave(String organization, String campaignCode, String periodCode) {
        return view(scores.calculateAndSave(period(periodCode), organization, ScoreService.scope(organization, campaignCode)));
    }

    /** The stored scores of the period, or those computed now when they were never saved. */
    @Transactional(readOnly = true)
    public PeriodScores read(String organization, String campaignCode, String periodCode) {
        return view(scores.board(period(periodCode), organization, ScoreService.scope(organization, campaignCode)));
    }

    private static ScorePeriod period(String code) {
        Optional<ScorePeriod> p = ScorePeriod.parse(code);
        return p.orElseThrow(() -> new IllegalArgumentException("考核期间 \"" + code + "\" 无效：" + ScorePeriod.FORMAT_HINT));
    }

    private static PeriodScores view(ScoreBoard board) {
        ScorePeriod p = board.period();
        return new PeriodScores(p.code(), p.name(), p.from(), p.to(), board.ranking().stream().map(UnitScores::ranked).toList(),
                board.unranked().size(), ScoreNotice.text(board));
    }

    private static RankedUnit ranked(UnitScore u) {
        Indicators i = u.indicators();
        return new RankedUnit(u.rank(), u.unitId(), u.unitName(), u.total(), u.grade(), u.nonPerforming(),
                String.join("、", u.namedFor().stream().map(NamedFor::label).toList()), i.dueCount(), i.closedCount(),
                i.overdueCount(), Indicators.display(i.closureRate()), Indicators.display(i.onTimeClosureRate()));
    }
}

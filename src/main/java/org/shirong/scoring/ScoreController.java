package org.shirong.scoring;

import org.camunda.bpm.engine.IdentityService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.shirong.scoring.ScoreBoard.ComponentPoints;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/scores}: a period's unit ranking with every indicator and rubric component, the 通报, and
 * (section {@code cooperation}) each unit's 协办, counted and scored apart from the lead-unit ranking; for a district
 * (section {@code territories}) its towns and streets ranked on the cases located in them, the lowest-ranked named.
 * A district group with oversight reads its towns' scores ({@code organization=<town>}). With {@code campaign=<code>}
 * only that campaign's cases count (404 for a campaign that is not the organisation's); without it, all of them.
 */
@RestController
@RequestMapping("/api")
class ScoreController {

    private final ScoreService scores;
    private final IdentityService identityService;
    private final ScoreQuery query;

    ScoreController(ScoreService scores, IdentityService identityService, ScoreQuery query) {
        this.identityService = identityService;
        this.scores = scores;
        this.query = query;
    }

    record Named(String code, String name) {
    }

    /** {@code appeals}: 核准申诉 2 件, the deductions no longer counted because the unit's appeal was approved; null when none. */
    /**
     * {@code maxPoints} and {@code points}: the sums over the items that applied to the unit, of which {@code caseScore}
     * is the score out of 100; {@code basis} says so for people ({@code 本期适用评分项满分 90 分，得 20 分，折合百分制 22.22 分}).
     */
    record RankView(int rank, String unitId, String unitName, String grade, BigDecimal total, boolean nonPerforming,
            List<Named> namedFor, BigDecimal caseScore, BigDecimal inspectionScore, BigDecimal maxPoints, BigDecimal points,
            String basis, Indicators indicators, List<ComponentPoints> components, String appeals) {
    }

    record NoCasesView(String unitId, String unitName, String note, BigDecimal inspectionScore, Indicators indicators,
            String appeals) {
    }

    /**
     * {@code provisional}: the period had not ended when the scores were computed, so no unit is named (暂定);
     * {@code noticeIssued}: false for a campaign whose 通报 of the period was not issued, when {@code nonPerformingUnits}
     * are 列入通报范围 and {@code notice} says so; {@code unranked}: why the campaign's 通报 of the period, issued (or to be
     * issued) by a meeting that ranks no unit, names no unit for its score (null when it ranks): {@code notice} is then
     * that sentence and {@code nonPerformingUnits} is empty, as the 通报 prints no ranking (diffreview-s60).
     */
    record ScoresView(String period, String periodName, LocalDate from, LocalDate to, String campaign, boolean stored,
            boolean provisional, Instant computedAt, List<RankView> ranking, List<NoCasesView> noCases, List<String> nonPerformingUnits,
            String notice, CooperationBoard cooperation, TerritoryBoard territories, boolean noticeIssued, String unranked) {
    }

    /** Stored scores if the period was computed and saved, else computed now (and not saved). */
    @GetMapping("/scores")
    ScoresView scores(@RequestParam String period, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String organization) {
        ScoreQuery.Resolved resolved = query.resolve(identityService.getCurrentAuthentication(), period, campaign, organization);
        ScorePeriod p = resolved.period();
        ScoreBoard board = resolved.board();
        String own = resolved.organization();
        boolean wholeOrganization = resolved.wholeOrganization();
        return new ScoresView(p.code(), p.name(), p.from(), p.to(),
                board.scope().startsWith(ScoreService.ORGANIZATION_SCOPE) ? null : board.scope(),
                board.stored(), board.provisional(), board.computedAt(), board.ranking().stream().map(ScoreController::rank).toList(),
                board.unranked().stream().map(u -> new NoCasesView(u.unitId(), u.unitName(),
                        u.indicators().caseCount() == 0 ? "本期无可计分项" : "应结案件均已挂账", u.inspectionScore(), u.indicators(),
                        appeals(u.indicators())))
                        .toList(),
                resolved.unranked() != null ? List.of() : board.nonPerformingUnits(), resolved.notice(scores.zone()),
                // a campaign's view counts the 协办 on the campaign's cases (属地街镇配合, sjreview-s57 D7), as its 通报 does;
                // a district campaign's view ranks the towns on the campaign's cases located in them
                scores.cooperation(p, own, wholeOrganization ? null : board.scope()),
                scores.territories(p, own, wholeOrganization ? null : board.scope()), resolved.noticeIssued(), resolved.unranked());
    }

    private static RankView rank(UnitScore u) {
        ScoreBoard.Basis basis = ScoreBoard.Basis.of(u.components());
        return new RankView(u.rank(), u.unitId(), u.unitName(), u.grade(), u.total(), u.nonPerforming(),
                u.namedFor().stream().map(n -> new Named(n.name(), n.label())).toList(), u.caseScore(), u.inspectionScore(),
                basis.maxPoints(), basis.points(), ScoreNotice.basis(u), u.indicators(), u.components(), appeals(u.indicators()));
    }

    private static String appeals(Indicators indicators) {
        return indicators.appealedCount() == 0 ? null : "核准申诉 " + indicators.appealedCount() + " 件";
    }
}

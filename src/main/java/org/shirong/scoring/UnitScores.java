package org.shirong.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.scoring.ScoreBoard.NamedFor;
import org.shirong.scoring.ScoreBoard.UnitScore;
import org.shirong.system.DateWindow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other capabilities (meetings, reports) may know of the unit scores: the ranking of a period for
 * a campaign's scope, the units named in the 通报 and the 通报 sentence, as plain public records.
 */
@Service
public class UnitScores {

    private final ScoreService scores;
    private final DateWindow dates;
    private final ScoringFacts facts;

    UnitScores(ScoreService scores, DateWindow dates, ScoringFacts facts) {
        this.scores = scores;
        this.dates = dates;
        this.facts = facts;
    }

    /**
     * The cases of the campaign returned (回退) in [from, until), by the unit that made each return, as scoring charges
     * the return ({@code 回退数}, {@link ScoringFacts#returns}): unit → case numbers. A case a unit returned and the office
     * re-dispatched is the returning unit's, not the new lead unit's (jtreview-s56 T7).
     */
    public Map<String, java.util.Set<String>> returnedCases(String organization, String campaignCode, Instant from,
            Instant until) {
        Map<String, java.util.Set<String>> byUnit = new java.util.LinkedHashMap<>();
        facts.returns(organization, campaignCode, from, until).stream().filter(r -> r.unit() != null)
                .forEach(r -> byUnit.computeIfAbsent(r.unit(), k -> new java.util.LinkedHashSet<>()).add(r.caseNo()));
        return byUnit;
    }

    /**
     * One ranked unit, its rates for people ({@code 66.67%} or {@code —}), why it is named, if it is, the items that
     * cost it points ({@code 责任告知书送达率 77.78%（7/9）扣 5.00 分}, empty when none did), and how its total comes from
     * its items ({@code 本期适用评分项满分 90 分，得 20 分，折合百分制 22.22 分}): the 失分 are out of that maximum, not of 100.
     */
    public record RankedUnit(int rank, String unitId, String unitName, BigDecimal total, String grade, boolean named,
            String namedFor, int dueCount, int closedCount, int overdueCount, String closureRate, String onTimeClosureRate,
            String lostPoints, String scoreBasis, BigDecimal points, BigDecimal maxPoints, BigDecimal inspectionScore) {

        /** A unit without an inspection score in the period. */
        public RankedUnit(int rank, String unitId, String unitName, BigDecimal total, String grade, boolean named,
                String namedFor, int dueCount, int closedCount, int overdueCount, String closureRate, String onTimeClosureRate,
                String lostPoints, String scoreBasis, BigDecimal points, BigDecimal maxPoints) {
            this(rank, unitId, unitName, total, grade, named, namedFor, dueCount, closedCount, overdueCount, closureRate,
                    onTimeClosureRate, lostPoints, scoreBasis, points, maxPoints, null);
        }
    }

    /**
     * A unit's inspection (季检查) result in the period: its score out of 100 over the sheets it was scored on, and those
     * sheets ({@code 整治镇郊结合部（牵头：创建办）3/10}); {@code rank} null for a unit not ranked (no case due), whose
     * inspection score is then all the period has of it.
     */
    public record InspectedUnit(Integer rank, String unitId, String unitName, BigDecimal inspectionScore, String sheets) {
    }

    /**
     * A period's ranking (best first) and the 通报 sentence of {@link ScoreNotice}. {@code provisional}: the period had not
     * ended when it was computed ({@code asOf}, {@code 2026年12月7日 10:30}), so it is 暂定 and names no unit.
     */
    public record PeriodScores(String periodCode, String periodName, LocalDate from, LocalDate to, List<RankedUnit> ranking,
            int unrankedCount, String notice, boolean provisional, String asOf, List<InspectedUnit> inspections,
            String inspectionNote) {

        /** Scores without inspections (none entered in the period). */
        public PeriodScores(String periodCode, String periodName, LocalDate from, LocalDate to, List<RankedUnit> ranking,
                int unrankedCount, String notice, boolean provisional, String asOf) {
            this(periodCode, periodName, from, to, ranking, unrankedCount, notice, provisional, asOf, List.of(), null);
        }

        /** The units with an inspection score that are not ranked (listed below the ranking, 不排名). */
        public List<InspectedUnit> inspectedUnranked() {
            return inspections.stream().filter(i -> i.rank() == null).toList();
        }

        public List<RankedUnit> named() {
            return ranking.stream().filter(RankedUnit::named).toList();
        }

        public List<String> namedUnitIds() {
            return named().stream().map(RankedUnit::unitId).toList();
        }

        /** These scores as read while no 通报 of the period exists: the units below the line are 列入通报范围, not 通报'd. */
        public PeriodScores beforeNotice() {
            return provisional ? this : new PeriodScores(periodCode, periodName, from, to, ranking, unrankedCount,
                    ScoreNotice.beforeNotice(notice), provisional, asOf, inspections, inspectionNote);
        }

        /**
         * These scores as the 通报 of a meeting that ranks no unit reads them ({@code why}, the sentence it prints in place of
         * the units named for their scores): no unit named for its score, the sentence as the notice (diffreview-s60 R1).
         */
        public PeriodScores unranked(String why) {
            return new PeriodScores(periodCode, periodName, from, to, ranking.stream().map(u -> new RankedUnit(u.rank(), u.unitId(),
                    u.unitName(), u.total(), u.grade(), false, null, u.dueCount(), u.closedCount(), u.overdueCount(), u.closureRate(),
                    u.onTimeClosureRate(), u.lostPoints(), u.scoreBasis(), u.points(), u.maxPoints(), u.inspectionScore())).toList(),
                    unrankedCount, why, provisional, asOf, inspections, inspectionNote);
        }

        /**
         * These scores with the 通报 sentence also naming the units the period's 通报 names for other reasons ({@code others},
         * each {@code 单位：原因}): late with a task, or decided by a meeting; {@code issued}: the 通报 is out (before it they
         * are 列入通报范围). Unchanged while the period runs, or with none.
         */
        public PeriodScores alsoNaming(List<String> others, boolean issued) {
            return provisional || others.isEmpty() ? this : new PeriodScores(periodCode, periodName, from, to, ranking,
                    unrankedCount, ScoreNotice.alsoNaming(notice, others, issued), provisional, asOf, inspections, inspectionNote);
        }
    }

    /**
     * A district's towns and streets ranked on the cases located in them ({@code rank} null for one with no case due),
     * whether {@code territory-ranking} names it, and the sentence naming them.
     */
    public record TerritoryScores(String periodName, List<Place> ranking, List<Place> noCases, String notice) {

        public record Place(Integer rank, String name, String levelName, BigDecimal total, String grade, boolean named,
                int dueCount, int closedCount, int overdueCount, String closureRate, String onTimeClosureRate) {
        }

        public List<Place> named() {
            return ranking.stream().filter(Place::named).toList();
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
     * Enters a unit's points on one sheet for a period as the campaign's inspection scored it (replacing what the campaign
     * entered before), checked against the sheet; the unit is scored, and ranked, in that campaign only. Refusals are
     * {@link org.shirong.system.InvalidRequestException}s naming the item.
     */
    @Transactional
    public void recordInspection(String periodCode, String campaignCode, String unitId, String sheetId, Map<String, BigDecimal> points,
            String actor) {
        scores.recordInspection(period(periodCode), campaignCode, unitId, sheetId, points, actor);
    }

    /**
     * The targets (%) of the rubric's zone items: 履责率 on main roads and elsewhere, 告知书送达率 and 上墙率; null where the
     * rubric scores no such item.
     */
    public record ZoneTargets(BigDecimal complianceMain, BigDecimal complianceOther, BigDecimal delivery, BigDecimal posting) {
    }

    public ZoneTargets zoneTargets(String organization) {
        List<ScoringRubric.ZoneRule> rules = scores.rubric(organization).zoneRuleList();
        java.util.function.BiFunction<ZoneFacts.Indicator, String, BigDecimal> target = (indicator, roadClass) -> rules.stream()
                .filter(r -> r.indicator() == indicator).findFirst().map(r -> r.fullAt().of(roadClass)).orElse(null);
        return new ZoneTargets(target.apply(ZoneFacts.Indicator.COMPLIANCE_RATE, "MAIN_ROAD"),
                target.apply(ZoneFacts.Indicator.COMPLIANCE_RATE, "OTHER"), target.apply(ZoneFacts.Indicator.DELIVERY_RATE, null),
                target.apply(ZoneFacts.Indicator.POSTING_RATE, null));
    }

    /** One 负责单位's zone rates as scored (or the organisation's, {@code unitId} null), each {@code 98.00%（49/50）} or {@code —}. */
    public record ZoneRateLine(String unitId, String unitName, String complianceMain, String complianceOther, String delivery,
            String posting) {
    }

    /** The zone rates of a period as the scores take them, per unit and for the organisation; no units without zones. */
    public record ZoneRates(String periodName, ZoneTargets targets, List<ZoneRateLine> units, ZoneRateLine total) {
    }

    /** The period's zone rates of the organisation's 负责单位 (counted up to now in a running period); empty without zones. */
    @Transactional(readOnly = true)
    public Optional<ZoneRates> zoneRates(String organization, String periodCode) {
        ScorePeriod p = period(periodCode);
        List<ZoneFacts.ZoneFigure> figures = scores.zoneFigures(organization, p).stream().filter(f -> f.whole() > 0).toList();
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = scores.unitNames(organization);
        Map<String, List<ZoneFacts.ZoneFigure>> byUnit = figures.stream()
                .collect(java.util.stream.Collectors.groupingBy(ZoneFacts.ZoneFigure::unitId, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()));
        List<ZoneRateLine> lines = new java.util.ArrayList<>();
        names.forEach((id, name) -> {
            if (byUnit.containsKey(id)) {
                lines.add(line(id, name, byUnit.remove(id)));
            }
        });
        byUnit.forEach((id, own) -> lines.add(line(id, id, own)));
        return Optional.of(new ZoneRates(p.name(), zoneTargets(organization), lines, line(null, "合计", figures)));
    }

    private static ZoneRateLine line(String unitId, String unitName, List<ZoneFacts.ZoneFigure> figures) {
        return new ZoneRateLine(unitId, unitName, rate(figures, ZoneFacts.Indicator.COMPLIANCE_RATE, "MAIN_ROAD"),
                rate(figures, ZoneFacts.Indicator.COMPLIANCE_RATE, "OTHER"), rate(figures, ZoneFacts.Indicator.DELIVERY_RATE, null),
                rate(figures, ZoneFacts.Indicator.POSTING_RATE, null));
    }

    /** The figures of that rate summed (numerators and denominators, never rates averaged), for people. */
    private static String rate(List<ZoneFacts.ZoneFigure> figures, ZoneFacts.Indicator indicator, String roadClass) {
        int part = 0;
        int whole = 0;
        for (ZoneFacts.ZoneFigure f : figures) {
            if (f.indicator() == indicator && java.util.Objects.equals(f.roadClass(), roadClass)) {
                part += f.part();
                whole += f.whole();
            }
        }
        BigDecimal rate = Indicators.rate(part, whole);
        return rate == null ? "—" : Indicators.display(rate) + "（" + part + "/" + whole + "）";
    }

    /** Which of a unit's case figures in the ranking: 应结案、结案、超期 ({@link Indicators}). */
    public enum CaseFigure {
        DUE, CLOSED, OVERDUE
    }

    /** A case behind a ranking's figure; {@code roundNo}: the round a reopening ended that counted, null for the case as it is. */
    public record CountedCase(String caseNo, Integer roundNo) {
    }

    /**
     * The cases behind a ranked unit's 应结案、结案 or 超期 of the period, as the scores count them now (jtreview-s59 T12):
     * the rows scoring counts ({@link ScoreService#casesDue}) with the test {@link Indicators} counts each figure by.
     */
    @Transactional(readOnly = true)
    public List<CountedCase> casesBehind(String organization, String campaignCode, String periodCode, String unit,
            CaseFigure figure) {
        return scores.casesDue(period(periodCode), organization, campaignCode, unit).stream()
                .filter(f -> switch (figure) {
                    case DUE -> true;
                    case CLOSED -> f.fact().closed();
                    case OVERDUE -> f.fact().late();
                }).map(f -> new CountedCase(f.fact().caseNo(), f.roundNo())).toList();
    }

    /**
     * What the 通报 heads the units it names for their scores with, as the rubric's {@code non-performing} names them:
     * 考核得分低于通报线（60 分）的单位 (九亭镇: {@code bottom: 0}), 考核排名后 3 名的单位, or both joined by 或.
     */
    public String namedHeading(String organization) {
        return ScoreNotice.heading(scores.rubric(organization).nonPerforming());
    }

    /** The total below which a unit is named in the 通报 (the rubric's {@code non-performing.below-score}), if the rubric sets one. */
    public Optional<BigDecimal> noticeLine(String organization) {
        return Optional.ofNullable(scores.rubric(organization).nonPerforming()).map(ScoringRubric.NonPerforming::belowScore);
    }

    /**
     * Why {@code code}, typed as a 考核期间, cannot be taken: control characters, not a period code, or a period wholly
     * outside {@code shirong.input.dates} as of the engine clock; empty when it can. Callers answer 400 naming it.
     */
    public Optional<String> periodProblem(String code) {
        return ScorePeriod.problem(code, dates, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), scores.zone()));
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
        return view(scores.calculateAndSave(period(periodCode), organization, ScoreService.scope(organization, campaignCode)),
                organization);
    }

    /** The stored scores of the period, or those computed now when they were never saved. */
    @Transactional(readOnly = true)
    public PeriodScores read(String organization, String campaignCode, String periodCode) {
        return view(scores.board(period(periodCode), organization, ScoreService.scope(organization, campaignCode)), organization);
    }

    /**
     * For a district, its towns and streets ranked on the cases located in them as of now (as {@code GET /api/scores}
     * gives them under {@code territories}); empty for an organisation without towns or streets.
     */
    public Optional<TerritoryScores> territories(String organization, String periodCode) {
        return territories(organization, null, periodCode);
    }

    /**
     * As {@link #territories(String, String)}, ranked on the district campaign {@code campaignCode}'s cases only (null:
     * all cases located in each town or street, the towns' own included); once the campaign's 通报 of the period has been
     * issued, the ranking stored then ({@link #saveTerritories}).
     */
    public Optional<TerritoryScores> territories(String organization, String campaignCode, String periodCode) {
        ScorePeriod p = period(periodCode);
        return Optional.ofNullable(scores.territories(p, organization, campaignCode)).map(board -> territoryScores(p, board));
    }

    /**
     * Computes the district campaign's 街镇排名 of the period as of the engine clock and stores it, as its 通报 is issued:
     * from then on {@link #territories(String, String, String)} gives these figures, whatever changes in the cases later.
     * Empty for an organisation without towns or streets.
     */
    @Transactional
    public Optional<TerritoryScores> saveTerritories(String organization, String campaignCode, String periodCode) {
        ScorePeriod p = period(periodCode);
        String scope = ScoreService.scope(organization, campaignCode);
        if (scope.startsWith(ScoreService.ORGANIZATION_SCOPE)) {
            throw new IllegalArgumentException("街镇排名只随区级活动的通报保存，缺少活动代码");
        }
        return Optional.ofNullable(scores.saveTerritories(p, organization, scope))
                .map(board -> territoryScores(p, board));
    }

    /**
     * The period's 协办 (属地街镇配合 and cooperating departments) on the campaign's cases as of now, by the rule
     * {@code GET /api/scores} counts it with: {@code units} every unit with a 协办 due in the period, best first; {@code named}
     * those that failed to cooperate (a 协办 due and not recorded), none while the period runs ({@code provisional}): the
     * 通报 names them, the 月报 and the 驾驶舱 show the same lines (sjreview-s57 D7).
     */
    public record CooperationScores(String periodName, boolean provisional, List<CooperationLine> units) {

        /** One unit's 协办: 协办数, 按时完成, 逾期完成, 未完成, 协办按时率 ({@code 50.00%}), points when the rubric scores it. */
        public record CooperationLine(int rank, String unitId, String unitName, int count, int doneOnTime, int doneLate,
                int notDone, String onTimeRate, BigDecimal points, boolean failed) {

            /**
             * Why the 通报 names the unit for its 协办, in the words its replies, the 驾驶舱 and the 考核得分 Excel all give
             * (diffreview-s60 R11): {@code 未完成协办 1 件}.
             */
            public String reason() {
                return "未完成协办 " + notDone + " 件";
            }
        }

        /** The units the 通报 names for their 协办: none while the period runs. */
        public List<CooperationLine> named() {
            return provisional ? List.of() : units.stream().filter(CooperationLine::failed).toList();
        }

        /** The 通报's sentence naming them: {@code 创建工作办公室（九亭镇）未完成协办 1 件}; empty when none. */
        public String notice() {
            return String.join("、", named().stream().map(u -> u.unitName() + u.reason()).toList());
        }

        /**
         * The 通报's sentence over them, as its 属地街镇和协办部门配合情况 and the Excel's 协办 sheet print it:
         * {@code 未按期完成协办、予以通报：环卫所未完成协办 1 件}, or before the 通报 is issued ({@code issued} false)
         * {@code 未按期完成协办、列入通报范围（本期通报尚未印发）：…}; empty when none.
         */
        public String namedSentence(boolean issued) {
            String notice = notice();
            return notice.isEmpty() ? "" : "未按期完成协办、" + (issued ? "予以通报" : "列入通报范围（本期通报尚未印发）") + "：" + notice;
        }
    }

    /** See {@link CooperationScores}; {@code campaignCode} null: all the organisation's cases. */
    @Transactional(readOnly = true)
    public CooperationScores cooperation(String organization, String campaignCode, String periodCode) {
        return cooperation(organization, campaignCode, periodCode, null);
    }

    /** {@link #cooperation(String, String, String)} as the 协办 stood at {@code asOf} (null: now), as a 通报 issued then names it. */
    @Transactional(readOnly = true)
    public CooperationScores cooperation(String organization, String campaignCode, String periodCode, Instant asOf) {
        ScorePeriod p = period(periodCode);
        CooperationBoard board = scores.cooperation(p, organization, campaignCode, asOf);
        boolean provisional = ClockUtil.getCurrentTime().toInstant().isBefore(p.end(scores.zone()));
        return new CooperationScores(p.name(), provisional, board.units().stream()
                .map(r -> new CooperationScores.CooperationLine(r.rank(), r.unitId(), r.unitName(), r.cooperationCount(),
                        r.doneOnTime(), r.doneLate(), r.notDone(), r.onTimeRateText(), r.points(), r.failed()))
                .toList());
    }

    private static TerritoryScores territoryScores(ScorePeriod p, TerritoryBoard board) {
        return new TerritoryScores(p.name(), board.ranking().stream().map(UnitScores::place).toList(),
                board.noCases().stream().map(UnitScores::place).toList(), board.notice());
    }

    private static TerritoryScores.Place place(TerritoryBoard.Place p) {
        Indicators i = p.indicators();
        return new TerritoryScores.Place(p.rank(), p.name(), p.levelName(), p.total(), p.grade(), p.named(), i.dueCount(),
                i.closedCount(), i.overdueCount(), Indicators.display(i.closureRate()), Indicators.display(i.onTimeClosureRate()));
    }

    private static ScorePeriod period(String code) {
        Optional<ScorePeriod> p = ScorePeriod.parse(code);
        return p.orElseThrow(() -> new IllegalArgumentException("考核期间 \"" + code + "\" 无效：" + ScorePeriod.FORMAT_HINT));
    }

    private PeriodScores view(ScoreBoard board, String organization) {
        ScorePeriod p = board.period();
        Map<String, String> sheets = scores.inspectionSheets(organization, p, board.scope());
        List<InspectedUnit> inspections = java.util.stream.Stream.concat(board.ranking().stream(), board.unranked().stream())
                .filter(u -> u.inspectionScore() != null)
                .map(u -> new InspectedUnit(u.ranked() ? u.rank() : null, u.unitId(), u.unitName(), u.inspectionScore(),
                        sheets.getOrDefault(u.unitId(), "")))
                .toList();
        return new PeriodScores(p.code(), p.name(), p.from(), p.to(), board.ranking().stream().map(UnitScores::ranked).toList(),
                board.unranked().size(), ScoreNotice.text(board, scores.zone()), board.provisional(),
                ScoreNotice.asOf(board, scores.zone()), inspections,
                scores.rubric(organization).sheets().isEmpty() ? null
                        : inspectionNote(scores.rubric(organization).inspectionWeight(), !inspections.isEmpty()));
    }

    /**
     * What the totals consist of, said beside every ranking of an organisation whose rubric has inspection sheets, whether
     * the period has inspection scores or not: 锦溪镇 weighs them 0 (its plan names 季检查 among its 督查考核 but says nothing
     * of a scale or of how it and case handling are combined), so they are listed beside the ranking for the meeting to
     * 通报, not added in (jxreview-s55 J9), and a month's ranking, which has none, says that its total is the case items'
     * alone (jxreview-s58 J2).
     */
    static String inspectionNote(BigDecimal weight, boolean scored) {
        String score = "检查得分 = 本期检查（季检查）所评各评分表得分之和 ÷ 满分之和 × 100。";
        if (weight == null || weight.signum() == 0) {
            return "总分只按考核评分项（案件办理等）计算；检查（季检查）得分单独列出，未计入总分（权重 0）"
                    + (scored ? "，供会议通报。" + score : "；本期没有录入检查得分。");
        }
        return "总分 = 考核评分项（案件办理等）得分与检查（季检查）得分加权：检查得分按考核细则以 "
                + weight.movePointRight(2).stripTrailingZeros().toPlainString() + "% 的权重计入总分"
                + "，本期没有检查得分的单位只按考核评分项计算。" + (scored ? score : "本期没有录入检查得分。");
    }

    private static RankedUnit ranked(UnitScore u) {
        Indicators i = u.indicators();
        ScoreBoard.Basis basis = ScoreBoard.Basis.of(u.components());
        return new RankedUnit(u.rank(), u.unitId(), u.unitName(), u.total(), u.grade(), u.nonPerforming(),
                String.join("、", u.namedFor().stream().map(NamedFor::label).toList()), i.dueCount(), i.closedCount(),
                i.overdueCount(), Indicators.display(i.closureRate()), Indicators.display(i.onTimeClosureRate()),
                ScoreNotice.lost(u), ScoreNotice.basis(u), basis.points(), basis.maxPoints(), u.inspectionScore());
    }
}

package org.shirong.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.Organization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseParties;
import org.shirong.scoring.ScoreCalculator.Unit;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes, saves and reads unit scores: reads the period's case facts and the organisation, lets
 * {@link ScoreCalculator} score them with the rubric, and keeps one set of rows per period and scope.
 * A period still running is counted up to the engine clock: a case due later is not yet 应结案 unless it was closed, and
 * its board is provisional ({@link ScoreBoard#provisional}): ranked, but naming no unit for the 通报.
 * Which cases count for a period is the rule of {@link ScoringFacts#casesCounted}; the responsibility zones' rates come
 * from {@link ZoneFacts}, if the zone capability is there, and the units' campaign tasks from {@link TaskFacts}, if the
 * campaign capability is there and the rubric scores them.
 */
@Service
class ScoreService {

    /** The scope of an organisation's scores outside any campaign: {@code @jiuting}. */
    static final String ORGANIZATION_SCOPE = "@";
    private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ScoringFacts facts;
    private final ScoreRecords records;
    private final InspectionRecords inspections;
    private final RubricLoader rubrics;
    private final OrganizationRecords organization;
    private final Organizations organizations;
    private final ZoneId zone;
    private final CaseParties parties;
    private final ObjectProvider<ZoneFacts> zoneFacts;
    private final ObjectProvider<TaskFacts> taskFacts;
    private final CampaignOrganizations campaigns;

    ScoreService(ScoringFacts facts, ScoreRecords records, InspectionRecords inspections, RubricLoader rubricLoader,
            OrganizationRecords organization, Organizations organizations, WorkingCalendar calendar, CaseParties parties,
            ObjectProvider<ZoneFacts> zoneFacts, ObjectProvider<TaskFacts> taskFacts, CampaignOrganizations campaigns) {
        this.taskFacts = taskFacts;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.zoneFacts = zoneFacts;
        this.parties = parties;
        this.facts = facts;
        this.records = records;
        this.inspections = inspections;
        this.rubrics = rubricLoader;
        this.organization = organization;
        this.zone = calendar.zone();
    }

    ZoneId zone() {
        return zone;
    }

    /** The organisation's groups' names by id, in the order of its file. */
    Map<String, String> unitNames(String organization) {
        return organizations.groupNames(organization);
    }

    /** The organisation's rubric, as config/scoring.yaml (or its own file) gives it. */
    ScoringRubric rubric(String organization) {
        return rubrics.rubric(organization);
    }

    /** The inspection sheets of the organisation's rubric. */
    List<ScoringRubric.Sheet> sheetsOf(String organization) {
        return rubrics.rubric(organization).sheets();
    }

    /**
     * Each unit's inspection sheets of the period in the scope's board for people, in the rubric's order:
     * {@code 整治镇郊结合部（牵头：创建办）3/10} (a sheet no longer in the rubric by its id).
     */
    Map<String, String> inspectionSheets(String organization, ScorePeriod period, String scope) {
        List<ScoringRubric.Sheet> sheets = sheetsOf(organization);
        Map<String, Integer> order = new HashMap<>();
        sheets.forEach(sheet -> order.put(sheet.id(), order.size()));
        Map<String, String> names = sheets.stream().collect(Collectors.toMap(ScoringRubric.Sheet::id, ScoringRubric.Sheet::name));
        Map<String, String> lines = new HashMap<>();
        inspections.sheets(period.code(), campaignOf(scope)).forEach((unit, scored) -> lines.put(unit, scored.stream()
                .sorted(java.util.Comparator.comparing(t -> order.getOrDefault(t.sheetId(), Integer.MAX_VALUE)))
                .map(t -> names.getOrDefault(t.sheetId(), t.sheetId()) + " " + t.points().stripTrailingZeros().toPlainString()
                        + "/" + t.maxPoints().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("，"))));
        return lines;
    }

    /** The campaign of a scope, null for an organisation's own. */
    private static String campaignOf(String scope) {
        return scope.startsWith(ORGANIZATION_SCOPE) ? null : scope;
    }

    private ScoringRubric rubricOfUnit(String unitId) {
        return rubrics.rubric(organizations.ofGroup(unitId).map(Organization::id).orElse(null));
    }

    /**
     * The scope the stored rows are kept under: the campaign's code, or, without one, the organisation
     * ({@value #ORGANIZATION_SCOPE}{@code <id>}). A campaign's scores count only the organisation's cases that the
     * campaign found; the organisation's count all of them.
     */
    static String scope(String organization, String campaign) {
        if (campaign == null || campaign.isBlank()) {
            return ORGANIZATION_SCOPE + organization;
        }
        if (!CAMPAIGN.matcher(campaign.strip()).matches()) {
            throw new InvalidRequestException(ApiError.field("campaign", "INVALID_CAMPAIGN",
                    "活动代码 \"" + campaign + "\" 无效：只能使用英文字母、数字、下划线和连字符（至多 64 个字符）"));
        }
        return campaign.strip();
    }

    /** The part of a period that has passed by {@code now}: [from, until), empty before the period starts. */
    private record Elapsed(Instant now, Instant from, Instant until) {

        boolean started() {
            return until.isAfter(from);
        }
    }

    private Elapsed elapsed(ScorePeriod period) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant end = period.end(zone);
        return new Elapsed(now, period.start(zone), end.isAfter(now) ? now : end);
    }

    /**
     * The cases behind {@code unit}'s 应结案、结案、超期 in the period as {@link #calculate} counts them now, each a fact of
     * the very rows it counts, less the 挂账 ones where the rubric leaves them out of the 应结案 ({@link Indicators#counted}).
     */
    List<ScoringFacts.NumberedFact> casesDue(ScorePeriod period, String organization, String campaignCode, String unit) {
        Elapsed e = elapsed(period);
        if (!e.started()) {
            return List.of();
        }
        boolean excludeSuspended = rubrics.rubric(organization).excludeSuspended();
        return facts.casesCountedOneByOne(organization, campaignOf(scope(organization, campaignCode)), e.from(), e.until())
                .stream().filter(f -> unit.equals(f.fact().leadUnit()))
                .filter(f -> !(excludeSuspended && f.fact().suspended())).toList();
    }

    /** The period's scores of the organisation's units and cases as of now, not saved. */
    ScoreBoard calculate(ScorePeriod period, String organization, String scope) {
        Elapsed e = elapsed(period);
        String campaign = campaignOf(scope);
        List<CaseFact> cases = e.started() ? facts.casesCounted(organization, campaign, e.from(), e.until()) : List.of();
        List<ReturnFact> returns = e.started() ? facts.returns(organization, campaign, e.from(), e.until()).stream()
                .filter(r -> r.unit() != null).toList() : List.of();
        List<ReopenFact> reopens = e.started() ? facts.reopens(organization, campaign, e.from(), e.until()).stream()
                .filter(r -> r.unit() != null).toList() : List.of();
        Map<String, ScoreCalculator.InspectionTotal> inspected = inspections.totals(period.code(), campaign);
        ScoringRubric rubric = rubrics.rubric(organization);
        List<TaskFacts.TaskFigure> tasks = taskFigures(rubric, organization, campaign, e);
        Set<String> tasked = tasks.stream().filter(t -> t.counted() > 0).map(TaskFacts.TaskFigure::unitId)
                .collect(Collectors.toSet());
        return new ScoreCalculator(rubric).calculate(period, scope,
                scoredUnits(organization, campaign, cases, returns, reopens, inspected.keySet(), tasked), cases, returns, reopens,
                inspected, zoneFigures(organization, period), tasks, e.now()).provisionalBefore(period.end(zone));
    }

    /**
     * The units' campaign tasks counted in the part of the period that has passed, when the rubric scores them
     * ({@code task-rule}) and the campaign capability is there; none otherwise.
     */
    private List<TaskFacts.TaskFigure> taskFigures(ScoringRubric rubric, String organization, String campaign, Elapsed e) {
        TaskFacts tasks = taskFacts.getIfAvailable();
        return rubric.taskRule() == null || tasks == null || !e.started() ? List.of()
                : tasks.figures(organization, campaign, e.from(), e.until());
    }

    /**
     * The organisation's responsibility-zone figures for the part of the period that has passed (none without the zone
     * capability). They are the organisation's whatever the scope: the zones are not found by a campaign.
     */
    List<ZoneFacts.ZoneFigure> zoneFigures(String organization, ScorePeriod period) {
        Elapsed e = elapsed(period);
        ZoneFacts zones = zoneFacts.getIfAvailable();
        return zones == null || !e.started() ? List.of() : zones.figures(organization, e.from(), e.until());
    }

    /** Whether the organisation has towns or streets under it (a district), whose 街镇排名 it keeps. */
    boolean hasTerritories(String organization) {
        return !organizations.within(organization).isEmpty();
    }

    /**
     * For a district: its towns and streets ranked on the cases located in them as of now (not stored), with the
     * lowest-ranked named; null for an organisation without towns or streets.
     */
    @Transactional(readOnly = true)
    TerritoryBoard territories(ScorePeriod period, String district) {
        return territories(period, district, null);
    }

    /**
     * As {@link #territories(ScorePeriod, String)}, on the district campaign's cases only when {@code campaign} is given
     * (its 通报 ranks the towns on what it found in them, not on the towns' own campaigns' cases). Once the campaign's
     * 通报 of the period has been issued ({@link #saveTerritories}), the ranking stored then, as the 通报 printed it
     * (security review s55 S2): a later 属地 correction, 非本镇属地 answer or void changes only periods not yet issued. A
     * ranking stored 暂定 (before the period ended) is not served once the period is over, as {@link #board} does.
     */
    @Transactional(readOnly = true)
    TerritoryBoard territories(ScorePeriod period, String district, String campaign) {
        List<Organization> places = organizations.within(district);
        if (places.isEmpty()) {
            return null;
        }
        return issuedTerritories(period, campaign).orElseGet(() -> computeTerritories(period, district, campaign, places));
    }

    /**
     * The campaign's 街镇排名 of the period as its issued 通报 stored it, when that is what
     * {@link #territories(ScorePeriod, String, String)} serves: not for the organisation's own ranking ({@code campaign}
     * null), nor a ranking stored 暂定 once the period is over.
     */
    @Transactional(readOnly = true)
    java.util.Optional<TerritoryBoard> issuedTerritories(ScorePeriod period, String campaign) {
        if (campaign == null) {
            return java.util.Optional.empty();
        }
        Instant end = period.end(zone);
        boolean over = !ClockUtil.getCurrentTime().toInstant().isBefore(end);
        return records.findTerritories(period, campaign).filter(s -> !(s.computedAt().isBefore(end) && over))
                .map(ScoreRecords.StoredTerritories::board);
    }

    /**
     * Computes the district campaign's 街镇排名 of the period now and stores it, replacing what was stored, under the
     * saves' lock: the ranking its 通报 prints, which {@link #territories(ScorePeriod, String, String)} serves from then on.
     * Null for an organisation without towns or streets.
     */
    @Transactional
    TerritoryBoard saveTerritories(ScorePeriod period, String district, String campaign) {
        List<Organization> places = organizations.within(district);
        if (places.isEmpty()) {
            return null;
        }
        records.lockSaves();
        TerritoryBoard board = computeTerritories(period, district, campaign, places);
        records.replaceTerritories(period, campaign, ClockUtil.getCurrentTime().toInstant(), board);
        return board;
    }

    private TerritoryBoard computeTerritories(ScorePeriod period, String district, String campaign, List<Organization> places) {
        Elapsed e = elapsed(period);
        List<String> ids = places.stream().map(Organization::id).toList();
        List<CaseFact> cases = !e.started() ? List.of() : campaign == null
                ? facts.casesCountedByTerritory(district, ids, e.from(), e.until())
                : facts.casesCountedByTerritory(district, ids, campaign, e.from(), e.until());
        List<ReturnFact> returns = !e.started() ? List.of() : campaign == null
                ? facts.returnsByTerritory(district, ids, e.from(), e.until())
                : facts.stepsByTerritory("RETURNED", district, ids, campaign, e.from(), e.until(), ReturnFact::new);
        List<ReopenFact> reopens = !e.started() ? List.of() : campaign == null
                ? facts.reopensByTerritory(district, ids, e.from(), e.until())
                : facts.stepsByTerritory("REOPENED", district, ids, campaign, e.from(), e.until(), ReopenFact::new);
        ScoringRubric rubric = rubrics.rubric(district);
        ScoreBoard board = new ScoreCalculator(rubric.forTerritories()).calculate(period, ORGANIZATION_SCOPE + district,
                places.stream().map(p -> new Unit(p.id(), p.name())).toList(), cases, returns, reopens, Map.of(), e.now())
                .provisionalBefore(period.end(zone));
        Map<String, Organization.Level> levels = new HashMap<>();
        places.forEach(p -> levels.put(p.id(), p.organization().level()));
        return TerritoryBoard.of(board, levels, rubric.territoryRanking());
    }

    /**
     * The period's 协办 per unit on the organisation's cases as of now (never stored: it is read from the cases each
     * time). Counts the cooperations due in the period up to now, so every one counted was due and is either
     * recorded or not.
     */
    @Transactional(readOnly = true)
    CooperationBoard cooperation(ScorePeriod period, String organization) {
        return cooperation(period, organization, null);
    }

    /**
     * As {@link #cooperation(ScorePeriod, String)}, on the campaign's cases only when {@code campaign} is given: a district
     * campaign's towns (属地街镇配合) and cooperating departments by the same rule as the organisation's (sjreview-s57 D7).
     */
    @Transactional(readOnly = true)
    CooperationBoard cooperation(ScorePeriod period, String organization, String campaign) {
        return cooperation(period, organization, campaign, null);
    }

    /**
     * As {@link #cooperation(ScorePeriod, String, String)}, as the 协办 stood at {@code asOf} (null: now): one recorded after
     * it is not done, one ended after it still open ({@link CaseParties.Party#asOf}), as the 通报 issued then named them.
     */
    @Transactional(readOnly = true)
    CooperationBoard cooperation(ScorePeriod period, String organization, String campaign, Instant asOf) {
        Elapsed e = elapsed(period);
        List<CaseParties.Party> due = e.started() ? parties.dueBetween(organization, campaign, e.from(), e.until()).stream()
                .map(p -> p.asOf(asOf)).toList() : List.of();
        return CooperationBoard.of(due, this.organization.unitNames(organization), rubrics.rubric(organization).cooperationRules());
    }

    /**
     * Computes the period's scores and replaces whatever was stored for it, under the saves' lock taken before anything is
     * read: an appeal approved meanwhile ({@code CaseAppeals}) is either read here or refused for the period saved.
     */
    @Transactional
    ScoreBoard calculateAndSave(ScorePeriod period, String organization, String scope) {
        records.lockSaves();
        ScoreBoard board = calculate(period, organization, scope);
        records.replace(board);
        return board.asStored(true);
    }

    /**
     * The stored scores of the period, or, if it was never stored, the scores computed now; provisional (no unit named)
     * when they were computed before the period ended. A board stored while the period ran (暂定) is not served once the
     * period is over: it would stay 暂定 for ever (sjreview-s54 D1); the scores are computed anew until the period is
     * ranked and stored as final.
     */
    @Transactional(readOnly = true)
    ScoreBoard board(ScorePeriod period, String organization, String scope) {
        Instant end = period.end(zone);
        boolean over = !ClockUtil.getCurrentTime().toInstant().isBefore(end);
        return records.find(period, scope).map(b -> b.provisionalBefore(end))
                .filter(b -> !(b.provisional() && over))
                .orElseGet(() -> calculate(period, organization, scope));
    }

    /** When the period's scores {@link #board} serves were saved; empty when it computes them now. */
    @Transactional(readOnly = true)
    java.util.Optional<Instant> savedAt(ScorePeriod period, String scope) {
        Instant end = period.end(zone);
        boolean over = !ClockUtil.getCurrentTime().toInstant().isBefore(end);
        return records.find(period, scope).map(b -> b.provisionalBefore(end)).filter(b -> !(b.provisional() && over))
                .map(ScoreBoard::computedAt);
    }

    /**
     * Enters (or replaces) a unit's points on one inspection score sheet for a period, as the campaign's inspection task
     * scored it; every item is checked against the sheet.
     */
    @Transactional
    void recordInspection(ScorePeriod period, String campaign, String unitId, String sheetId, Map<String, BigDecimal> points, String actor) {
        List<ApiError> errors = new ArrayList<>();
        if (organization.units().stream().noneMatch(u -> u.id().equals(unitId))) {
            errors.add(ApiError.field("unit", "UNKNOWN_UNIT", "组织机构中没有单位 " + unitId));
        }
        var sheet = rubricOfUnit(unitId).sheet(sheetId);
        if (sheet.isEmpty()) {
            errors.add(ApiError.field("sheet", "UNKNOWN_SHEET", "考核评分细则中没有检查评分表 " + sheetId));
        } else if (points == null || points.isEmpty()) {
            errors.add(ApiError.field("items", "REQUIRED", "请至少填写一个检查项的得分"));
        } else {
            Map<String, ScoringRubric.Item> items = sheet.get().items().stream()
                    .collect(Collectors.toMap(ScoringRubric.Item::id, i -> i, (a, b) -> a, LinkedHashMap::new));
            points.forEach((itemId, value) -> {
                ScoringRubric.Item item = items.get(itemId);
                if (item == null) {
                    errors.add(ApiError.field("items." + itemId, "UNKNOWN_ITEM", sheet.get().name() + "中没有检查项 " + itemId));
                } else if (value == null || value.signum() < 0 || value.compareTo(item.maxPoints()) > 0) {
                    errors.add(ApiError.field("items." + itemId, "OUT_OF_RANGE",
                            item.name() + "的得分应在 0 到 " + item.maxPoints().toPlainString() + " 之间"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var maxByItem = sheet.get().items().stream().collect(Collectors.toMap(ScoringRubric.Item::id, ScoringRubric.Item::maxPoints));
        inspections.replaceSheet(period.code(), campaign, unitId, sheetId, points.entrySet().stream()
                .map(e -> new InspectionRecords.ItemScore(e.getKey(), e.getValue(), maxByItem.get(e.getKey()))).toList(),
                actor, ClockUtil.getCurrentTime().toInstant());
    }

    /**
     * The units of the rubric's types in the organisation's order, then lead units of cases that the
     * organisation no longer knows (named by their id, so that their cases still count). For a campaign, of the rubric's
     * types only its participating units (and their member units) and the units its cases, returns and reopenings count
     * for: a unit outside the campaign is neither ranked on its zones nor listed as 本期无可计分项. A collective (各居委会, a unit
     * with member units) is ranked through its members, so not itself, unless it has work of its own in the period.
     * A unit of the organisation with an inspection score (季检查) of the campaign in the period has work in it too: 锦溪镇's
     * 创建办 leads two of the 931 items and is scored on their sheets without being a participant of its own campaign, and
     * the quarterly meeting 通报s that score (jxreview-s55 J1). Another campaign's 季检查 does not bring it into this one
     * ({@code inspected} holds this campaign's scores only, finalreview-s55 F3).
     */
    private List<Unit> scoredUnits(String tenant, String campaign, List<CaseFact> cases, List<ReturnFact> returns,
            List<ReopenFact> reopens, Set<String> inspected, Set<String> tasked) {
        List<OrganizationRecords.Unit> all = organization.units(tenant);
        Set<String> known = all.stream().map(OrganizationRecords.Unit::id).collect(Collectors.toSet());
        Set<String> working = Stream.of(cases.stream().map(CaseFact::leadUnit), returns.stream().map(ReturnFact::unit),
                reopens.stream().map(ReopenFact::unit)).flatMap(s -> s).collect(Collectors.toCollection(TreeSet::new));
        // inspection scores are entered per period, not per organisation: only the organisation's own units count here
        inspected.stream().filter(known::contains).forEach(working::add);
        // a campaign task scored (task-rule) is work of the unit's own too; tasks are given to the organisation's units only
        tasked.stream().filter(known::contains).forEach(working::add);
        Predicate<OrganizationRecords.Unit> inScope = campaign == null ? u -> true : inCampaign(all, campaign, working);
        ScoringRubric rubric = rubrics.rubric(tenant);
        // 各居委会 is ranked as its committees, each on its own work; as itself only for cases led by it before that
        Set<String> collectives = all.stream().map(OrganizationRecords.Unit::parent).filter(java.util.Objects::nonNull)
                .filter(parent -> all.stream().anyMatch(p -> p.id().equals(parent) && rubric.scoredUnitTypes().contains(p.type())))
                .collect(Collectors.toSet());
        List<Unit> units = new ArrayList<>(all.stream().filter(u -> rubric.scoredUnitTypes().contains(u.type()))
                .filter(u -> !collectives.contains(u.id()) || working.contains(u.id()))
                .filter(inScope).map(u -> new Unit(u.id(), u.name())).toList());
        working.stream().filter(id -> !known.contains(id)).forEach(id -> units.add(new Unit(id, id)));
        return units;
    }

    /** A unit that takes part in the campaign, itself or through the groups above it, or that has its work in the period. */
    private Predicate<OrganizationRecords.Unit> inCampaign(List<OrganizationRecords.Unit> all, String campaign,
            Set<String> working) {
        Set<String> participants = campaigns.participantGroups(campaign);
        Map<String, String> parents = new HashMap<>();
        all.stream().filter(u -> u.parent() != null).forEach(u -> parents.put(u.id(), u.parent()));
        return u -> {
            if (working.contains(u.id())) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (String group = u.id(); group != null && seen.add(group); group = parents.get(group)) {
                if (participants.contains(group)) {
                    return true;
                }
            }
            return false;
        };
    }
}

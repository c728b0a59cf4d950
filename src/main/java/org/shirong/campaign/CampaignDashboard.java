package org.shirong.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CampaignCaseCounts;
import org.shirong.rectification.CaseDossiers;
import org.shirong.rectification.CaseHolders;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.KeptRound;
import org.shirong.rectification.RectificationCases;
import org.shirong.rectification.RectificationProcess;
import org.shirong.rectification.TrafficLight;
import org.shirong.report.PlanItemProgress;
import org.shirong.report.RankingNotices;
import org.shirong.report.ReportCaseTable;
import org.shirong.scoring.CampaignPeriods;
import org.shirong.scoring.NoticeOthers;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 活动驾驶舱 shows of one campaign ({@code GET /api/campaigns/{code}/dashboard}): its phases with today, its
 * units' cases with their traffic lights, the ranking of the period and its trend, progress per plan item and the
 * cases under 督办 — each from the capability that owns it (campaign records, {@link RectificationCases} with its
 * {@link TrafficLight}, {@link UnitScores}, {@link CampaignPlanItems}). Every figure counts cases by a {@link Figure},
 * and the list behind it ({@code GET /api/campaigns/{code}/dashboard/cases}) lists the cases the same figure counts.
 */
@Service
class CampaignDashboard {

    /** How many scoring periods (months, the current one last) the ranking's trend spans. */
    static final int TREND_MONTHS = 6;
    /** The most cases the list behind a figure shows; beyond, it says how many there are and offers the ledger. */
    static final int LIST_LIMIT = 500;
    /** The {@code unit} of the cases no unit leads yet (not yet dispatched). */
    static final String NO_LEAD_UNIT = "none";
    static final String NO_LEAD_UNIT_NAME = "未派遣（尚无牵头单位）";

    /**
     * The instant counted at and the period (month) whose closures count; {@code returned}: the cases of the campaign a
     * unit returned (回退) since it began, by the unit that returned them, as scoring charges returns
     * ({@link UnitScores#returnedCases}).
     */
    record At(Instant now, Instant from, Instant until, Map<String, Set<String>> returned, Set<String> anyReturned) {

        At(Instant now, Instant from, Instant until, Map<String, Set<String>> returned) {
            this(now, from, until, returned, returned.values().stream().flatMap(Set::stream)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }

        /** The cases returned by {@code unit}, or by any unit when {@code unit} is null. */
        Set<String> returnedBy(String unit) {
            return unit == null ? anyReturned : returned.getOrDefault(unit, Set.of());
        }
    }

    /**
     * What a figure counts, for its number and for the list behind it. The per-unit figures: open now, of which 红 and
     * 黄 ({@link TrafficLight}); closed in the period on time and late (closures: a round a reopening ended counts in its
     * own period, under the unit that led it, as scoring counts it); and, since the campaign began, the cases returned
     * (回退) or reworked (核查未通过) at least once — cases, not times. A return is the unit's that made it, as scoring
     * deducts it, not the lead unit's the office re-dispatched the case to (jtreview-s56 T7): {@link #RETURNED} counts
     * here the cases any unit returned, and a unit's line those it returned itself ({@link At#returnedBy}). A rework
     * stays with the lead unit, which scoring charges with it: a case is reworked only once claimed, and a claimed case
     * is not returned nor re-dispatched. The per-item figures (as of now): found, closed, overdue ({@link CampaignPlanItems}).
     */
    enum Figure {
        OPEN("在办"), RED("红灯超期"), YELLOW("黄灯临期"), CLOSED_ON_TIME("按时结案"), CLOSED_LATE("逾期结案"),
        RETURNED("被回退过的案件"), REWORKED("返工过的案件"), FOUND("发现"), CLOSED("结案"), OVERDUE("超期"),
        REPORTED("新增", CampaignCaseCounts.PeriodFigure.REPORTED),
        PERIOD_CLOSED("结案", CampaignCaseCounts.PeriodFigure.CLOSED),
        DUE_OVERDUE("到期超期", CampaignCaseCounts.PeriodFigure.OVERDUE),
        OPEN_AT_END("期末未结", CampaignCaseCounts.PeriodFigure.OPEN_AT_END),
        SCORED_DUE("考核应结案", UnitScores.CaseFigure.DUE), SCORED_CLOSED("考核结案", UnitScores.CaseFigure.CLOSED),
        SCORED_OVERDUE("考核超期", UnitScores.CaseFigure.OVERDUE);

        private final String label;
        private final CampaignCaseCounts.PeriodFigure reportFigure;
        private final UnitScores.CaseFigure scoredFigure;

        Figure(String label) {
            this(label, null, null);
        }

        Figure(String label, CampaignCaseCounts.PeriodFigure reportFigure) {
            this(label, reportFigure, null);
        }

        Figure(String label, UnitScores.CaseFigure scoredFigure) {
            this(label, null, scoredFigure);
        }

        Figure(String label, CampaignCaseCounts.PeriodFigure reportFigure, UnitScores.CaseFigure scoredFigure) {
            this.label = label;
            this.reportFigure = reportFigure;
            this.scoredFigure = scoredFigure;
        }

        /** The ranking's figure this is (a unit's 应结案、结案、超期: {@link UnitScores#casesBehind}); null for the others. */
        UnitScores.CaseFigure scoredFigure() {
            return scoredFigure;
        }

        /** Whether the cases behind it are listed from another capability's rows rather than counted here. */
        boolean listedElsewhere() {
            return reportFigure != null || scoredFigure != null;
        }

        String label() {
            return label;
        }

        /**
         * The 月度工作报告's column this figure is ({@link CampaignCaseCounts#perLeadUnit}), whose cases the database lists
         * by the rows it summed ({@link CampaignCaseCounts#counted}); null for the figures counted here.
         */
        CampaignCaseCounts.PeriodFigure reportFigure() {
            return reportFigure;
        }

        boolean counts(CaseRecord c, At at) {
            return switch (this) {
                case OPEN -> !c.status().ended();
                case RED -> TrafficLight.of(c, at.now()) == TrafficLight.RED;
                case YELLOW -> TrafficLight.of(c, at.now()) == TrafficLight.YELLOW;
                case CLOSED_ON_TIME -> closedIn(c, at) && Boolean.TRUE.equals(c.closedOnTime());
                case CLOSED_LATE -> closedIn(c, at) && Boolean.FALSE.equals(c.closedOnTime());
                case RETURNED -> at.returnedBy(null).contains(c.caseNo());
                case REWORKED -> c.reworkCount() > 0;
                case FOUND -> CampaignPlanItems.found(c, at.now());
                case CLOSED -> CampaignPlanItems.found(c, at.now()) && CampaignPlanItems.closed(c, at.now());
                case OVERDUE -> CampaignPlanItems.found(c, at.now()) && CampaignPlanItems.overdue(c, at.now());
                // the report's and the ranking's: counted in the database, listed from its rows
                case REPORTED, PERIOD_CLOSED, DUE_OVERDUE, OPEN_AT_END, SCORED_DUE, SCORED_CLOSED, SCORED_OVERDUE -> false;
            };
        }

        /** Whether the figure counts the closure of a round a reopening ended ({@link KeptRound}): only closures do. */
        boolean counts(KeptRound r, At at) {
            return switch (this) {
                case CLOSED_ON_TIME -> closedIn(r.closedAt(), at) && Boolean.TRUE.equals(r.closedOnTime());
                case CLOSED_LATE -> closedIn(r.closedAt(), at) && Boolean.FALSE.equals(r.closedOnTime());
                default -> false;
            };
        }

        private static boolean closedIn(CaseRecord c, At at) {
            return closedIn(c.closedAt(), at);
        }

        private static boolean closedIn(Instant closedAt, At at) {
            return closedAt != null && !closedAt.isBefore(at.from()) && closedAt.isBefore(at.until());
        }

        static final List<Figure> OF_UNITS = List.of(OPEN, RED, YELLOW, CLOSED_ON_TIME, CLOSED_LATE, RETURNED, REWORKED);
    }

    record CampaignRef(String code, String name, String templateName, String organization, String organizationName,
            String statusName, Integer currentPhaseNo, String currentPhaseName, String url) {
    }

    /**
     * A phase with its tasks done and open; {@code planned}: for a phase none of whose tasks is issued yet, the template's
     * tasks it will issue ({@code 对照标准全面自查（各单位）}), so that a later phase does not read as 任务 0/0 (jtreview-s59 T4).
     */
    record PhaseLine(int no, String name, LocalDate firstDay, LocalDate lastDay, boolean current, int tasksDone, int tasksOpen,
            List<String> planned) {
    }

    /**
     * A 考核期间 the 驾驶舱 offers: a month (2026-05, 2026年5月, MONTH) and, where the template scores by them, a quarter
     * (2026-Q4, 2026年第四季度, QUARTER) or a year (2026, 2026年度, YEAR).
     */
    record Month(String code, String name, String kind) {
    }

    /** A month: its first and last day, and its start and end (exclusive) instants in the town's zone. */
    record Period(String code, String name, LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    /**
     * One lead unit's cases, counted by {@link Figure#OF_UNITS} ({@code returns}, {@code rework}: cases returned,
     * reworked at least once); {@code cases}: the list behind its numbers, to which {@code &figure=} is added.
     */
    record UnitLine(String unitId, String unitName, int open, int red, int yellow, int closedOnTime, int closedLate,
            int returns, int rework, String cases) {
    }

    /**
     * One unit's line of a period's 月度工作报告 (新增、结案、到期超期、期末未结: {@link ReportCaseTable}, the lines the report
     * printed); {@code cases}: the list behind its numbers, to which {@code &figure=} ({@link Figure#reportFigure}) is added.
     */
    record ReportLine(String unitId, String unitName, int reported, int closed, int overdue, int openAtEnd, String cases) {
    }

    /** A past period's cases per unit as its 月度工作报告 counts them, and their sum. */
    record ReportCases(String periodName, List<ReportLine> units, ReportLine total) {
    }

    /**
     * {@code points} of {@code maxPoints}: the unit's points on the items that applied to it, of which {@code total} is the
     * score out of 100 ({@code basis} says so in words).
     */
    record Ranked(int rank, String unitId, String unitName, BigDecimal total, String grade, boolean named, String namedFor,
            BigDecimal points, BigDecimal maxPoints, String basis, int dueCount, int closedCount, int overdueCount, String cases) {
    }

    /**
     * {@code noticeLine}: the total below which a unit is named in the 通报, null when the rubric sets none;
     * {@code provisional}: the period is still running, so the ranking is 暂定 as of {@code asOf} and names no unit;
     * {@code noticeIssued}: the period's 通报 exists (before it a unit below the line is only 列入通报范围);
     * {@code inspections}: each unit's 季检查 result of the period, ranked or not, with {@code inspectionNote} saying
     * whether it is in the totals (锦溪镇: listed apart, jxreview-s55 J9); {@code cooperation}: the 协办 (属地街镇配合) on the
     * campaign's cases, the lines the 通报 and the 月报 print (sjreview-s57 D7), null where the ranking is not shown.
     */
    record Ranking(String period, String periodName, BigDecimal noticeLine, String notice, List<Ranked> units,
            boolean provisional, String asOf, boolean noticeIssued, List<UnitScores.InspectedUnit> inspections,
            String inspectionNote, UnitScores.CooperationScores cooperation) {
    }

    /** A unit's total in each of {@code periods} (null where it was not ranked). */
    record TrendLine(String unitId, String unitName, List<BigDecimal> totals) {
    }

    record Trend(List<String> periods, List<String> periodNames, List<TrendLine> units) {
    }

    /** {@code cases}: the list behind its numbers; {@code dossier}: its cases' PDF dossier, null when it found none. */
    record ItemLine(String category, String name, String leadUnitName, int found, int closed, int overdue, String cases,
            String dossier) {
    }

    /** An open case under 督办: the latest instruction, {@code by} the name of whoever gave it. */
    record Supervised(String caseNo, String title, String leadUnitName, Instant at, String by, String instruction) {
    }

    /**
     * An open case past its deadline whose 督办超期案件 task the office has not yet done (待督办): since when the task is
     * waiting ({@code since}), the case's 属地 town or street when the campaign is a district's ({@code territoryName},
     * else null), and whether it is already 列入通报名单 ({@code escalated}).
     */
    record AwaitingSupervision(String caseNo, String title, String leadUnitName, String territoryName, Instant dueAt,
            boolean escalated, Instant since) {
    }

    /**
     * A campaign task not yet done, or a case's step waiting on the office or the 领导小组 ({@link OfficeCaseTasks}): its
     * name, deadline ({@code dueText} as people read it: 2026年12月7日 17:00) and whether that has passed.
     */
    record OpenTask(String name, Instant dueAt, String dueText, boolean overdue, String holder) {
    }

    /** A unit's (or a participating town's office's) campaign tasks not yet done, those past their deadline first. */
    record UnitTasks(String unitId, String unitName, int open, int overdue, List<OpenTask> tasks) {
    }

    /**
     * A town or street of a district, with the district campaign's cases located in it (属地): open now, of which 红 and
     * 黄, and closed since the campaign began.
     */
    record PlaceLine(String organization, String name, String levelName, int open, int red, int yellow, int closed) {
    }

    /** A traffic light as the case page and the map paint it. */
    record Light(String light, String name, String colour) {
    }

    /**
     * The lists and files behind the figures: the case list, the Excel ledger and scores, the documents, the PDF
     * dossier of all cases, the 迎检 archive, and the campaign's map (framed, and as its own page); for a district's
     * campaign, also the district's whole scores, whose workbook ranks its towns and streets (null otherwise); and the
     * ledger of the cases reported in the month shown; and the organisation's 工作交办 with what each unit reported back
     * (sjreview-s57 D3), for the campaign's own organisation only.
     */
    record Links(String cases, String ledger, String scores, String documents, String dossier, String archive, String map,
            String mapPage, String territories, String periodLedger, String workAssignments) {
    }

    /**
     * {@code asOf}: the instant the figures are counted at (the engine clock); {@code today}: its day in the town;
     * {@code participant}: null for the whole campaign, else the town or street whose part alone is shown;
     * {@code territoryDisputes}: a district campaign's open cases whose 属地 town answered 非本镇属地, awaiting the office's 核实属地;
     * {@code noticeReplies}: for each 通报, the units it named and whether each has sent its written report (sjreview-s57 D9);
     * {@code calendarWarnings}: one line per year of the campaign's days whose working calendar is provisional or missing.
     */
    record Dashboard(CampaignRef campaign, Instant asOf, LocalDate today, Period period, List<PhaseLine> phases, List<UnitLine> units,
            UnitLine total, Ranking ranking, Trend trend, List<ItemLine> planItems, ItemLine planItemTotal,
            List<Supervised> supervision, List<AwaitingSupervision> awaitingSupervision, List<UnitTasks> openTasks,
            List<PlaceLine> places, List<Light> lights, Links links, Participation participant, List<String> calendarWarnings,
            List<Month> months, List<TerritoryDisputes.Dispute> territoryDisputes, List<NoticeReplyBoard.Round> noticeReplies,
            ReportCases reportCases) {
    }

    /**
     * A town or street taking part in its district's campaign, reading it through its {@code office}: it sees its own
     * tasks, the campaign's cases it may read ({@code caseNos}: those located in it, which it cooperates on) and the
     * ranking of a period once the district has published it in its 通报 ({@code published}).
     */
    record Participant(String office, Set<String> caseNos, Predicate<String> published) {

        boolean shows(CaseRecord c) {
            return caseNos.contains(c.caseNo());
        }
    }

    /** What the 驾驶舱 says of a participant's narrowed view: whose part it is, and how it is narrowed. */
    record Participation(String office, String officeName, String note) {
    }

    /** A campaign on the overview: its phases and this month's totals only, without ranking, trend or lists. */
    record Card(@JsonUnwrapped CampaignRef campaign, Instant asOf, LocalDate today, Period period, List<PhaseLine> phases,
            UnitLine total) {
    }

    /**
     * A case of the list behind a figure; {@code round}: null for the case as it stands, else the round a reopening ended
     * whose closure the figure counts (its lead unit, deadline and closure shown, the case's status as it is now).
     */
    record ListedCase(String caseNo, String title, String address, String leadUnitName, String status, String statusName,
            String light, String lightName, String colour, Instant dueAt, Instant closedAt, int returnCount, int reworkCount,
            String url, Integer round) {
    }

    /**
     * The cases behind a figure: {@code total} of them, the first {@value #LIST_LIMIT} (oldest first) in {@code cases};
     * {@code ledger}: the Excel ledger of the scope's cases (all its cases, not only this figure's; a participating
     * town's own rows of it).
     */
    record CaseList(String figure, String figureName, String scope, int total, int limit, List<ListedCase> cases, String ledger) {
    }

    private final CampaignRecords records;
    private final TerritoryDisputes territoryDisputes;
    private final CampaignWorkAssignments workAssignments;
    private final NoticeReplyBoard noticeReplies;
    private final CampaignPlanItems planItems;
    private final RectificationCases cases;
    private final UnitScores scores;
    private final CampaignPeriods periods;
    private final OrganizationRecords organization;
    private final Organizations organizations;
    private final ZoneId zone;
    private final WorkingCalendar calendar;
    private final OfficeCaseTasks officeCaseTasks;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final SystemAccess systemAccess;
    private final RankingNotices notices;
    private final CaseHolders holders;
    private final org.shirong.report.MeetingDocuments noticeUnits;
    private final ReportCaseTable reportCases;
    private final CampaignTemplates templates;
    private final CampaignCaseCounts caseCounts;

    /**
     * The active tasks of a user task ({@code taskKey}: 督办超期案件, 重新派遣案件) of the campaign's cases ({@code %s}: the
     * engine's task table, with its prefix); a case's process instance is in {@code rect_case}, in the engine's database.
     * An ended case's process has no task.
     */
    private static final String TASKS_WAITING = "select RES.* from %s RES where RES.TASK_DEF_KEY_ = #{taskKey}"
            + " and RES.SUSPENSION_STATE_ = 1 and RES.PROC_INST_ID_ in (select process_instance_id from rect_case"
            + " where campaign_code = #{campaign})";

    CampaignDashboard(CampaignRecords records, CampaignPlanItems planItems, RectificationCases cases,
            UnitScores scores, CampaignPeriods periods, OrganizationRecords organization, Organizations organizations,
            WorkingCalendar calendar, TaskService taskService, ManagementService managementService, SystemAccess systemAccess,
            RankingNotices notices, org.shirong.report.MeetingDocuments noticeUnits, TerritoryDisputes territoryDisputes,
            CaseHolders holders, CampaignWorkAssignments workAssignments, NoticeReplyBoard noticeReplies,
            OfficeCaseTasks officeCaseTasks, ReportCaseTable reportCases, CampaignCaseCounts caseCounts,
            CampaignTemplates templates) {
        this.templates = templates;
        this.reportCases = reportCases;
        this.caseCounts = caseCounts;
        this.officeCaseTasks = officeCaseTasks;
        this.workAssignments = workAssignments;
        this.territoryDisputes = territoryDisputes;
        this.noticeReplies = noticeReplies;
        this.holders = holders;
        this.notices = notices;
        this.noticeUnits = noticeUnits;
        this.periods = periods;
        this.taskService = taskService;
        this.managementService = managementService;
        this.systemAccess = systemAccess;
        this.records = records;
        this.planItems = planItems;
        this.cases = cases;
        this.scores = scores;
        this.organization = organization;
        this.organizations = organizations;
        this.zone = calendar.zone();
        this.calendar = calendar;
    }

    /** The campaigns of these organisations, running ones first, then newest first, with their phases and this month's totals. */
    @Transactional(readOnly = true)
    List<Card> campaigns(List<String> tenants) {
        Instant now = now();
        UnitScores.Window window = scores.window(YearMonth.from(now.atZone(zone)).toString());
        record Listed(Campaign campaign, List<PhaseRow> phases, CampaignOverview.Summary summary) {
        }
        return records.all().stream().filter(c -> tenants.contains(c.tenantId())).map(c -> {
            List<PhaseRow> phases = records.phases(c.code());
            return new Listed(c, phases, CampaignOverview.summary(c, phases));
        }).sorted(Comparator.comparing(Listed::summary, CampaignOverview.LISTED)).map(l -> {
            Campaign c = l.campaign();
            At at = new At(now, window.from(), window.until(), returned(c, now, null));
            int[] total = count(cases.casesOfCampaign(c.code()), cases.keptRoundsOfCampaign(c.code()), at);
            return new Card(ref(c, l.summary()), now, LocalDate.ofInstant(now, zone), period(window),
                    phaseLines(c.code(), l.phases(), l.summary()), line(null, "合计", total, listUrl(c.code(), window, null, null)));
        }).toList();
    }

    /**
     * A district's campaign on the overview of a town taking part in it: its phases with the town's own tasks and the
     * month's totals of the town's cases.
     */
    @Transactional(readOnly = true)
    Card card(Campaign c, Participant town) {
        Instant now = now();
        UnitScores.Window window = scores.window(YearMonth.from(now.atZone(zone)).toString());
        At at = new At(now, window.from(), window.until(), returned(c, now, town));
        List<PhaseRow> phases = records.phases(c.code());
        CampaignOverview.Summary summary = CampaignOverview.summary(c, phases);
        int[] total = count(cases(c.code(), town), rounds(c.code(), town), at);
        return new Card(ref(c, summary), now, LocalDate.ofInstant(now, zone), period(window),
                phaseLines(c.code(), phases, summary, town), line(null, "合计", total, listUrl(c.code(), window, null, null)));
    }

    /** The campaign's 驾驶舱 for the month {@code period} (2026-05; null: the current month). */
    @Transactional(readOnly = true)
    Dashboard of(String code, String period) {
        return of(code, period, null);
    }

    /**
     * The 驾驶舱 as {@code town} (null: whoever reads the whole campaign) may see it: its own tasks' phases, its cases by
     * lead unit and plan item, its cases under 督办, the ranking only of a period the district has published, the
     * ledgers of its own rows, the scores of a published period, and no links to the district's whole scores or 迎检 archive.
     */
    @Transactional(readOnly = true)
    Dashboard of(String code, String period, Participant town) {
        Campaign c = campaign(code);
        Instant now = now();
        UnitScores.Window window = window(c, period);
        At at = new At(now, window.from(), window.until(), returned(c, now, town));
        List<PhaseRow> phaseRows = records.phases(code);
        CampaignOverview.Summary summary = CampaignOverview.summary(c, phaseRows);
        List<CaseRecord> all = cases(code, town);
        List<KeptRound> rounds = rounds(code, town);
        Map<String, String> names = unitNames(c);

        Map<String, List<CaseRecord>> byUnit = new LinkedHashMap<>();
        if (town == null) {
            tableUnits(c).forEach(u -> byUnit.put(u, new ArrayList<>()));
        }
        List<CaseRecord> noLead = new ArrayList<>();
        Map<String, String> shownUnder = shownUnder(c, all);
        all.forEach(r -> {
            String unit = shownUnder.get(r.caseNo());
            (unit == null ? noLead : byUnit.computeIfAbsent(unit, k -> new ArrayList<>())).add(r);
        });
        Map<String, List<KeptRound>> roundsByUnit = new HashMap<>();
        rounds.stream().filter(r -> r.leadUnit() != null).forEach(r -> {
            byUnit.computeIfAbsent(r.leadUnit(), k -> new ArrayList<>());
            roundsByUnit.computeIfAbsent(r.leadUnit(), k -> new ArrayList<>()).add(r);
        });
        // a unit that returned a case the office gave another unit since has its line for the return
        at.returned().keySet().forEach(u -> byUnit.computeIfAbsent(u, k -> new ArrayList<>()));
        List<UnitLine> units = new ArrayList<>();
        byUnit.forEach((id, own) -> units.add(line(id, names.getOrDefault(id, id), returnsOf(id, count(own,
                roundsByUnit.getOrDefault(id, List.of()), at), at), listUrl(code, window, id, null))));
        if (!noLead.isEmpty()) {
            units.add(line(NO_LEAD_UNIT, NO_LEAD_UNIT_NAME, returnsOf(NO_LEAD_UNIT, count(noLead, List.of(), at), at),
                    listUrl(code, window, NO_LEAD_UNIT, null)));
        }
        UnitLine total = line(null, "合计", count(all, rounds, at), listUrl(code, window, null, null));

        Ranking ranking = ranking(c, window, town);

        PlanItemProgress.Table items = planItems.of(code, now, all);
        String tenant = c.tenantId();
        String api = "/api/campaigns/" + code;
        Period shown = period(window);
        Predicate<String> published = town == null ? p -> true : town.published();
        Links links = new Links("/api/cases?campaign=" + code, "/api/cases/export.xlsx?campaign=" + code,
                "/api/scores/export.xlsx?period=" + window.periodCode() + "&campaign=" + code + "&organization=" + tenant,
                api + "/documents", api + "/dossier.pdf", api + "/archive.zip",
                "/shirong/map?campaign=" + encode(code) + "&embed=true", "/shirong/map?campaign=" + encode(code),
                organizations.within(tenant).isEmpty() ? null
                        // the campaign's 街镇排名, as its 通报 of the month ranks the towns (supreview-s54 V5)
                        : "/api/scores/export.xlsx?period=" + window.periodCode() + "&campaign=" + code + "&organization=" + tenant
                                + "&part=territories",
                "/api/cases/export.xlsx?campaign=" + code + "&from=" + shown.from() + "&to=" + shown.to(),
                "/shirong/work-assignments?organization=" + tenant);
        if (town != null) {
            // the ledgers give the town its own rows; the campaign's scores once the district published the month's
            // ranking (as shown here); the district's whole scores and its 迎检 archive are the district's
            links = new Links(links.cases(), links.ledger(), published.test(window.periodCode())
                    ? "/api/scores/export.xlsx?period=" + window.periodCode() + "&campaign=" + code : null,
                    links.documents(), links.dossier(), null, links.map(), links.mapPage(), null, links.periodLedger(), null);
        }
        return new Dashboard(ref(c, summary), now, LocalDate.ofInstant(now, zone), shown,
                phaseLines(code, phaseRows, summary, town), units, total, ranking,
                trend(tenant, code, campaignMonths(code).first(), trendEnd(code, window), published),
                items.items().stream().map(i -> item(code, window, i, false)).toList(), item(code, window, items.total(), true),
                supervision(code, all, names), awaitingSupervision(c, all, names, now), openTasks(code, names, now, town),
                places(c, all, now, town), Arrays.stream(TrafficLight.values())
                        .map(l -> new Light(l.name(), l.label(), l.colour())).toList(),
                links, town == null ? null : participation(c, town),
                // the campaign's days reach a year whose calendar is provisional (or missing): its deadlines may move
                phaseRows.isEmpty() ? List.of()
                        : calendar.warnings(phaseRows.get(0).firstDay(), phaseRows.get(phaseRows.size() - 1).lastDay()),
                months(c), territoryDisputes.of(c, all, names, now), noticeReplies.of(c, now, town == null ? null : town.office()),
                town != null || window.until().isAfter(now) ? null : reportCases(code, window));
    }

    /**
     * A period that is over, as its 月度工作报告 printed its cases per unit (jtreview-s59 T5): the report's own lines, so
     * that a supervisor choosing 2026年11月 reads the 新增、结案、到期超期、期末未结 of the report he signs.
     */
    private ReportCases reportCases(String code, UnitScores.Window window) {
        var table = reportCases.of(code, window.from(), window.until());
        java.util.function.Function<org.shirong.report.Figures.UnitCases, ReportLine> line = u -> new ReportLine(
                u.unitId().isEmpty() ? null : u.unitId(), u.unitName(), u.reported(), u.closed(), u.overdue(), u.openAtEnd(),
                listUrl(code, window, u.unitId().isEmpty() ? null : u.unitId(), null));
        return new ReportCases(window.periodName(), table.units().stream().map(line).toList(), line.apply(table.total()));
    }

    /** The 考核期间 the 驾驶舱 offers, the months newest first, then any quarters and years ({@link CampaignPeriods.Months#offered}). */
    private List<Month> months(Campaign c) {
        return campaignMonths(c.code()).offered().stream().map(p -> new Month(p.code(), p.name(), p.kind())).toList();
    }

    /** The month the trend ends with: the period's own, or the last month of a quarter or year, yet not after the newest one. */
    private YearMonth trendEnd(String code, UnitScores.Window window) {
        YearMonth last = YearMonth.from(window.until().minusSeconds(1).atZone(zone));
        YearMonth latest = campaignMonths(code).latest();
        return last.isAfter(latest) ? latest : last;
    }

    /**
     * A 考核期间 ({@code period}, a well-formed period, or blank for the newest month) the campaign's figures may not be
     * asked for ({@link CampaignPeriods}: before the campaign, after it, not begun, or a quarter or year its template does
     * not score by) is refused with 400 naming the field.
     */
    void checkMonth(String code, String period) {
        if (period == null || period.isBlank()) {
            return;
        }
        periods.dashboardProblem(code, period).ifPresent(error -> {
            throw new InvalidRequestException(error);
        });
    }

    private CampaignPeriods.Months campaignMonths(String code) {
        return periods.months(code).orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
    }

    private Participation participation(Campaign c, Participant town) {
        String place = organizations.ofGroup(town.office()).map(o -> o.name()).orElse(town.office());
        String district = organizations.find(c.tenantId()).map(o -> o.name()).orElse(c.tenantId());
        return new Participation(town.office(), organizations.groupName(town.office()).orElse(town.office()),
                place + "参加" + district + "的这项活动：这里只显示本单位的任务和位于" + place + "的案件，案件台账（Excel）也只含这些案件；"
                        + "考核排名和考核得分为" + district + "已印发通报的月份的；街镇排名和迎检档案由" + district + "下载。");
    }

    /**
     * The period's ranking; for a participating town only once the district has published it in its 通报 (before that
     * the ranking is the district's working figure, not yet public). Its {@code notice} names every unit the period's 通报
     * names (or will), with the reason: ranked low, late with a task, decided by a meeting.
     */
    private Ranking ranking(Campaign c, UnitScores.Window window, Participant town) {
        BigDecimal line = scores.noticeLine(c.tenantId()).orElse(null);
        if (town != null && !town.published().test(window.periodCode())) {
            String district = organizations.find(c.tenantId()).map(o -> o.name()).orElse(c.tenantId());
            return new Ranking(window.periodCode(), window.periodName(), line, district + "尚未印发" + window.periodName()
                    + "考核排名的通报，印发后可在此查看排名", List.of(), false, null, false, List.of(), null, null);
        }
        UnitScores.PeriodScores read = scores.read(c.tenantId(), c.code(), window.periodCode());
        // a unit is "通报" here only once the period's 通报 exists: before that (九亭's 例会, 锦溪's quarterly 通报) 列入通报范围
        boolean issued = notices.issued(c.code(), window.periodCode()).isPresent();
        // the 通报 names units late with a task or decided by a meeting as well: the text names them with their reasons,
        // read where the 通报 reads them
        UnitScores.CooperationScores cooperation = scores.cooperation(c.tenantId(), c.code(), window.periodCode());
        List<String> others = new java.util.ArrayList<>(read.provisional() ? List.of() : noticeUnits.othersNamed(c.code(), read).reasons());
        // the units the 通报 names for their 协办 (sjreview-s57 D7), by the rule it names them with
        cooperation.named().forEach(u -> others.add(NoticeOthers.line(u.unitName(), u.reason())));
        // a 通报 issued by a meeting that ranks no unit names none for its score (diffreview-s60 R1)
        java.util.Optional<String> unranked = issued ? noticeUnits.unranked(c.code(), window.periodCode()) : java.util.Optional.empty();
        UnitScores.PeriodScores current = (unranked.isPresent() ? read.unranked(unranked.get()) : issued ? read : read.beforeNotice())
                .alsoNaming(read.provisional() ? List.of() : others, issued);
        return new Ranking(current.periodCode(), current.periodName(), line, current.notice(), current.ranking().stream()
                .map(u -> new Ranked(u.rank(), u.unitId(), u.unitName(), u.total(), u.grade(), u.named(), u.namedFor(),
                        u.points(), u.maxPoints(), u.scoreBasis(), u.dueCount(), u.closedCount(), u.overdueCount(),
                        listUrl(c.code(), window, u.unitId(), null))).toList(), current.provisional(), current.asOf(), issued,
                current.inspections(), current.inspectionNote(), cooperation);
    }

    /** The campaign's cases, or those of them the participating town may read. */
    private List<CaseRecord> cases(String code, Participant town) {
        List<CaseRecord> all = cases.casesOfCampaign(code);
        return town == null ? all : all.stream().filter(town::shows).toList();
    }

    private List<KeptRound> rounds(String code, Participant town) {
        List<KeptRound> all = cases.keptRoundsOfCampaign(code);
        return town == null ? all : all.stream().filter(r -> town.caseNos().contains(r.caseNo())).toList();
    }

    /**
     * The cases behind {@code figure} of the campaign in {@code period}: those of the lead unit {@code unit}
     * ({@value #NO_LEAD_UNIT}: of none; null: all) and of the plan item {@code item} (a category,
     * {@link CaseDossiers#NO_PLAN_ITEM}: under none; null: all), as the dashboard counted them.
     */
    @Transactional(readOnly = true)
    CaseList list(String code, String period, Figure figure, String unit, String item) {
        return list(code, period, figure, unit, item, null);
    }

    /** {@link #list} of the cases {@code town} (null: whoever reads the whole campaign) may see, as its 驾驶舱 counts them. */
    @Transactional(readOnly = true)
    CaseList list(String code, String period, Figure figure, String unit, String item, Participant town) {
        Campaign c = campaign(code);
        Instant now = now();
        UnitScores.Window window = window(c, period);
        At at = new At(now, window.from(), window.until(), returned(c, now, town));
        Map<String, String> names = unitNames(c);
        List<CampaignTemplate.Item> planned = planItems.items(code);
        if (item != null && !item.equals(CaseDossiers.NO_PLAN_ITEM) && planned.stream().noneMatch(i -> i.category().equals(item))) {
            throw new InvalidRequestException(ApiError.field("item", "UNKNOWN_PLAN_ITEM", "活动 " + code + " 没有整治项目 " + item));
        }
        Predicate<String> ofUnit = unit == null ? lead -> true : NO_LEAD_UNIT.equals(unit) ? Objects::isNull : unit::equals;
        Predicate<CaseRecord> ofItem = item == null ? r -> true : r -> Objects.equals(
                CampaignPlanItems.planItemOf(r, planned).map(CampaignTemplate.Item::category).orElse(CaseDossiers.NO_PLAN_ITEM), item);
        List<CaseRecord> ofCampaign = cases(code, town);
        List<KeptRound> rounds = rounds(code, town);
        Map<String, String> shownUnder = shownUnder(c, ofCampaign);
        if (unit != null && !NO_LEAD_UNIT.equals(unit) && !tableUnits(c).contains(unit)
                && ofCampaign.stream().noneMatch(r -> unit.equals(shownUnder.get(r.caseNo())))
                && !at.returned().containsKey(unit)
                && rounds.stream().noneMatch(r -> unit.equals(r.leadUnit()))) {
            // The dashboard's lines are the campaign's units and any other unit leading one of its cases: nothing else.
            throw new InvalidRequestException(ApiError.field("unit", "UNKNOWN_UNIT", "活动 " + code + " 没有单位 " + unit));
        }
        Map<String, List<KeptRound>> roundsOfCase = new HashMap<>();
        rounds.forEach(r -> roundsOfCase.computeIfAbsent(r.caseNo(), k -> new ArrayList<>()).add(r));
        // each case's counted rounds before it, in order, so the list stays oldest first
        List<ListedCase> matching = new ArrayList<>();
        if (figure.scoredFigure() != null) {
            // the ranking's figures: the cases scoring counts for the unit, by its own rows (jtreview-s59 T12)
            Map<String, CaseRecord> byNo = new HashMap<>();
            ofCampaign.forEach(r -> byNo.put(r.caseNo(), r));
            for (UnitScores.CountedCase k : unit == null ? List.<UnitScores.CountedCase>of()
                    : scores.casesBehind(c.tenantId(), code, window.periodCode(), unit, figure.scoredFigure())) {
                CaseRecord r = byNo.get(k.caseNo());
                if (r != null && k.roundNo() == null) {
                    matching.add(listed(r, now, names));
                } else if (r != null) {
                    roundsOfCase.getOrDefault(r.caseNo(), List.of()).stream().filter(x -> x.roundNo() == k.roundNo())
                            .findFirst().ifPresent(x -> matching.add(listed(r, x, names)));
                }
            }
        }
        if (figure.reportFigure() != null) {
            // the 月报's figures: the rows the report's sum counted, listed as they were counted (a round as its round)
            Map<String, CaseRecord> byNo = new HashMap<>();
            ofCampaign.forEach(r -> byNo.put(r.caseNo(), r));
            for (CampaignCaseCounts.Counted k : caseCounts.counted(code, window.from(), window.until(), unit,
                    figure.reportFigure())) {
                CaseRecord r = byNo.get(k.caseNo());
                if (r == null || !ofItem.test(r)) {
                    continue;
                }
                if (k.roundNo() == null) {
                    matching.add(listed(r, now, names));
                } else {
                    roundsOfCase.getOrDefault(r.caseNo(), List.of()).stream().filter(x -> x.roundNo() == k.roundNo())
                            .findFirst().ifPresent(x -> matching.add(listed(r, x, names)));
                }
            }
        }
        for (CaseRecord r : figure.listedElsewhere() ? List.<CaseRecord>of() : ofCampaign) {
            if (!ofItem.test(r)) {
                continue;
            }
            roundsOfCase.getOrDefault(r.caseNo(), List.of()).stream()
                    .filter(k -> ofUnit.test(k.leadUnit()) && figure.counts(k, at)).forEach(k -> matching.add(listed(r, k, names)));
            // a return is listed under the unit that made it (T7), every other figure under the unit the case is shown under
            boolean ofThisUnit = figure == Figure.RETURNED ? unit == null || at.returnedBy(unit).contains(r.caseNo())
                    : ofUnit.test(shownUnder.get(r.caseNo()));
            if (ofThisUnit && figure.counts(r, at)) {
                matching.add(listed(r, now, names));
            }
        }
        List<String> scope = new ArrayList<>();
        if (unit != null) {
            scope.add(NO_LEAD_UNIT.equals(unit) ? NO_LEAD_UNIT_NAME : names.getOrDefault(unit, unit));
        }
        if (item != null) {
            scope.add(planned.stream().filter(i -> i.category().equals(item)).map(CampaignTemplate.Item::name).findFirst()
                    .orElse(CampaignPlanItems.NO_ITEM));
        }
        boolean monthly = figure == Figure.CLOSED_ON_TIME || figure == Figure.CLOSED_LATE || figure.listedElsewhere();
        String figureName = (monthly ? window.periodName() : "") + figure.label();
        String ledger = "/api/cases/export.xlsx?campaign=" + encode(code)
                + (unit != null && !NO_LEAD_UNIT.equals(unit) ? "&unit=" + encode(unit) : "");
        return new CaseList(figure.name(), figureName, scope.isEmpty() ? "全部案件" : String.join(" · ", scope), matching.size(),
                LIST_LIMIT, matching.stream().limit(LIST_LIMIT).toList(), ledger);
    }

    /**
     * The cases of the campaign returned since it began, by the unit that returned them ({@link UnitScores#returnedCases},
     * as scoring deducts them); of the participating {@code town}'s cases only when it reads its part.
     */
    private Map<String, Set<String>> returned(Campaign c, Instant now, Participant town) {
        Map<String, Set<String>> byUnit = scores.returnedCases(c.tenantId(), c.code(), Instant.EPOCH, now.plusMillis(1));
        if (town == null) {
            return byUnit;
        }
        Map<String, Set<String>> shown = new LinkedHashMap<>();
        byUnit.forEach((unit, caseNos) -> {
            Set<String> own = caseNos.stream().filter(town.caseNos()::contains).collect(java.util.stream.Collectors.toSet());
            if (!own.isEmpty()) {
                shown.put(unit, own);
            }
        });
        return shown;
    }

    /** The figures {@code n} of a unit's line with its returns those it made ({@link At#returnedBy}). */
    private static int[] returnsOf(String unit, int[] n, At at) {
        n[Figure.OF_UNITS.indexOf(Figure.RETURNED)] = NO_LEAD_UNIT.equals(unit) ? 0 : at.returnedBy(unit).size();
        return n;
    }

    /** The unit each case is counted under, by the one rule the reports and scoring count by ({@link CaseHolders}). */
    private Map<String, String> shownUnder(Campaign c, List<CaseRecord> all) {
        return holders.countedUnder(c.code(), all);
    }

    private static ListedCase listed(CaseRecord r, Instant now, Map<String, String> names) {
        TrafficLight light = TrafficLight.of(r, now);
        return new ListedCase(r.caseNo(), r.title(), r.address(), r.leadUnit() == null ? NO_LEAD_UNIT_NAME
                : names.getOrDefault(r.leadUnit(), r.leadUnit()), r.status().name(), r.status().label(),
                light == null ? null : light.name(), light == null ? null : light.label(), light == null ? null : light.colour(),
                r.dueAt(), r.closedAt(), r.returnCount(), r.reworkCount(), "/shirong/cases/" + r.caseNo(), null);
    }

    /** The case {@code r} listed for the closure of its round {@code k}, which a reopening ended: no light, it had closed. */
    private static ListedCase listed(CaseRecord r, KeptRound k, Map<String, String> names) {
        String statusName = "第 " + k.roundNo() + " 轮已结案，后重新打开（现" + r.status().label() + "）";
        return new ListedCase(r.caseNo(), r.title(), r.address(), k.leadUnit() == null ? NO_LEAD_UNIT_NAME
                : names.getOrDefault(k.leadUnit(), k.leadUnit()), r.status().name(), statusName, null, null, null, k.dueAt(),
                k.closedAt(), r.returnCount(), r.reworkCount(), "/shirong/cases/" + r.caseNo(), k.roundNo());
    }

    /**
     * The units by name: groups as the campaign's organisation reads them (a town's office whose name does not say its
     * town with the town named, sjreview F10); a participant that is no group by the name the campaign keeps.
     */
    private Map<String, String> unitNames(Campaign c) {
        Map<String, String> names = new HashMap<>();
        records.units(c.code()).forEach(u -> names.put(u.unitId(), u.name()));
        names.putAll(organization.unitNames(c.tenantId()));
        return names;
    }

    /**
     * The campaign's units, without the towns and streets taking part in a district's campaign: they lead none of its
     * cases (the district ranks them apart, on the cases located in them).
     */
    private List<CampaignRecords.UnitRow> ownUnits(Campaign c) {
        return records.units(c.code()).stream().filter(u -> !organizations.ofAnother(c.tenantId(), u.groupId())).toList();
    }

    /**
     * The units the 驾驶舱 lists even without cases: the campaign's own units, then the plan items' lead units that are not
     * among them (锦溪's 创建办 leads two 931 items but, where the office sits, signs no letter: s52 J11).
     */
    private List<String> tableUnits(Campaign c) {
        java.util.LinkedHashSet<String> units = new java.util.LinkedHashSet<>();
        ownUnits(c).forEach(u -> units.add(u.unitId()));
        units.addAll(planItems.itemUnits(c.code(), false));
        return List.copyOf(units);
    }

    private Campaign campaign(String code) {
        return records.find(code).orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The month asked for; without one, the campaign's newest 考核月份 ({@link CampaignPeriods.Months#latest}). */
    private UnitScores.Window window(Campaign c, String period) {
        return scores.window(period == null || period.isBlank() ? campaignMonths(c.code()).latest().toString()
                : period.strip());
    }

    private Period period(UnitScores.Window window) {
        return new Period(window.periodCode(), window.periodName(), LocalDate.ofInstant(window.from(), zone),
                LocalDate.ofInstant(window.until(), zone).minusDays(1), window.from(), window.until());
    }

    /** How many of the cases, and of the closures of their rounds a reopening ended, each of {@link Figure#OF_UNITS} counts. */
    private static int[] count(List<CaseRecord> of, List<KeptRound> rounds, At at) {
        int[] n = new int[Figure.OF_UNITS.size()];
        for (int k = 0; k < n.length; k++) {
            Figure figure = Figure.OF_UNITS.get(k);
            for (CaseRecord r : of) {
                n[k] += figure.counts(r, at) ? 1 : 0;
            }
            for (KeptRound r : rounds) {
                n[k] += figure.counts(r, at) ? 1 : 0;
            }
        }
        return n;
    }

    private static UnitLine line(String id, String name, int[] n, String cases) {
        return new UnitLine(id, name, n[0], n[1], n[2], n[3], n[4], n[5], n[6], cases);
    }

    private static String listUrl(String code, UnitScores.Window window, String unit, String item) {
        return "/api/campaigns/" + encode(code) + "/dashboard/cases?period=" + window.periodCode()
                + (unit == null ? "" : "&unit=" + encode(unit)) + (item == null ? "" : "&item=" + encode(item));
    }

    private static ItemLine item(String code, UnitScores.Window window, PlanItemProgress.Line l, boolean total) {
        String item = total ? null : l.category() == null ? CaseDossiers.NO_PLAN_ITEM : l.category();
        String dossier = l.found() == 0 ? null
                : "/api/campaigns/" + encode(code) + "/dossier.pdf" + (item == null ? "" : "?item=" + encode(item));
        return new ItemLine(l.category(), l.name(), l.leadUnitName(), l.found(), l.closed(), l.overdue(),
                listUrl(code, window, null, item), dossier);
    }

    private List<PhaseLine> phaseLines(String code, List<PhaseRow> phases, CampaignOverview.Summary summary) {
        return phaseLines(code, phases, summary, null);
    }

    /** The phases with their tasks done and open: all of them, or a participating town's own. */
    private List<PhaseLine> phaseLines(String code, List<PhaseRow> phases, CampaignOverview.Summary summary, Participant town) {
        List<TaskRow> tasks = records.tasks(code).stream().filter(t -> town == null || town.office().equals(t.groupId())).toList();
        List<CampaignTemplate.TaskDefinition> defined = town != null ? List.of() : records.find(code)
                .flatMap(c -> templates.find(c.tenantId(), c.templateId())).map(CampaignTemplate::tasks).orElse(List.of());
        return phases.stream().map(p -> {
            List<TaskRow> own = tasks.stream().filter(t -> Objects.equals(t.phaseNo(), p.no())).toList();
            int done = (int) own.stream().filter(t -> CampaignRecords.DONE.equals(t.status())).count();
            List<String> planned = !own.isEmpty() ? List.of() : defined.stream().filter(t -> Objects.equals(t.phase(), p.phaseId()))
                    .map(t -> t.name() + ("each-unit".equals(t.who()) ? "（各单位）" : "")).toList();
            return new PhaseLine(p.no(), p.name(), p.firstDay(), p.lastDay(),
                    summary.currentPhase() != null && summary.currentPhase().no() == p.no(), done, own.size() - done, planned);
        }).toList();
    }

    /**
     * The units' totals in the last {@value #TREND_MONTHS} months up to {@code last}, in the order of {@code last}'s ranking;
     * only those of the months {@code shown} (all for the district, the published ones for a participating town). The
     * months before the campaign's {@code first} are left out: they could only ever be empty (jxreview-s55 J15).
     */
    private Trend trend(String tenant, String code, YearMonth first, YearMonth last, Predicate<String> shown) {
        List<String> periods = new ArrayList<>();
        List<String> periodNames = new ArrayList<>();
        Map<String, String> unitNames = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
        for (int back = TREND_MONTHS - 1; back >= 0; back--) {
            if (last.minusMonths(back).isBefore(first)) {
                continue;
            }
            String month = last.minusMonths(back).toString();
            UnitScores.Window w = scores.window(month);
            periods.add(w.periodCode());
            periodNames.add(w.periodName());
            if (!shown.test(w.periodCode())) {
                continue;
            }
            UnitScores.PeriodScores p = scores.read(tenant, code, month);
            p.ranking().forEach(u -> {
                unitNames.put(u.unitId(), u.unitName());
                totals.computeIfAbsent(u.unitId(), k -> new LinkedHashMap<>()).put(p.periodCode(), u.total());
            });
        }
        List<TrendLine> lines = unitNames.entrySet().stream()
                .sorted(Comparator.comparing(e -> !totals.get(e.getKey()).containsKey(periods.get(periods.size() - 1))))
                .map(e -> new TrendLine(e.getKey(), e.getValue(),
                        periods.stream().map(p -> totals.get(e.getKey()).get(p)).toList())).toList();
        return new Trend(periods, periodNames, lines);
    }

    /** The open cases under 督办, newest instruction first, from one query for the campaign. */
    private List<Supervised> supervision(String code, List<CaseRecord> all, Map<String, String> names) {
        Map<String, CaseRecord> byNo = new LinkedHashMap<>();
        all.forEach(r -> byNo.put(r.caseNo(), r));
        return cases.supervisionOfOpenCases(code).stream().filter(s -> byNo.containsKey(s.caseNo())).map(s -> {
            CaseRecord r = byNo.get(s.caseNo());
            return new Supervised(r.caseNo(), r.title(), r.leadUnit() == null ? NO_LEAD_UNIT_NAME
                    : names.getOrDefault(r.leadUnit(), r.leadUnit()), s.at(), s.actor() == null ? "—"
                    : organizations.personName(s.actor()), s.instruction());
        }).toList();
    }

    /**
     * The open cases whose 督办超期案件 task is waiting in the office (the engine's open {@code Task_SuperviseCase} of the
     * case's process), oldest deadline first: overdue, not yet supervised from that task. One query joins the engine's
     * tasks to the campaign's cases in the database (not a list of every open case's process instance, which for a
     * district's campaign runs into thousands); a participating town's are those of its cases. Read on Shirong's behalf: a leader reading the 驾驶舱 may not read the
     * office's tasks in the engine.
     */
    private List<AwaitingSupervision> awaitingSupervision(Campaign c, List<CaseRecord> all, Map<String, String> names, Instant now) {
        Map<String, CaseRecord> byInstance = new HashMap<>();
        all.stream().filter(r -> !r.status().ended() && r.processInstanceId() != null)
                .forEach(r -> byInstance.put(r.processInstanceId(), r));
        if (byInstance.isEmpty()) {
            return List.of();
        }
        Map<String, Instant> since = waitingAt(c, all, RectificationProcess.TASK_SUPERVISE);
        return since.entrySet().stream().map(e -> {
            CaseRecord r = byInstance.get(e.getKey());
            return new AwaitingSupervision(r.caseNo(), r.title(), r.leadUnit() == null ? NO_LEAD_UNIT_NAME
                    : names.getOrDefault(r.leadUnit(), r.leadUnit()), placeName(c, r.territory()), r.dueAt(), r.escalated(),
                    e.getValue());
        }).sorted(Comparator.comparing(AwaitingSupervision::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AwaitingSupervision::caseNo)).toList();
    }

    /**
     * The open cases' process instances of {@code all} waiting at the user task {@code taskKey}, each with since when (its
     * oldest such task's creation): one query of the engine's active tasks of the campaign's cases, read on Shirong's behalf.
     */
    private Map<String, Instant> waitingAt(Campaign c, List<CaseRecord> all, String taskKey) {
        Set<String> open = new java.util.HashSet<>();
        all.stream().filter(r -> !r.status().ended() && r.processInstanceId() != null).forEach(r -> open.add(r.processInstanceId()));
        if (open.isEmpty()) {
            return Map.of();
        }
        List<Task> waiting = systemAccess.run(() -> taskService.createNativeTaskQuery().sql(TASKS_WAITING
                .formatted(managementService.getTableName(Task.class))).parameter("taskKey", taskKey)
                .parameter("campaign", c.code()).list());
        Map<String, Instant> since = new HashMap<>();
        waiting.stream().filter(t -> open.contains(t.getProcessInstanceId())).forEach(t -> since.merge(
                t.getProcessInstanceId(), t.getCreateTime().toInstant(), (a, b) -> a.isBefore(b) ? a : b));
        return since;
    }

    /** The town or street {@code territory} of a district's campaign by name; null for a town's own campaign or none. */
    private String placeName(Campaign c, String territory) {
        if (territory == null || territory.equals(c.tenantId())) {
            return null;
        }
        return organizations.within(c.tenantId()).stream().filter(o -> o.id().equals(territory)).map(o -> o.name()).findFirst()
                .orElse(null);
    }

    /**
     * The campaign's tasks not yet done per unit (a participating town: its own only), the units with tasks past their
     * deadline first, then by the campaign's order of units; each unit's tasks by deadline.
     */
    private List<UnitTasks> openTasks(String code, Map<String, String> names, Instant now, Participant town) {
        Map<String, Integer> order = new HashMap<>();
        records.units(code).forEach(u -> order.putIfAbsent(u.groupId(), order.size()));
        Map<String, List<OpenTask>> byGroup = new LinkedHashMap<>();
        List<TaskRow> open = records.tasks(code).stream().filter(t -> CampaignRecords.OPEN.equals(t.status()))
                .filter(t -> town == null || town.office().equals(t.groupId())).toList();
        Map<String, Task> engineTasks = engineTasks(open);
        open.forEach(t -> byGroup.computeIfAbsent(t.groupId(), k -> new ArrayList<>())
                .add(new OpenTask(t.name(), t.dueAt(), shown(t.dueAt()), t.dueAt() != null && t.dueAt().isBefore(now),
                        t.processInstanceId() != null && engineTasks.containsKey(t.processInstanceId())
                                ? OfficeCaseTasks.holder(engineTasks.get(t.processInstanceId()), organizations) : null)));
        // the 工作交办 filed under the campaign (its start form's 所属活动, a meeting's decision) and not yet done, a town's
        // part of the district's work, done in the town's organisation, included (sjreview-s57 D4); another organisation's
        // work that carries the code is not (diffreview-s57 R1)
        records.find(code).ifPresent(c -> workAssignments.open(c).forEach((t, unit) -> {
            if (town == null || town.office().equals(unit)) {
                Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
                byGroup.computeIfAbsent(unit, k -> new ArrayList<>()).add(new OpenTask("交办："
                        + t.getName().replaceFirst("^办理交办事项 · ", ""), due, shown(due), due != null && due.isBefore(now),
                        OfficeCaseTasks.holder(t, organizations)));
            }
        }));
        // the case work waiting on the office and the 领导小组 (审批、督办、挂账到期待复核): the supervisors' one screen shows
        // when the office is the bottleneck (jtreview-s59 T3); not a participating town's
        if (town == null) {
            records.find(code).ifPresent(c -> officeCaseTasks.of(c, now, zone).forEach((group, tasks) ->
                    byGroup.computeIfAbsent(group, k -> new ArrayList<>()).addAll(tasks)));
        }
        Comparator<OpenTask> byDue = Comparator.comparing(OpenTask::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));
        return byGroup.entrySet().stream().map(e -> {
            List<OpenTask> tasks = e.getValue().stream().sorted(byDue).toList();
            return new UnitTasks(e.getKey(), names.getOrDefault(e.getKey(), organizations.unitName(e.getKey(),
                    records.find(code).map(Campaign::tenantId).orElse(null))), tasks.size(),
                    (int) tasks.stream().filter(OpenTask::overdue).count(), tasks);
        }).sorted(Comparator.comparing((UnitTasks u) -> u.overdue() == 0)
                .thenComparing(u -> order.getOrDefault(u.unitId(), Integer.MAX_VALUE))).toList();
    }

    /**
     * The engine's active task of each open campaign task, by process instance, in one query read on Shirong's behalf (a
     * leader reading the 驾驶舱 may not read the units' tasks): who holds it (jtreview-s59 T12).
     */
    private Map<String, Task> engineTasks(List<TaskRow> open) {
        String[] instances = open.stream().map(TaskRow::processInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (instances.length == 0) {
            return Map.of();
        }
        Map<String, Task> byInstance = new HashMap<>();
        systemAccess.run(() -> taskService.createTaskQuery().processInstanceIdIn(instances).active().list())
                .forEach(t -> byInstance.putIfAbsent(t.getProcessInstanceId(), t));
        return byInstance;
    }

    /**
     * For a district's campaign, its cases per town and street they lie in (属地), in the order of the district's files;
     * a participating town sees its own line only. Empty for a town's campaign.
     */
    private List<PlaceLine> places(Campaign c, List<CaseRecord> all, Instant now, Participant town) {
        List<org.shirong.organization.Organization> within = organizations.within(c.tenantId());
        if (within.isEmpty()) {
            return List.of();
        }
        String own = town == null ? null : organizations.ofGroup(town.office()).map(o -> o.id()).orElse(null);
        return within.stream().filter(o -> town == null || o.id().equals(own)).map(o -> {
            List<CaseRecord> of = all.stream().filter(r -> o.id().equals(r.territory()) && r.status().counted()).toList();
            int open = (int) of.stream().filter(r -> !r.status().ended()).count();
            int red = (int) of.stream().filter(r -> TrafficLight.of(r, now) == TrafficLight.RED).count();
            int yellow = (int) of.stream().filter(r -> TrafficLight.of(r, now) == TrafficLight.YELLOW).count();
            int closed = (int) of.stream().filter(r -> r.status() == CaseStatus.CLOSED).count();
            var level = o.organization().level();
            return new PlaceLine(o.id(), o.name(), level == null ? null : level.label(), open, red, yellow, closed);
        }).toList();
    }

    private CampaignRef ref(Campaign c, CampaignOverview.Summary s) {
        return new CampaignRef(c.code(), c.name(), c.templateName(), c.tenantId(), organizations.find(c.tenantId())
                .map(o -> o.name()).orElse(c.tenantId()), s.statusName(),
                s.currentPhase() == null ? null : s.currentPhase().no(), s.currentPhase() == null ? null : s.currentPhase().name(),
                "/api/campaigns/" + c.code() + "/dashboard");
    }

    private String shown(Instant at) {
        return at == null ? null : OfficeCaseTasks.shown(java.util.Date.from(at), zone);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

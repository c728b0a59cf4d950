package org.shirong.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseEventKind;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.RectificationCases;
import org.shirong.report.PlanItemProgress;
import org.shirong.scoring.UnitScores;
import org.shirong.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the 活动驾驶舱 shows of one campaign ({@code GET /api/campaigns/{code}/dashboard}): its phases with today, its
 * units' cases with their traffic lights, the ranking of the period and its trend, progress per plan item and the
 * cases under 督办 — each from the capability that owns it (campaign records, {@link RectificationCases},
 * {@link UnitScores}, {@link CampaignOverview} with its progress per plan item). The lights are those of a case's page: 红 past its due instant,
 * 黄 past its warning instant.
 */
@Service
class CampaignDashboard {

    /** How many scoring periods (months, the current one last) the ranking's trend spans. */
    static final int TREND_MONTHS = 6;

    record CampaignRef(String code, String name, String templateName, String organization, String organizationName,
            String statusName, Integer currentPhaseNo, String currentPhaseName, String url) {
    }

    record PhaseLine(int no, String name, LocalDate firstDay, LocalDate lastDay, boolean current, int tasksDone, int tasksOpen) {
    }

    /** A month: its first and last day, and its start and end (exclusive) instants in the town's zone. */
    record Period(String code, String name, LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    /**
     * One lead unit's cases: open now, of which 红 (overdue) and 黄 (near the deadline); closed in the period on time
     * and late; and over all the campaign's cases, returns (回退) and rework (核查未通过).
     */
    record UnitLine(String unitId, String unitName, int open, int red, int yellow, int closedOnTime, int closedLate,
            int returns, int rework) {
    }

    record Ranked(int rank, String unitId, String unitName, BigDecimal total, String grade, boolean named, String namedFor) {
    }

    /** {@code noticeLine}: the total below which a unit is named in the 通报, null when the rubric sets none. */
    record Ranking(String period, String periodName, BigDecimal noticeLine, String notice, List<Ranked> units) {
    }

    /** A unit's total in each of {@code periods} (null where it was not ranked). */
    record TrendLine(String unitId, String unitName, List<BigDecimal> totals) {
    }

    record Trend(List<String> periods, List<String> periodNames, List<TrendLine> units) {
    }

    record ItemLine(String category, String name, String leadUnitName, int found, int closed, int overdue) {
    }

    /** An open case under 督办: the latest instruction. */
    record Supervised(String caseNo, String title, String leadUnitName, Instant at, String by, String instruction) {
    }

    /** The lists and files behind the figures. */
    record Links(String cases, String ledger, String scores, String documents) {
    }

    /** {@code asOf}: the instant the figures are counted at (the engine clock); {@code today}: its day in the town. */
    record Dashboard(CampaignRef campaign, Instant asOf, LocalDate today, Period period, List<PhaseLine> phases, List<UnitLine> units,
            UnitLine total, Ranking ranking, Trend trend, List<ItemLine> planItems, ItemLine planItemTotal,
            List<Supervised> supervision, Links links) {
    }

    private final CampaignRecords records;
    private final CampaignOverview overview;
    private final RectificationCases cases;
    private final UnitScores scores;
    private final OrganizationRecords organization;
    private final Organizations organizations;
    private final ZoneId zone;

    CampaignDashboard(CampaignRecords records, CampaignOverview overview, RectificationCases cases,
            UnitScores scores, OrganizationRecords organization, Organizations organizations, WorkingCalendar calendar) {
        this.records = records;
        this.overview = overview;
        this.cases = cases;
        this.scores = scores;
        this.organization = organization;
        this.organizations = organizations;
        this.zone = calendar.zone();
    }

    /** The campaigns of these organisations, newest first. */
    @Transactional(readOnly = true)
    List<CampaignRef> campaigns(List<String> tenants) {
        return overview.all(tenants::contains).stream()
                .map(s -> ref(records.find(s.code()).orElseThrow(), s)).toList();
    }

    /** The organisation of the campaign; 404 for a campaign that does not exist. */
    String organizationOf(String code) {
        return records.find(code).map(Campaign::tenantId)
                .orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
    }

    /** The campaign's 驾驶舱 for the month {@code period} (2026-05; null: the current month). */
    @Transactional(readOnly = true)
    Dashboard of(String code, String period) {
        Campaign c = records.find(code).orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String periodCode = period == null || period.isBlank() ? YearMonth.from(now.atZone(zone)).toString() : period.strip();
        UnitScores.Window window = scores.window(periodCode);
        var detail = overview.get(code, c.tenantId()::equals);

        List<PhaseLine> phases = detail.phases().stream().map(p -> new PhaseLine(p.no(), p.name(), p.firstDay(), p.lastDay(),
                detail.campaign().currentPhase() != null && detail.campaign().currentPhase().no() == p.no(), p.tasksDone(),
                p.tasksOpen())).toList();

        List<CaseRecord> all = cases.casesOfCampaign(code);
        Map<String, String> names = organization.unitNames();
        Map<String, int[]> byUnit = new LinkedHashMap<>();
        records.units(code).forEach(u -> byUnit.put(u.unitId(), new int[7]));
        for (CaseRecord r : all) {
            if (r.leadUnit() == null) {
                continue;
            }
            int[] n = byUnit.computeIfAbsent(r.leadUnit(), k -> new int[7]);
            boolean open = r.status() != CaseStatus.CLOSED;
            boolean red = open && r.dueAt() != null && now.isAfter(r.dueAt());
            n[0] += open ? 1 : 0;
            n[1] += red ? 1 : 0;
            n[2] += open && !red && r.warnAt() != null && now.isAfter(r.warnAt()) ? 1 : 0;
            boolean closedInPeriod = r.closedAt() != null && !r.closedAt().isBefore(window.from()) && r.closedAt().isBefore(window.until());
            n[3] += closedInPeriod && Boolean.TRUE.equals(r.closedOnTime()) ? 1 : 0;
            n[4] += closedInPeriod && Boolean.FALSE.equals(r.closedOnTime()) ? 1 : 0;
            n[5] += r.returnCount();
            n[6] += r.reworkCount();
        }
        List<UnitLine> units = new ArrayList<>();
        int[] sum = new int[7];
        byUnit.forEach((id, n) -> {
            units.add(line(id, names.getOrDefault(id, id), n));
            for (int k = 0; k < sum.length; k++) {
                sum[k] += n[k];
            }
        });

        UnitScores.PeriodScores current = scores.read(c.tenantId(), code, periodCode);
        Ranking ranking = new Ranking(current.periodCode(), current.periodName(), scores.noticeLine(c.tenantId()).orElse(null),
                current.notice(), current.ranking().stream().map(u -> new Ranked(u.rank(), u.unitId(), u.unitName(), u.total(),
                        u.grade(), u.named(), u.namedFor())).toList());

        PlanItemProgress.Table items = detail.planItems();
        String tenant = c.tenantId();
        return new Dashboard(ref(c, detail.campaign()), now, LocalDate.ofInstant(now, zone),
                new Period(window.periodCode(), window.periodName(), LocalDate.ofInstant(window.from(), zone),
                        LocalDate.ofInstant(window.until(), zone).minusDays(1), window.from(), window.until()),
                phases, units, line("", "合计", sum), ranking, trend(tenant, code, YearMonth.parse(window.periodCode().substring(0, 7))),
                items.items().stream().map(CampaignDashboard::item).toList(), item(items.total()), supervision(all, names),
                new Links("/api/cases?campaign=" + code, "/api/cases/export.xlsx?campaign=" + code,
                        "/api/scores/export.xlsx?period=" + periodCode + "&campaign=" + code + "&organization=" + tenant,
                        "/api/campaigns/" + code + "/documents"));
    }

    private static UnitLine line(String id, String name, int[] n) {
        return new UnitLine(id, name, n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    private static ItemLine item(PlanItemProgress.Line l) {
        return new ItemLine(l.category(), l.name(), l.leadUnitName(), l.found(), l.closed(), l.overdue());
    }

    /** The units' totals in the last {@value #TREND_MONTHS} months up to {@code last}, in the order of {@code last}'s ranking. */
    private Trend trend(String tenant, String code, YearMonth last) {
        List<String> periods = new ArrayList<>();
        List<String> periodNames = new ArrayList<>();
        Map<String, String> unitNames = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
        for (int back = TREND_MONTHS - 1; back >= 0; back--) {
            UnitScores.PeriodScores p = scores.read(tenant, code, last.minusMonths(back).toString());
            periods.add(p.periodCode());
            periodNames.add(p.periodName());
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

    private List<Supervised> supervision(List<CaseRecord> all, Map<String, String> names) {
        List<Supervised> list = new ArrayList<>();
        for (CaseRecord r : all) {
            if (r.status() == CaseStatus.CLOSED) {
                continue;
            }
            cases.timeline(r.caseNo()).stream().filter(e -> e.kind() == CaseEventKind.SUPERVISED)
                    .max(Comparator.comparing(e -> e.occurredAt()))
                    .ifPresent(e -> list.add(new Supervised(r.caseNo(), r.title(), names.getOrDefault(r.leadUnit(),
                            Objects.requireNonNullElse(r.leadUnit(), "—")), e.occurredAt(), e.actor(), e.detail())));
        }
        list.sort(Comparator.comparing(Supervised::at).reversed());
        return list;
    }

    private CampaignRef ref(Campaign c, CampaignOverview.Summary s) {
        return new CampaignRef(c.code(), c.name(), c.templateName(), c.tenantId(), organizations.find(c.tenantId())
                .map(o -> o.name()).orElse(c.tenantId()), s.statusName(),
                s.currentPhase() == null ? null : s.currentPhase().no(), s.currentPhase() == null ? null : s.currentPhase().name(),
                "/api/campaigns/" + c.code() + "/dashboard");
    }
}

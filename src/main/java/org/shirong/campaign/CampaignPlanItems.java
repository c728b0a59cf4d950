package org.shirong.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.organization.OrganizationRecords;
import org.shirong.rectification.CampaignCaseCounts;
import org.shirong.rectification.CaseRecord;
import org.shirong.report.PlanItemProgress;
import org.springframework.stereotype.Component;

/**
 * Progress per plan item of a campaign: its template's items (931 整治项目 or survey 大类) with their lead and
 * responsible units, and the campaign's cases under each, counted as they stood at an instant. Cases under no item
 * get a line of their own, so the lines add up to all the campaign's cases. What happened at the instant itself counts.
 */
@Component
class CampaignPlanItems implements PlanItemProgress {

    static final String NO_ITEM = "其他（不属于整治项目）";

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    private final OrganizationRecords organization;
    private final CampaignCaseCounts caseCounts;

    CampaignPlanItems(CampaignRecords records, CampaignTemplates templates, OrganizationRecords organization,
            CampaignCaseCounts caseCounts) {
        this.caseCounts = caseCounts;
        this.records = records;
        this.templates = templates;
        this.organization = organization;
    }

    @Override
    public Table of(String campaignCode, Instant asOf) {
        List<CampaignTemplate.Item> items = items(campaignCode);
        Map<String, int[]> counts = counts(items);
        int[] other = new int[4];
        for (CampaignCaseCounts.PlanItemCounts c : caseCounts.perPlanItem(campaignCode, asOf)) {
            int[] n = planItemOf(c.planItem(), items).map(i -> counts.get(i.category())).orElse(other);
            n[0] += c.found();
            n[1] += c.closed();
            n[2] += c.closedOnTime();
            n[3] += c.overdue();
        }
        return table(campaignCode, items, counts, other);
    }

    /**
     * As {@link #of(String, Instant)}, counting {@code all}, the campaign's cases already read, at {@code asOf} now: every
     * round a reopening ended has ended by then, so each case's own row is how it stands (an earlier instant would need them).
     */
    Table of(String campaignCode, Instant asOf, List<CaseRecord> all) {
        List<CampaignTemplate.Item> items = items(campaignCode);
        Map<String, int[]> counts = counts(items);
        int[] other = new int[4];
        for (CaseRecord c : all) {
            if (!found(c, asOf)) {
                continue;
            }
            int[] n = planItemOf(c.planItem(), items).map(i -> counts.get(i.category())).orElse(other);
            n[0]++;
            n[1] += closed(c, asOf) ? 1 : 0;
            n[2] += closed(c, asOf) && Boolean.TRUE.equals(c.closedOnTime()) ? 1 : 0;
            n[3] += overdue(c, asOf) ? 1 : 0;
        }
        return table(campaignCode, items, counts, other);
    }

    /** Found, closed, closed on time and overdue per plan item (by category), all 0. */
    private static Map<String, int[]> counts(List<CampaignTemplate.Item> items) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        items.forEach(i -> counts.put(i.category(), new int[4]));
        return counts;
    }

    /**
     * One line per plan item, a line of the cases under none if there are any, and their sum; no line at all for a
     * template without plan items (九亭's): its 其他 line would be every case, which the unit tables already show.
     */
    private Table table(String campaignCode, List<CampaignTemplate.Item> items, Map<String, int[]> counts, int[] other) {
        Map<String, String> names = organization.unitNames(records.find(campaignCode).map(CampaignRecords.Campaign::tenantId).orElse(null));
        List<Line> lines = new ArrayList<>();
        int[] sum = new int[4];
        for (CampaignTemplate.Item i : items) {
            int[] n = counts.get(i.category());
            lines.add(new Line(i.category(), i.name(), i.lead(), names.getOrDefault(i.lead(), i.lead()),
                    i.responsible().stream().map(g -> names.getOrDefault(g, g)).toList(), n[0], n[1], n[2], n[3]));
            add(sum, n);
        }
        if (other[0] > 0 && !items.isEmpty()) {
            lines.add(new Line(null, NO_ITEM, null, "—", List.of(), other[0], other[1], other[2], other[3]));
            add(sum, other);
        }
        return new Table(lines, new Line(null, "合计", null, "", List.of(), sum[0], sum[1], sum[2], sum[3]));
    }

    /** The plan items of the campaign's template, in the plan's order (none when it has no template or no items). */
    @Override
    public List<String> itemUnits(String campaignCode, boolean responsibleToo) {
        List<CampaignTemplate.Item> items = items(campaignCode);
        java.util.LinkedHashSet<String> units = new java.util.LinkedHashSet<>();
        items.forEach(i -> units.add(i.lead()));
        if (responsibleToo) {
            items.forEach(i -> units.addAll(i.responsible()));
        }
        return List.copyOf(units);
    }

    List<CampaignTemplate.Item> items(String campaignCode) {
        return records.find(campaignCode).flatMap(c -> templates.find(c.tenantId(), c.templateId()))
                .map(CampaignTemplate::items).orElse(List.of());
    }

    /** Found (reported) by {@code asOf}; a duplicate merged into another case is not a finding of its own, a voided case none. */
    static boolean found(CaseRecord c, Instant asOf) {
        return c.status().counted() && (c.reportedAt() == null || !c.reportedAt().isAfter(asOf));
    }

    /** Closed by {@code asOf}. */
    static boolean closed(CaseRecord c, Instant asOf) {
        return c.closedAt() != null && !c.closedAt().isAfter(asOf);
    }

    /**
     * 超期 at {@code asOf} ({@link CaseRecord#overdueAt}): past due without the fix handed in by the deadline (closed late
     * included), not waiting for 核查 of a fix handed in on time, not 挂账.
     */
    static boolean overdue(CaseRecord c, Instant asOf) {
        return c.overdueAt(asOf);
    }

    /** The plan item a case counts under: the one it recorded when it was reported (none without one). */
    static Optional<CampaignTemplate.Item> planItemOf(CaseRecord c, List<CampaignTemplate.Item> items) {
        return planItemOf(c.planItem(), items);
    }

    /** The plan item a case counts under: the one it recorded ({@code planItem}) when it was reported (null: none). */
    static Optional<CampaignTemplate.Item> planItemOf(String planItem, List<CampaignTemplate.Item> items) {
        return planItem == null ? Optional.empty() : items.stream().filter(i -> i.category().equals(planItem)).findFirst();
    }

    private static void add(int[] sum, int[] n) {
        for (int k = 0; k < n.length; k++) {
            sum[k] += n[k];
        }
    }
}

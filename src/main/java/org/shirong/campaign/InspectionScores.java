package org.shirong.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.OrganizationRecords;
import org.shirong.scoring.UnitScores;
import org.shirong.scoring.UnitScores.SheetItem;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.LineColumns;
import org.springframework.stereotype.Service;

/**
 * The inspection score sheets (检查评分表) entered on an inspection cycle's task: one line per unit and
 * item, {@code 单位｜检查项｜得分} (unit and item by name or id; columns as {@link LineColumns} reads them). The
 * points go to the cycle's score period and the task's campaign, whose unit scores are then computed again with them. Nobody scores a unit they
 * belong to (s48 N4: a unit's head in the inspecting office gave his own unit full marks); the towns whose office takes
 * every case score no units of their own, and the office is never a scored unit.
 */
@Service
class InspectionScores {

    static final String VAR_SCORES = "scores";
    static final String VAR_ITEM_LIST = "inspectionItemList";
    /** A line of the organisation's own sheets the form gives as its example (jxreview-s55 J3). */
    static final String VAR_SCORE_EXAMPLE = "inspectionScoreExample";

    private final UnitScores unitScores;
    private final OrganizationRecords organization;
    private final CampaignRecords campaigns;
    private final IdentityService identityService;

    InspectionScores(UnitScores unitScores, OrganizationRecords organization, CampaignRecords campaigns,
            IdentityService identityService) {
        this.unitScores = unitScores;
        this.organization = organization;
        this.campaigns = campaigns;
        this.identityService = identityService;
    }

    /**
     * The items the form lists: 表名：检查项（满分）, from the score sheets of the campaign's organisation (a district's
     * inspection done by a town is scored on the district's sheets, as {@link #record} enters it).
     */
    String itemList(String campaignCode) {
        return unitScores.inspectionItems(tenant(campaignCode)).stream().collect(Collectors.groupingBy(SheetItem::sheetName, LinkedHashMap::new,
                Collectors.mapping(i -> i.itemName() + "（" + i.maxPoints().stripTrailingZeros().toPlainString() + " 分）",
                        Collectors.joining("、")))).entrySet().stream().map(e -> e.getKey() + "：" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /**
     * An example line of {@code 单位｜检查项｜得分} that the form would take: an item of a sheet led by one of the campaign's
     * units (锦溪镇's sheets say 牵头：城管中队 in their names) scored by it, else the first item with the first participating
     * unit, at three quarters of the item's maximum ({@code 城管中队｜主干道无占道经营，次干道严控｜3}); null without sheets.
     */
    String example(String campaignCode) {
        String tenant = tenant(campaignCode);
        List<SheetItem> items = unitScores.inspectionItems(tenant);
        if (items.isEmpty()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        organization.units(tenant).forEach(u -> names.put(u.id(), u.name()));
        List<String> participants = campaigns.units(campaignCode).stream().map(CampaignRecords.UnitRow::groupId)
                .filter(names::containsKey).map(names::get).toList();
        List<String> candidates = participants.isEmpty() ? List.copyOf(names.values()) : participants;
        SheetItem item = items.get(0);
        String unit = candidates.isEmpty() ? "单位名称" : candidates.get(0);
        for (SheetItem i : items) {
            Optional<String> lead = candidates.stream().filter(n -> i.sheetName().contains("牵头：" + n)).findFirst();
            if (lead.isPresent()) {
                item = i;
                unit = lead.get();
                break;
            }
        }
        BigDecimal points = item.maxPoints().multiply(new BigDecimal("0.75")).setScale(0, java.math.RoundingMode.HALF_UP);
        return unit + "｜" + item.itemName() + "｜" + points.toPlainString();
    }

    /** Checks every line, enters the sheets and recomputes the period's scores for the campaign; refusals name the line. */
    void record(String campaignCode, String periodCode, String text, String actor) {
        String tenant = tenant(campaignCode);
        List<SheetItem> items = unitScores.inspectionItems(tenant);
        Map<String, String> units = new LinkedHashMap<>();
        organization.units(tenant).forEach(u -> units.put(u.id(), u.name()));
        Map<String, Map<String, Map<String, BigDecimal>>> byUnitAndSheet = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> own = groupsOf(actor);
        for (LineColumns.Line line : LineColumns.lines(text)) {
            String at = line.at();
            List<String> columns = line.columns();
            if (columns.size() != 3) {
                problems.add(at + "有 " + columns.size() + " 栏，应为 单位｜检查项｜得分 三栏（" + LineColumns.RULE + "）");
                continue;
            }
            Optional<String> unit = unit(units, columns.get(0));
            Optional<SheetItem> item = item(items, columns.get(1));
            BigDecimal points = number(columns.get(2));
            if (unit.isEmpty()) {
                problems.add(at + "没有单位“" + columns.get(0) + "”");
            } else if (own.contains(unit.get())) {
                problems.add(at + "不能为本人所在的单位（" + units.get(unit.get()) + "）评分");
            } else if (item.isEmpty()) {
                problems.add(at + "评分表中没有检查项“" + columns.get(1) + "”");
            } else if (points == null || points.signum() < 0 || points.compareTo(item.get().maxPoints()) > 0) {
                problems.add(at + item.get().itemName() + "的得分应为 0 到 " + item.get().maxPoints().toPlainString() + " 之间的数");
            } else {
                byUnitAndSheet.computeIfAbsent(unit.get(), u -> new LinkedHashMap<>())
                        .computeIfAbsent(item.get().sheetId(), s -> new LinkedHashMap<>()).put(item.get().itemId(), points);
            }
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(VAR_SCORES, String.join("；", problems));
        }
        try {
            byUnitAndSheet.forEach((unit, sheets) -> sheets.forEach((sheet, points) ->
                    unitScores.recordInspection(periodCode, campaignCode, unit, sheet, points, actor)));
        } catch (InvalidRequestException refused) {
            throw new FormFieldValidationException(VAR_SCORES,
                    refused.errors().stream().map(ApiError::message).collect(Collectors.joining("；")));
        }
        if (!byUnitAndSheet.isEmpty()) {
            unitScores.computeAndSave(tenant, campaignCode, periodCode);
        }
    }

    /** The groups of the one entering the sheets, as logged in; none when the process enters them on its own. */
    private Set<String> groupsOf(String actor) {
        Authentication current = identityService.getCurrentAuthentication();
        return actor == null || current == null || !actor.equals(current.getUserId()) || current.getGroupIds() == null
                ? Set.of() : Set.copyOf(current.getGroupIds());
    }

    private String tenant(String campaignCode) {
        return campaigns.find(campaignCode).map(CampaignRecords.Campaign::tenantId).orElseThrow();
    }

    /** The group id of the unit given by its id or name. */
    private static Optional<String> unit(Map<String, String> units, String given) {
        return units.entrySet().stream().filter(u -> u.getKey().equalsIgnoreCase(given) || u.getValue().equals(given))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Optional<SheetItem> item(List<SheetItem> items, String given) {
        return items.stream().filter(i -> i.itemId().equalsIgnoreCase(given) || i.itemName().equals(given))
                .findFirst();
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

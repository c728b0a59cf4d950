package org.shirong.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shirong.scoring.ScoreCalculator.InspectionTotal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Inspection scores entered per period, campaign, unit and score sheet ({@code score_inspection}; campaign {@code ''}: none,
 * an entry of before V61 or one for the organisation itself). A campaign's scores read its own entries and those without a
 * campaign (counted in every campaign of the organisation, as then); an organisation's own scores read them all
 * (finalreview-s55 F3). Either way a unit's sheet counts once: in a campaign its own entry over one without a campaign,
 * for the organisation the entry last recorded (the sheet as last scored), never two campaigns' entries of one sheet
 * added up (diffreview-s56 D4).
 */
@Repository
class InspectionRecords {

    /** The campaign column's value for an entry of no campaign. */
    private static final String NONE = "";

    private final JdbcTemplate jdbc;

    InspectionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One checked item's points; the maximum is copied from the sheet so that later edits of the sheet keep old scores whole. */
    record ItemScore(String itemId, BigDecimal points, BigDecimal maxPoints) {
    }

    /**
     * Replaces what the campaign (null: none) entered for the unit on this sheet in this period. An entry without a campaign
     * stays for the other campaigns that count it; this campaign reads its own instead.
     */
    void replaceSheet(String period, String campaign, String unitId, String sheetId, Iterable<ItemScore> items, String actor,
            Instant at) {
        String code = campaign == null ? NONE : campaign;
        jdbc.update("delete from score_inspection where score_period = ? and campaign_code = ? and unit_id = ? and sheet_id = ?",
                period, code, unitId, sheetId);
        for (ItemScore item : items) {
            jdbc.update("insert into score_inspection (score_period, campaign_code, unit_id, sheet_id, item_id, points, max_points,"
                    + " inspected_by, recorded_at) values (?,?,?,?,?,?,?,?,?)", period, code, unitId, sheetId, item.itemId(),
                    item.points(), item.maxPoints(), actor, Timestamp.from(at));
        }
    }

    /**
     * The rows a scope reads, as {@code i}: a campaign's own entries, and those without a campaign of the sheets it has no
     * entry of its own for; for the organisation every campaign's, of each unit's sheet only the entry last recorded (ties:
     * the greater campaign code).
     */
    private static String ofScope(String campaign) {
        String sameSheet = " from score_inspection n where n.score_period = i.score_period and n.unit_id = i.unit_id"
                + " and n.sheet_id = i.sheet_id";
        if (campaign != null) {
            return " and (i.campaign_code = ? or i.campaign_code = '' and not exists (select 1" + sameSheet
                    + " and n.campaign_code = ?))";
        }
        return " and not exists (select 1" + sameSheet + " and (n.recorded_at > i.recorded_at"
                + " or n.recorded_at = i.recorded_at and n.campaign_code > i.campaign_code))";
    }

    private static Object[] arguments(String period, String campaign) {
        return campaign == null ? new Object[] {period} : new Object[] {period, campaign, campaign};
    }

    /**
     * Each unit's inspection points in the period, summed over every sheet entered, with their maximum: for {@code campaign}
     * (null: the organisation's scores, every campaign's).
     */
    Map<String, InspectionTotal> totals(String period, String campaign) {
        Map<String, InspectionTotal> totals = new HashMap<>();
        jdbc.query("select unit_id, sum(points) as points, sum(max_points) as max_points from score_inspection"
                + " i where i.score_period = ?" + ofScope(campaign) + " group by unit_id", rs -> {
                    totals.put(rs.getString("unit_id"), new InspectionTotal(rs.getBigDecimal("points"), rs.getBigDecimal("max_points")));
                }, arguments(period, campaign));
        return totals;
    }

    /** One sheet a unit was scored on in a period: its points against the sheet's maximum. */
    record SheetTotal(String sheetId, BigDecimal points, BigDecimal maxPoints) {
    }

    /** Each unit's sheets scored in the period for {@code campaign} (null: every campaign's), in the order of the sheets' ids. */
    Map<String, List<SheetTotal>> sheets(String period, String campaign) {
        Map<String, List<SheetTotal>> sheets = new HashMap<>();
        jdbc.query("select unit_id, sheet_id, sum(points) as points, sum(max_points) as max_points from score_inspection"
                + " i where i.score_period = ?" + ofScope(campaign) + " group by unit_id, sheet_id order by unit_id, sheet_id", rs -> {
                    sheets.computeIfAbsent(rs.getString("unit_id"), u -> new ArrayList<>()).add(new SheetTotal(
                            rs.getString("sheet_id"), rs.getBigDecimal("points"), rs.getBigDecimal("max_points")));
                }, arguments(period, campaign));
        return sheets;
    }
}

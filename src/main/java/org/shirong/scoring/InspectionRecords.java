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
 * Inspection scores entered per period, campaign, unit and score sheet ({@code score_inspection}). A campaign's scores read
 * its own entries and those entered before V61 without a campaign (counted in every campaign of the organisation, as
 * then); an organisation's own scores read them all (finalreview-s55 F3).
 */
@Repository
class InspectionRecords {

    private final JdbcTemplate jdbc;

    InspectionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One checked item's points; the maximum is copied from the sheet so that later edits of the sheet keep old scores whole. */
    record ItemScore(String itemId, BigDecimal points, BigDecimal maxPoints) {
    }

    /**
     * Replaces what the campaign entered for the unit on this sheet in this period, and an entry of before V61 without a
     * campaign, which the campaign's scores counted until now.
     */
    void replaceSheet(String period, String campaign, String unitId, String sheetId, Iterable<ItemScore> items, String actor,
            Instant at) {
        jdbc.update("delete from score_inspection where score_period = ? and unit_id = ? and sheet_id = ?"
                + " and (campaign_code = ? or campaign_code is null)", period, unitId, sheetId, campaign);
        for (ItemScore item : items) {
            jdbc.update("insert into score_inspection (score_period, campaign_code, unit_id, sheet_id, item_id, points, max_points,"
                    + " inspected_by, recorded_at) values (?,?,?,?,?,?,?,?,?)", period, campaign, unitId, sheetId, item.itemId(),
                    item.points(), item.maxPoints(), actor, Timestamp.from(at));
        }
    }

    /** The rows a scope reads: a campaign's own and those without one; every one of the period for the organisation. */
    private static String ofScope(String campaign) {
        return campaign == null ? "" : " and (campaign_code = ? or campaign_code is null)";
    }

    private static Object[] arguments(String period, String campaign) {
        return campaign == null ? new Object[] {period} : new Object[] {period, campaign};
    }

    /**
     * Each unit's inspection points in the period, summed over every sheet entered, with their maximum: for {@code campaign}
     * (null: the organisation's scores, every campaign's).
     */
    Map<String, InspectionTotal> totals(String period, String campaign) {
        Map<String, InspectionTotal> totals = new HashMap<>();
        jdbc.query("select unit_id, sum(points) as points, sum(max_points) as max_points from score_inspection"
                + " where score_period = ?" + ofScope(campaign) + " group by unit_id", rs -> {
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
                + " where score_period = ?" + ofScope(campaign) + " group by unit_id, sheet_id order by unit_id, sheet_id", rs -> {
                    sheets.computeIfAbsent(rs.getString("unit_id"), u -> new ArrayList<>()).add(new SheetTotal(
                            rs.getString("sheet_id"), rs.getBigDecimal("points"), rs.getBigDecimal("max_points")));
                }, arguments(period, campaign));
        return sheets;
    }
}

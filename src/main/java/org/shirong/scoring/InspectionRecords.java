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

/** Inspection scores entered per period, unit and score sheet ({@code score_inspection}). */
@Repository
class InspectionRecords {

    private final JdbcTemplate jdbc;

    InspectionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One checked item's points; the maximum is copied from the sheet so that later edits of the sheet keep old scores whole. */
    record ItemScore(String itemId, BigDecimal points, BigDecimal maxPoints) {
    }

    /** Replaces what was entered for the unit on this sheet in this period. */
    void replaceSheet(String period, String unitId, String sheetId, Iterable<ItemScore> items, String actor, Instant at) {
        jdbc.update("delete from score_inspection where score_period = ? and unit_id = ? and sheet_id = ?", period, unitId, sheetId);
        for (ItemScore item : items) {
            jdbc.update("insert into score_inspection (score_period, unit_id, sheet_id, item_id, points, max_points, inspected_by,"
                    + " recorded_at) values (?,?,?,?,?,?,?,?)", period, unitId, sheetId, item.itemId(), item.points(),
                    item.maxPoints(), actor, Timestamp.from(at));
        }
    }

    /** Each unit's inspection points in the period, summed over every sheet entered, with their maximum. */
    Map<String, InspectionTotal> totals(String period) {
        Map<String, InspectionTotal> totals = new HashMap<>();
        jdbc.query("select unit_id, sum(points) as points, sum(max_points) as max_points from score_inspection"
                + " where score_period = ? group by unit_id", rs -> {
                    totals.put(rs.getString("unit_id"), new InspectionTotal(rs.getBigDecimal("points"), rs.getBigDecimal("max_points")));
                }, period);
        return totals;
    }

    /** One sheet a unit was scored on in a period: its points against the sheet's maximum. */
    record SheetTotal(String sheetId, BigDecimal points, BigDecimal maxPoints) {
    }

    /** Each unit's sheets scored in the period, in the order of the sheets' ids. */
    Map<String, List<SheetTotal>> sheets(String period) {
        Map<String, List<SheetTotal>> sheets = new HashMap<>();
        jdbc.query("select unit_id, sheet_id, sum(points) as points, sum(max_points) as max_points from score_inspection"
                + " where score_period = ? group by unit_id, sheet_id order by unit_id, sheet_id", rs -> {
                    sheets.computeIfAbsent(rs.getString("unit_id"), u -> new ArrayList<>()).add(new SheetTotal(
                            rs.getString("sheet_id"), rs.getBigDecimal("points"), rs.getBigDecimal("max_points")));
                }, period);
        return sheets;
    }
}

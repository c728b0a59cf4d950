package org.shirong.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A campaign's cases counted in the database instead of read one by one (a campaign may hold 100,000 of them): per lead
 * unit in a period for its reports, per plan item at an instant for its progress. A duplicate merged into another case
 * ({@link CaseStatus#MERGED}) is not counted: its problem is counted once, as that case.
 */
@Repository
public class CampaignCaseCounts {

    /**
     * One lead unit's cases of the campaign in [from, until): reported in it, closed in it, due in it and overdue (marked
     * red or closed late), open at its end (reported before it and not closed by then).
     */
    public record UnitCounts(String leadUnit, int reported, int closed, int overdue, int openAtEnd) {
    }

    /**
     * The campaign's cases recorded under one plan item (null: none) found by an instant: how many, closed by then, closed
     * on time by then, and past due then without having been closed on time.
     */
    public record PlanItemCounts(String planItem, int found, int closed, int closedOnTime, int overdue) {
    }

    private final JdbcTemplate jdbc;

    CampaignCaseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every lead unit of the campaign's cases, in no particular order. */
    public List<UnitCounts> perLeadUnit(String campaignCode, Instant from, Instant until) {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        return jdbc.query("select lead_unit,"
                        + " sum(case when reported_at >= ? and reported_at < ? then 1 else 0 end) as reported,"
                        + " sum(case when closed_at >= ? and closed_at < ? then 1 else 0 end) as closed,"
                        + " sum(case when due_at >= ? and due_at < ? and (overdue = true or closed_on_time = false) then 1 else 0 end)"
                        + "   as overdue,"
                        + " sum(case when reported_at < ? and (closed_at is null or closed_at >= ?) then 1 else 0 end) as open_at_end"
                        + " from rect_case where campaign_code = ? and lead_unit is not null and status <> 'MERGED' group by lead_unit",
                (rs, n) -> new UnitCounts(rs.getString("lead_unit"), rs.getInt("reported"), rs.getInt("closed"), rs.getInt("overdue"),
                        rs.getInt("open_at_end")),
                f, u, f, u, f, u, u, u, campaignCode);
    }

    /** Every plan item the campaign's cases found by {@code asOf} recorded (what happened at {@code asOf} itself counts). */
    public List<PlanItemCounts> perPlanItem(String campaignCode, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        return jdbc.query("select plan_item, count(*) as found,"
                        + " sum(case when closed_at <= ? then 1 else 0 end) as closed,"
                        + " sum(case when closed_at <= ? and closed_on_time = true then 1 else 0 end) as closed_on_time,"
                        + " sum(case when closed_at <= ? and closed_on_time = true then 0 when due_at < ? then 1 else 0 end) as overdue"
                        + " from rect_case where campaign_code = ? and (reported_at is null or reported_at <= ?) and status <> 'MERGED'"
                        + " group by plan_item",
                (rs, n) -> new PlanItemCounts(rs.getString("plan_item"), rs.getInt("found"), rs.getInt("closed"),
                        rs.getInt("closed_on_time"), rs.getInt("overdue")),
                at, at, at, at, campaignCode, at);
    }
}

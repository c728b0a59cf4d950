package org.shirong.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A campaign's cases counted in the database instead of read one by one (a campaign may hold 100,000 of them): per lead
 * unit in a period for its reports, per plan item at an instant for its progress, one unit's for the figures its 报送 shows. A duplicate merged into another case
 * ({@link CaseStatus#MERGED}) is not counted: its problem is counted once, as that case. A reopened case's rounds before
 * ({@link KeptRound}) count as they were, each in its own period, as scoring counts them.
 */
@Repository
public class CampaignCaseCounts {

    /**
     * The cases of the campaign one unit is counted ({@link CaseHolders}: its lead unit, or the office awaiting 重新派遣) in [from, until): reported in it, closed in it (a case closed, reopened and
     * closed again in it, twice), due in it and overdue (marked red or closed late), open at its end (reported before it
     * and not closed by then, or reopened by then and not closed again).
     */
    public record UnitCounts(String leadUnit, int reported, int closed, int overdue, int openAtEnd) {
    }

    /**
     * The campaign's cases recorded under one plan item (null: none) found by an instant: how many, closed by then, closed
     * on time by then, and 超期 then ({@link CaseRecord#overdueAt}: the deadline passed without the fix handed in, not 挂账).
     */
    public record PlanItemCounts(String planItem, int found, int closed, int closedOnTime, int overdue) {
    }

    /**
     * One unit's figures on its 报送 ({@code ReportFigures}): the campaign's cases its people reported in [from, until) and
     * of them those closed; the cases it leads not closed, and of them those due before an instant. Merged and voided
     * cases count in none.
     */
    public record ReportCounts(int reported, int reportedClosed, int ledOpen, int ledLate) {
    }

    private final JdbcTemplate jdbc;
    private final CaseHolders holders;

    CampaignCaseCounts(JdbcTemplate jdbc, CaseHolders holders) {
        this.jdbc = jdbc;
        this.holders = holders;
    }

    /**
     * Every unit the campaign's cases are counted under ({@link CaseHolders#countedUnit}: the lead unit, the office while a
     * return waits for 重新派遣案件), in no particular order. A round a reopening ended ({@code rect_case_round})
     * counts in its own period, as scoring counts it: its closure and its lateness under the unit that led it then; and
     * the case counts as closed from that closure until its reopening, as open again from then.
     */
    public List<UnitCounts> perLeadUnit(String campaignCode, Instant from, Instant until) {
        List<Object> args = new ArrayList<>();
        String rows = periodRows(campaignCode, from, until, args);
        return jdbc.query("select lead_unit, sum(reported) as reported, sum(closed) as closed, sum(overdue) as overdue,"
                        + " sum(open_at_end) as open_at_end from (" + rows + ") n group by lead_unit",
                (rs, n) -> new UnitCounts(rs.getString("lead_unit"), rs.getInt("reported"), rs.getInt("closed"), rs.getInt("overdue"),
                        rs.getInt("open_at_end")),
                args.toArray());
    }

    /** A column of {@link UnitCounts}: what the 月报's 新增、结案、到期超期、期末未结 count. */
    public enum PeriodFigure {
        REPORTED("reported"), CLOSED("closed"), OVERDUE("overdue"), OPEN_AT_END("open_at_end");

        private final String column;

        PeriodFigure(String column) {
            this.column = column;
        }
    }

    /** A case, or the round of it a reopening ended ({@code roundNo}, null for the case as it stands), that a figure counts. */
    public record Counted(String caseNo, Integer roundNo) {
    }

    /**
     * The cases (and rounds) behind one of {@link #perLeadUnit}'s figures of the unit {@code unit} (null: every unit), by
     * the very rows it sums, so that the list and the number cannot differ; by case number.
     */
    public List<Counted> counted(String campaignCode, Instant from, Instant until, String unit, PeriodFigure figure) {
        List<Object> args = new ArrayList<>();
        String rows = periodRows(campaignCode, from, until, args);
        if (unit != null) {
            args.add(unit);
        }
        return jdbc.query("select case_no, round_no from (" + rows + ") n where " + figure.column + " = 1"
                        + (unit == null ? "" : " and lead_unit = ?") + " order by case_no, round_no",
                (rs, n) -> new Counted(rs.getString("case_no"), (Integer) rs.getObject("round_no")), args.toArray());
    }

    /**
     * One row per case and per round a reopening ended, with the unit it is counted under and 1 or 0 for each figure of
     * {@link UnitCounts} in [from, until); its arguments are added to {@code args}.
     */
    private String periodRows(String campaignCode, Instant from, Instant until, List<Object> args) {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        args.addAll(holders.countedUnitArgs());
        args.addAll(List.of(f, u, f, u, f, u, u, u, campaignCode, u, campaignCode, f, u, f, u, campaignCode));
        return "select c.case_no, cast(null as integer) as round_no, " + holders.countedUnit("c") + " as lead_unit,"
                + " case when c.reported_at >= ? and c.reported_at < ? then 1 else 0 end as reported,"
                + CLOSED_IN_PERIOD + OVERDUE_IN_PERIOD
                + " case when c.reported_at < ? and (coalesce(s.closed_at, c.closed_at) is null"
                + " or coalesce(s.closed_at, c.closed_at) >= ?) then 1 else 0 end as open_at_end"
                + " from rect_case c left join (select case_no, min(closed_at) as closed_at from rect_case_round"
                + " where campaign_code = ? and reopened_at >= ? group by case_no) s on s.case_no = c.case_no"
                + " where c.campaign_code = ? and c.lead_unit is not null and c.status not in ('MERGED', 'VOIDED')"
                + " union all select c.case_no, c.round_no, c.lead_unit, 0, " + CLOSED_IN_PERIOD + OVERDUE_IN_PERIOD + " 0"
                + " from rect_case_round c where c.campaign_code = ? and c.lead_unit is not null";
    }

    /**
     * Every plan item the campaign's cases found by {@code asOf} recorded (what happened at {@code asOf} itself counts),
     * each case in the round it was in then: one a reopening ended later ({@code rect_case_round}) counts with that round's
     * closure and deadline, so what a reopening changes does not reach back before it. 超期 as {@link CaseRecord#overdueAt}
     * has it: past due and not closed on time, nor handed in by its deadline (waiting for 核查 then, or closed since), nor
     * 挂账 (approved) by then.
     */
    public List<PlanItemCounts> perPlanItem(String campaignCode, Instant asOf) {
        Timestamp at = Timestamp.from(asOf);
        return jdbc.query("select plan_item, count(*) as found,"
                        + " sum(case when closed_at <= ? then 1 else 0 end) as closed,"
                        + " sum(case when closed_at <= ? and closed_on_time = true then 1 else 0 end) as closed_on_time,"
                        + " sum(case when closed_at <= ? and closed_on_time = true then 0"
                        + " when status = 'SUSPENDED' and suspended_at <= ? then 0"
                        + " when status in ('AWAITING_VERIFICATION', 'CLOSED') and submitted_at <= ? and submitted_at <= due_at then 0"
                        + " when due_at < ? then 1 else 0 end) as overdue"
                        + " from (select c.plan_item, case when s.case_no is null then c.closed_at else s.closed_at end as closed_at,"
                        + " case when s.case_no is null then c.closed_on_time else s.closed_on_time end as closed_on_time,"
                        + " case when s.case_no is null then c.due_at else s.due_at end as due_at,"
                        + " case when s.case_no is null then c.submitted_at else s.submitted_at end as submitted_at,"
                        + " case when s.case_no is null then c.status else 'CLOSED' end as status,"
                        + " case when s.case_no is null then c.suspended_at end as suspended_at"
                        + " from rect_case c left join (select r.case_no, r.closed_at, r.closed_on_time, r.due_at, r.submitted_at"
                        + " from rect_case_round r"
                        + " join (select case_no, min(round_no) as round_no from rect_case_round"
                        + " where campaign_code = ? and reopened_at > ? group by case_no) w on w.case_no = r.case_no and w.round_no = r.round_no) s on s.case_no = c.case_no"
                        + " where c.campaign_code = ? and (c.reported_at is null or c.reported_at <= ?) and c.status not in ('MERGED', 'VOIDED')) x"
                        + " group by plan_item",
                (rs, n) -> new PlanItemCounts(rs.getString("plan_item"), rs.getInt("found"), rs.getInt("closed"),
                        rs.getInt("closed_on_time"), rs.getInt("overdue")),
                at, at, at, at, at, at, campaignCode, at, campaignCode, at);
    }

    /**
     * The figures of {@link ReportCounts} for the unit {@code leadUnit}, whose people are {@code reporters}, in one aggregate
     * over the campaign's cases it reported or leads (the lead and reporting-time indexes), not its whole list; cases
     * counted as they stand now (a reopened case reported in the period is found again, not closed).
     */
    public ReportCounts ofUnitReport(String campaignCode, String leadUnit, Collection<String> reporters, Instant from,
            Instant until, Instant asOf) {
        String reported = reporters.isEmpty() ? "1 = 0"
                : "reported_by in (" + String.join(", ", Collections.nCopies(reporters.size(), "?")) + ")"
                        + " and reported_at >= ? and reported_at < ?";
        List<Object> reportedArgs = new ArrayList<>(reporters);
        if (!reporters.isEmpty()) {
            reportedArgs.addAll(List.of(Timestamp.from(from), Timestamp.from(until)));
        }
        List<Object> args = new ArrayList<>(reportedArgs);
        args.addAll(reportedArgs);
        args.addAll(List.of(leadUnit, leadUnit, Timestamp.from(asOf), campaignCode, leadUnit));
        args.addAll(reportedArgs);
        return jdbc.queryForObject("select coalesce(sum(case when " + reported + " then 1 else 0 end), 0) as reported,"
                        + " coalesce(sum(case when " + reported + " and status = 'CLOSED' then 1 else 0 end), 0) as reported_closed,"
                        + " coalesce(sum(case when lead_unit = ? and status <> 'CLOSED' then 1 else 0 end), 0) as led_open,"
                        + " coalesce(sum(case when lead_unit = ? and status <> 'CLOSED' and due_at < ? then 1 else 0 end), 0) as led_late"
                        + " from rect_case where campaign_code = ? and status not in ('MERGED', 'VOIDED')"
                        + " and (lead_unit = ? or (" + reported + "))",
                (rs, n) -> new ReportCounts(rs.getInt("reported"), rs.getInt("reported_closed"), rs.getInt("led_open"),
                        rs.getInt("led_late")),
                args.toArray());
    }

    /** Of a case or a round ({@code c}) in [from, until): closed in it. Arguments: from, until. */
    private static final String CLOSED_IN_PERIOD = " case when c.closed_at >= ? and c.closed_at < ? then 1 else 0 end as closed,";
    /** Of a case or a round ({@code c}): due in [from, until) and marked red or closed late. Arguments: from, until. */
    private static final String OVERDUE_IN_PERIOD = " case when c.due_at >= ? and c.due_at < ? and (c.overdue = true"
            + " or c.closed_on_time = false) then 1 else 0 end as overdue,";
}

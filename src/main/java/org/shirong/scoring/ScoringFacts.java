package org.shirong.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.shirong.rectification.CaseHolders;
import org.shirong.rectification.CaseParties;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the case facts scoring needs from the rectification tables ({@code rect_case}, {@code rect_case_event},
 * {@code rect_case_appeal}: a deduction whose appeal was approved does not count); never writes them.
 */
@Repository
class ScoringFacts {

    private final JdbcTemplate jdbc;
    private final CaseHolders holders;

    ScoringFacts(JdbcTemplate jdbc, CaseHolders holders) {
        this.jdbc = jdbc;
        this.holders = holders;
    }

    /**
     * The organisation's cases with a lead unit that count for [from, until) (see {@link #COUNTED}), only those the
     * campaign found when {@code campaign} is given, each as it stood at {@code until}, counted in groups of cases alike,
     * each under the unit the 驾驶舱 and the reports count it under ({@link CaseHolders#countedUnit}: the office, not the
     * unit that returned it, while a return waits for 重新派遣, jtreview-s56 T7); a round a reopening ended under the unit
     * that led it.
     */
    List<CaseFact> casesCounted(String organization, String campaign, Instant from, Instant until) {
        List<Object> where = new ArrayList<>(List.of(organization));
        where.addAll(countedArgs(from, until));
        if (campaign != null) {
            where.add(campaign);
        }
        String w = "c.tenant_id = ? and c.lead_unit is not null and " + COUNTED + (campaign == null ? "" : " and c.campaign_code = ?");
        List<CaseFact> facts = new ArrayList<>(countedAlike("rect_case", holders.countedUnit("c"), holders.countedUnitArgs(), w,
                where, until));
        facts.addAll(countedAlike("rect_case_round", "c.lead_unit", List.of(), w, where, until));
        return facts;
    }

    /**
     * Returns (回退) made in [from, until) on the organisation's cases (only the campaign's when {@code campaign} is given),
     * each charged to the unit that returned it (recorded on the RETURNED step); none of a duplicate merged into another case.
     */
    List<ReturnFact> returns(String organization, String campaign, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(List.of(organization, Timestamp.from(from), Timestamp.from(until)));
        if (campaign != null) {
            args.add(campaign);
        }
        return jdbc.query("select e.case_no, c.source, coalesce(e.unit_id, c.lead_unit) as returning_unit, case when "
                        + appealed("RETURN") + " then 1 else 0 end as appealed"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where c.tenant_id = ? and e.kind = 'RETURNED' and e.occurred_at >= ? and e.occurred_at < ?"
                        + " and c.status not in ('MERGED', 'VOIDED')"
                        + (campaign == null ? "" : " and c.campaign_code = ?"),
                (rs, n) -> new ReturnFact(rs.getString("case_no"), rs.getString("returning_unit"),
                        CaseSource.valueOf(rs.getString("source")), rs.getInt("appealed") == 1),
                args.toArray());
    }

    /**
     * Reopenings (重新打开) made in [from, until) on the organisation's cases (only the campaign's when {@code campaign} is
     * given), each charged to the lead unit the case went back to (recorded on the REOPENED step), appealed or not; none of
     * a case merged since into another.
     */
    List<ReopenFact> reopens(String organization, String campaign, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(List.of(organization, Timestamp.from(from), Timestamp.from(until)));
        if (campaign != null) {
            args.add(campaign);
        }
        return jdbc.query("select e.case_no, c.source, coalesce(e.unit_id, c.lead_unit) as unit, case when "
                        + appealed("REOPEN") + " then 1 else 0 end as appealed"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where c.tenant_id = ? and e.kind = 'REOPENED' and e.occurred_at >= ? and e.occurred_at < ?"
                        + " and c.status not in ('MERGED', 'VOIDED')"
                        + (campaign == null ? "" : " and c.campaign_code = ?"),
                (rs, n) -> new ReopenFact(rs.getString("case_no"), rs.getString("unit"), CaseSource.valueOf(rs.getString("source")),
                        rs.getInt("appealed") == 1),
                args.toArray());
    }

    /**
     * The cases counted for [from, until) that lie in one of the district's towns and streets: the district's cases with
     * that 属地, and each town's own cases; the town or street stands in the lead unit's place.
     */
    List<CaseFact> casesCountedByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        List<Object> where = new ArrayList<>(countedArgs(from, until));
        where.add(district);
        where.addAll(territories);
        where.addAll(territories);
        return countedAlike(PLACE, List.of(district), COUNTED + " and c.lead_unit is not null and " + inPlaces(territories), where,
                until);
    }

    /**
     * As {@link #casesCountedByTerritory(String, List, Instant, Instant)}, of the district campaign's cases only, and of
     * those the cases each town or street leads itself: its self-inspection cases counted for the campaign (its 全面自查自纠
     * and 上报问题). A district department's case with the town as 属地 (a point problem: 区级部门牵头、属地街镇配合, plan
     * 二（一）) is graded on the department, not copied onto the town (sjreview-s54 D3); the town's part in it is its 协办,
     * ranked with the cooperation. A town's cases of its own campaigns are no cases of the district's campaign.
     */
    List<CaseFact> casesCountedByTerritory(String district, List<String> territories, String campaign, Instant from, Instant until) {
        if (campaign == null) {
            return casesCountedByTerritory(district, territories, from, until);
        }
        if (territories.isEmpty()) {
            return List.of();
        }
        List<Object> where = new ArrayList<>(countedArgs(from, until));
        where.add(campaign);
        where.addAll(territories);
        return countedAlike(PLACE, List.of(district), COUNTED + " and c.lead_unit is not null and " + inCampaignPlaces(territories),
                where, until);
    }

    /** Returns made in [from, until) on the cases {@link #casesCountedByTerritory} counts, charged to the town or street. */
    List<ReturnFact> returnsByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select e.case_no, c.source, " + PLACE + " as place, case when " + appealed("RETURN")
                        + " then 1 else 0 end as appealed"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where e.kind = 'RETURNED' and e.occurred_at >= ? and e.occurred_at < ? and c.status not in ('MERGED', 'VOIDED') and "
                        + inPlaces(territories),
                (rs, n) -> new ReturnFact(rs.getString("case_no"), rs.getString("place"), CaseSource.valueOf(rs.getString("source")),
                        rs.getInt("appealed") == 1),
                placeArgs(district, territories, from, until));
    }

    /** Reopenings made in [from, until) on the cases {@link #casesCountedByTerritory} counts, charged to the town or street. */
    List<ReopenFact> reopensByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select e.case_no, c.source, " + PLACE + " as place, case when " + appealed("REOPEN")
                        + " then 1 else 0 end as appealed"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where e.kind = 'REOPENED' and e.occurred_at >= ? and e.occurred_at < ? and c.status not in ('MERGED', 'VOIDED') and "
                        + inPlaces(territories),
                (rs, n) -> new ReopenFact(rs.getString("case_no"), rs.getString("place"), CaseSource.valueOf(rs.getString("source")),
                        rs.getInt("appealed") == 1),
                placeArgs(district, territories, from, until));
    }

    /**
     * Returns or reopenings ({@code kind}: RETURNED, REOPENED) made in [from, until) on the district campaign's cases a
     * town or street leads itself (as {@link #casesCountedByTerritory(String, List, String, Instant, Instant)}), each as {@code fact} makes it of the case number, its source, the place and whether the
     * step was appealed.
     */
    <T> List<T> stepsByTerritory(String kind, String district, List<String> territories, String campaign, Instant from, Instant until,
            StepFact<T> fact) {
        if (territories.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(district, Timestamp.from(from), Timestamp.from(until), campaign));
        args.addAll(territories);
        return jdbc.query("select e.case_no, c.source, " + PLACE + " as place, case when " + appealed("RETURNED".equals(kind)
                        ? "RETURN" : "REOPEN") + " then 1 else 0 end as appealed"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where e.kind = '" + ("RETURNED".equals(kind) ? "RETURNED" : "REOPENED") + "' and e.occurred_at >= ?"
                        + " and e.occurred_at < ? and c.status not in ('MERGED', 'VOIDED') and " + inCampaignPlaces(territories),
                (rs, n) -> fact.of(rs.getString("case_no"), rs.getString("place"), CaseSource.valueOf(rs.getString("source")),
                        rs.getInt("appealed") == 1),
                args.toArray());
    }

    /** A {@link ReturnFact} or {@link ReopenFact} of a row. */
    interface StepFact<T> {
        T of(String caseNo, String place, CaseSource source, boolean appealed);
    }

    /** The town or street a case lies in: its 属地 for a district case, else its own organisation (alias c). */
    private static final String PLACE = "case when c.tenant_id = ? then c.territory else c.tenant_id end";
    /**
     * The period rule of {@code config/scoring.yaml}: a case counts for the period of the earlier of its closing and its
     * due instant, and, once overdue, for every later period at whose end it is still not closed (超期未结, until it is
     * closed). So a case due in the period counts whether closed or not (unless it was closed in an earlier one), a case
     * closed in the period counts even if it is due later (closed on time), and a case due before the period and closed
     * only after its end (or not yet) counts again, as not closed and overdue (a 挂账 case, its deadline suspended, is not
     * carried on; nor is a case whose 超期 of that deadline the office excused on appeal, {@code ao} of
     * {@link #OVERDUE_APPEAL}, which every query of it joins: it counts in its due period as handled on time, as the appeal
     * makes it, and no more, diffreview-s55 R3). The carried part is written as two branches on {@code closed_at} (null, or at or after the end) so that
     * each is an index range of {@code idx_rect_case_closed}, as the other two are of it and {@code idx_rect_case_due}.
     * A duplicate merged into another case never counts: its problem counts once, as that case. Arguments:
     * {@link #countedArgs}.
     */
    private static final String COUNTED = "c.status not in ('MERGED', 'VOIDED') and (((c.closed_at is null or c.closed_at >= c.due_at)"
            + " and c.due_at >= ? and c.due_at < ?) or (c.closed_at < c.due_at and c.closed_at >= ? and c.closed_at < ?)"
            + " or (c.closed_at is null and c.due_at < ? and c.status <> 'SUSPENDED' and ao.case_no is null)"
            + " or (c.closed_at >= ? and c.due_at < ? and ao.case_no is null))";

    /** The arguments of {@link #COUNTED} for the period [from, until). */
    private static List<Object> countedArgs(Instant from, Instant until) {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        return List.of(f, u, f, u, f, u, f);
    }
    /**
     * Each case of {@code rect_case c} as it stood at {@code until} (the argument of every ?): what was handed in or closed
     * later had not happened yet, so a period scored after its end shows a case closed only afterwards as not closed (late)
     * in it: still being rectified, or awaiting verification if it was handed in by then.
     */
    private static final String AS_IT_STOOD = "case when c.status = 'CLOSED' and c.closed_at >= ?"
            + " then case when c.submitted_at < ? then 'AWAITING_VERIFICATION' else 'IN_RECTIFICATION' end else c.status end as status,"
            + " case when ao.case_no is not null or c.submitted_at < ? and c.submitted_at <= c.due_at then 1 else 0 end as handled_on_time,"
            + " case when c.status = 'CLOSED' and c.closed_at >= ? then null when ao.case_no is not null and c.status = 'CLOSED' then true"
            + " else c.closed_on_time end as closed_on_time,"
            + " case when c.overdue and ao.case_no is null then 1 else 0 end as overdue,"
            + " greatest(coalesce(c.rework_count, 0) - c.reworks_before_reopen - coalesce(ar.covered_reworks, 0), 0) as rework_count,"
            + " case when ao.case_no is null then 0 else 1 end + case when ar.case_no is null then 0 else 1 end as appealed";
    /**
     * The approved appeals (考核申诉) of {@code rect_case c} made by the unit it counts for: {@code ao} of its 超期, which
     * counts the case as handled and closed on time and not overdue while the deadline appealed is still the case's (a
     * later deadline, after an extension, is not covered), and {@code ar} of its 返工, which removes the reworks of the
     * round the approved ones cover (later ones count). The case's own record stays as it was. Each is one row at most: a
     * case's 超期 is appealed again only for another deadline, and {@code ar} adds up what its 返工 appeals cover.
     */
    private static final String OVERDUE_APPEAL = " left join rect_case_appeal ao on ao.case_no = c.case_no"
            + " and ao.deduction = 'OVERDUE' and ao.approved = true and ao.unit_id = c.lead_unit and ao.covered_due_at = c.due_at";
    private static final String APPEALS = OVERDUE_APPEAL
            + " left join (select a.case_no, a.unit_id, sum(" + reworksCovered("k") + ") as covered_reworks"
            + " from rect_case_appeal a join rect_case k on k.case_no = a.case_no"
            + " where a.deduction = 'REWORK' and a.approved = true group by a.case_no, a.unit_id) ar"
            + " on ar.case_no = c.case_no and ar.unit_id = c.lead_unit";
    /** As {@link #APPEALS}, of a round a reopening ended ({@code rect_case_round c}): only 返工 appeals filed before it ended. */
    private static final String ROUND_APPEALS = OVERDUE_APPEAL
            + " left join (select r.case_no, r.round_no, a.unit_id, sum(" + reworksCovered("r") + ") as covered_reworks"
            + " from rect_case_appeal a join rect_case_round r on r.case_no = a.case_no and a.requested_at < r.reopened_at"
            + " where a.deduction = 'REWORK' and a.approved = true group by r.case_no, r.round_no, a.unit_id) ar"
            + " on ar.case_no = c.case_no and ar.round_no = c.round_no and ar.unit_id = c.lead_unit";

    /**
     * How many of the reworks of {@code round} (the case or a round of it: those after its {@code reworks_before_reopen})
     * the approved 返工 appeal {@code a} covers: those since the case's previous 返工 appeal of the unit, approved or
     * rejected, up to the count it was filed at. A rejected appeal decided its reworks already: a later appeal, filed for
     * new ones, does not undo the rejection.
     */
    private static String reworksCovered(String round) {
        return "greatest(a.covered_reworks - greatest(" + round + ".reworks_before_reopen, coalesce((select max(p.covered_reworks)"
                + " from rect_case_appeal p where p.case_no = a.case_no and p.deduction = 'REWORK' and p.unit_id = a.unit_id"
                + " and p.seq < a.seq), 0)), 0)";
    }

    /**
     * Whether the step {@code e} of {@code rect_case c}, a return or a reopening, was appealed as {@code deduction} by the
     * unit it is charged to, the appeal approved, and the step made before the appeal was filed (an appeal does not
     * cover returns or reopenings to come) and after any earlier appeal of it that was rejected (the office decided that
     * step already: a later appeal, filed for a new step, does not undo the rejection).
     */
    private static String appealed(String deduction) {
        return "exists (select 1 from rect_case_appeal a where a.case_no = e.case_no and a.deduction = '" + deduction + "'"
                + " and a.approved = true and a.unit_id = coalesce(e.unit_id, c.lead_unit) and e.occurred_at <= a.requested_at"
                + " and not exists (select 1 from rect_case_appeal r where r.case_no = a.case_no and r.deduction = a.deduction"
                + " and r.unit_id = a.unit_id and r.approved = false and e.occurred_at <= r.requested_at"
                + " and r.requested_at < a.requested_at))";
    }

    /**
     * The cases of {@code rect_case c}, and the rounds a reopening ended ({@code rect_case_round}, each counted as the case
     * was then), that pass {@code where}, as they stood at {@code until}, ranked under the unit
     * {@code unit} gives, counted in the database in groups of cases alike in everything scoring looks at (so the
     * cases are never read one by one).
     */
    private List<CaseFact> countedAlike(String unit, List<Object> unitArgs, String where, List<Object> whereArgs, Instant until) {
        List<CaseFact> facts = new ArrayList<>(countedAlike("rect_case", unit, unitArgs, where, whereArgs, until));
        facts.addAll(countedAlike("rect_case_round", unit, unitArgs, where, whereArgs, until));
        return facts;
    }

    /** As {@link #countedAlike(String, List, String, List, Instant)}, of the cases' current rounds or of their rounds before a reopening. */
    private List<CaseFact> countedAlike(String table, String unit, List<Object> unitArgs, String where, List<Object> whereArgs,
            Instant until) {
        List<Object> args = new ArrayList<>();
        String rows = countedRows(table, unit, unitArgs, where, whereArgs, until, args);
        return jdbc.query("select unit, source, urgency, status, handled_on_time, closed_on_time, overdue, rework_count, appealed,"
                        + " count(*) as alike from (" + rows + ") f"
                        + " group by unit, source, urgency, status, handled_on_time, closed_on_time, overdue, rework_count, appealed",
                (rs, n) -> fact(rs, null, rs.getInt("alike")), args.toArray());
    }

    /** A case counted for a period, one by one: its fact and, for a round a reopening ended, the round's number. */
    record NumberedFact(CaseFact fact, Integer roundNo) {
    }

    /**
     * As {@link #casesCounted}, one fact per case and per round a reopening ended, with its number, from the very rows
     * {@link #casesCounted} groups: the cases behind a unit's 应结案、结案、超期 (jtreview-s59 T12).
     */
    List<NumberedFact> casesCountedOneByOne(String organization, String campaign, Instant from, Instant until) {
        List<Object> where = new ArrayList<>(List.of(organization));
        where.addAll(countedArgs(from, until));
        if (campaign != null) {
            where.add(campaign);
        }
        String w = "c.tenant_id = ? and c.lead_unit is not null and " + COUNTED + (campaign == null ? "" : " and c.campaign_code = ?");
        List<NumberedFact> facts = new ArrayList<>();
        for (String table : List.of("rect_case", "rect_case_round")) {
            List<Object> args = new ArrayList<>();
            boolean round = "rect_case_round".equals(table);
            String rows = countedRows(table, round ? "c.lead_unit" : holders.countedUnit("c"),
                    round ? List.of() : holders.countedUnitArgs(), w, where, until, args);
            facts.addAll(jdbc.query("select * from (" + rows + ") f order by case_no, round_no",
                    (rs, n) -> new NumberedFact(fact(rs, rs.getString("case_no"), 1), (Integer) rs.getObject("round_no")),
                    args.toArray()));
        }
        return facts;
    }

    /** One row per case (or round) of {@code table} counted, as it stood; its arguments are added to {@code args}. */
    private static String countedRows(String table, String unit, List<Object> unitArgs, String where, List<Object> whereArgs,
            Instant until, List<Object> args) {
        boolean round = "rect_case_round".equals(table);
        args.addAll(unitArgs);
        args.addAll(Collections.nCopies(4, Timestamp.from(until)));
        args.addAll(whereArgs);
        return "select " + unit + " as unit, c.case_no, " + (round ? "c.round_no" : "cast(null as integer)") + " as round_no,"
                + " c.source, c.urgency, " + AS_IT_STOOD + " from " + table + " c" + (round ? ROUND_APPEALS : APPEALS)
                + " where " + where;
    }

    private static CaseFact fact(java.sql.ResultSet rs, String caseNo, int alike) throws java.sql.SQLException {
        return new CaseFact(caseNo, rs.getString("unit"), CaseSource.valueOf(rs.getString("source")),
                Urgency.valueOf(rs.getString("urgency")), CaseStatus.valueOf(rs.getString("status")),
                rs.getInt("handled_on_time") == 1, (Boolean) rs.getObject("closed_on_time"), rs.getInt("overdue") == 1,
                rs.getInt("rework_count"), rs.getInt("appealed"), alike);
    }

    /**
     * A district case in one of the places, or a place's own case (alias c); not a district case its 属地 town answered
     * 非本镇属地 on, until the 属地 is corrected ({@link CaseParties#TERRITORY_DISPUTED}).
     */
    private static String inPlaces(List<String> places) {
        String marks = String.join(", ", Collections.nCopies(places.size(), "?"));
        return "((c.tenant_id = ? and c.territory in (" + marks + ") and not " + CaseParties.TERRITORY_DISPUTED + ")"
                + " or c.tenant_id in (" + marks + "))";
    }

    /**
     * The district campaign's cases that one of the places leads itself (a case of the town's own organisation counted for
     * the campaign); arguments: the campaign, the places.
     */
    private static String inCampaignPlaces(List<String> places) {
        return "(c.campaign_code = ? and c.tenant_id in (" + String.join(", ", Collections.nCopies(places.size(), "?")) + "))";
    }

    /** The arguments of {@link #PLACE}, the period and {@link #inPlaces}, in that order. */
    private static Object[] placeArgs(String district, List<String> places, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(List.of(district, Timestamp.from(from), Timestamp.from(until), district));
        args.addAll(places);
        args.addAll(places);
        return args.toArray();
    }
}

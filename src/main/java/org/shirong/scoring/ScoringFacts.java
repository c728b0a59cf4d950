package org.shirong.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.RectificationCases;
import org.shirong.rectification.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads the case facts scoring needs from the rectification tables ({@code rect_case}, {@code rect_case_event}); never writes them. */
@Repository
class ScoringFacts {

    private final JdbcTemplate jdbc;
    private final RectificationCases cases;

    ScoringFacts(JdbcTemplate jdbc, RectificationCases cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /**
     * The organisation's cases with a lead unit that count for [from, until) (see {@link #COUNTED}), each as it stood
     * at {@code until}.
     */
    List<CaseFact> casesCounted(String organization, Instant from, Instant until) {
        return jdbc.query("select case_no, lead_unit as unit, " + FACT_COLUMNS
                        + " from rect_case where tenant_id = ? and lead_unit is not null and " + COUNTED,
                caseFact(until), organization, Timestamp.from(from), Timestamp.from(until), Timestamp.from(from),
                Timestamp.from(until));
    }

    /** The case numbers of the campaign's cases (its members), for a campaign's scores. */
    Set<String> casesOfCampaign(String campaign) {
        return Set.copyOf(cases.caseNumbersOfCampaign(campaign));
    }

    /** Returns (回退) made in [from, until), each charged to the unit that returned it (recorded on the RETURNED step). */
    List<ReturnFact> returns(String organization, Instant from, Instant until) {
        return jdbc.query("select e.case_no, c.source, coalesce(e.unit_id, c.lead_unit) as returning_unit"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where c.tenant_id = ? and e.kind = 'RETURNED' and e.occurred_at >= ? and e.occurred_at < ?",
                (rs, n) -> new ReturnFact(rs.getString("case_no"), rs.getString("returning_unit"),
                        CaseSource.valueOf(rs.getString("source"))),
                organization, Timestamp.from(from), Timestamp.from(until));
    }

    /**
     * The cases counted for [from, until) that lie in one of the district's towns and streets: the district's cases with
     * that 属地, and each town's own cases; the town or street stands in the lead unit's place.
     */
    List<CaseFact> casesCountedByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(district, Timestamp.from(from), Timestamp.from(until), Timestamp.from(from),
                Timestamp.from(until), district));
        args.addAll(territories);
        args.addAll(territories);
        return jdbc.query("select c.case_no, " + PLACE + " as unit, " + FACT_COLUMNS + " from rect_case c"
                        + " where " + COUNTED + " and c.lead_unit is not null and " + inPlaces(territories),
                caseFact(until), args.toArray());
    }

    /** Returns made in [from, until) on the cases {@link #casesCountedByTerritory} counts, charged to the town or street. */
    List<ReturnFact> returnsByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select e.case_no, c.source, " + PLACE + " as place"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where e.kind = 'RETURNED' and e.occurred_at >= ? and e.occurred_at < ? and " + inPlaces(territories),
                (rs, n) -> new ReturnFact(rs.getString("case_no"), rs.getString("place"), CaseSource.valueOf(rs.getString("source"))),
                placeArgs(district, territories, from, until));
    }

    /** The town or street a case lies in: its 属地 for a district case, else its own organisation (alias c). */
    private static final String PLACE = "case when c.tenant_id = ? then c.territory else c.tenant_id end";
    private static final String FACT_COLUMNS = "source, urgency, status, due_at, submitted_at, closed_at, closed_on_time,"
            + " overdue, rework_count";
    /**
     * The period rule of {@code config/scoring.yaml}: a case counts once, for the period of the earlier of its closing and
     * its due instant. So a case due in the period counts whether closed or not (unless it was closed in an earlier
     * one), and a case closed in the period counts even if it is due later (closed on time). Arguments: from, until,
     * from, until.
     */
    private static final String COUNTED = "(((closed_at is null or closed_at >= due_at) and due_at >= ? and due_at < ?)"
            + " or (closed_at < due_at and closed_at >= ? and closed_at < ?))";

    /** A district case in one of the places, or a place's own case (alias c). */
    private static String inPlaces(List<String> places) {
        String marks = String.join(", ", Collections.nCopies(places.size(), "?"));
        return "((c.tenant_id = ? and c.territory in (" + marks + ")) or c.tenant_id in (" + marks + "))";
    }

    /** The arguments of {@link #PLACE}, the period and {@link #inPlaces}, in that order. */
    private static Object[] placeArgs(String district, List<String> places, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(List.of(district, Timestamp.from(from), Timestamp.from(until), district));
        args.addAll(places);
        args.addAll(places);
        return args.toArray();
    }

    /**
     * A case fact whose ranked unit is the column {@code unit} (the lead unit, or the town or street), as it stood at
     * {@code until}: what was handed in or closed later had not happened yet, so a period scored after its end shows a
     * case closed only afterwards as not closed (late) in it.
     */
    private static RowMapper<CaseFact> caseFact(Instant until) {
        return (rs, row) -> {
            Instant submitted = instant(rs, "submitted_at");
            Instant closed = instant(rs, "closed_at");
            CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
            Boolean closedOnTime = (Boolean) rs.getObject("closed_on_time");
            if (submitted != null && !submitted.isBefore(until)) {
                submitted = null;
            }
            if (status == CaseStatus.CLOSED && closed != null && !closed.isBefore(until)) {
                status = submitted == null ? CaseStatus.IN_RECTIFICATION : CaseStatus.AWAITING_VERIFICATION;
                closedOnTime = null;
            }
            return new CaseFact(rs.getString("case_no"), rs.getString("unit"), CaseSource.valueOf(rs.getString("source")),
                    Urgency.valueOf(rs.getString("urgency")), status, instant(rs, "due_at"), submitted, closedOnTime,
                    rs.getBoolean("overdue"), rs.getInt("rework_count"));
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

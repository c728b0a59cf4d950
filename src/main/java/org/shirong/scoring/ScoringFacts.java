package org.shirong.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the case facts scoring needs from the rectification tables ({@code rect_case}, {@code rect_case_event}); never writes them. */
@Repository
class ScoringFacts {

    private final JdbcTemplate jdbc;

    ScoringFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's cases with a lead unit whose due instant lies in [from, until). */
    List<CaseFact> casesDue(String organization, Instant from, Instant until) {
        return jdbc.query("select case_no, lead_unit as unit, " + FACT_COLUMNS
                        + " from rect_case where tenant_id = ? and due_at >= ? and due_at < ? and lead_unit is not null",
                ScoringFacts::caseFact, organization, Timestamp.from(from), Timestamp.from(until));
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
     * The cases due in [from, until) that lie in one of the district's towns and streets: the district's cases with
     * that 属地, and each town's own cases; the town or street stands in the lead unit's place.
     */
    List<CaseFact> casesDueByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select c.case_no, " + PLACE + " as unit, " + FACT_COLUMNS + " from rect_case c"
                        + " where c.due_at >= ? and c.due_at < ? and c.lead_unit is not null and " + inPlaces(territories),
                ScoringFacts::caseFact, placeArgs(district, territories, from, until));
    }

    /** Returns made in [from, until) on the cases {@link #casesDueByTerritory} counts, charged to the town or street. */
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
    private static final String FACT_COLUMNS = "source, urgency, status, due_at, submitted_at, closed_on_time, overdue, rework_count";

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

    /** A case fact whose ranked unit is the column {@code unit} (the lead unit, or the town or street). */
    private static CaseFact caseFact(ResultSet rs, int row) throws SQLException {
        return new CaseFact(rs.getString("case_no"), rs.getString("unit"), CaseSource.valueOf(rs.getString("source")),
                Urgency.valueOf(rs.getString("urgency")), CaseStatus.valueOf(rs.getString("status")), instant(rs, "due_at"),
                instant(rs, "submitted_at"), (Boolean) rs.getObject("closed_on_time"), rs.getBoolean("overdue"),
                rs.getInt("rework_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

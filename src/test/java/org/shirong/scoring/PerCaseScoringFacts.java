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

/**
 * The reference the aggregated {@link ScoringFacts} is compared with: the case facts read one case at a time and each
 * turned into how it stood at the end of the counted time in Java, as scoring read them before the counting moved into
 * the database (issue 13, W5); a campaign's cases and returns are those whose numbers the campaign found.
 */
final class PerCaseScoringFacts extends ScoringFacts {

    private static final String FACT_COLUMNS = "source, urgency, status, due_at, submitted_at, closed_at, closed_on_time,"
            + " overdue, rework_count";
    /**
     * Due in the period, closed early in it, or overdue before it and not closed by its end (not 挂账, and its 超期 not
     * excused on appeal): from, until ×3, from. Of {@code rect_case c}.
     */
    private static final String EXCUSED = "exists (select 1 from rect_case_appeal a where a.case_no = c.case_no"
            + " and a.deduction = 'OVERDUE' and a.approved = true and a.unit_id = c.lead_unit and a.covered_due_at = c.due_at)";
    private static final String COUNTED = "status not in ('MERGED', 'VOIDED') and (((closed_at is null or closed_at >= due_at)"
            + " and due_at >= ? and due_at < ?) or (closed_at < due_at and closed_at >= ? and closed_at < ?)"
            + " or (closed_at is null and status <> 'SUSPENDED' and due_at < ? and not " + EXCUSED + ")"
            + " or (closed_at >= ? and due_at < ? and not " + EXCUSED + "))";
    private static final String PLACE = "case when c.tenant_id = ? then c.territory else c.tenant_id end";

    private final JdbcTemplate jdbc;
    private final RectificationCases cases;
    private final org.shirong.rectification.CaseHolders holders;

    PerCaseScoringFacts(JdbcTemplate jdbc, RectificationCases cases, org.shirong.rectification.CaseHolders holders) {
        super(jdbc, holders);
        this.holders = holders;
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** The campaign's cases among the organisation's, filtered by the case numbers the campaign found, as before. */
    @Override
    List<CaseFact> casesCounted(String organization, String campaign, Instant from, Instant until) {
        Set<String> members = campaign == null ? null : Set.copyOf(cases.caseNumbersOfCampaign(campaign));
        return casesCounted(organization, from, until).stream().filter(c -> members == null || members.contains(c.caseNo())).toList();
    }

    @Override
    List<ReturnFact> returns(String organization, String campaign, Instant from, Instant until) {
        Set<String> members = campaign == null ? null : Set.copyOf(cases.caseNumbersOfCampaign(campaign));
        return super.returns(organization, null, from, until).stream().filter(r -> members == null || members.contains(r.caseNo()))
                .toList();
    }

    private List<CaseFact> casesCounted(String organization, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(holders.countedUnitArgs());
        args.addAll(List.of(organization, Timestamp.from(from), Timestamp.from(until), Timestamp.from(from),
                Timestamp.from(until), Timestamp.from(from), Timestamp.from(until), Timestamp.from(from)));
        return jdbc.query("select case_no, " + holders.countedUnit("c") + " as unit, " + FACT_COLUMNS
                        + " from rect_case c where tenant_id = ? and lead_unit is not null and " + COUNTED,
                caseFact(until), args.toArray());
    }

    @Override
    List<CaseFact> casesCountedByTerritory(String district, List<String> territories, Instant from, Instant until) {
        if (territories.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(district, Timestamp.from(from), Timestamp.from(until), Timestamp.from(from),
                Timestamp.from(until), Timestamp.from(from), Timestamp.from(until), Timestamp.from(from), district));
        args.addAll(territories);
        args.addAll(territories);
        String marks = String.join(", ", Collections.nCopies(territories.size(), "?"));
        return jdbc.query("select c.case_no, " + PLACE + " as unit, " + FACT_COLUMNS + " from rect_case c"
                        + " where " + COUNTED + " and c.lead_unit is not null and ((c.tenant_id = ? and c.territory in (" + marks
                        + ") and not " + org.shirong.rectification.CaseParties.TERRITORY_DISPUTED + ") or c.tenant_id in (" + marks + "))",
                caseFact(until), args.toArray());
    }

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

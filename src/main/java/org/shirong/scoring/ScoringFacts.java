package org.shirong.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the case facts scoring needs from the rectification tables ({@code rect_case}, {@code rect_case_event}); never writes them. */
@Repository
class ScoringFacts {

    /**
     * The unit a case was (re)dispatched to, as {@code RectificationCases#dispatched} writes it on the
     * DISPATCHED/REDISPATCHED event ("牵头单位 huanwei，…"). A return is charged to the unit that made it,
     * which is the lead unit of the last dispatch before it, not the unit the case went to afterwards.
     */
    private static final Pattern DISPATCHED_TO = Pattern.compile("牵头单位 ([A-Za-z0-9]+)");

    private final JdbcTemplate jdbc;

    ScoringFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases with a lead unit whose due instant lies in [from, until). */
    List<CaseFact> casesDue(Instant from, Instant until) {
        return jdbc.query("select case_no, lead_unit, source, urgency, status, due_at, submitted_at, closed_on_time, overdue,"
                        + " rework_count from rect_case where due_at >= ? and due_at < ? and lead_unit is not null",
                (rs, n) -> new CaseFact(rs.getString("case_no"), rs.getString("lead_unit"),
                        CaseSource.valueOf(rs.getString("source")), Urgency.valueOf(rs.getString("urgency")),
                        CaseStatus.valueOf(rs.getString("status")), instant(rs, "due_at"), instant(rs, "submitted_at"),
                        (Boolean) rs.getObject("closed_on_time"), rs.getBoolean("overdue"), rs.getInt("rework_count")),
                Timestamp.from(from), Timestamp.from(until));
    }

    /** Returns (回退) made in [from, until), each charged to the unit that returned the case. */
    List<ReturnFact> returns(Instant from, Instant until) {
        return jdbc.query("select e.case_no, c.source, c.lead_unit,"
                        + " (select d.detail from rect_case_event d where d.case_no = e.case_no"
                        + "  and d.kind in ('DISPATCHED', 'REDISPATCHED') and d.id < e.id order by d.id desc limit 1) as dispatch_detail"
                        + " from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where e.kind = 'RETURNED' and e.occurred_at >= ? and e.occurred_at < ?",
                (rs, n) -> new ReturnFact(rs.getString("case_no"),
                        returningUnit(rs.getString("dispatch_detail"), rs.getString("lead_unit")),
                        CaseSource.valueOf(rs.getString("source"))),
                Timestamp.from(from), Timestamp.from(until));
    }

    static String returningUnit(String dispatchDetail, String currentLeadUnit) {
        Matcher m = dispatchDetail == null ? null : DISPATCHED_TO.matcher(dispatchDetail);
        return m != null && m.find() ? m.group(1) : currentLeadUnit;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

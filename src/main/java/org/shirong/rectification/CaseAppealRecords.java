package org.shirong.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The appeals of cases ({@code rect_case_appeal}), through the engine's DataSource and transaction. */
@Repository
class CaseAppealRecords {

    /**
     * One appeal: {@code approved} null while it waits for the office; {@code unitId} the lead unit that made it, the
     * unit whose deduction an approval removes.
     */
    record Appeal(String caseNo, Deduction deduction, String unitId, String reason, String requestedBy, Instant requestedAt,
            Boolean approved, String decidedBy, Instant decidedAt, String opinion, String processInstanceId,
            Instant coveredDueAt, Integer coveredReworks, Instant reviewDueAt) {

        boolean pending() {
            return approved == null;
        }

        String statusName() {
            return pending() ? "待审核" : approved ? "已核准" : "已驳回";
        }
    }

    private final JdbcTemplate jdbc;

    CaseAppealRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new appeal, covering what the case has now: a 超期 appeal its deadline {@code dueAt} (an appeal does not cover a
     * later deadline missed), a 返工 appeal its reworks since its previous 返工 appeal up to {@code reworks}, those so far; a
     * 回退 or 重新打开 appeal covers the returns or reopenings before {@code at} (after a rejected one, only those since).
     * {@code reviewDueAt}: by when the office is to decide it, before the scores that count it are saved.
     */
    void add(String caseNo, Deduction deduction, String unitId, String reason, String requestedBy, Instant at, Instant dueAt,
            int reworks, Instant reviewDueAt) {
        jdbc.update("insert into rect_case_appeal (case_no, deduction, unit_id, reason, requested_by, requested_at,"
                        + " covered_due_at, covered_reworks, review_due_at, seq) select ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(max(seq), 0) + 1"
                        + " from rect_case_appeal where case_no = ? and deduction = ?", caseNo, deduction.name(), unitId, reason,
                requestedBy, Timestamp.from(at), deduction == Deduction.OVERDUE && dueAt != null ? Timestamp.from(dueAt) : null,
                deduction == Deduction.REWORK ? reworks : null, Timestamp.from(reviewDueAt), caseNo, deduction.name());
    }

    /** Removes a pending appeal whose review is gone (its instance deleted in Cockpit), so that it may be filed again. */
    void withdraw(String caseNo, Deduction deduction) {
        jdbc.update("delete from rect_case_appeal where case_no = ? and deduction = ? and approved is null", caseNo,
                deduction.name());
    }

    void started(String caseNo, Deduction deduction, String processInstanceId) {
        jdbc.update("update rect_case_appeal set process_instance_id = ? where case_no = ? and deduction = ? and approved is null",
                processInstanceId, caseNo, deduction.name());
    }

    /** Records the decision of a pending appeal; false when there was none pending. */
    boolean decide(String caseNo, Deduction deduction, boolean approved, String decidedBy, Instant at, String opinion) {
        return jdbc.update("update rect_case_appeal set approved = ?, decided_by = ?, decided_at = ?, opinion = ?"
                + " where case_no = ? and deduction = ? and approved is null", approved, decidedBy, Timestamp.from(at), opinion,
                caseNo, deduction.name()) == 1;
    }

    /** The latest appeal of the case's {@code deduction} (the only one that may be pending). */
    Optional<Appeal> find(String caseNo, Deduction deduction) {
        return jdbc.query(SELECT + " where case_no = ? and deduction = ? order by seq desc", CaseAppealRecords::map, caseNo,
                deduction.name()).stream().findFirst();
    }

    List<Appeal> of(String caseNo) {
        return jdbc.query(SELECT + " where case_no = ? order by requested_at, deduction, seq", CaseAppealRecords::map, caseNo);
    }

    /** Each case's appeals as the ledger shows them, 超期 已核准；返工 待审核, for the cases appealed. */
    Map<String, String> shown(List<String> caseNos) {
        Map<String, String> shown = new HashMap<>();
        if (caseNos.isEmpty()) {
            return shown;
        }
        jdbc.query(SELECT + " where case_no in (" + String.join(", ", Collections.nCopies(caseNos.size(), "?"))
                + ") order by case_no, requested_at, deduction, seq", rs -> {
                    Appeal a = map(rs, 0);
                    shown.merge(a.caseNo(), a.deduction().label() + " " + a.statusName(), (x, y) -> x + "；" + y);
                }, caseNos.toArray());
        return shown;
    }

    /**
     * When the case's steps of {@code kind} charged to {@code unit} in the scoring happened: its returns (回退) made by the
     * unit, or its reopenings (重新打开) that sent it back to the unit.
     */
    List<Instant> chargedTo(String caseNo, CaseEventKind kind, String unit) {
        return jdbc.query("select e.occurred_at from rect_case_event e join rect_case c on c.case_no = e.case_no"
                        + " where e.case_no = ? and e.kind = ? and coalesce(e.unit_id, c.lead_unit) = ? order by e.occurred_at",
                (rs, n) -> rs.getTimestamp(1).toInstant(), caseNo, kind.name(), unit);
    }

    private static final String SELECT = "select case_no, deduction, unit_id, reason, requested_by, requested_at, approved,"
            + " decided_by, decided_at, opinion, process_instance_id, covered_due_at, covered_reworks, review_due_at from rect_case_appeal";

    private static Appeal map(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Appeal(rs.getString("case_no"), Deduction.valueOf(rs.getString("deduction")), rs.getString("unit_id"),
                rs.getString("reason"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                (Boolean) rs.getObject("approved"), rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("opinion"), rs.getString("process_instance_id"), instant(rs.getTimestamp("covered_due_at")),
                (Integer) rs.getObject("covered_reworks"), instant(rs.getTimestamp("review_due_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

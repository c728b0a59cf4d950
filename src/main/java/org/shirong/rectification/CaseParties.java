package org.shirong.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code rect_case_party} table: the units that cooperate on a case (协办) besides its lead unit, one
 * row per case and unit. Written in the engine's transaction by {@link CaseCooperation}; read by the
 * case API (who may see a case) and by scoring (协办 counts), through the named methods below.
 */
@Repository
public class CaseParties {

    /** A party's only role so far: it cooperates (协办); the lead unit is not a party. */
    static final String COOPERATE = "COOPERATE";

    /** Why a unit cooperates: a 责任单位 of the category or plan item, or the 属地 of a case led elsewhere. */
    public enum Reason {
        RESPONSIBLE, TERRITORY
    }

    /**
     * What a unit answered on 记录协办情况: it cooperated (已配合), no cooperation was needed (无需配合), or — a 属地 town's
     * office only — the problem does not lie in its town (非本镇属地), which the district's office then corrects.
     */
    public enum Outcome {
        COOPERATED("已配合"), NOT_NEEDED("无需配合"), NOT_TERRITORY("非本镇属地");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The district's case ({@code c}) whose 属地 town answered 非本镇属地 on it and has not been given another 属地 since:
     * it does not count in that town's territory ranking until the district's office corrects the 属地 (sjreview-s54 D6).
     * The one place that decides it, a condition on {@code rect_case c}.
     */
    public static final String TERRITORY_DISPUTED = "exists (select 1 from rect_case_party tp where tp.case_no = c.case_no"
            + " and tp.reason = 'TERRITORY' and tp.outcome = 'NOT_TERRITORY' and tp.tenant_id = c.territory)";

    /**
     * The party {@code p} of the case {@code c} stands still under the case's 挂账: the case is suspended and the party's
     * time had not run out when it was (due after the suspension, not recorded by then). While the case stays suspended it
     * is due in no period, neither done nor not done; 恢复整改 gives it its new due instant ({@link CaseCooperation#caseResumed},
     * jtreview-s59 T6). A condition on {@code rect_case_party p} and {@code rect_case c}; {@link Party#pausedBy} alike.
     */
    static final String PAUSED = "(c.status = 'SUSPENDED' and c.suspended_at is not null and p.due_at > c.suspended_at"
            + " and (p.done_at is null or p.done_at > c.suspended_at))";

    /**
     * One cooperating unit of a case: when it was told, by when, and what it recorded (null while it has not): its
     * answer ({@code outcome}) and its words ({@code note}).
     */
    public record Party(String caseNo, String unitId, Reason reason, String tenantId, String processInstanceId,
            Instant assignedAt, Instant dueAt, Instant doneAt, String doneBy, String note, Instant endedAt, Outcome outcome) {

        /** The record as the case's dossier and ledger show it: "非本镇属地：应属九亭镇", or the note of an older record. */
        public String recordedText() {
            if (note == null || outcome == null) {
                return note;
            }
            return outcome.label() + "：" + note;
        }

        public boolean done() {
            return doneAt != null;
        }

        /**
         * The office of a town that was the case's 属地 and is no longer ({@code caseTerritory}: the case's 属地 now): its
         * office corrected the 属地 to another town. What it recorded stays on the record; its 协办 is not counted.
         */
        public boolean formerTerritory(String caseTerritory) {
            return reason == Reason.TERRITORY && !java.util.Objects.equals(tenantId, caseTerritory);
        }

        /**
         * Ended unrecorded before it was due (the case closed, was merged or voided first): the unit's time had not run
         * out, so it is neither done nor not done, and its 协办 is not counted (sjreview F3).
         */
        public boolean cutShort() {
            return doneAt == null && endedAt != null && dueAt != null && endedAt.isBefore(dueAt);
        }

        /**
         * Whether the party stands still under its case {@code c}'s 挂账 ({@link #PAUSED}): its due instant is moved when the
         * case resumes, and until then it counts in no period, recorded or not.
         */
        public boolean pausedBy(CaseRecord c) {
            return c.status() == CaseStatus.SUSPENDED && c.suspendedAt() != null && dueAt != null && dueAt.isAfter(c.suspendedAt())
                    && (doneAt == null || doneAt.isAfter(c.suspendedAt()));
        }

        /**
         * The party as it stood at {@code asOf}: a record made after it is not made yet, an end after it has not come (the
         * 通报's 协办 as issued, diffreview-s60 R2); itself when {@code asOf} is null.
         */
        public Party asOf(Instant asOf) {
            if (asOf == null) {
                return this;
            }
            boolean recorded = doneAt != null && !doneAt.isAfter(asOf);
            return new Party(caseNo, unitId, reason, tenantId, processInstanceId, assignedAt, dueAt, recorded ? doneAt : null,
                    recorded ? doneBy : null, recorded ? note : null, endedAt != null && !endedAt.isAfter(asOf) ? endedAt : null,
                    recorded ? outcome : null);
        }

        /** Ended unrecorded when it was due already: counted as not done. */
        public boolean notDone() {
            return doneAt == null && endedAt != null && !cutShort();
        }

        /** Recorded by the case's due instant at the time the unit was told. */
        public boolean doneOnTime() {
            return doneAt != null && (dueAt == null || !doneAt.isAfter(dueAt));
        }
    }

    private static final String COLUMNS = "case_no, unit_id, reason, tenant_id, process_instance_id, assigned_at, due_at,"
            + " done_at, done_by, note, ended_at, outcome";

    private final JdbcTemplate jdbc;

    public CaseParties(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the unit as a party of the case; false when it is one already (a re-dispatch names it again). */
    boolean add(String caseNo, String unitId, Reason reason, String tenantId, Instant assignedAt, Instant dueAt) {
        return jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, assigned_at, due_at)"
                + " select ?, ?, ?, ?, ?, cast(? as timestamp), cast(? as timestamp) from (values (1)) one"
                + " where not exists (select 1 from rect_case_party where case_no = ? and unit_id = ?)",
                caseNo, unitId, COOPERATE, reason.name(), tenantId, ts(assignedAt), ts(dueAt), caseNo, unitId) == 1;
    }

    /** Adds the unit as a party of a case that has none yet, with its cooperation's process instance. */
    void addStarted(String caseNo, String unitId, Reason reason, String tenantId, Instant assignedAt, Instant dueAt,
            String processInstanceId) {
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, process_instance_id, assigned_at,"
                + " due_at) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNo, unitId, COOPERATE, reason.name(), tenantId, processInstanceId,
                ts(assignedAt), ts(dueAt));
    }

    void started(String caseNo, String unitId, String processInstanceId) {
        jdbc.update("update rect_case_party set process_instance_id = ? where case_no = ? and unit_id = ?",
                processInstanceId, caseNo, unitId);
    }

    /** What the unit answered and wrote; the cooperation ends with it. */
    void recorded(String caseNo, String unitId, String actor, Outcome outcome, String note, Instant at) {
        jdbc.update("update rect_case_party set done_at = ?, done_by = ?, outcome = ?, note = ?, ended_at = ?"
                + " where case_no = ? and unit_id = ?", ts(at), actor, outcome.name(), note, ts(at), caseNo, unitId);
    }

    /**
     * The office moved the case's 属地 away from the unit's town before the unit recorded anything: its cooperation closes as
     * 非本镇属地 with the office's words ({@code note}), unrecorded ({@code done_at} stays empty). False when the unit recorded
     * or its cooperation ended meanwhile (the row is locked by the update: a record being written commits first).
     */
    boolean closedAsNotTerritory(String caseNo, String unitId, String note, Instant at) {
        return jdbc.update("update rect_case_party set outcome = ?, note = ?, ended_at = ? where case_no = ? and unit_id = ?"
                + " and done_at is null and ended_at is null", Outcome.NOT_TERRITORY.name(), note, ts(at), caseNo, unitId) == 1;
    }

    /**
     * The unit (a town's office) is asked again to record its 协办 on the case as its 属地 ({@code tenantId}), due at
     * {@code dueAt}: its earlier answer and its ended cooperation give way to a new one (the timeline keeps what it had
     * recorded). False when its cooperation is still open (nothing to ask again) or the row is gone.
     */
    boolean askedAgain(String caseNo, String unitId, String tenantId, Instant assignedAt, Instant dueAt) {
        return jdbc.update("update rect_case_party set reason = ?, tenant_id = ?, process_instance_id = null, assigned_at = ?,"
                + " due_at = ?, done_at = null, done_by = null, outcome = null, note = null, ended_at = null"
                + " where case_no = ? and unit_id = ? and (done_at is not null or ended_at is not null)", Reason.TERRITORY.name(),
                tenantId, ts(assignedAt), ts(dueAt), caseNo, unitId) == 1;
    }

    /** The cooperation is due at {@code dueAt} now (its case resumed after 挂账). */
    void due(String caseNo, String unitId, Instant dueAt) {
        jdbc.update("update rect_case_party set due_at = ? where case_no = ? and unit_id = ?", ts(dueAt), caseNo, unitId);
    }

    /**
     * The cooperation ended without a record (the case closed first): counted as not done, unless it was not due yet
     * ({@link Party#cutShort}).
     */
    void ended(String caseNo, String unitId, Instant at) {
        jdbc.update("update rect_case_party set ended_at = ? where case_no = ? and unit_id = ? and ended_at is null",
                ts(at), caseNo, unitId);
    }

    /**
     * The unit no longer cooperates on the case: it became its lead unit (重新派遣) before it recorded anything. It leaves
     * the parties; what it had recorded stays.
     */
    boolean removeUnrecorded(String caseNo, String unitId) {
        return jdbc.update("delete from rect_case_party where case_no = ? and unit_id = ? and done_at is null", caseNo, unitId) == 1;
    }

    /**
     * The due instant a 记录协办情况 its start job creates now takes ({@link CaseTaskListener}): none while the unit's 协办
     * stands still under its case's 挂账 ({@link #PAUSED}: as the case's other 协办 meanwhile, diffreview-s59 R5), else
     * its record's ({@code paused} false); empty when the unit is no party of the case. The case's row is locked first:
     * a 挂账 or a 恢复整改 in progress changes it before the parties ({@link CaseRecords#lock}, an update), so it is
     * waited for and the party then read as that transaction left it. Read from a snapshot before it commits, a task
     * created while the case resumed kept no due date, its record the moved one (diffreview-s60 R7).
     */
    java.util.Optional<StartingDue> startingDue(String caseNo, String unitId) {
        jdbc.query("select case_no from rect_case where case_no = ? for update", rs -> null, caseNo);
        return jdbc.query("select p.due_at, case when " + PAUSED + " then 1 else 0 end paused from rect_case_party p"
                + " join rect_case c on c.case_no = p.case_no where p.case_no = ? and p.unit_id = ?",
                (rs, i) -> new StartingDue(instant(rs, "due_at"), rs.getInt("paused") == 1), caseNo, unitId).stream().findFirst();
    }

    /** See {@link #startingDue}: the party's due instant, and whether it stands still under its case's 挂账. */
    record StartingDue(Instant dueAt, boolean paused) {

        /** What the task is due by: no date while it stands still. */
        java.util.Date taskDue() {
            return paused || dueAt == null ? null : java.util.Date.from(dueAt);
        }
    }

    /**
     * The units of the case whose 协办 stands still under its 挂账 now ({@link #PAUSED}): not overdue while it lasts
     * ({@link OverdueCooperators}).
     */
    java.util.Set<String> pausedUnits(String caseNo) {
        return new java.util.HashSet<>(jdbc.queryForList("select p.unit_id from rect_case_party p join rect_case c on c.case_no = p.case_no"
                + " where p.case_no = ? and " + PAUSED, String.class, caseNo));
    }

    /** Every party of the case, in the order they were told. */
    public List<Party> of(String caseNo) {
        return jdbc.query("select " + COLUMNS + " from rect_case_party where case_no = ? order by assigned_at, unit_id",
                CaseParties::map, caseNo);
    }

    /**
     * The parties of the case as it stands, in the order they were told: every one but the office of a town that is no
     * longer its 属地 ({@link Party#formerTerritory}), read with the case's 属地 in one statement. Whom 整改问题 names and
     * 督办 reaches, derived when needed rather than kept beside the case (diffreview-s57 R2).
     */
    List<Party> current(String caseNo) {
        return jdbc.query("select " + COLUMNS + " from rect_case_party p where p.case_no = ? and (p.reason <> 'TERRITORY'"
                + " or exists (select 1 from rect_case c where c.case_no = p.case_no and c.territory = p.tenant_id))"
                + " order by assigned_at, unit_id", CaseParties::map, caseNo);
    }

    /** The cooperating units of each of the cases that has any, in the order they were told. */
    java.util.Map<String, List<String>> unitsOf(List<String> caseNos) {
        java.util.Map<String, List<String>> units = new java.util.HashMap<>();
        if (caseNos.isEmpty()) {
            return units;
        }
        jdbc.query("select case_no, unit_id from rect_case_party where case_no in (" + marks(caseNos.size())
                + ") order by case_no, assigned_at, unit_id", rs -> {
                    units.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, caseNos.toArray());
        return units;
    }

    /**
     * The parties of the organisation's cases whose due instant lies in [from, until), for the 协办 counts of its
     * scoring period (a 属地 town's office on a district's case counts in the district's); none of a duplicate merged into
     * another case, whose cooperation ended with it, nor of a town that is no longer the case's 属地
     * ({@link Party#formerTerritory}: the office corrected it), nor one standing still under its case's 挂账 ({@link #PAUSED}).
     */
    public List<Party> dueBetween(String organization, Instant from, Instant until) {
        return dueBetween(organization, null, from, until);
    }

    /**
     * As {@link #dueBetween(String, Instant, Instant)}, of the campaign's cases only when {@code campaign} is given: the
     * 协办 (属地街镇配合) its scores, 月报, 通报 and 驾驶舱 count (sjreview-s57 D7).
     */
    public List<Party> dueBetween(String organization, String campaign, Instant from, Instant until) {
        List<Object> args = new ArrayList<>(List.of(ts(from), ts(until), organization));
        if (campaign != null) {
            args.add(campaign);
        }
        return jdbc.query("select " + COLUMNS + " from rect_case_party p where due_at >= ? and due_at < ?"
                + " and exists (select 1 from rect_case c where c.case_no = p.case_no and c.tenant_id = ?"
                + (campaign == null ? "" : " and c.campaign_code = ?")
                + " and c.status not in ('MERGED', 'VOIDED') and (p.reason <> 'TERRITORY' or p.tenant_id = c.territory)"
                + " and not " + PAUSED + ")"
                + " order by unit_id, case_no", CaseParties::map, args.toArray());
    }

    /**
     * The unit's 协办 on the campaign's cases it has not recorded yet (待记录), by due instant: for the figures of its 报送
     * (sjreview-s57 D19); none of a merged or voided case, nor of a town that is no longer the case's 属地.
     */
    public List<Party> unrecordedOf(String unitId, String campaign) {
        return jdbc.query("select " + COLUMNS + " from rect_case_party p where p.unit_id = ? and p.done_at is null and p.ended_at is null"
                + " and exists (select 1 from rect_case c where c.case_no = p.case_no and c.campaign_code = ?"
                + " and c.status not in ('MERGED', 'VOIDED') and (p.reason <> 'TERRITORY' or p.tenant_id = c.territory))"
                + " order by due_at, case_no", CaseParties::map, unitId, campaign);
    }

    /** Of the unit's {@link #unrecordedOf}, the cases on which it stands still under 挂账 ({@link #PAUSED}): not late meanwhile. */
    public java.util.Set<String> pausedUnrecordedOf(String unitId, String campaign) {
        return new java.util.HashSet<>(jdbc.queryForList("select p.case_no from rect_case_party p join rect_case c on c.case_no = p.case_no"
                + " where p.unit_id = ? and p.done_at is null and p.ended_at is null and c.campaign_code = ? and " + PAUSED,
                String.class, unitId, campaign));
    }

    /**
     * The 属地 parties of the campaign's cases that answered 非本镇属地 and whose case still lies in that town
     * ({@link #TERRITORY_DISPUTED}): the disputes the district's office has not yet settled (sjreview-s57 D14).
     */
    public List<Party> territoryDisputes(String campaign) {
        return jdbc.query("select " + COLUMNS + " from rect_case_party p where p.reason = 'TERRITORY' and p.outcome = 'NOT_TERRITORY'"
                + " and exists (select 1 from rect_case c where c.case_no = p.case_no and c.campaign_code = ? and c.territory = p.tenant_id)"
                + " order by done_at, case_no", CaseParties::map, campaign);
    }

    /** Whether any of the units cooperates on the case. */
    boolean anyOf(String caseNo, Collection<String> units) {
        if (units.isEmpty()) {
            return false;
        }
        List<Object> args = new ArrayList<>(units);
        args.add(0, caseNo);
        Integer n = jdbc.queryForObject("select count(*) from rect_case_party where case_no = ? and unit_id in ("
                + marks(units.size()) + ")", Integer.class, args.toArray());
        return n != null && n > 0;
    }

    /** A condition on {@code rect_case}: one of {@code count} units (the arguments that follow) cooperates on it. */
    static String partyCondition(int count) {
        return "exists (select 1 from rect_case_party p where p.case_no = rect_case.case_no and p.unit_id in ("
                + marks(count) + "))";
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static Party map(ResultSet rs, int row) throws SQLException {
        return new Party(rs.getString("case_no"), rs.getString("unit_id"), Reason.valueOf(rs.getString("reason")),
                rs.getString("tenant_id"), rs.getString("process_instance_id"), instant(rs, "assigned_at"),
                instant(rs, "due_at"), instant(rs, "done_at"), rs.getString("done_by"), rs.getString("note"),
                instant(rs, "ended_at"), rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

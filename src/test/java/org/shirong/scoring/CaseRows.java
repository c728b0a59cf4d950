package org.shirong.scoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes rect_case rows and timeline events for scoring tests directly, as the rectification capability would leave them. */
final class CaseRows {

    private final JdbcTemplate jdbc;
    private final String prefix;
    private int next;

    CaseRows(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    /** A dispatched case due at {@code due}; handedIn "on time", "late" or null; CLOSED cases get closed_on_time accordingly. */
    String add(String leadUnit, String status, Instant due, String handedIn, String source, String urgency, int reworks) {
        String caseNo = prefix + "-" + (++next);
        Instant submitted = handedIn == null ? null : handedIn.equals("on time") ? due.minus(Duration.ofHours(1)) : due.plus(Duration.ofHours(1));
        boolean closed = status.equals("CLOSED");
        jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_at,"
                        + " dispatched_at, submitted_at, closed_at, due_at, overdue, closed_on_time, rework_count)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                caseNo, source, "EXPOSED_GARBAGE", urgency, "测试案件", "九亭大街 1 号", leadUnit, status, ts(due.minus(Duration.ofDays(3))),
                ts(due.minus(Duration.ofDays(3))), ts(submitted), closed ? ts(submitted) : null, ts(due),
                handedIn == null && !status.equals("SUSPENDED"), closed ? handedIn.equals("on time") : null, reworks);
        event(caseNo, due.minus(Duration.ofDays(3)), "DISPATCHED", "牵头单位 " + leadUnit + "，时限 4 工作时");
        return caseNo;
    }

    String add(String leadUnit, String status, Instant due, String handedIn) {
        return add(leadUnit, status, due, handedIn, "PATROL", "NORMAL", 0);
    }

    /** The case was returned by its lead unit at {@code at} and then re-dispatched to {@code newLeadUnit}. */
    void returnedAndRedispatched(String caseNo, Instant at, String newLeadUnit) {
        String returningUnit = jdbc.queryForObject("select lead_unit from rect_case where case_no = ?", String.class, caseNo);
        event(caseNo, at, "RETURNED", "不属于本单位职责", returningUnit);
        event(caseNo, at.plus(Duration.ofHours(1)), "REDISPATCHED", "牵头单位 " + newLeadUnit + "，时限 4 工作时");
        jdbc.update("update rect_case set lead_unit = ?, return_count = return_count + 1 where case_no = ?", newLeadUnit, caseNo);
    }

    /** The office reopened the closed case at {@code at}: a REOPENED step charged to its lead unit. */
    void reopened(String caseNo, Instant at) {
        String leadUnit = jdbc.queryForObject("select lead_unit from rect_case where case_no = ?", String.class, caseNo);
        event(caseNo, at, "REOPENED", "市民再次反映", leadUnit);
        jdbc.update("update rect_case set reopen_count = reopen_count + 1 where case_no = ?", caseNo);
    }

    /**
     * The office reopened the closed case at {@code at} as the rectification capability does: the round it ends kept in
     * rect_case_round, the case due again at {@code due} with the reworks so far before its new round, and handed in and
     * closed on time again.
     */
    void reopenedAsANewRound(String caseNo, Instant at, Instant due) {
        jdbc.update("insert into rect_case_round (case_no, round_no, source, urgency, lead_unit, status, tenant_id, territory,"
                + " campaign_code, submitted_at, closed_at, due_at, closed_on_time, overdue, rework_count, reworks_before_reopen,"
                + " reopened_at) select case_no, reopen_count + 1, source, urgency, lead_unit, status, tenant_id, territory,"
                + " campaign_code, submitted_at, closed_at, due_at, closed_on_time, overdue, rework_count, reworks_before_reopen, ?"
                + " from rect_case where case_no = ?", ts(at), caseNo);
        reopened(caseNo, at);
        jdbc.update("update rect_case set reworks_before_reopen = rework_count, due_at = ?, submitted_at = ?, closed_at = ?,"
                + " closed_on_time = true where case_no = ?", ts(due), ts(due.minus(Duration.ofHours(1))),
                ts(due.minus(Duration.ofHours(1))), caseNo);
    }

    /** The case belongs to {@code tenant} and lies in {@code territory} (a town or street, or the tenant itself). */
    String placed(String caseNo, String tenant, String territory) {
        jdbc.update("update rect_case set tenant_id = ?, territory = ? where case_no = ?", tenant, territory, caseNo);
        return caseNo;
    }

    void event(String caseNo, Instant at, String kind, String detail) {
        event(caseNo, at, kind, detail, null);
    }

    void event(String caseNo, Instant at, String kind, String detail, String unitId) {
        jdbc.update("insert into rect_case_event (case_no, occurred_at, kind, detail, unit_id) values (?,?,?,?,?)",
                caseNo, ts(at), kind, detail, unitId);
    }

    /** {@code unit} cooperates (协办) on the case, due with it; done "on time", "late" or null (not recorded). */
    void party(String caseNo, String unit, String done) {
        Instant due = jdbc.queryForObject("select due_at from rect_case where case_no = ?", java.sql.Timestamp.class, caseNo).toInstant();
        Instant doneAt = done == null ? null : done.equals("on time") ? due.minus(Duration.ofHours(2)) : due.plus(Duration.ofHours(2));
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, assigned_at, due_at, done_at, done_by, note, ended_at)"
                        + " values (?,?,'COOPERATE','RESPONSIBLE',?,?,?,?,?,?)", caseNo, unit, ts(due.minus(Duration.ofDays(3))),
                ts(due), ts(doneAt), done == null ? null : unit + "1", done == null ? null : "已配合", ts(doneAt));
    }

    /** The mark {@link #setAsideOverdueBefore} puts before a set-aside case's organisation. */
    private static final String ASIDE = "aside:";

    /**
     * Sets aside, while a test runs, the cases of other classes of the shared Spring context (not of this prefix) that fell
     * due before {@code from} and were still open then: under the period rule's 超期未结 such a case, whose process other
     * classes leave running, counts against its unit in every later month, so in the months the test scores. They are
     * moved out of their organisation (its id marked {@value #ASIDE}), with the rounds a reopening ended, and
     * {@link #restoreSetAside} gives them back. Merged and voided cases never count and stay.
     */
    void setAsideOverdueBefore(Instant from) {
        for (String table : java.util.List.of("rect_case", "rect_case_round")) {
            jdbc.update("update " + table + " set tenant_id = ? || tenant_id where case_no not like ? and tenant_id not like ?"
                    + " and due_at < ? and (closed_at is null or closed_at >= ?) and status not in ('MERGED', 'VOIDED')",
                    ASIDE, prefix + "-%", ASIDE + "%", ts(from), ts(from));
        }
    }

    /** Gives back the cases {@link #setAsideOverdueBefore} set aside (of any class: at most one runs at a time). */
    void restoreSetAside() {
        for (String table : java.util.List.of("rect_case", "rect_case_round")) {
            jdbc.update("update " + table + " set tenant_id = substring(tenant_id, " + (ASIDE.length() + 1) + ") where tenant_id like ?",
                    ASIDE + "%");
        }
    }

    void clear() {
        jdbc.update("delete from rect_case_appeal where case_no like ?", prefix + "-%");
        jdbc.update("delete from rect_case_party where case_no like ?", prefix + "-%");
        jdbc.update("delete from rect_case_event where case_no like ?", prefix + "-%");
        jdbc.update("delete from rect_case_round where case_no like ?", prefix + "-%");
        jdbc.update("delete from rect_case where case_no like ?", prefix + "-%");
        jdbc.update("delete from score_component");
        jdbc.update("delete from score_unit");
        jdbc.update("delete from score_inspection");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

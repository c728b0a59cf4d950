package org.shirong.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shirong.system.DatabaseProduct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code rect_case*} tables, through the engine's DataSource and transaction.
 * <p>
 * A case the transaction has inserted or locked cannot change but by the transaction itself until it ends, so once read
 * after its last write here it is not read again (issue 13, W1: a report read its just dispatched case twice); a case
 * inserted here is known as inserted (the record equals the row: the columns not written hold their defaults, see
 * {@link #insert}) and not read at all before its first update; nor after its dispatch ({@link #writeDispatchWithEvent}).
 */
@Repository
class CaseRecords {

    private static final String COLUMNS = "case_no, process_instance_id, source, external_ref, category, urgency, title,"
            + " description, address, lat, lng, grid_cell, lead_unit, responsible_units, limit_amount, limit_unit, status,"
            + " reported_by, reported_at, dispatched_at, claimed_at, submitted_at, closed_at, suspended_at,"
            + " clock_started_at, warn_at, due_at, escalate_at, warning_sent, overdue, escalated,"
            + " closed_on_time, extension_count, rework_count, return_count, territory, community, tenant_id,"
            + " campaign_code, plan_item, plan_sub_item, due_bound, merged_into, reopen_count, reworks_before_reopen";

    /** A case whose handling is not over: neither closed, merged nor voided ({@link CaseStatus#ended}). */
    static final String OPEN = "status not in ('CLOSED', 'MERGED', 'VOIDED')";

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    CaseRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getString("case_no"), rs.getString("process_instance_id"),
                CaseSource.valueOf(rs.getString("source")), rs.getString("external_ref"), rs.getString("category"),
                Urgency.valueOf(rs.getString("urgency")), rs.getString("title"), rs.getString("description"),
                rs.getString("address"), rs.getBigDecimal("lat"), rs.getBigDecimal("lng"), rs.getString("grid_cell"),
                rs.getString("lead_unit"), rs.getString("responsible_units"), (Integer) rs.getObject("limit_amount"),
                rs.getString("limit_unit"), CaseStatus.valueOf(rs.getString("status")), rs.getString("reported_by"),
                instant(rs, "reported_at"), instant(rs, "dispatched_at"), instant(rs, "claimed_at"),
                instant(rs, "submitted_at"), instant(rs, "closed_at"), instant(rs, "suspended_at"),
                instant(rs, "clock_started_at"), instant(rs, "warn_at"), instant(rs, "due_at"), instant(rs, "escalate_at"),
                rs.getBoolean("warning_sent"), rs.getBoolean("overdue"), rs.getBoolean("escalated"),
                (Boolean) rs.getObject("closed_on_time"), rs.getInt("extension_count"), rs.getInt("rework_count"),
                rs.getInt("return_count"), rs.getString("territory"), rs.getString("community"), rs.getString("tenant_id"),
                rs.getString("campaign_code"), rs.getString("plan_item"), rs.getString("plan_sub_item"),
                rs.getString("due_bound") == null ? null : DueBound.valueOf(rs.getString("due_bound")), rs.getString("merged_into"),
                rs.getInt("reopen_count"), rs.getInt("reworks_before_reopen"));
    }

    private static final String INSERT = "insert into rect_case (case_no, source, external_ref, category, urgency, title,"
            + " description, address, lat, lng, grid_cell, status, reported_by, reported_at, territory, community, tenant_id,"
            + " campaign_code, plan_item, plan_sub_item, address_key) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /**
     * Inserts a new case: one just registered ({@link CaseStatus#REPORTED}, not dispatched), whose columns outside
     * {@link #INSERT} are as the table's defaults make them (null, false, 0), so that the record is the row as read back.
     */
    void insert(CaseRecord c) {
        jdbc.update(INSERT, insertValues(c));
        inserted(c);
    }

    /**
     * As {@link #insert} followed by the case's first event ({@code kind}, at its report time); on PostgreSQL the event is
     * inserted from what the case's insert returns, in the same statement (issue 13, W1: a round trip a report less).
     */
    void insertWithEvent(CaseRecord c, CaseEventKind kind, String actor, String detail) {
        if (!database.isPostgres()) {
            insert(c);
            addEvent(c.caseNo(), c.reportedAt(), kind, actor, detail);
            return;
        }
        jdbc.update("with registered as (" + INSERT + " returning case_no) " + INSERT_EVENT_OF + " registered",
                concat(insertValues(c), new Object[] {ts(c.reportedAt()), kind.name(), actor, detail, null}));
        inserted(c);
    }

    /** Inserts the cases (an import's chunk) in one JDBC batch, as {@link #insert}. */
    void insertAll(List<CaseRecord> cases) {
        jdbc.batchUpdate(INSERT, cases.stream().map(CaseRecords::insertValues).toList());
        cases.forEach(this::inserted);
    }

    /**
     * Writes the dispatch of a case this transaction holds ({@link #lock}ed or inserted) with its event at {@code at}
     * ({@link #updateWithEvent}): {@code dispatched} is the case as read here with {@link CaseRecord#dispatchedAs}, so it
     * is known as written and not read again.
     */
    void writeDispatchWithEvent(CaseRecord dispatched, Instant at, CaseEventKind kind, String actor, String detail,
            String unitId) {
        updateWithEvent(dispatched.caseNo(), DISPATCH, dispatchValues(dispatched), at, kind, actor, detail, unitId);
        dispatchWritten(dispatched);
    }

    private static final String DISPATCH = "process_instance_id = ?, lead_unit = ?, responsible_units = ?, limit_amount = ?,"
            + " limit_unit = ?, status = ?, dispatched_at = ?, clock_started_at = ?, warn_at = ?, due_at = ?,"
            + " escalate_at = ?, warning_sent = false, overdue = false, escalated = false, due_bound = ?";

    private static Object[] dispatchValues(CaseRecord dispatched) {
        return new Object[] {dispatched.processInstanceId(), dispatched.leadUnit(), dispatched.responsibleUnits(),
                dispatched.limitAmount(), dispatched.limitUnit(), dispatched.status().name(), ts(dispatched.dispatchedAt()),
                ts(dispatched.clockStartedAt()), ts(dispatched.warnAt()), ts(dispatched.dueAt()), ts(dispatched.escalateAt()),
                dispatched.dueBound() == null ? null : dispatched.dueBound().name()};
    }

    /**
     * Keeps the closed round of {@code caseNo} that its reopening ends ({@code rect_case_round}, numbered from 1): its closure,
     * deadline, lateness and reworks still count in the period they fell in, as the case's row goes on with the next round.
     */
    void keepRound(String caseNo, Instant reopenedAt) {
        jdbc.update("insert into rect_case_round (case_no, round_no, source, urgency, lead_unit, status, tenant_id, territory,"
                + " campaign_code, submitted_at, closed_at, due_at, closed_on_time, overdue, rework_count, reworks_before_reopen,"
                + " reopened_at) select case_no, reopen_count + 1, source, urgency, lead_unit, status, tenant_id, territory,"
                + " campaign_code, submitted_at, closed_at, due_at, closed_on_time, overdue, rework_count, reworks_before_reopen, ?"
                + " from rect_case where case_no = ?", ts(reopenedAt), caseNo);
    }

    /** The dispatch just written is the case as this transaction holds it. */
    private void dispatchWritten(CaseRecord dispatched) {
        Held held = held();
        if (held != null && held.cases.contains(dispatched.caseNo())) {
            held.read.put(dispatched.caseNo(), dispatched);
        }
    }

    /**
     * Closes the case at {@code at} with its CLOSED event by {@code actor}: on time ({@code closed_on_time}, the event's
     * detail {@code onTime}, else {@code late}) when it was submitted, or never submitted is closed, by its due instant or
     * has none. The row decides, as the update locks it: no read of the case first (issue 13, W1: its locking read, then
     * the update and the event, were three round trips of the close job), and the update itself returns whom the closure
     * concerns, so the closing notice reads the case no more. On PostgreSQL the event is inserted from what the update
     * returns, in the same statement; on H2 the update is read as its final table, then the event inserted.
     */
    Closed closeWithEvent(String caseNo, Instant at, String actor, String onTime, String late) {
        writing(caseNo, false);
        String close = "update rect_case set status = ?, closed_at = ?, closed_on_time = (due_at is null"
                + " or coalesce(submitted_at, cast(? as timestamp)) <= due_at) where case_no = ?";
        Object[] closeValues = {CaseStatus.CLOSED.name(), ts(at), ts(at), caseNo};
        String event = "insert into rect_case_event (case_no, occurred_at, kind, actor, detail, unit_id) ";
        List<Closed> closed;
        if (database.isPostgres()) {
            closed = jdbc.query("with closed as (" + close + " returning case_no, closed_on_time, reported_by, lead_unit),"
                            + " event as (" + event + "select case_no, cast(? as timestamp), cast(? as varchar), cast(? as varchar),"
                            + " case when closed_on_time then cast(? as varchar) else cast(? as varchar) end, cast(null as varchar)"
                            + " from closed) select reported_by, lead_unit, closed_on_time from closed",
                    CaseRecords::closed, concat(closeValues, new Object[] {ts(at), CaseEventKind.CLOSED.name(), actor, onTime, late}));
        } else {
            closed = jdbc.query("select reported_by, lead_unit, closed_on_time from final table (" + close + ")",
                    CaseRecords::closed, closeValues);
            if (closed.size() == 1) {
                jdbc.update(event + "values (?, ?, ?, ?, ?, null)", caseNo, ts(at), CaseEventKind.CLOSED.name(), actor,
                        closed.get(0).onTime() ? onTime : late);
            }
        }
        if (closed.size() != 1) {
            throw new IllegalStateException("案件不存在: " + caseNo);
        }
        return closed.get(0);
    }

    /** Whom a closure concerns: the case's reporter (none for imports) and its lead unit; whether it closed on time. */
    record Closed(String reportedBy, String leadUnit, boolean onTime) {
    }

    private static Closed closed(ResultSet rs, int row) throws SQLException {
        return new Closed(rs.getString("reported_by"), rs.getString("lead_unit"), rs.getBoolean("closed_on_time"));
    }

    /** An event of the case each row of the named statement result returns (its {@code case_no}), in one statement. */
    private static final String INSERT_EVENT_OF = "insert into rect_case_event (case_no, occurred_at, kind, actor, detail, unit_id)"
            + " select case_no, cast(? as timestamp), cast(? as varchar), cast(? as varchar), cast(? as varchar),"
            + " cast(? as varchar) from";

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private void inserted(CaseRecord c) {
        Held held = held();
        if (held != null) {
            held.cases.add(c.caseNo());
            held.inserted.add(c.caseNo());
            held.read.put(c.caseNo(), c);
        }
    }

    /**
     * Whether this transaction inserted the case: it is new, so nothing refers to it yet (no party, no earlier dispatch).
     * False outside a transaction, where nothing is known.
     */
    boolean insertedHere(String caseNo) {
        Held held = held();
        return held != null && held.inserted.contains(caseNo);
    }

    private static Object[] insertValues(CaseRecord c) {
        return new Object[] {c.caseNo(), c.source().name(), c.externalRef(), c.category(), c.urgency().name(), c.title(),
                c.description(), c.address(), c.lat(), c.lng(), c.gridCell(), c.status().name(), c.reportedBy(),
                ts(c.reportedAt()), c.territory(), c.community(), c.tenantId(), c.campaign(), c.planItem(), c.subItem(),
                AddressKey.of(c.address())};
    }

    /** The cases of a campaign, oldest first; with {@code openOnly} those not closed. */
    List<CaseRecord> ofCampaign(String campaignCode, boolean openOnly) {
        return jdbc.query("select " + COLUMNS + " from rect_case where campaign_code = ?"
                + (openOnly ? " and " + OPEN : "") + " order by reported_at, case_no", CaseRecords::map, campaignCode);
    }

    /** The rounds that reopenings of a campaign's cases ended, each case's in order. */
    List<KeptRound> keptRoundsOfCampaign(String campaignCode) {
        return jdbc.query("select case_no, round_no, lead_unit, closed_at, closed_on_time, due_at, reopened_at from rect_case_round"
                        + " where campaign_code = ? order by case_no, round_no",
                (rs, n) -> new KeptRound(rs.getString("case_no"), rs.getInt("round_no"), rs.getString("lead_unit"),
                        instant(rs, "closed_at"), (Boolean) rs.getObject("closed_on_time"), instant(rs, "due_at"),
                        instant(rs, "reopened_at")), campaignCode);
    }

    /** The numbers of a campaign's cases, oldest first (as {@link #ofCampaign}, without reading the cases). */
    List<String> caseNumbersOfCampaign(String campaignCode) {
        return jdbc.queryForList("select case_no from rect_case where campaign_code = ? order by reported_at, case_no", String.class,
                campaignCode);
    }

    /** How many of a campaign's cases are in each status (a {@link CaseStatus} name), by name. */
    java.util.Map<String, Integer> countsOfCampaign(String campaignCode) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        jdbc.query("select status, count(*) from rect_case where campaign_code = ? group by status order by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, campaignCode);
        return counts;
    }

    Optional<CaseRecord> find(String caseNo) {
        Held held = held();
        CaseRecord known = held == null ? null : held.read.get(caseNo);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CaseRecord> found = jdbc.query("select " + COLUMNS + " from rect_case where case_no = ?", CaseRecords::map, caseNo)
                .stream().findFirst();
        if (held != null && held.cases.contains(caseNo)) {
            found.ifPresent(c -> held.read.put(caseNo, c));
        }
        return found;
    }

    /** The case, locked for update until the transaction ends. */
    CaseRecord lock(String caseNo) {
        return lockIfPresent(caseNo).orElseThrow(() -> new IllegalStateException("案件不存在: " + caseNo));
    }

    /** As {@link #lock}, empty when there is no such case. */
    Optional<CaseRecord> lockIfPresent(String caseNo) {
        Held held = held();
        CaseRecord known = held == null ? null : held.read.get(caseNo);
        if (known != null) {
            return Optional.of(known); // locked or inserted by this transaction already
        }
        Optional<CaseRecord> found = jdbc.query("select " + COLUMNS + " from rect_case where case_no = ? for update", CaseRecords::map, caseNo)
                .stream().findFirst();
        if (held != null) {
            found.ifPresent(c -> {
                held.cases.add(caseNo);
                held.read.put(caseNo, c);
            });
        }
        return found;
    }

    /** The cases this transaction has inserted or locked, and those of them read since they were last written here. */
    private static final class Held {
        final Set<String> cases = new HashSet<>();
        final Set<String> inserted = new HashSet<>();
        final Map<String, CaseRecord> read = new HashMap<>();
    }

    /** The current transaction's {@link Held} cases, null outside a transaction. */
    private Held held() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null; // without a transaction a lock ends with its statement
        }
        Held held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            Held fresh = new Held();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseRecords.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(CaseRecords.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseRecords.this);
                }
            });
            held = fresh;
        }
        return held;
    }

    /** This transaction writes the case: what was read of it is outdated. */
    private void writing(String caseNo, boolean inserted) {
        Held held = held();
        if (held != null) {
            held.read.remove(caseNo);
            if (inserted) {
                held.cases.add(caseNo);
            }
        }
    }

    /** A box of coordinates around a place: from south to north, from west to east. */
    record Around(double south, double north, double west, double east) {
    }

    /**
     * The organisation's open cases of the category, other than {@code caseNo}, at the address of {@code addressKey} or
     * within the box {@code around} (either may be null), earliest reported first: at most {@value #MOST_ALIKE}, more
     * than enough for the few a report shows ({@link CaseDuplicates}); only those {@code visible} ({@link CaseVisibility#listFilter},
     * null: all), so that the limit counts what the caller may read. One query on {@code idx_rect_case_open_alike}.
     */
    List<CaseRecord> openAlike(String tenantId, String category, String caseNo, String addressKey, Around around,
            CaseVisibility.Filter visible) {
        List<Object> args = new ArrayList<>(List.of(tenantId, category, caseNo));
        List<String> near = new ArrayList<>();
        if (addressKey != null) {
            near.add("address_key = ?");
            args.add(addressKey);
        }
        if (around != null) {
            near.add("(lat between ? and ? and lng between ? and ?)");
            args.addAll(List.of(around.south(), around.north(), around.west(), around.east()));
        }
        String readable = "";
        if (visible != null) {
            readable = " and " + visible.sql();
            args.addAll(visible.args());
        }
        args.add(MOST_ALIKE);
        return jdbc.query("select " + COLUMNS + " from rect_case where tenant_id = ? and category = ? and closed_at is null"
                + " and case_no <> ? and (" + String.join(" or ", near) + ")" + readable + " order by reported_at, case_no limit ?",
                CaseRecords::map, args.toArray());
    }

    private static final int MOST_ALIKE = 50;

    /** An open case as the look for an import's duplicates reads it ({@link #openAtAddresses}). */
    record OpenAtAddress(String caseNo, String category, String addressKey, String title, String address, CaseStatus status,
            Instant reportedAt) {
    }

    /**
     * The organisation's open cases of one of the {@code categories} at one of the addresses of {@code addressKeys}
     * (the pairs to be picked out by the caller), only those {@code visible} (null: all), earliest reported first. One
     * query on {@code idx_rect_case_open_alike}, the keys as a list of constants.
     */
    List<OpenAtAddress> openAtAddresses(String tenantId, Collection<String> categories, Collection<String> addressKeys,
            CaseVisibility.Filter visible) {
        List<Object> args = new ArrayList<>();
        args.add(tenantId);
        args.addAll(categories);
        args.addAll(addressKeys);
        String readable = "";
        if (visible != null) {
            readable = " and " + visible.sql();
            args.addAll(visible.args());
        }
        return jdbc.query("select case_no, category, address_key, title, address, status, reported_at from rect_case"
                + " where tenant_id = ? and category in (" + String.join(",", Collections.nCopies(categories.size(), "?"))
                + ") and closed_at is null and address_key in (" + String.join(",", Collections.nCopies(addressKeys.size(), "?"))
                + ")" + readable + " order by reported_at, case_no",
                (rs, n) -> new OpenAtAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), CaseStatus.valueOf(rs.getString(6)), instant(rs, 7)), args.toArray());
    }

    /**
     * Closes the duplicate {@code caseNo} at {@code at} as merged into {@code primary} ({@link CaseStatus#MERGED}, not
     * counted as closed on time or late), with its MERGED event, and puts the DUPLICATE_MERGED event on the primary's
     * timeline; false when the duplicate was closed or merged meanwhile (nothing written).
     */
    boolean mergeWithEvents(String caseNo, String primary, Instant at, String actor, String reason) {
        writing(caseNo, false);
        int rows = jdbc.update("update rect_case set status = ?, merged_into = ?, closed_at = ?, closed_on_time = null"
                + " where case_no = ? and " + OPEN, CaseStatus.MERGED.name(), primary, ts(at), caseNo);
        if (rows != 1) {
            return false;
        }
        jdbc.batchUpdate(INSERT_EVENT, List.of(
                new Object[] {caseNo, ts(at), CaseEventKind.MERGED.name(), actor, "并入 " + primary + "：" + reason, null},
                new Object[] {primary, ts(at), CaseEventKind.DUPLICATE_MERGED.name(), actor, caseNo + " 作为重复案件并入本案：" + reason,
                        null}));
        return true;
    }

    /**
     * Voids the open case {@code caseNo} at {@code at} ({@link CaseStatus#VOIDED}, not counted as closed on time or late),
     * with its VOIDED event; false when it ended meanwhile (nothing written).
     */
    boolean voidWithEvent(String caseNo, Instant at, String actor, String reason) {
        writing(caseNo, false);
        int rows = jdbc.update("update rect_case set status = ?, closed_at = ?, closed_on_time = null where case_no = ? and "
                + OPEN, CaseStatus.VOIDED.name(), ts(at), caseNo);
        if (rows != 1) {
            return false;
        }
        addEvent(caseNo, at, CaseEventKind.VOIDED, actor, reason);
        return true;
    }

    Optional<CaseRecord> findByExternalRef(String tenantId, String externalRef) {
        return jdbc.query("select " + COLUMNS + " from rect_case where tenant_id = ? and external_ref = ?", CaseRecords::map,
                        tenantId, externalRef)
                .stream().findFirst();
    }

    /**
     * Marks the case as reported by one of Shirong's own flows under its own reference ({@code own_reference}, V46): the
     * flow finds it again as its own. Nothing else writes the mark; the record ({@link CaseRecord}) does not carry it.
     */
    void markOwnReference(String caseNo) {
        jdbc.update("update rect_case set own_reference = true where case_no = ?", caseNo);
    }

    /** Whether one of Shirong's own flows reported the case under its reference ({@link #markOwnReference}). */
    boolean hasOwnReference(String caseNo) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select own_reference from rect_case where case_no = ?", Boolean.class,
                caseNo));
    }

    /** Writes each case's process instance ({caseNo, instanceId} pairs) where the case has none yet, in one JDBC batch. */
    void setProcessInstancesWhereMissing(List<String[]> caseAndInstance) {
        caseAndInstance.forEach(p -> writing(p[0], false));
        jdbc.batchUpdate("update rect_case set process_instance_id = ? where case_no = ? and process_instance_id is null",
                caseAndInstance.stream().map(p -> new Object[] {p[1], p[0]}).toList());
    }

    /** External reference → case number, for those of {@code refs} the organisation has a case of. */
    java.util.Map<String, String> caseNumbersByExternalRef(String tenantId, List<String> refs) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        holdersByExternalRef(tenantId, refs).forEach((ref, holder) -> found.put(ref, holder.caseNo()));
        return found;
    }

    /** A case holding an external reference: its number and lead unit (null before dispatch). */
    record Holder(String caseNo, String leadUnit) {
    }

    /** External reference → the case holding it, for those of {@code refs} the organisation has a case of. */
    java.util.Map<String, Holder> holdersByExternalRef(String tenantId, List<String> refs) {
        java.util.Map<String, Holder> found = new java.util.HashMap<>();
        for (int from = 0; from < refs.size(); from += 500) {
            List<String> chunk = refs.subList(from, Math.min(refs.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(List.of(tenantId));
            args.addAll(chunk);
            jdbc.query("select external_ref, case_no, lead_unit from rect_case where tenant_id = ? and external_ref in (" + marks + ")",
                    rs -> {
                        found.put(rs.getString(1), new Holder(rs.getString(2), rs.getString(3)));
                    }, args.toArray());
        }
        return found;
    }

    List<String> existingExternalRefs(String tenantId, List<String> refs) {
        return List.copyOf(caseNumbersByExternalRef(tenantId, refs).keySet());
    }

    record Page(List<CaseRecord> items, long total) {
    }

    /** A page of the cases matching the filter and, unless it is null, the reader's {@code visible} condition. */
    Page list(CaseFilter filter, CaseVisibility.Filter visible, int page, int size) {
        Where where = where(filter, visible);
        Long total = jdbc.queryForObject("select count(*) from rect_case" + where.sql(), Long.class, where.args().toArray());
        List<Object> pageArgs = new ArrayList<>(where.args());
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<CaseRecord> items = jdbc.query("select " + COLUMNS + " from rect_case" + where.sql()
                + " order by reported_at desc, case_no desc limit ? offset ?", CaseRecords::map, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /**
     * Every case matching the filter and the reader's {@code visible} condition, in the list's order (newest first),
     * handed over {@code pageSize} at a time: each page is read after the last one was handled (keyset, so that a
     * long ledger is never held in memory at once nor read from its start again).
     */
    void forEachPage(CaseFilter filter, CaseVisibility.Filter visible, int pageSize, java.util.function.Consumer<List<CaseRecord>> handler) {
        Where where = where(filter, visible);
        CaseRecord last = null;
        while (true) {
            List<Object> args = new ArrayList<>(where.args());
            String after = "";
            if (last != null) {
                after = " and (reported_at < ? or (reported_at = ? and case_no < ?))";
                args.add(ts(last.reportedAt()));
                args.add(ts(last.reportedAt()));
                args.add(last.caseNo());
            }
            args.add(pageSize);
            List<CaseRecord> page = jdbc.query("select " + COLUMNS + " from rect_case" + where.sql() + after
                    + " order by reported_at desc, case_no desc limit ?", CaseRecords::map, args.toArray());
            if (page.isEmpty()) {
                return;
            }
            handler.accept(page);
            if (page.size() < pageSize) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(CaseFilter filter, CaseVisibility.Filter visible) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (visible != null) {
            where.append(" and ").append(visible.sql());
            args.addAll(visible.args());
        }
        if (filter.cooperating() != null) {
            List<String> units = filter.unit() != null ? List.of(filter.unit()) : filter.cooperating();
            where.append(" and ").append(units.isEmpty() ? "1 = 0" : CaseParties.partyCondition(units.size()));
            args.addAll(units);
        } else if (filter.unit() != null) {
            where.append(" and lead_unit = ?");
            args.add(filter.unit());
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.overdue() != null) {
            where.append(" and overdue = ?");
            args.add(filter.overdue());
        }
        if (filter.escalated() != null) {
            where.append(" and escalated = ?");
            args.add(filter.escalated());
        }
        if (filter.campaign() != null) {
            where.append(" and campaign_code = ?");
            args.add(filter.campaign());
        }
        if (filter.organization() != null) {
            where.append(" and tenant_id = ?");
            args.add(filter.organization());
        }
        if (filter.reported() != null && filter.reported().start() != null) {
            where.append(" and reported_at >= ?");
            args.add(Timestamp.from(filter.reported().start()));
        }
        if (filter.reported() != null && filter.reported().end() != null) {
            where.append(" and reported_at < ?");
            args.add(Timestamp.from(filter.reported().end()));
        }
        if (filter.territory() != null) {
            where.append(" and territory = ?");
            args.add(filter.territory());
        }
        return new Where(where.toString(), args);
    }

    /** When each of the cases last passed verification (核查通过), for those that did. */
    java.util.Map<String, Instant> verifiedAt(List<String> caseNos) {
        return instants("select case_no, max(occurred_at) from rect_case_event where kind = 'VERIFIED' and case_no in (%s)"
                + " group by case_no", caseNos);
    }

    /** The due date of each case's last approved extension, for the cases extended. */
    java.util.Map<String, Instant> extendedDue(List<String> caseNos) {
        return instants("select e.case_no, e.requested_due from rect_case_extension e where e.approved = true"
                + " and e.case_no in (%s) and e.seq = (select max(x.seq) from rect_case_extension x"
                + " where x.case_no = e.case_no and x.approved = true)", caseNos);
    }

    private java.util.Map<String, Instant> instants(String sql, List<String> caseNos) {
        java.util.Map<String, Instant> found = new java.util.HashMap<>();
        if (caseNos.isEmpty()) {
            return found;
        }
        jdbc.query(sql.formatted(String.join(",", java.util.Collections.nCopies(caseNos.size(), "?"))), rs -> {
            found.put(rs.getString(1), instant(rs, 2));
        }, caseNos.toArray());
        return found;
    }

    void update(String caseNo, String assignments, Object... args) {
        writing(caseNo, false);
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = caseNo;
        int rows = jdbc.update("update rect_case set " + assignments + " where case_no = ?", all);
        if (rows != 1) {
            throw new IllegalStateException("案件不存在: " + caseNo);
        }
    }

    /**
     * As {@link #update} followed by {@link #addEvent}; on PostgreSQL the event is inserted from what the update returns,
     * in the same statement (issue 13, W1: a round trip less in a claim, a submission, a return and a failed check).
     */
    void updateWithEvent(String caseNo, String assignments, Object[] args, Instant at, CaseEventKind kind, String actor,
            String detail, String unitId) {
        int rows = updateThenEvent("update rect_case set " + assignments + " where case_no = ?", concat(args, new Object[] {caseNo}),
                caseNo, at, kind, actor, detail, unitId);
        if (rows != 1) {
            throw new IllegalStateException("案件不存在: " + caseNo);
        }
    }

    /**
     * Sets the case's {@code flag} column ({@code warning_sent}, {@code overdue}, {@code escalated}) with its {@code kind}
     * event, unless the flag is set already (for the current due date) or the case is closed; true when it did. The
     * condition is part of the update, which locks the row as a locking read would have (issue 13, W3: a deadline was a
     * locking read, an update and an insert).
     */
    boolean flagWithEvent(String caseNo, String flag, Instant at, CaseEventKind kind) {
        boolean flagged = updateThenEvent("update rect_case set " + flag + " = true where case_no = ? and not " + flag
                + " and " + OPEN, new Object[] {caseNo}, caseNo, at, kind, null, null, null) == 1;
        if (flagged) {
            writing(caseNo, true); // its row is this transaction's until it ends
        } else if (jdbc.queryForObject("select count(*) from rect_case where case_no = ?", Integer.class, caseNo) == 0) {
            throw new IllegalStateException("案件不存在: " + caseNo);
        }
        return flagged;
    }

    /**
     * Runs {@code update} (of the case {@code caseNo}, with {@code args}) and writes the case's event if it changed the
     * row; the rows it changed. On PostgreSQL the event is inserted from what the update returns, in the same statement.
     */
    private int updateThenEvent(String update, Object[] args, String caseNo, Instant at, CaseEventKind kind, String actor,
            String detail, String unitId) {
        writing(caseNo, false);
        if (database.isPostgres()) {
            return jdbc.update("with updated as (" + update + " returning case_no) " + INSERT_EVENT_OF + " updated",
                    concat(args, new Object[] {ts(at), kind.name(), actor, detail, unitId}));
        }
        int rows = jdbc.update(update, args);
        if (rows == 1) {
            addEvent(caseNo, at, kind, actor, detail, unitId);
        }
        return rows;
    }

    void addEvent(String caseNo, Instant at, CaseEventKind kind, String actor, String detail) {
        addEvent(caseNo, at, kind, actor, detail, null);
    }

    /** A step that concerns one unit (dispatched to it, returned by it). */
    void addEvent(String caseNo, Instant at, CaseEventKind kind, String actor, String detail, String unitId) {
        jdbc.update(INSERT_EVENT, caseNo, ts(at), kind.name(), actor, detail, unitId);
    }

    private static final String INSERT_EVENT = "insert into rect_case_event (case_no, occurred_at, kind, actor, detail, unit_id)"
            + " values (?,?,?,?,?,?)";

    /** The cases' first events (an import's chunk: each case's REPORTED) in one JDBC batch, in the cases' order. */
    void addFirstEvents(List<CaseRecord> cases, CaseEventKind kind) {
        jdbc.batchUpdate(INSERT_EVENT, cases.stream().map(c -> new Object[] {c.caseNo(), ts(c.reportedAt()), kind.name(),
                c.reportedBy(), c.title(), null}).toList());
    }

    List<CaseEvent> events(String caseNo) {
        return jdbc.query("select occurred_at, kind, actor, detail from rect_case_event where case_no = ? order by occurred_at, id",
                (rs, n) -> new CaseEvent(instant(rs, "occurred_at"), CaseEventKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"), rs.getString("detail")), caseNo);
    }

    /** Who made the case's latest step of {@code kind}, if anyone did (a step the system made has no actor). */
    Optional<String> lastActor(String caseNo, CaseEventKind kind) {
        return jdbc.query("select actor from rect_case_event where case_no = ? and kind = ? and actor is not null"
                + " order by occurred_at desc, id desc", (rs, n) -> rs.getString(1), caseNo, kind.name()).stream().findFirst();
    }

    /** When {@code actor} last gave the case a 督办, if ever. */
    Optional<Instant> lastSupervisedBy(String caseNo, String actor) {
        return Optional.ofNullable(jdbc.queryForObject("select max(occurred_at) from rect_case_event where case_no = ? and kind = ?"
                + " and actor = ?", java.sql.Timestamp.class, caseNo, CaseEventKind.SUPERVISED.name(), actor)).map(java.sql.Timestamp::toInstant);
    }

    /** The 督办 events of the campaign's cases that are not closed, newest first: one query for the lot. */
    List<RectificationCases.Supervision> supervisionOfOpenCases(String campaignCode) {
        return jdbc.query("select e.case_no, e.occurred_at, e.actor, e.detail from rect_case_event e"
                        + " join rect_case c on c.case_no = e.case_no where c.campaign_code = ? and c." + OPEN
                        + " and e.kind = ? order by e.occurred_at desc, e.id desc",
                (rs, n) -> new RectificationCases.Supervision(rs.getString("case_no"), instant(rs, "occurred_at"),
                        rs.getString("actor"), rs.getString("detail")), campaignCode, CaseEventKind.SUPERVISED.name());
    }

    void addExtension(String caseNo, int seq, String reason, Instant requestedDue, String requestedBy, Instant at, String approverGroup) {
        jdbc.update("insert into rect_case_extension (case_no, seq, reason, requested_due, requested_by, requested_at, approver_group)"
                + " values (?,?,?,?,?,?,?)", caseNo, seq, reason, ts(requestedDue), requestedBy, ts(at), approverGroup);
    }

    void decideExtension(String caseNo, int seq, boolean approved, String decidedBy, Instant at, String comment) {
        jdbc.update("update rect_case_extension set approved = ?, decided_by = ?, decided_at = ?, comment = ? where case_no = ? and seq = ?",
                approved, decidedBy, ts(at), comment, caseNo, seq);
    }

    record Extension(int seq, String reason, Instant requestedDue, String requestedBy, Instant requestedAt,
            String approverGroup, Boolean approved, String decidedBy, Instant decidedAt, String comment) {
    }

    List<Extension> extensions(String caseNo) {
        return jdbc.query("select seq, reason, requested_due, requested_by, requested_at, approver_group, approved, decided_by,"
                        + " decided_at, comment from rect_case_extension where case_no = ? order by seq",
                (rs, n) -> new Extension(rs.getInt("seq"), rs.getString("reason"), instant(rs, "requested_due"),
                        rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("approver_group"),
                        (Boolean) rs.getObject("approved"), rs.getString("decided_by"), instant(rs, "decided_at"),
                        rs.getString("comment")), caseNo);
    }

    /** The case's extension requests made after it was last reopened (rect_case_round), all of them if it never was. */
    int extensionsRequestedSinceReopened(String caseNo) {
        return jdbc.queryForObject("select count(*) from rect_case_extension e where e.case_no = ? and not exists (select 1"
                + " from rect_case_round r where r.case_no = e.case_no and r.reopened_at > e.requested_at)", Integer.class, caseNo);
    }

    int pendingExtensionSeq(String caseNo) {
        Integer seq = jdbc.queryForObject("select max(seq) from rect_case_extension where case_no = ?", Integer.class, caseNo);
        return seq == null ? 0 : seq;
    }

    /** {@code takenAt}, {@code latitude}, {@code longitude}: from the photo's EXIF, null when it carried none. */
    record Photo(long id, String kind, int round, String fileName, String mimeType, int sizeBytes, Instant uploadedAt,
            LocalDateTime takenAt, Double latitude, Double longitude) {
    }

    /**
     * Adds the photo with its PHOTO_ADDED event, in the case's current round (a rework or a reopening starts the next: the
     * round is the case's row's, read by the insert itself, not by a select before it; issue 13, W1); on PostgreSQL the
     * event is inserted from what the photo's insert returns, in the same statement (a round trip less for each photo).
     */
    void addPhotoWithEvent(String caseNo, String kind, EvidencePhotos.Photo photo, Instant at, String actor, String detail) {
        if (!database.isPostgres()) {
            jdbc.update(INSERT_PHOTO, photoValues(caseNo, kind, photo, at));
            addEvent(caseNo, at, CaseEventKind.PHOTO_ADDED, actor, detail);
            return;
        }
        jdbc.update("with added as (" + INSERT_PHOTO + " returning case_no) " + INSERT_EVENT_OF + " added",
                concat(photoValues(caseNo, kind, photo, at),
                        new Object[] {ts(at), CaseEventKind.PHOTO_ADDED.name(), actor, detail, null}));
    }

    private static final String INSERT_PHOTO = "insert into rect_case_photo (case_no, kind, round, file_name, mime_type,"
            + " size_bytes, content, uploaded_at, taken_at, latitude, longitude) values (?, ?, (select rework_count + reopen_count"
            + " + 1 from rect_case where case_no = ?), ?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] photoValues(String caseNo, String kind, EvidencePhotos.Photo photo, Instant at) {
        return new Object[] {caseNo, kind, caseNo, photo.fileName(), photo.mimeType(), photo.content().length, photo.content(),
                ts(at), photo.takenAt(), photo.latitude(), photo.longitude()};
    }

    List<Photo> photos(String caseNo) {
        return jdbc.query("select id, kind, round, file_name, mime_type, size_bytes, uploaded_at, taken_at, latitude, longitude"
                        + " from rect_case_photo where case_no = ? order by id",
                (rs, n) -> new Photo(rs.getLong("id"), rs.getString("kind"), rs.getInt("round"), rs.getString("file_name"),
                        rs.getString("mime_type"), rs.getInt("size_bytes"), instant(rs, "uploaded_at"),
                        rs.getObject("taken_at", LocalDateTime.class), rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class)), caseNo);
    }

    Optional<byte[]> photoContent(String caseNo, long id) {
        return jdbc.query("select content from rect_case_photo where case_no = ? and id = ?",
                (rs, n) -> rs.getBytes(1), caseNo, id).stream().findFirst();
    }
}

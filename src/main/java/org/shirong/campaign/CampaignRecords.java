package org.shirong.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.rectification.CaseHolders;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.RectificationCases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The campaign tables of V7: campaigns, their phases and units, and the tasks they handed out. A campaign's cases are
 * rectification's ({@code rect_case.campaign_code}), read through {@link RectificationCases}.
 */
@Repository
class CampaignRecords {

    /** Status of a campaign and of a handed-out task. */
    static final String RUNNING = "RUNNING";
    static final String ENDED = "ENDED";
    static final String CANCELLED = "CANCELLED";
    static final String OPEN = "OPEN";
    static final String DONE = "DONE";

    record Campaign(String code, String name, String templateId, String templateName, String processInstanceId,
            String status, int currentPhase, String startedBy, Instant startedAt, Instant endedAt, String tenantId,
            String cancelledBy, String cancelReason) {

        Campaign(String code, String name, String templateId, String templateName, String processInstanceId,
                String status, int currentPhase, String startedBy, Instant startedAt, Instant endedAt, String tenantId) {
            this(code, name, templateId, templateName, processInstanceId, status, currentPhase, startedBy, startedAt, endedAt,
                    tenantId, null, null);
        }
    }

    /** A running campaign's code, name and days, from its first phase's first day to its last phase's last. */
    record Span(String code, String name, LocalDate firstDay, LocalDate lastDay) {
    }

    record PhaseRow(int no, String phaseId, String name, LocalDate firstDay, LocalDate lastDay, Instant startsAt,
            Instant endsAt, Instant startedAt, Instant endedAt, Integer openAtEnd) {
    }

    record UnitRow(String unitId, String groupId, String name, String duties, boolean standIn, int sortNo) {
    }

    record TaskRow(Long id, String campaignCode, String taskKey, Integer phaseNo, String cycleId, String definitionId,
            String name, String kind, String groupId, String unitId, String itemCategory, String findingsSource,
            Instant dueAt, String processInstanceId, String status, String result, String completedBy, Instant createdAt,
            Instant completedAt, String runName) {
    }

    /**
     * A case found by the campaign and not yet closed: the unit that has it ({@link CaseHolders}: its lead unit, the office
     * while it waits for 重新派遣; null before dispatch), category (the plan item's, when it has one) and due instant.
     * {@code territory}: the town or street (or the organisation itself) the case lies in, as the case keeps it.
     */
    record OpenCase(String caseNo, String heldBy, String title, String status, String planItem, Instant dueAt, String territory,
            String source) {
    }

    private final JdbcTemplate jdbc;
    private final RectificationCases cases;
    private final CaseHolders holders;

    CampaignRecords(JdbcTemplate jdbc, RectificationCases cases, CaseHolders holders) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.holders = holders;
    }

    boolean exists(String code) {
        return jdbc.queryForObject("select count(*) from campaign where code = ?", Integer.class, code) > 0;
    }

    void insert(Campaign c) {
        jdbc.update("insert into campaign (code, name, template_id, template_name, process_instance_id, status, current_phase,"
                + " started_by, started_at, tenant_id) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", c.code(), c.name(), c.templateId(),
                c.templateName(), c.processInstanceId(), RUNNING, c.startedBy(), ts(c.startedAt()), c.tenantId());
    }

    void insertPhase(String code, PhaseRow p) {
        jdbc.update("insert into campaign_phase (campaign_code, phase_no, phase_id, name, first_day, last_day, starts_at, ends_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", code, p.no(), p.phaseId(), p.name(), p.firstDay(), p.lastDay(),
                ts(p.startsAt()), ts(p.endsAt()));
    }

    void insertUnit(String code, UnitRow u) {
        jdbc.update("insert into campaign_unit (campaign_code, unit_id, group_id, name, duties, stand_in, sort_no)"
                + " values (?, ?, ?, ?, ?, ?, ?)", code, u.unitId(), u.groupId(), u.name(), u.duties(), u.standIn(), u.sortNo());
    }

    Optional<Campaign> find(String code) {
        return jdbc.query("select * from campaign where code = ?", CampaignRecords::campaign, code).stream().findFirst();
    }

    /** Locks the campaign's row until the transaction ends, so that tasks finishing together are counted one after the other. */
    void lock(String code) {
        jdbc.query("select code from campaign where code = ? for update", rs -> null, code);
    }

    List<Campaign> all() {
        return jdbc.query("select * from campaign order by started_at desc, code", CampaignRecords::campaign);
    }

    List<PhaseRow> phases(String code) {
        return jdbc.query("select * from campaign_phase where campaign_code = ? order by phase_no", (rs, i) -> new PhaseRow(
                rs.getInt("phase_no"), rs.getString("phase_id"), rs.getString("name"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "started_at"), instant(rs, "ended_at"), (Integer) rs.getObject("open_at_end")), code);
    }

    List<UnitRow> units(String code) {
        return jdbc.query("select * from campaign_unit where campaign_code = ? order by sort_no", (rs, i) -> new UnitRow(
                rs.getString("unit_id"), rs.getString("group_id"), rs.getString("name"), rs.getString("duties"),
                rs.getBoolean("stand_in"), rs.getInt("sort_no")), code);
    }

    /** Phase {@code no} has begun: the campaign is in it, and every earlier phase still open has ended. */
    void enterPhase(String code, int no, Instant now) {
        jdbc.update("update campaign set current_phase = ? where code = ? and current_phase < ?", no, code, no);
        jdbc.update("update campaign_phase set started_at = ? where campaign_code = ? and phase_no = ? and started_at is null",
                ts(now), code, no);
        jdbc.update("update campaign_phase set ended_at = ? where campaign_code = ? and phase_no < ? and ended_at is null",
                ts(now), code, no);
    }

    void endPhase(String code, int no, Instant now, int openAtEnd) {
        jdbc.update("update campaign_phase set ended_at = ?, open_at_end = ? where campaign_code = ? and phase_no = ?",
                ts(now), openAtEnd, code, no);
    }

    void end(String code, Instant now) {
        jdbc.update("update campaign set status = ?, ended_at = ? where code = ?", ENDED, ts(now), code);
        jdbc.update("update campaign_phase set ended_at = ? where campaign_code = ? and ended_at is null", ts(now), code);
    }

    /** The organisation's running (or not yet started) campaigns of the template, with their days. */
    List<Span> runningOfTemplate(String tenantId, String templateId) {
        return jdbc.query("select c.code, c.name, min(p.first_day) as first_day, max(p.last_day) as last_day from campaign c"
                + " join campaign_phase p on p.campaign_code = c.code where c.tenant_id = ? and c.template_id = ? and c.status = ?"
                + " group by c.code, c.name order by first_day", (rs, i) -> new Span(rs.getString("code"), rs.getString("name"),
                        rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)),
                tenantId, templateId, RUNNING);
    }

    /**
     * Cancels a running campaign, keeping its record: who and why, its phases ended now and its open tasks cancelled;
     * false when it was no longer running.
     */
    boolean cancel(String code, String user, String reason, Instant now) {
        int changed = jdbc.update("update campaign set status = ?, ended_at = ?, cancelled_by = ?, cancel_reason = ?"
                + " where code = ? and status = ?", CANCELLED, ts(now), user, reason, code, RUNNING);
        if (changed == 0) {
            return false;
        }
        jdbc.update("update campaign_phase set ended_at = ? where campaign_code = ? and started_at is not null and ended_at is null",
                ts(now), code);
        jdbc.update("update campaign_task set status = ? where campaign_code = ? and status = ?", CANCELLED, code, OPEN);
        return true;
    }

    /** Inserts the task unless one with its key exists; returns the new row's id, or empty when it existed. */
    Optional<Long> insertTaskIfAbsent(TaskRow t) {
        if (findTask(t.campaignCode(), t.taskKey()).isPresent()) {
            return Optional.empty();
        }
        jdbc.update("insert into campaign_task (campaign_code, task_key, phase_no, cycle_id, definition_id, name, kind, group_id,"
                + " unit_id, item_category, findings_source, due_at, status, created_at, run_name)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.campaignCode(), t.taskKey(), t.phaseNo(), t.cycleId(), t.definitionId(), t.name(), t.kind(), t.groupId(),
                t.unitId(), t.itemCategory(), t.findingsSource(), ts(t.dueAt()), OPEN, ts(t.createdAt()), t.runName());
        return findTask(t.campaignCode(), t.taskKey()).map(TaskRow::id);
    }

    /** Whether the campaign has handed out the template's phase task {@code definitionId} to any unit. */
    boolean hasPhaseTask(String code, String definitionId) {
        return jdbc.queryForObject("select count(*) from campaign_task where campaign_code = ? and definition_id = ?"
                + " and cycle_id is null", Integer.class, code, definitionId) > 0;
    }

    Optional<TaskRow> findTask(String code, String taskKey) {
        return jdbc.query("select * from campaign_task where campaign_code = ? and task_key = ?", CampaignRecords::task,
                code, taskKey).stream().findFirst();
    }

    Optional<TaskRow> task(long id) {
        return jdbc.query("select * from campaign_task where id = ?", CampaignRecords::task, id).stream().findFirst();
    }

    void setTaskProcess(long id, String processInstanceId) {
        jdbc.update("update campaign_task set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    void completeTask(long id, String result, String user, Instant now) {
        jdbc.update("update campaign_task set status = ?, result = ?, completed_by = ?, completed_at = ? where id = ?",
                DONE, result, user, ts(now), id);
    }

    List<TaskRow> tasks(String code) {
        return jdbc.query("select * from campaign_task where campaign_code = ? order by id", CampaignRecords::task, code);
    }

    /**
     * The campaign's tasks, open or done, that fall due in [{@code from}, {@code until}), and those due before {@code from}
     * still not done at {@code until} (overdue and carried over, as an overdue case is, every period until done), by
     * deadline: those a 通报 may name for not being done in time and the scores count ({@link CampaignLateTasks}).
     */
    List<TaskRow> tasksCountedIn(String code, Instant from, Instant until) {
        return jdbc.query("select * from campaign_task where campaign_code = ? and status in (?, ?) and due_at < ?"
                + " and (due_at >= ? or status = ? or completed_at > ?) order by due_at, id", CampaignRecords::task, code, OPEN,
                DONE, ts(until), ts(from), OPEN, ts(until));
    }

    /**
     * The groups with a task of {@code definitionId} of the campaign still open (a 书面报告整改情况 not yet written), other than
     * those of round {@code exceptRound} (its task keys' start).
     */
    java.util.Set<String> groupsWithOpenTask(String code, String definitionId, String exceptRound) {
        return new java.util.HashSet<>(jdbc.queryForList("select group_id from campaign_task where campaign_code = ?"
                + " and definition_id = ? and status = ? and task_key not like ?", String.class, code, definitionId, OPEN,
                exceptRound + "/%"));
    }

    /** The open tasks of {@code definitionId} of the campaign handed out in round {@code round} (their task keys' start). */
    List<TaskRow> openTasksOfRound(String code, String definitionId, String round) {
        return jdbc.query("select * from campaign_task where campaign_code = ? and definition_id = ? and status = ?"
                + " and task_key like ? order by id", CampaignRecords::task, code, definitionId, OPEN, round + "/%");
    }

    List<TaskRow> openPhaseTasks(String code, int phaseNo) {
        return jdbc.query("select * from campaign_task where campaign_code = ? and phase_no = ? and status = ? order by id",
                CampaignRecords::task, code, phaseNo, OPEN);
    }

    /**
     * The open tasks handed out with {@code task} (the same phase task or cycle of the campaign) that fall due at the same
     * moment as it, {@code task} among them while open: the units a 【任务超期】 digest to the office names.
     */
    List<TaskRow> openTasksDueWith(TaskRow task) {
        return jdbc.query("select * from campaign_task where campaign_code = ? and definition_id = ? and due_at = ? and status = ?"
                + " order by id", CampaignRecords::task, task.campaignCode(), task.definitionId(), ts(task.dueAt()), OPEN);
    }

    /** The campaign's open tasks: those of its phases up to {@code lastPhaseNo}, and, when {@code withCycles}, its cycles' too. */
    List<TaskRow> openTasks(String code, int lastPhaseNo, boolean withCycles) {
        return jdbc.query("select * from campaign_task where campaign_code = ? and status = ? and (phase_no <= ?"
                + (withCycles ? " or phase_no is null" : "") + ") order by id", CampaignRecords::task, code, OPEN, lastPhaseNo);
    }

    /**
     * The campaign's cases that are not closed, oldest first, with the unit that has each ({@link CaseHolders}, the one rule
     * the 驾驶舱 and reports count by), title, due instant and the plan item they recorded (null: none).
     */
    List<OpenCase> openCases(String code) {
        List<CaseRecord> open = cases.openCasesOfCampaign(code);
        Map<String, String> heldBy = holders.countedUnder(code, open);
        return open.stream()
                .map(c -> new OpenCase(c.caseNo(), heldBy.get(c.caseNo()), c.title(), c.status().name(),
                        c.planItem(), c.dueAt(), c.territory(), c.source() == null ? null : c.source().name())).toList();
    }

    /** The numbers of every case of the campaign, closed or not. */
    List<String> caseNumbers(String code) {
        return cases.caseNumbersOfCampaign(code);
    }

    /** How many of the campaign's cases (whatever entry they came by) are in each status. */
    Map<String, Integer> caseCounts(String code) {
        return cases.caseCountsOfCampaign(code);
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getString("code"), rs.getString("name"), rs.getString("template_id"),
                rs.getString("template_name"), rs.getString("process_instance_id"), rs.getString("status"),
                rs.getInt("current_phase"), rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "ended_at"),
                rs.getString("tenant_id"), rs.getString("cancelled_by"), rs.getString("cancel_reason"));
    }

    private static TaskRow task(ResultSet rs, int row) throws SQLException {
        return new TaskRow(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("task_key"),
                (Integer) rs.getObject("phase_no"), rs.getString("cycle_id"), rs.getString("definition_id"),
                rs.getString("name"), rs.getString("kind"), rs.getString("group_id"), rs.getString("unit_id"),
                rs.getString("item_category"), rs.getString("findings_source"), instant(rs, "due_at"),
                rs.getString("process_instance_id"), rs.getString("status"), rs.getString("result"),
                rs.getString("completed_by"), instant(rs, "created_at"), instant(rs, "completed_at"), rs.getString("run_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package org.shirong.zone;

import static org.shirong.system.ChineseDates.MINUTE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.system.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The 门责 ladder on record ({@code zone_breach}, {@code zone_ladder_step}): a breach opened by an inspection, where
 * it starts (repeat breaches within the window start higher), each step with its 整改期限 on the working calendar, the
 * holder told, the recheck, and how it ended (complied or handed over to enforcement). Every step also goes into the
 * zone's file. Called by {@link ZoneInspections} and, through the delegates and listeners, by
 * {@code ZoneEnforcementProcess}, in the caller's transaction; time is the engine's clock so that process tests can
 * move it.
 */
@Service
class ZoneLadder {

    /** The steps of the ladder, by level. */
    enum Level {
        ADVICE(1, "告知劝导", ZoneEventKind.ADVISED),
        YELLOW_CARD(2, "黄牌", ZoneEventKind.YELLOW_CARD),
        RED_CARD(3, "红牌", ZoneEventKind.RED_CARD);

        private final int number;
        private final String label;
        private final ZoneEventKind event;

        Level(int number, String label, ZoneEventKind event) {
            this.number = number;
            this.label = label;
            this.event = event;
        }

        int number() {
            return number;
        }

        String label() {
            return label;
        }

        static Level of(int number) {
            return Arrays.stream(values()).filter(l -> l.number == number).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("没有处置级别 " + number));
        }
    }

    enum Status {
        OPEN("处置中"), COMPLIED("已整改"), HANDED_OVER("已移交执法"), CANCELLED("已撤销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record Breach(long id, String tenantId, long zoneId, Instant startedAt, String processInstanceId, Integer startLevel,
            Integer level, Status status, Instant rectifyDueAt, Instant endedAt, String caseNo) {

        /** The current step's name (告知劝导, 黄牌, 红牌); null before the first step is issued. */
        String levelName() {
            return level == null ? null : Level.of(level).label();
        }
    }

    record Step(long breachId, int level, Instant issuedAt, Instant dueAt, Instant notifiedAt, String notifiedBy,
            String advisedPerson, String adviceNote, Instant recheckedAt, String recheckedBy, Boolean complied) {

        String name() {
            return Level.of(level).label();
        }
    }

    private final JdbcTemplate jdbc;
    private final WorkingCalendars calendars;
    private final ZoneSettings settings;
    private final ZoneRecords zones;
    private final ZoneFiles files;

    ZoneLadder(JdbcTemplate jdbc, WorkingCalendars calendars, ZoneSettings settings, ZoneRecords zones, ZoneFiles files) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.settings = settings;
        this.zones = zones;
        this.files = files;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The zone's breach in handling, if any. */
    Optional<Breach> openBreach(long zoneId) {
        return jdbc.query("select * from zone_breach where open_zone_id = ?", ZoneLadder::breach, zoneId).stream().findFirst();
    }

    Breach breach(long id) {
        return jdbc.query("select * from zone_breach where id = ?", ZoneLadder::breach, id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("没有门责处置 " + id));
    }

    /** The zone's breaches, newest first. */
    List<Breach> breaches(long zoneId) {
        return jdbc.query("select * from zone_breach where zone_id = ? order by started_at desc, id desc", ZoneLadder::breach, zoneId);
    }

    /** The breach's steps, in order. */
    List<Step> steps(long breachId) {
        return jdbc.query("select * from zone_ladder_step where breach_id = ? order by level", ZoneLadder::step, breachId);
    }

    /**
     * Opens a breach of the zone; a second one while another is in handling is refused (two inspectors recording the
     * same zone at once: the later one is told to try again, and then joins the open one).
     */
    long open(String organization, long zoneId, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(c -> {
                var s = c.prepareStatement("insert into zone_breach (tenant_id, zone_id, started_at, status, open_zone_id)"
                        + " values (?, ?, ?, ?, ?)", new String[] {"id"});
                s.setString(1, organization);
                s.setLong(2, zoneId);
                s.setTimestamp(3, Timestamp.from(at));
                s.setString(4, Status.OPEN.name());
                s.setLong(5, zoneId);
                return s;
            }, key);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("ZONE_BREACH_OPEN", "该责任区刚刚由他人记录了门责问题，请重新提交，本次检查将并入该处置");
        }
        return key.getKey().longValue();
    }

    void started(long breachId, String processInstanceId) {
        jdbc.update("update zone_breach set process_instance_id = ? where id = ?", processInstanceId, breachId);
    }

    /**
     * Where the breach starts: the zone's breaches that began within {@code repeat-window-days} before it, itself
     * included, make 红牌 from {@code repeat-start-red} on, 黄牌 from {@code repeat-start-yellow} on, else 告知劝导.
     */
    Level startLevel(Breach breach) {
        ZoneSettings.Ladder r = settings.of(breach.tenantId()).ladder();
        Instant from = breach.startedAt().minus(Duration.ofDays(r.repeatWindowDays()));
        Integer n = jdbc.queryForObject("select count(*) from zone_breach where zone_id = ? and started_at >= ? and started_at <= ?",
                Integer.class, breach.zoneId(), Timestamp.from(from), Timestamp.from(breach.startedAt()));
        int count = n == null ? 1 : n;
        return count >= r.repeatStartRed() ? Level.RED_CARD : count >= r.repeatStartYellow() ? Level.YELLOW_CARD : Level.ADVICE;
    }

    /** Determines and keeps where the breach starts. */
    Level determineStart(long breachId) {
        Level level = startLevel(breach(breachId));
        jdbc.update("update zone_breach set start_level = ? where id = ?", level.number(), breachId);
        return level;
    }

    /**
     * Issues the next step: the start level the first time ({@code previous} null), else one higher. Its 整改期限 is that
     * level's limit on the organisation's working calendar from now; the step goes into the zone's file.
     */
    Step issueStep(long breachId, Integer previous) {
        Breach b = breach(breachId);
        if (previous != null && previous >= Level.RED_CARD.number()) {
            throw new IllegalStateException("门责处置 " + breachId + " 已是红牌，不能再升级：请检查 ZoneEnforcementProcess 中"
                    + "网关“红牌后仍未整改?”的条件（红牌后应移交执法）");
        }
        Level level = previous == null ? Level.of(b.startLevel() == null ? determineStart(breachId).number() : b.startLevel())
                : Level.of(previous + 1);
        TimeLimit limit = settings.of(b.tenantId()).ladder().limit(level.number());
        Instant now = now();
        Instant due = calendars.of(b.tenantId()).due(now, limit);
        jdbc.update("insert into zone_ladder_step (breach_id, level, kind, issued_at, due_at) values (?, ?, ?, ?, ?)",
                breachId, level.number(), level.name(), Timestamp.from(now), Timestamp.from(due));
        jdbc.update("update zone_breach set level = ?, rectify_due_at = ? where id = ?", level.number(), Timestamp.from(due), breachId);
        zones.markLadder(b.zoneId(), level.number(), now);
        files.record(b.zoneId(), level.event, null, "%s：限 %s 前整改（%s）".formatted(level.label(), shown(b.tenantId(), due),
                limit.label()), ref(breachId), null);
        return steps(breachId).stream().filter(s -> s.level() == level.number()).findFirst().orElseThrow();
    }

    /** The owner group told the holder of the current step. */
    void notified(long breachId, int level, String actor, String person, String note) {
        jdbc.update("update zone_ladder_step set notified_at = ?, notified_by = ?, advised_person = ?, advice_note = ?"
                + " where breach_id = ? and level = ?", Timestamp.from(now()), actor, person, note, breachId, level);
    }

    /** The inspector rechecked the current step. */
    void rechecked(long breachId, int level, String actor, boolean complied) {
        jdbc.update("update zone_ladder_step set rechecked_at = ?, rechecked_by = ?, complied = ? where breach_id = ? and level = ?",
                Timestamp.from(now()), actor, complied, breachId, level);
    }

    /** The holder complied: the breach ends and the zone is no longer on the ladder. */
    void complied(long breachId) {
        Breach b = breach(breachId);
        end(b, Status.COMPLIED, null);
        files.record(b.zoneId(), ZoneEventKind.COMPLIED, null, b.levelName() == null ? "已整改，结束处置"
                : "经" + b.levelName() + "后已整改，结束处置", ref(breachId), null);
    }

    /** The breach went to enforcement as case {@code caseNo}. */
    void handedOver(long breachId, String caseNo) {
        end(breach(breachId), Status.HANDED_OVER, caseNo);
    }

    /** The breach's process is gone (deleted in Cockpit): the breach ends, so that the next one starts a ladder again. */
    void cancelled(long breachId) {
        Breach b = breach(breachId);
        end(b, Status.CANCELLED, null);
        files.record(b.zoneId(), ZoneEventKind.BREACH_CANCELLED, null, "处置流程已被撤销（" + (b.levelName() == null ? "告知前"
                : b.levelName()) + "），本次处置结束", ref(breachId), null);
    }

    private void end(Breach b, Status status, String caseNo) {
        Instant now = now();
        jdbc.update("update zone_breach set status = ?, ended_at = ?, case_no = ?, open_zone_id = null where id = ?",
                status.name(), Timestamp.from(now), caseNo, b.id());
        zones.markLadder(b.zoneId(), 0, now);
    }

    /** The file reference of a breach: {@code breach-<id>}, its process's business key. */
    static String ref(long breachId) {
        return ZoneEnforcementProcess.businessKey(breachId);
    }

    String shown(String organization, Instant at) {
        WorkingCalendar calendar = calendars.of(organization);
        return MINUTE.format(at.atZone(calendar.zone()));
    }

    private static Breach breach(ResultSet rs, int row) throws SQLException {
        return new Breach(rs.getLong("id"), rs.getString("tenant_id"), rs.getLong("zone_id"), instant(rs, "started_at"),
                rs.getString("process_instance_id"), integer(rs, "start_level"), integer(rs, "level"),
                Status.valueOf(rs.getString("status")), instant(rs, "rectify_due_at"), instant(rs, "ended_at"), rs.getString("case_no"));
    }

    private static Step step(ResultSet rs, int row) throws SQLException {
        return new Step(rs.getLong("breach_id"), rs.getInt("level"), instant(rs, "issued_at"), instant(rs, "due_at"),
                instant(rs, "notified_at"), rs.getString("notified_by"), rs.getString("advised_person"), rs.getString("advice_note"),
                instant(rs, "rechecked_at"), rs.getString("rechecked_by"), rs.getObject("complied", Boolean.class));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

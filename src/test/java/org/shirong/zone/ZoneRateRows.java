package org.shirong.zone;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the zone rows the rates count, at given instants, as the register, the 告知书 process and the ladder leave them:
 * zones through {@link ZoneRecords#insert}; notices, inspections, breaches and ladder steps directly with the columns of
 * V33/V34 (their owners write them at the engine clock, one step at a time, and the rates are about where in the period
 * each instant falls).
 */
final class ZoneRateRows {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String TENANT = "jiuting";

    private final JdbcTemplate jdbc;
    private final ZoneRecords zones;

    ZoneRateRows(JdbcTemplate jdbc, ZoneRecords zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    /** An instant given as Shanghai wall-clock time, "2026-05-12T10:00". */
    static Instant at(String shanghai) {
        return LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant();
    }

    private static Timestamp ts(String shanghai) {
        return shanghai == null ? null : Timestamp.from(at(shanghai));
    }

    long zone(String zoneNo, ZoneType type, RoadClass road, String ownerGroup, String registered, Zone.Status status) {
        return zones.insert(new Zone(0, TENANT, zoneNo, "演示" + zoneNo, type, "九亭大街 " + zoneNo.substring(4) + " 号", "第一居委会",
                null, "九亭大街", road, null, null, "张" + zoneNo.substring(4), "13800000000", "门前至道路侧石", null, ownerGroup,
                status, null, null, 0, at(registered), "chuangban1", at(registered)));
    }

    void notice(long zoneId, int edition, String ownerGroup, String delivered, String posted) {
        jdbc.update("insert into zone_notice (tenant_id, zone_id, edition, owner_group, issued_at, issued_by, delivered_at,"
                        + " delivered_by, delivered_to, posted_at, posted_by, status) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                TENANT, zoneId, edition, ownerGroup, ts(edition + "-02-01T09:00"), "chuangban1", ts(delivered),
                delivered == null ? null : "juwei01a", delivered == null ? null : "责任人", ts(posted),
                posted == null ? null : "juwei01a", posted != null ? "POSTED" : delivered != null ? "DELIVERED" : "ISSUED");
    }

    void inspection(long zoneId, String kind, String at, boolean ok) {
        jdbc.update("insert into zone_inspection (tenant_id, zone_id, kind, inspected_at, inspector, result, items)"
                + " values (?,?,?,?,?,?,?)", TENANT, zoneId, kind, ts(at), "ducha1", ok ? "OK" : "BREACH", ok ? null : "PILING");
    }

    long breach(long zoneId, String started, String status, String ended) {
        jdbc.update("insert into zone_breach (tenant_id, zone_id, started_at, start_level, level, status, ended_at)"
                + " values (?,?,?,?,?,?,?)", TENANT, zoneId, ts(started), 1, 1, status, ts(ended));
        Long id = jdbc.queryForObject("select max(id) from zone_breach where zone_id = ?", Long.class, zoneId);
        return id == null ? 0 : id;
    }

    void step(long breachId, int level, String kind, String issued) {
        jdbc.update("insert into zone_ladder_step (breach_id, level, kind, issued_at, due_at) values (?,?,?,?,?)",
                breachId, level, kind, ts(issued), Timestamp.from(at(issued).plusSeconds(2 * 86400)));
    }

    /** Removes this test's zones (numbered ZRT-), their notices, inspections, breaches and files, and its trainings. */
    void clear(String trainingTitle) {
        String mine = "(select id from zone where tenant_id = '" + TENANT + "' and zone_no like 'ZRT-%')";
        jdbc.update("delete from zone_ladder_step where breach_id in (select id from zone_breach where zone_id in " + mine + ")");
        jdbc.update("delete from zone_breach where zone_id in " + mine);
        jdbc.update("delete from zone_inspection where zone_id in " + mine);
        jdbc.update("delete from zone_notice where zone_id in " + mine);
        jdbc.update("delete from training_attendee where session_id in (select id from training_session where title = ?)",
                trainingTitle);
        jdbc.update("delete from training_session where title = ?", trainingTitle);
        jdbc.update("delete from zone_event where zone_id in " + mine);
        jdbc.update("delete from zone where tenant_id = ? and zone_no like 'ZRT-%'", TENANT);
    }
}

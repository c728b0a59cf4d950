package org.shirong.zone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code zone} table, through the engine's DataSource and transaction. */
@Repository
class ZoneRecords {

    private static final String COLUMNS = "id, tenant_id, zone_no, holder_name, holder_type, address, community, grid_cell,"
            + " street, road_class, lat, lng, person, phone, extent, duties, owner_group, status, notice_edition,"
            + " notice_status, ladder_level, created_at, created_by, updated_at";

    /**
     * A stored number compared as {@link Zone#normalNo} would give it: full-width ASCII (and the ideographic space), which
     * NFKC turns into ASCII, translated and the whole upper-cased, so that numbers stored as typed before numbers were
     * normalised ({@code tz-2}, {@code ＴＺ－２}) are found by their normal form without rewriting them (an old
     * {@code ＴＺ－２} beside a later {@code TZ-2} would collide).
     */
    private static final String NORMAL_NO;

    static {
        StringBuilder fullWidth = new StringBuilder("\u3000");
        StringBuilder ascii = new StringBuilder(" ");
        for (char c = '!'; c <= '~'; c++) {
            fullWidth.append((char) (c - '!' + '\uFF01'));
            ascii.append(c);
        }
        NORMAL_NO = "upper(translate(zone_no, '" + fullWidth + "', '" + ascii.toString().replace("'", "''") + "'))";
    }

    /** A page of a search and how many zones match in all. */
    record Page(List<Zone> zones, long total) {
    }

    private final JdbcTemplate jdbc;

    ZoneRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The groups that own at least one zone of the organisation (in or out of the register), for the page's filter. */
    java.util.Set<String> ownerGroupsWithZones(String tenant) {
        return new java.util.HashSet<>(jdbc.queryForList("select distinct owner_group from zone where tenant_id = ?", String.class, tenant));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Zone map(ResultSet rs, int row) throws SQLException {
        return new Zone(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("zone_no"), rs.getString("holder_name"),
                ZoneType.valueOf(rs.getString("holder_type")), rs.getString("address"), rs.getString("community"),
                rs.getString("grid_cell"), rs.getString("street"), RoadClass.valueOf(rs.getString("road_class")),
                rs.getBigDecimal("lat"), rs.getBigDecimal("lng"), rs.getString("person"), rs.getString("phone"),
                rs.getString("extent"), rs.getString("duties"), rs.getString("owner_group"),
                Zone.Status.valueOf(rs.getString("status")), (Integer) rs.getObject("notice_edition"),
                rs.getString("notice_status"), rs.getInt("ladder_level"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"));
    }

    Optional<Zone> find(long id) {
        return jdbc.query("select " + COLUMNS + " from zone where id = ?", ZoneRecords::map, id).stream().findFirst();
    }

    /**
     * The zone of this number as {@link Zone#normalNo} reads it; a number stored before numbers were normalised
     * (written as typed, say {@code tz-2} or {@code ＴＺ－２}) is found by its normal form, the one stored exactly so first.
     */
    Optional<Zone> findByNo(String tenant, String zoneNo) {
        String no = Zone.normalNo(zoneNo);
        return jdbc.query("select " + COLUMNS + " from zone where tenant_id = ? and " + NORMAL_NO + " = ?"
                + " order by case when zone_no = ? then 0 else 1 end, id", ZoneRecords::map, tenant, no, no).stream().findFirst();
    }

    /** The organisation's active zones by number. */
    List<Zone> active(String tenant) {
        return jdbc.query("select " + COLUMNS + " from zone where tenant_id = ? and status = 'ACTIVE' order by zone_no",
                ZoneRecords::map, tenant);
    }

    /**
     * Which of these numbers the organisation has registered already, each as {@link Zone#normalNo} gives it (the
     * numbers asked are compared normalised, the stored ones as {@link #findByNo} does).
     */
    List<String> existingNos(String tenant, List<String> zoneNos) {
        List<String> asked = zoneNos.stream().map(Zone::normalNo).distinct().toList();
        List<String> found = new ArrayList<>();
        for (int from = 0; from < asked.size(); from += 500) {
            List<String> chunk = asked.subList(from, Math.min(asked.size(), from + 500));
            List<Object> args = new ArrayList<>(List.of(tenant));
            args.addAll(chunk);
            jdbc.queryForList("select zone_no from zone where tenant_id = ? and " + NORMAL_NO + " in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", String.class, args.toArray())
                    .stream().map(Zone::normalNo).filter(n -> !found.contains(n)).forEach(found::add);
        }
        return found;
    }

    Page search(ZoneQuery query) {
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.tenant()));
        if (query.q() != null && !query.q().isBlank()) {
            // The number as numbers are compared; the names, addresses and people as they were typed and stored, where
            // NFKC of the query alone would miss a stored full-width （东段） or １号.
            where.append(" and (" + NORMAL_NO + " like ? or lower(holder_name) like ? or lower(address) like ?"
                    + " or lower(coalesce(street, '')) like ? or lower(person) like ?)");
            String no = like(Zone.normalNo(query.q()));
            String text = like(query.q().strip().toLowerCase());
            Collections.addAll(args, no, text, text, text, text);
        }
        equal(where, args, "community", query.community());
        equal(where, args, "owner_group", query.ownerGroup());
        equal(where, args, "holder_type", query.type() == null ? null : query.type().name());
        equal(where, args, "road_class", query.roadClass() == null ? null : query.roadClass().name());
        if ("NONE".equals(query.notice())) {
            where.append(" and (notice_status is null or notice_status = 'ISSUED')");
        } else if ("DELIVERED".equals(query.notice())) {
            where.append(" and notice_status in ('DELIVERED', 'POSTED')");
        } else if (query.notice() != null) {
            equal(where, args, "notice_status", query.notice());
        }
        Long total = jdbc.queryForObject("select count(*) from zone" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<Zone> zones = jdbc.query("select " + COLUMNS + " from zone" + where + " order by zone_no limit ? offset ?",
                ZoneRecords::map, pageArgs.toArray());
        return new Page(zones, total == null ? 0 : total);
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void equal(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    /** Inserts the zone (its id is ignored) and returns the id it got; its number must be new to the organisation. */
    long insert(Zone z) {
        jdbc.update("insert into zone (tenant_id, zone_no, holder_name, holder_type, address, community, grid_cell, street,"
                        + " road_class, lat, lng, person, phone, extent, duties, owner_group, status, ladder_level, created_at,"
                        + " created_by, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                z.tenantId(), z.zoneNo(), z.holderName(), z.holderType().name(), z.address(), z.community(), z.gridCell(),
                z.street(), z.roadClass().name(), z.lat(), z.lng(), z.person(), z.phone(), z.extent(), z.duties(),
                z.ownerGroup(), z.status().name(), z.ladderLevel(), ts(z.createdAt()), z.createdBy(), ts(z.updatedAt()));
        Long id = jdbc.queryForObject("select id from zone where tenant_id = ? and zone_no = ?", Long.class, z.tenantId(),
                z.zoneNo());
        return id == null ? 0 : id;
    }

    /** Records the zone's latest 告知书: its edition and status (ISSUED, DELIVERED or POSTED). */
    void markNotice(long zoneId, int edition, String status, Instant at) {
        jdbc.update("update zone set notice_edition = ?, notice_status = ?, updated_at = ? where id = ?", edition, status,
                ts(at), zoneId);
    }

    /** Records the level of the zone's open breach: 0 none (complied or handed over), 1 告知劝导, 2 黄牌, 3 红牌. */
    void markLadder(long zoneId, int level, Instant at) {
        jdbc.update("update zone set ladder_level = ?, updated_at = ? where id = ?", level, ts(at), zoneId);
    }
}

package org.shirong.zone;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.Organizations;
import org.shirong.zone.ZoneRateTable.Rate;
import org.shirong.zone.ZoneRateTable.UnitRates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the responsibility-zone rates of a period [from, until) per 负责单位 (the zone's {@code owner_group}), read from
 * the zone tables of this package ({@code zone}, {@code zone_notice}, {@code zone_inspection}, {@code zone_breach},
 * {@code zone_ladder_step}), never written:
 * <ul>
 * <li>履责率, per road class = ROUTINE inspections in the period that found the zone OK ÷ all ROUTINE inspections in it
 * (rechecks during a breach are not counted);</li>
 * <li>送达率 = active zones registered before {@code until} whose 告知书 of the edition of the period's year was delivered
 * before {@code until} ÷ those zones; 上墙率 the same with the posting.</li>
 * </ul>
 */
@Component
class ZoneRates {

    private final JdbcTemplate jdbc;
    private final Organizations organizations;
    private final WorkingCalendar calendar;

    ZoneRates(JdbcTemplate jdbc, Organizations organizations, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.calendar = calendar;
    }

    /** The 告知书 edition a period ending (exclusive) at {@code until} counts: the year of its last day. */
    int edition(Instant until) {
        return until.minusNanos(1).atZone(calendar.zone()).getYear();
    }

    /**
     * Per 负责单位, how many of its active zones registered before {@code until} had the 告知书 of the period's edition
     * issued to them before {@code until}: none while the office has not yet issued a new year's edition.
     */
    Map<String, Integer> noticesIssued(String organization, Instant until) {
        Map<String, Integer> issued = new TreeMap<>();
        Timestamp end = Timestamp.from(until);
        jdbc.query("select z.owner_group, count(*) as issued from zone z join zone_notice n on n.zone_id = z.id and n.edition = ?"
                        + " where z.tenant_id = ? and z.status = 'ACTIVE' and z.created_at < ? and n.issued_at < ?"
                        + " group by z.owner_group",
                rs -> {
                    issued.put(rs.getString("owner_group"), rs.getInt("issued"));
                }, edition(until), organization, end, end);
        return issued;
    }

    ZoneRateTable table(String organization, Instant from, Instant until) {
        Map<String, Counts> units = new TreeMap<>();
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(until);
        int edition = edition(until);
        jdbc.query("select z.owner_group, count(*) as zones,"
                        + " sum(case when n.delivered_at < ? then 1 else 0 end) as delivered,"
                        + " sum(case when n.posted_at < ? then 1 else 0 end) as posted"
                        + " from zone z left join zone_notice n on n.zone_id = z.id and n.edition = ?"
                        + " where z.tenant_id = ? and z.status = 'ACTIVE' and z.created_at < ? group by z.owner_group",
                rs -> {
                    Counts c = units.computeIfAbsent(rs.getString("owner_group"), k -> new Counts());
                    c.zones = rs.getInt("zones");
                    c.delivered = rs.getInt("delivered");
                    c.posted = rs.getInt("posted");
                }, end, end, edition, organization, end);
        jdbc.query("select z.owner_group, z.road_class, count(*) as inspections,"
                        + " sum(case when i.result = 'OK' then 1 else 0 end) as ok"
                        + " from zone_inspection i join zone z on z.id = i.zone_id"
                        + " where i.tenant_id = ? and i.kind = 'ROUTINE' and i.inspected_at >= ? and i.inspected_at < ?"
                        + " group by z.owner_group, z.road_class",
                rs -> {
                    Counts c = units.computeIfAbsent(rs.getString("owner_group"), k -> new Counts());
                    Rate rate = Rate.of(rs.getInt("ok"), rs.getInt("inspections"));
                    if (RoadClass.MAIN_ROAD.name().equals(rs.getString("road_class"))) {
                        c.main = c.main.plus(rate);
                    } else {
                        c.other = c.other.plus(rate);
                    }
                }, organization, start, end);
        jdbc.query("select z.owner_group, s.kind, count(*) as steps from zone_ladder_step s"
                        + " join zone_breach b on b.id = s.breach_id join zone z on z.id = b.zone_id"
                        + " where b.tenant_id = ? and s.kind in ('YELLOW_CARD', 'RED_CARD') and s.issued_at >= ? and s.issued_at < ?"
                        + " group by z.owner_group, s.kind",
                rs -> {
                    Counts c = units.computeIfAbsent(rs.getString("owner_group"), k -> new Counts());
                    if ("YELLOW_CARD".equals(rs.getString("kind"))) {
                        c.yellow = rs.getInt("steps");
                    } else {
                        c.red = rs.getInt("steps");
                    }
                }, organization, start, end);
        jdbc.query("select z.owner_group, count(*) as breaches from zone_breach b join zone z on z.id = b.zone_id"
                        + " where b.tenant_id = ? and b.status = 'HANDED_OVER' and b.ended_at >= ? and b.ended_at < ?"
                        + " group by z.owner_group",
                rs -> {
                    units.computeIfAbsent(rs.getString("owner_group"), k -> new Counts()).handedOver = rs.getInt("breaches");
                }, organization, start, end);
        List<UnitRates> rows = ordered(organization, units);
        UnitRates town = new UnitRates(null, organizations.of(organization).organization().name(), 0, Rate.NONE, Rate.NONE,
                Rate.NONE, Rate.NONE, 0, 0, 0);
        for (UnitRates row : rows) {
            town = town.plus(row);
        }
        return new ZoneRateTable(from, until, edition, rows, town);
    }

    /** The units in the order of the organisation's groups, then groups it no longer knows by id. */
    private List<UnitRates> ordered(String organization, Map<String, Counts> units) {
        Map<String, String> names = organizations.groupNames(organization);
        Map<String, Counts> inOrder = new LinkedHashMap<>();
        names.keySet().stream().filter(units::containsKey).forEach(id -> inOrder.put(id, units.get(id)));
        units.forEach(inOrder::putIfAbsent);
        List<UnitRates> rows = new ArrayList<>();
        inOrder.forEach((id, c) -> rows.add(new UnitRates(id, names.getOrDefault(id, id), c.zones, c.main, c.other,
                Rate.of(c.delivered, c.zones), Rate.of(c.posted, c.zones), c.yellow, c.red, c.handedOver)));
        return rows;
    }

    private static final class Counts {
        int zones;
        int delivered;
        int posted;
        Rate main = Rate.NONE;
        Rate other = Rate.NONE;
        int yellow;
        int red;
        int handedOver;
    }
}

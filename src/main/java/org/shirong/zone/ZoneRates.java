package org.shirong.zone;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
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
    private final ZoneSettings settings;
    private final WorkingCalendars calendars;

    ZoneRates(JdbcTemplate jdbc, Organizations organizations, WorkingCalendar calendar, ZoneSettings settings,
            WorkingCalendars calendars) {
        this.settings = settings;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.calendar = calendar;
    }

    /** The 告知书 edition a period ending (exclusive) at {@code until} counts: the year of its last day. */
    int edition(Instant until) {
        return until.minusNanos(1).atZone(calendar.zone()).getYear();
    }

    /**
     * A unit's 送达率 and 上墙率 as scored: over the notices due by then or done; {@code issued}: its notices of the edition
     * issued by then, of which those not in a rate's whole are not yet due.
     */
    record NoticeRates(Rate delivery, Rate posting, int issued) {

        int deliveryNotDue() {
            return issued - delivery.whole();
        }

        int postingNotDue() {
            return issued - posting.whole();
        }
    }

    /**
     * Per 负责单位, its 送达率 and 上墙率 as the score counts them at {@code until} (jtreview-s56 T1): of its active zones'
     * 告知书 of the period's edition issued before {@code until}, a notice counts in the 送达率 once its 送达 was due
     * ({@link ZoneNotices#deadlines}) or done before {@code until}, and is delivered if done before it; the 上墙率 the same
     * with the posting. A notice issued today is no one's failure yet; a unit none of whose notices is due has no rate.
     */
    Map<String, NoticeRates> noticeRates(String organization, Instant until) {
        Map<String, int[]> counts = new TreeMap<>();
        Timestamp end = Timestamp.from(until);
        jdbc.query("select z.owner_group, n.issued_at, n.delivered_at, n.posted_at from zone z"
                        + " join zone_notice n on n.zone_id = z.id and n.edition = ?"
                        + " where z.tenant_id = ? and z.status = 'ACTIVE' and z.created_at < ? and n.issued_at < ?",
                rs -> {
                    Instant issued = ZoneRecords.instant(rs, "issued_at");
                    Instant delivered = ZoneRecords.instant(rs, "delivered_at");
                    Instant posted = ZoneRecords.instant(rs, "posted_at");
                    ZoneNotices.Deadlines due = ZoneNotices.deadlines(settings, calendars, organization, issued);
                    int[] c = counts.computeIfAbsent(rs.getString("owner_group"), k -> new int[5]);
                    c[4]++;
                    boolean deliveredBy = delivered != null && delivered.isBefore(until);
                    boolean postedBy = posted != null && posted.isBefore(until);
                    if (deliveredBy || due.delivery().isBefore(until)) {
                        c[1]++;
                        c[0] += deliveredBy ? 1 : 0;
                    }
                    if (postedBy || due.posting().isBefore(until)) {
                        c[3]++;
                        c[2] += postedBy ? 1 : 0;
                    }
                }, edition(until), organization, end, end);
        Map<String, NoticeRates> rates = new TreeMap<>();
        counts.forEach((unit, c) -> rates.put(unit, new NoticeRates(Rate.of(c[0], c[1]), Rate.of(c[2], c[3]), c[4])));
        return rates;
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

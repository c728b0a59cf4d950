package org.shirong.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Shirong's own record of the units, users and Tasklist filters it seeded ({@code org_*} tables). */
@Repository
public class OrganizationRecords {

    private final JdbcTemplate jdbc;
    private final Organizations organizations;

    public OrganizationRecords(JdbcTemplate jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    /** Serializes seeding across nodes that start at the same time; call inside a transaction. */
    void lockForSeeding() {
        jdbc.queryForObject("select name from shirong_lock where name = ? for update", String.class, "organization");
    }

    Set<String> unitIds() {
        return new TreeSet<>(jdbc.queryForList("select group_id from org_unit", String.class));
    }

    Set<String> userIds() {
        return new TreeSet<>(jdbc.queryForList("select user_id from org_user", String.class));
    }

    void replaceAll(List<Organization> organizations) {
        jdbc.update("delete from org_unit_head");
        jdbc.update("delete from org_unit");
        jdbc.update("delete from org_user");
        int sort = 0;
        for (Organization organization : organizations) {
            for (var g : organization.groups()) {
                jdbc.update("insert into org_unit (group_id, name, unit_type, duties, parent_id, sort_order, tenant_id)"
                        + " values (?,?,?,?,?,?,?)", g.id(), g.name(), g.type().name(), g.duties(), g.parent(), sort++, organization.id());
            }
            for (var u : organization.users()) {
                jdbc.update("insert into org_user (user_id, name, email, tenant_id) values (?,?,?,?)", u.id(), u.name(), u.email(),
                        organization.id());
                for (String group : u.headOf()) {
                    jdbc.update("insert into org_unit_head (group_id, user_id) values (?,?)", group, u.id());
                }
            }
        }
    }

    /** The organisation's units in the order of its file. */
    public List<Unit> units(String tenantId) {
        return jdbc.query("select group_id, name, unit_type, duties, parent_id from org_unit where tenant_id = ? order by sort_order",
                (rs, n) -> new Unit(rs.getString(1), rs.getString(2), GroupType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), heads(rs.getString(1))), tenantId);
    }

    /**
     * Each unit's name by its group id as organisation {@code readBy} shows it ({@link Organizations#unitName}: another
     * organisation's unit with that organisation named), in the order of the organisation files (one query, without the
     * heads).
     */
    public Map<String, String> unitNames(String readBy) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select group_id, name, tenant_id from org_unit order by sort_order", rs -> {
            names.put(rs.getString(1), organizations.readAs(rs.getString(2), rs.getString(3), readBy));
        });
        return names;
    }

    /** Every organisation's units, in the order of the organisation files. */
    public List<Unit> units() {
        return units(organization -> true);
    }

    /** The units of the organisations (tenant ids) {@code organizations} accepts, in the order of the organisation files. */
    public List<Unit> units(Predicate<String> organizations) {
        List<String[]> rows = jdbc.query("select group_id, name, unit_type, duties, parent_id, tenant_id from org_unit order by sort_order",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)});
        return rows.stream().filter(row -> organizations.test(row[5]))
                .map(row -> new Unit(row[0], row[1], GroupType.valueOf(row[2]), row[3], row[4], heads(row[0]))).toList();
    }

    /** The users who head the unit, in id order (one query; none for a unit that is not seeded). */
    public List<String> heads(String groupId) {
        return jdbc.queryForList("select user_id from org_unit_head where group_id = ? order by user_id", String.class, groupId);
    }

    /** Users as seeded, in id order. */
    public List<Person> users() {
        return jdbc.query("select user_id, name, email from org_user order by user_id",
                (rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Filter ids by owner (group or user id) for one kind of filter. */
    Map<String, String> filters(TaskFilterKind kind) {
        Map<String, String> byOwner = new java.util.TreeMap<>();
        jdbc.query("select owner_id, filter_id from org_task_filter where kind = ?",
                rs -> { byOwner.put(rs.getString(1), rs.getString(2)); }, kind.name());
        return byOwner;
    }

    void addFilter(String filterId, TaskFilterKind kind, String ownerId) {
        jdbc.update("insert into org_task_filter (filter_id, kind, owner_id) values (?,?,?)", filterId, kind.name(), ownerId);
    }

    void removeFilter(String filterId) {
        jdbc.update("delete from org_task_filter where filter_id = ?", filterId);
    }

    /** A user as seeded. */
    public record Person(String id, String name, String email) {
    }

    /** A unit as seeded, with the users who head it. */
    public record Unit(String id, String name, GroupType type, String duties, String parent, List<String> heads) {
    }
}

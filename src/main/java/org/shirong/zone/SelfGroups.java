package org.shirong.zone;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-regulating groups (自律组织) of zone holders along a street or in a market: the {@code self_group} and
 * {@code self_group_member} tables. A member named by its zone's 编号 gets 加入自律组织 in that zone's file.
 */
@Service
class SelfGroups {

    /** Where a group works: along a street (沿街商户) or in a market (集市菜场). */
    enum Scope {
        STREET("沿街"), MARKET("集市菜场");

        final String label;

        Scope(String label) {
            this.label = label;
        }

        static Optional<Scope> parse(String text) {
            String t = text == null ? "" : text.strip();
            for (Scope s : values()) {
                if (s.name().equalsIgnoreCase(t) || s.label.equals(t) || ("街道".equals(t) && s == STREET)
                        || ("市场".equals(t) && s == MARKET)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** A group to record; {@code foundedOn} as 2026-03-01; members by their zone's 编号 and/or by name. */
    record NewSelfGroup(String name, String scope, String place, String leader, String phone, String foundedOn,
            String charter, List<NewMember> members) {
    }

    record NewMember(String zoneNo, String name, String role) {
    }

    record SelfGroup(long id, String name, Scope scope, String scopeName, String place, String leader, String phone,
            LocalDate foundedOn, String charter, List<Member> members) {
    }

    record Member(Long zoneId, String zoneNo, String name, String role) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneRecords zones;
    private final ZoneFiles files;

    SelfGroups(JdbcTemplate jdbc, ZoneRecords zones, ZoneFiles files) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.files = files;
    }

    /** Records the group and its members, all or nothing; returns its id. */
    @Transactional
    long create(String tenant, NewSelfGroup g, String actor) {
        List<ApiError> errors = new ArrayList<>();
        text(errors, "name", "名称", g.name(), 200, true);
        text(errors, "place", "所在道路或市场", g.place(), 200, true);
        text(errors, "leader", "负责人", g.leader(), 100, false);
        text(errors, "phone", "联系电话", g.phone(), 32, false);
        text(errors, "charter", "自律公约", g.charter(), 4000, false);
        Scope scope = Scope.parse(g.scope()).orElse(null);
        if (scope == null) {
            errors.add(ApiError.field("scope", "UNKNOWN_SCOPE", "没有范围“" + (g.scope() == null ? "" : g.scope().strip())
                    + "”（可选：沿街、集市菜场）"));
        }
        LocalDate founded = null;
        if (!TextInput.isBlank(g.foundedOn())) {
            try {
                founded = LocalDate.parse(g.foundedOn().strip());
                if (founded.getYear() < 1949 || founded.isAfter(LocalDate.now().plusYears(1))) {
                    errors.add(ApiError.field("foundedOn", "DATE_OUT_OF_RANGE", "成立日期“" + founded + "”不合理（应在 1949 年以后、一年之内）"));
                    founded = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(ApiError.field("foundedOn", "INVALID_DATE", "成立日期“" + g.foundedOn().strip() + "”应写作 2026-03-01"));
            }
        }
        if (errors.isEmpty() && exists(tenant, g.name().strip())) {
            errors.add(ApiError.field("name", "NAME_TAKEN", "已有自律组织“" + g.name().strip() + "”"));
        }
        List<Member> members = members(tenant, g.members() == null ? List.of() : g.members(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        jdbc.update("insert into self_group (tenant_id, name, scope, place, leader, phone, founded_on, charter)"
                + " values (?,?,?,?,?,?,?,?)", tenant, g.name().strip(), scope.name(), g.place().strip(), strip(g.leader()),
                strip(g.phone()), founded == null ? null : Date.valueOf(founded), strip(g.charter()));
        long id = jdbc.queryForObject("select id from self_group where tenant_id = ? and name = ?", Long.class, tenant,
                g.name().strip());
        for (Member m : members) {
            jdbc.update("insert into self_group_member (group_id, zone_id, name, role) values (?,?,?,?)", id, m.zoneId(),
                    m.name(), m.role());
            if (m.zoneId() != null) {
                files.record(m.zoneId(), ZoneEventKind.JOINED_SELF_GROUP, actor, g.name().strip()
                        + (m.role() == null ? "" : "（" + m.role() + "）"), "self-group-" + id, null);
            }
        }
        return id;
    }

    private List<Member> members(String tenant, List<NewMember> given, List<ApiError> errors) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NewMember m = given.get(i);
            String at = "第 " + (i + 1) + " 位成员：";
            String field = "members[" + i + "]";
            if (m == null) {
                errors.add(ApiError.field(field, "REQUIRED", at + "是空的"));
                continue;
            }
            Zone zone = null;
            if (!TextInput.isBlank(m.zoneNo())) {
                zone = zones.findByNo(tenant, m.zoneNo().strip()).orElse(null);
                if (zone == null) {
                    errors.add(ApiError.field(field + ".zoneNo", "UNKNOWN_ZONE", at + "没有责任区编号 " + m.zoneNo().strip()));
                    continue;
                }
            }
            String name = TextInput.isBlank(m.name()) ? zone == null ? null : zone.holderName() : m.name().strip();
            if (name == null) {
                errors.add(ApiError.field(field + ".name", "REQUIRED", at + "请填写名称或责任区编号"));
                continue;
            }
            text(errors, field + ".name", at + "名称", name, 200, true);
            text(errors, field + ".role", at + "职务", m.role(), 100, false);
            members.add(new Member(zone == null ? null : zone.id(), zone == null ? null : zone.zoneNo(), name, strip(m.role())));
        }
        return members;
    }

    /** The organisation's groups by name, each with its members in the order recorded. */
    List<SelfGroup> all(String tenant) {
        List<SelfGroup> groups = jdbc.query("select id, name, scope, place, leader, phone, founded_on, charter from self_group"
                + " where tenant_id = ? order by name", (rs, n) -> {
                    Scope scope = Scope.valueOf(rs.getString("scope"));
                    Date founded = rs.getDate("founded_on");
                    return new SelfGroup(rs.getLong("id"), rs.getString("name"), scope, scope.label, rs.getString("place"),
                            rs.getString("leader"), rs.getString("phone"), founded == null ? null : founded.toLocalDate(),
                            rs.getString("charter"), new ArrayList<>());
                }, tenant);
        for (SelfGroup g : groups) {
            for (Map<String, Object> m : jdbc.queryForList("select m.zone_id, z.zone_no, m.name, m.role from self_group_member m"
                    + " left join zone z on z.id = m.zone_id where m.group_id = ? order by m.id", g.id())) {
                g.members().add(new Member(m.get("zone_id") == null ? null : ((Number) m.get("zone_id")).longValue(),
                        (String) m.get("zone_no"), (String) m.get("name"), (String) m.get("role")));
            }
        }
        return groups;
    }

    private boolean exists(String tenant, String name) {
        Long n = jdbc.queryForObject("select count(*) from self_group where tenant_id = ? and name = ?", Long.class, tenant, name);
        return n != null && n > 0;
    }

    private static void text(List<ApiError> errors, String field, String label, String value, int max, boolean required) {
        if (TextInput.isBlank(value)) {
            if (required) {
                errors.add(ApiError.field(field, "REQUIRED", "请填写" + label));
            }
            return;
        }
        TextInput.problem(label, value, "charter".equals(field)).ifPresentOrElse(
                p -> errors.add(ApiError.field(field, "INVALID_TEXT", p)), () -> {
                    if (value.strip().length() > max) {
                        errors.add(ApiError.field(field, "TOO_LONG", label + "不能超过 " + max + " 个字"));
                    }
                });
    }

    private static String strip(String value) {
        return TextInput.isBlank(value) ? null : value.strip();
    }
}

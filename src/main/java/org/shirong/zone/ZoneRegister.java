package org.shirong.zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shirong.organization.GroupType;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CategoryNames;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.Degrees;
import org.shirong.system.TextInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers zones one at a time ({@code POST /api/zones}) or for an import: checks a {@link NewZone} field by field
 * (errors name the field in Chinese), turns it into a {@link Zone} and records 登记 in its file.
 */
@Service
class ZoneRegister {

    /** The groups that may answer for a zone: 居委会 (社区, 村), 成员单位 (such as 市场监管所) and 物业公司. */
    static final Set<GroupType> OWNER_TYPES = Set.of(GroupType.COMMITTEE, GroupType.COMMUNITY,
            GroupType.VILLAGE, GroupType.UNIT, GroupType.PROPERTY);

    private final ZoneRecords zones;
    private final ZoneFiles files;
    private final Organizations organizations;

    ZoneRegister(ZoneRecords zones, ZoneFiles files, Organizations organizations) {
        this.zones = zones;
        this.files = files;
        this.organizations = organizations;
    }

    /** A zone registered: its id and number. */
    record Registered(long id, String zoneNo) {
    }

    /** Checks and registers one zone; 400 naming every problem, "责任区编号 … 已登记" for a number in use. */
    @Transactional
    Registered register(String tenant, NewZone z, String actor) {
        List<ApiError> errors = check(tenant, z);
        if (errors.isEmpty() && zones.findByNo(tenant, z.zoneNo()).isPresent()) {
            errors.add(taken(Zone.normalNo(z.zoneNo())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        try {
            return insert(tenant, z, actor, ZoneEventKind.REGISTERED, null);
        } catch (DuplicateKeyException sameNumberAtTheSameTime) {
            throw new InvalidRequestException(taken(Zone.normalNo(z.zoneNo())));
        }
    }

    private static ApiError taken(String zoneNo) {
        return ApiError.field("zoneNo", "ZONE_NO_TAKEN", "责任区编号 " + zoneNo + " 已登记");
    }

    /** Inserts a checked zone and records how it came ({@code REGISTERED} or {@code IMPORTED}, with the file's name). */
    Registered insert(String tenant, NewZone z, String actor, ZoneEventKind how, String detail) {
        ZoneType type = ZoneType.parse(z.holderType()).orElseThrow();
        RoadClass road = blank(z.roadClass()) ? RoadClass.OTHER : RoadClass.parse(z.roadClass()).orElseThrow();
        var now = ZoneFiles.now();
        Zone zone = new Zone(0, tenant, Zone.normalNo(z.zoneNo()), z.holderName().strip(), type, z.address().strip(),
                text(z.community()), text(z.gridCell()), text(z.street()), road, scaled(z.lat()), scaled(z.lng()), z.person().strip(),
                text(z.phone()), text(z.extent()), blank(z.duties()) ? type.defaultDuties() : z.duties().strip(),
                ownerGroup(tenant, z.ownerGroup()).orElseThrow().id(), Zone.Status.ACTIVE, null, null, 0, now, actor, now);
        long id = zones.insert(zone);
        files.record(id, how, actor, detail, null, null);
        return new Registered(id, zone.zoneNo());
    }

    /** Every problem with the zone, each naming its field ({@code zoneNo}, {@code ownerGroup}, …); empty when none. */
    List<ApiError> check(String tenant, NewZone z) {
        List<ApiError> errors = new ArrayList<>();
        required(errors, "zoneNo", "责任区编号", z.zoneNo(), 32);
        if (!blank(z.zoneNo()) && errors.isEmpty() && Zone.normalNo(z.zoneNo()).length() > 32) {
            errors.add(ApiError.field("zoneNo", "TOO_LONG", "责任区编号不能超过 32 个字，按半角计现有 "
                    + Zone.normalNo(z.zoneNo()).length() + " 个字"));
        }
        required(errors, "holderName", "名称", z.holderName(), 200);
        required(errors, "address", "地址", z.address(), 500);
        required(errors, "person", "责任人", z.person(), 100);
        optional(errors, "community", "居委会/社区/网格", z.community(), 100);
        optional(errors, "gridCell", "网格", z.gridCell(), 64);
        optional(errors, "street", "所在道路", z.street(), 100);
        optional(errors, "phone", "联系电话", z.phone(), 32);
        optional(errors, "extent", "责任区范围", z.extent(), 500);
        optional(errors, "duties", "责任要求", z.duties(), 1000);
        if (blank(z.holderType())) {
            errors.add(ApiError.field("holderType", "REQUIRED", "请填写类型（可选：" + ZoneType.labels() + "）"));
        } else if (ZoneType.parse(z.holderType()).isEmpty()) {
            errors.add(ApiError.field("holderType", "UNKNOWN_TYPE", "没有类型“" + z.holderType().strip() + "”（可选："
                    + ZoneType.labels() + "）"));
        }
        if (!blank(z.roadClass()) && RoadClass.parse(z.roadClass()).isEmpty()) {
            errors.add(ApiError.field("roadClass", "UNKNOWN_ROAD_CLASS", "没有道路等级“" + z.roadClass().strip()
                    + "”（可选：主要道路、其他，不填为其他）"));
        }
        if (blank(z.ownerGroup())) {
            errors.add(ApiError.field("ownerGroup", "REQUIRED", "请填写负责单位（居委会、物业公司或成员单位的名称）"));
        } else if (ownerGroup(tenant, z.ownerGroup()).isEmpty()) {
            errors.add(ApiError.field("ownerGroup", "UNKNOWN_OWNER_GROUP", unknownOwner(tenant, z.ownerGroup().strip())));
        }
        Degrees.outOfRange("lat", "纬度", z.lat(), 90).ifPresent(errors::add);
        Degrees.outOfRange("lng", "经度", z.lng(), 180).ifPresent(errors::add);
        if ((z.lat() == null) != (z.lng() == null)) {
            errors.add(ApiError.field(z.lat() == null ? "lat" : "lng", "HALF_A_PLACE", "纬度和经度须同时填写或同时不填"));
        }
        return errors;
    }

    /** The owner group named by its id or its name: a 居委会, 物业公司 or 成员单位 of the organisation. */
    Optional<Organization.GroupDefinition> ownerGroup(String tenant, String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        String t = text.strip();
        return owners(tenant).stream().filter(g -> g.id().equals(t) || g.name().equals(t)).findFirst();
    }

    private List<Organization.GroupDefinition> owners(String tenant) {
        return organizations.of(tenant).groups().stream().filter(g -> OWNER_TYPES.contains(g.type())).toList();
    }

    private String unknownOwner(String tenant, String text) {
        List<String> near = CategoryNames.near(owners(tenant).stream().map(Organization.GroupDefinition::name).toList(), text);
        return "没有负责单位“" + text + "”" + (near.isEmpty() ? "（请填写本组织居委会、物业公司或成员单位的名称）"
                : "，是否指：" + String.join("、", near) + "？");
    }

    private static void required(List<ApiError> errors, String field, String label, String value, int max) {
        if (blank(value)) {
            errors.add(ApiError.field(field, "REQUIRED", "请填写" + label));
        } else {
            optional(errors, field, label, value, max);
        }
    }

    private static void optional(List<ApiError> errors, String field, String label, String value, int max) {
        if (value == null) {
            return;
        }
        Optional<String> problem = TextInput.problem(label, value, "duties".equals(field) || "extent".equals(field));
        if (problem.isPresent()) {
            errors.add(ApiError.field(field, "INVALID_TEXT", problem.get()));
        } else if (value.strip().length() > max) {
            errors.add(ApiError.field(field, "TOO_LONG", label + "不能超过 " + max + " 个字，现有 " + value.strip().length() + " 个字"));
        }
    }

    private static BigDecimal scaled(BigDecimal degrees) {
        return degrees == null ? null : degrees.setScale(6, RoundingMode.HALF_UP);
    }

    static boolean blank(String text) {
        return TextInput.isBlank(text);
    }

    /** A parameter that selects zones (a search's {@code q}, an owner group, a community): see {@link TextInput#selector}. */
    static String selector(String field, String text) {
        return TextInput.selector(field, text, "INVALID_TEXT");
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }
}

package org.shirong.zone;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A zone as the API and the pages show it: its fields with the Chinese names of its type, road class, owner group, notice
 * status and ladder level, and the address of its page.
 */
record ZoneView(long id, String organization, String zoneNo, String holderName, String holderType, String holderTypeName,
        String address, String community, String gridCell, String street, String roadClass, String roadClassName,
        BigDecimal lat, BigDecimal lng, String person, String phone, String extent, String duties, String ownerGroup,
        String ownerGroupName, String status, Integer noticeEdition, String noticeStatus, String noticeStatusName,
        int ladderLevel, String ladderLevelName, Instant createdAt, String createdBy, Instant updatedAt, String url) {

    static String pageUrl(long id) {
        return "/shirong/zones/" + id;
    }

    static ZoneView of(Zone z, Map<String, String> groupNames) {
        return new ZoneView(z.id(), z.tenantId(), z.zoneNo(), z.holderName(), z.holderType().name(), z.holderType().label(),
                z.address(), z.community(), z.gridCell(), z.street(), z.roadClass().name(), z.roadClass().label(), z.lat(),
                z.lng(), z.person(), z.phone(), z.extent(), z.duties(), z.ownerGroup(),
                groupNames.getOrDefault(z.ownerGroup(), z.ownerGroup()), z.status().name(), z.noticeEdition(),
                z.noticeStatus() == null ? "NONE" : z.noticeStatus(), noticeName(z.noticeStatus()), z.ladderLevel(),
                ladderName(z.ladderLevel()), z.createdAt(), z.createdBy(), z.updatedAt(), pageUrl(z.id()));
    }

    /** The same zone with its holder's phone masked ({@link #maskedPhone}), for a caller who may not read it. */
    ZoneView withPhoneMasked() {
        return new ZoneView(id, organization, zoneNo, holderName, holderType, holderTypeName, address, community, gridCell,
                street, roadClass, roadClassName, lat, lng, person, maskedPhone(phone), extent, duties, ownerGroup, ownerGroupName,
                status, noticeEdition, noticeStatus, noticeStatusName, ladderLevel, ladderLevelName, createdAt, createdBy,
                updatedAt, url);
    }

    /**
     * A phone number with its middle hidden: the first three and the last four characters kept ({@code 138****5678},
     * {@code 021****1234}); a short one is hidden whole. Null and blank stay as they are (no number was given).
     */
    static String maskedPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        return p.length() < 8 ? "****" : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    static String noticeName(String status) {
        if (status == null) {
            return "未印发";
        }
        return switch (status) {
            case "ISSUED" -> "告知书待送达";
            case "DELIVERED" -> "已送达，待上墙";
            case "POSTED" -> "已上墙";
            default -> status;
        };
    }

    static String ladderName(int level) {
        return switch (level) {
            case 0 -> "正常";
            case 1 -> "告知劝导";
            case 2 -> "黄牌";
            case 3 -> "红牌";
            default -> "第 " + level + " 级";
        };
    }
}

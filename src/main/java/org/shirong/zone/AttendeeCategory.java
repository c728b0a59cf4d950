package org.shirong.zone;

import java.util.Arrays;
import java.util.Optional;

/**
 * The people a responsibility-zone training is for (九亭 plan, 工作机制 3), and what each one's coverage counts: the
 * zones of {@code zoneType} with an attendee of the category, or (居委会, {@code zoneType} null) the COMMITTEE groups
 * with one.
 */
enum AttendeeCategory {
    PROPERTY_MANAGER("物业经理", ZoneType.RESIDENTIAL),
    OWNERS_COMMITTEE("业委会", ZoneType.RESIDENTIAL),
    RESIDENTS_COMMITTEE("居委会", null),
    SHOP_OWNER("门店主", ZoneType.SHOP),
    UNIT_HEAD("企事业单位负责人", ZoneType.UNIT);

    private final String label;
    private final ZoneType zoneType;

    AttendeeCategory(String label, ZoneType zoneType) {
        this.label = label;
        this.zoneType = zoneType;
    }

    String label() {
        return label;
    }

    /** The type of zone whose coverage the category counts; null for 居委会, counted over the COMMITTEE groups. */
    ZoneType zoneType() {
        return zoneType;
    }

    /** The category written as its code (SHOP_OWNER) or its Chinese name (门店主). */
    static Optional<AttendeeCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }

    static String labels() {
        return String.join("、", Arrays.stream(values()).map(AttendeeCategory::label).toList());
    }
}

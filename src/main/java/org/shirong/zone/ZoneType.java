package org.shirong.zone;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of zone holders, with their Chinese names and the duties a zone of the kind has unless it names its own. */
enum ZoneType {
    SHOP("门店"),
    UNIT("企事业单位"),
    RESIDENTIAL("居民区"),
    SITE("工地"),
    MARKET("集市菜场");

    /** 六无 (条例 §11–13 and the 责任区管理办法). */
    static final String SIX_NOS = "六无：无乱设摊、无乱堆物、无乱张贴、无乱刻画、无乱涂写、无乱晾晒";
    /** 二无一白, for the stairwells of a residential zone. */
    static final String STAIRWELLS = "楼道二无一白：无乱堆物、无乱张贴，墙面白净";

    private final String label;

    ZoneType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String defaultDuties() {
        return this == RESIDENTIAL ? SIX_NOS + "；" + STAIRWELLS : SIX_NOS;
    }

    /** The type written as its code (SHOP) or its Chinese name (门店). */
    static Optional<ZoneType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }

    static String labels() {
        return String.join("、", Arrays.stream(values()).map(ZoneType::label).toList());
    }
}

package org.shirong.rectification;

import java.time.Instant;

/**
 * A dispatched case's 红绿灯 (DOMAIN.md): green until its warning instant (80 % of the limit used), yellow until it is
 * due, red after. Closed cases and cases not yet dispatched have none. The case API, its page, the map and the 活动驾驶舱
 * show the same, in these colours.
 */
public enum TrafficLight {
    GREEN("绿灯", "#2e8b57"),
    YELLOW("黄灯", "#e0a800"),
    RED("红灯", "#d9363e");

    private final String label;
    private final String colour;

    TrafficLight(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /** The case's light at {@code now}, or null when it has none. */
    public static TrafficLight of(CaseRecord c, Instant now) {
        if (c.status().ended() || c.dueAt() == null) {
            return null;
        }
        return now.isAfter(c.dueAt()) ? RED : c.warnAt() != null && now.isAfter(c.warnAt()) ? YELLOW : GREEN;
    }
}

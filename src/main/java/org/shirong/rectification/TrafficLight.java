package org.shirong.rectification;

import java.time.Instant;

/**
 * A dispatched case's 红绿灯 (DOMAIN.md), which judges whether its lead unit keeps its time: green until its warning
 * instant (80 % of the limit used), yellow until it is due, red after. A case handed in for verification (待核查) waits on
 * the inspectors, not on the unit: red if it was handed in late, else green however long the verification takes. Closed
 * and 挂账 cases (the clock stands still) and cases not yet dispatched have none. The case API, its page, the map and
 * the 活动驾驶舱 show the same, in these colours.
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
        if (c.status().ended() || c.status() == CaseStatus.SUSPENDED || c.dueAt() == null) {
            return null;
        }
        if (c.status() == CaseStatus.AWAITING_VERIFICATION && c.submittedAt() != null) {
            return c.submittedAt().isAfter(c.dueAt()) ? RED : GREEN;
        }
        return now.isAfter(c.dueAt()) ? RED : c.warnAt() != null && now.isAfter(c.warnAt()) ? YELLOW : GREEN;
    }
}

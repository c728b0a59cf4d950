package org.shirong.scoring;

import java.time.Instant;
import java.util.List;

/**
 * The responsibility-zone figures (责任区: 履责率, 告知书送达率, 上墙率) the rubric's {@code zone-rules} score, per unit
 * (the zones' 负责单位); the zone capability implements it. Without an implementation, or for a unit without a figure,
 * the zone items leave both the unit's points and its maximum.
 */
public interface ZoneFacts {

    /** The road classes a {@link Indicator#COMPLIANCE_RATE} figure is given for (the keys of a per-class {@code full-at}). */
    List<String> ROAD_CLASSES = List.of("MAIN_ROAD", "OTHER");

    /** What a figure counts; each is {@code part} of {@code whole} zones, inspections or notices. */
    enum Indicator { COMPLIANCE_RATE, DELIVERY_RATE, POSTING_RATE }

    /**
     * One unit's count: {@code roadClass} is one of {@link #ROAD_CLASSES} for {@link Indicator#COMPLIANCE_RATE}, null for
     * the notice rates. A figure with {@code whole} 0 is no figure; the notice rates are no figure either before the
     * period's edition of the 告知书 was issued to the unit's zones.
     */
    record ZoneFigure(String unitId, Indicator indicator, String roadClass, int part, int whole) {
    }

    /** The organisation's figures for the period [from, until). */
    List<ZoneFigure> figures(String organization, Instant from, Instant until);
}

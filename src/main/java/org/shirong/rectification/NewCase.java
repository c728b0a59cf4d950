package org.shirong.rectification;

import java.math.BigDecimal;

/** A problem reported through the API or an import row: the fields of {@code POST /api/cases}. */
public record NewCase(String title, String category, String urgency, String source, Location location,
        String description, String externalRef) {

    public record Location(String address, BigDecimal lat, BigDecimal lng, String gridCell) {
    }
}

package org.shirong.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shirong.map}: where the case map's background tiles come from ({@code tiles}, a URL template with {z}/{x}/{y}
 * such as a town's own 天地图/GIS server; empty: no tiles, only the grids of {@code grids.geojson} or a blank canvas with
 * a scale), the credit shown for them, and the most points one map answer carries.
 */
@ConfigurationProperties("shirong.map")
record MapProperties(@DefaultValue("") String tiles, @DefaultValue("") String attribution, @DefaultValue("18") int maxZoom,
        @DefaultValue("5000") int maxPoints) {
}

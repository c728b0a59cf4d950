package org.shirong.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/zones/map}: the located zones matching the register's filters as points coloured by their state (红牌,
 * 黄牌, 告知劝导, else 上墙, 送达, no notice yet), with the case map's background ({@code shirong.map}: tiles, else the
 * organisation's grid outlines) and centre.
 */
@RestController
class ZoneMapController {

    private static final int PAGE = 500;

    private final ZoneRecords zones;
    private final ZoneAccess access;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;
    private final Organizations organizations;
    private final String tiles;
    private final String attribution;
    private final int maxZoom;
    private final int maxPoints;

    ZoneMapController(ZoneRecords zones, ZoneAccess access, CallerOrganization callerOrganization,
            IdentityService identityService, Organizations organizations, @Value("${shirong.map.tiles:}") String tiles,
            @Value("${shirong.map.attribution:}") String attribution, @Value("${shirong.map.max-zoom:18}") int maxZoom,
            @Value("${shirong.map.max-points:5000}") int maxPoints) {
        this.zones = zones;
        this.access = access;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
        this.organizations = organizations;
        this.tiles = tiles;
        this.attribution = attribution;
        this.maxZoom = maxZoom;
        this.maxPoints = maxPoints;
    }

    /** {@code state}: the colour's meaning in Chinese. */
    record Point(long id, String zoneNo, String holderName, String holderTypeName, String address, double lat, double lng,
            String ownerGroupName, String state, String colour, int ladderLevel, String noticeStatus, String url) {
    }

    record MapView(List<Point> points, int withoutLocation, boolean truncated, String tiles, String attribution, int maxZoom,
            List<String> grids, Organization.MapCentre centre) {
    }

    @GetMapping("/api/zones/map")
    MapView map(@RequestParam(required = false) String q, @RequestParam(required = false) String community,
            @RequestParam(required = false) String ownerGroup, @RequestParam(required = false) String type,
            @RequestParam(required = false) String roadClass, @RequestParam(required = false) String notice,
            @RequestParam(required = false) String organization) {
        String tenant = callerOrganization.forReading(identityService.getCurrentAuthentication(), organization);
        access.staffOf(tenant);
        Map<String, String> names = organizations.groupNames(tenant);
        List<Point> points = new ArrayList<>();
        int withoutLocation = 0;
        boolean truncated = false;
        for (int page = 0; ; page++) {
            ZoneRecords.Page found = zones.search(ZoneController.query(tenant, q, community, ownerGroup, type, roadClass,
                    notice, page, PAGE));
            for (Zone z : found.zones()) {
                if (z.lat() == null || z.lng() == null) {
                    withoutLocation++;
                } else if (points.size() >= maxPoints) {
                    truncated = true;
                } else {
                    String[] state = state(z);
                    points.add(new Point(z.id(), z.zoneNo(), z.holderName(), z.holderType().label(), z.address(),
                            z.lat().doubleValue(), z.lng().doubleValue(), names.getOrDefault(z.ownerGroup(), z.ownerGroup()),
                            state[0], state[1], z.ladderLevel(), z.noticeStatus(), ZoneView.pageUrl(z.id())));
                }
            }
            if ((long) (page + 1) * PAGE >= found.total()) {
                break;
            }
        }
        List<String> grids = organizations.ownFile(tenant, "grids.geojson").isPresent()
                ? List.of("/api/cases/map/grids/" + tenant) : List.of();
        return new MapView(points, withoutLocation, truncated, tiles.isBlank() ? null : tiles.strip(), attribution, maxZoom,
                grids, centre(tenant));
    }

    /** What the point's colour says and the colour: the open breach's level first, else how far the notice got. */
    static String[] state(Zone z) {
        return switch (z.ladderLevel()) {
            case 3 -> new String[] {"红牌", "#d9363e"};
            case 2 -> new String[] {"黄牌", "#e0a800"};
            case 1 -> new String[] {"告知劝导", "#e07b39"};
            default -> "POSTED".equals(z.noticeStatus()) ? new String[] {"告知书已上墙", "#2e8b57"}
                    : "DELIVERED".equals(z.noticeStatus()) ? new String[] {"告知书已送达", "#3a78b5"}
                    : new String[] {"告知书未送达", "#8c8c8c"};
        };
    }

    private Organization.MapCentre centre(String tenant) {
        Organization o = organizations.of(tenant);
        if (o.organization().map() != null) {
            return o.organization().map();
        }
        String parent = o.organization().parent();
        return parent == null ? null : organizations.find(parent).map(p -> p.organization().map()).orElse(null);
    }
}

package org.shirong.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.system.ConfigFile;
import org.shirong.system.NotFoundException;
import org.shirong.system.StartupRefusedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/map}: the located cases the caller may read ({@link CaseVisibility}), with the list's filters,
 * as points coloured by their traffic light; and {@code GET /api/cases/map/grids/{organization}}: the organisation's
 * grid outlines ({@code config/organizations/<id>/grids.geojson}), drawn when no tile server is set.
 */
@RestController
@RequestMapping("/api/cases/map")
class CaseMapController {

    static final String GRIDS_FILE = "grids.geojson";
    private static final int PAGE = 500;

    private final CaseRecords records;
    private final CaseVisibility visibility;
    private final IdentityService identityService;
    private final OrganizationRecords organization;
    private final Organizations organizations;
    private final CallerOrganization callerOrganization;
    private final MapProperties map;
    private final ObjectProvider<CampaignPlans> campaignPlans;
    private final CaseFilters filters;

    CaseMapController(CaseRecords records, CaseVisibility visibility, IdentityService identityService,
            OrganizationRecords organization, Organizations organizations, CallerOrganization callerOrganization,
            MapProperties map, ObjectProvider<CampaignPlans> campaignPlans, CaseFilters filters) {
        this.filters = filters;
        this.campaignPlans = campaignPlans;
        this.records = records;
        this.visibility = visibility;
        this.identityService = identityService;
        this.organization = organization;
        this.organizations = organizations;
        this.callerOrganization = callerOrganization;
        this.map = map;
    }

    /** {@code light}: GREEN, YELLOW, RED, or null (closed, or not yet dispatched); {@code colour}: what the map paints. */
    record Point(String caseNo, String title, String address, double lat, double lng, String light, String lightName,
            String colour, String status, String statusName, String leadUnitName, Instant dueAt, String url) {
    }

    /**
     * {@code withoutLocation}: matching cases reported with no position, not on the map; {@code truncated}: more points
     * matched than {@code shirong.map.max-points}; {@code tiles}: the tile URL template, null for the plain map;
     * {@code grids}: where to fetch the grid outlines of the organisations concerned; {@code centre}: where the map
     * opens when there is nothing to fit it to (null: no organisation concerned has {@code organization.map}).
     */
    record MapView(List<Point> points, int withoutLocation, boolean truncated, String tiles, String attribution, int maxZoom,
            List<String> grids, Organization.MapCentre centre) {
    }

    private static final String NO_LIGHT_COLOUR = "#8c8c8c";

    @GetMapping
    MapView points(@RequestParam(required = false) String unit, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) String role, @RequestParam(required = false) String campaign,
            @RequestParam(name = "organization", required = false) String organizationId,
            @RequestParam(required = false) String territory, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) TrafficLight light) {
        var user = identityService.getCurrentAuthentication();
        CaseFilter filter = filters.of(user, unit, status, overdue, escalated, role, campaign, organizationId, territory, from, to);
        Map<String, Map<String, String>> names = new HashMap<>(); // by the case's organisation, as its case page names them
        Instant now = RectificationCases.now();
        List<Point> points = new ArrayList<>();
        Set<String> tenants = new LinkedHashSet<>();
        int[] counts = new int[2]; // without location, beyond the limit
        records.forEachPage(filter, visibility.listFilter(user), PAGE, page -> {
            for (CaseRecord c : page) {
                TrafficLight l = TrafficLight.of(c, now);
                if (light != null && l != light) {
                    continue;
                }
                if (c.lat() == null || c.lng() == null) {
                    counts[0]++;
                } else if (points.size() >= map.maxPoints()) {
                    counts[1]++;
                } else {
                    tenants.add(c.tenantId());
                    points.add(new Point(c.caseNo(), c.title(), c.address(), c.lat().doubleValue(), c.lng().doubleValue(),
                            l == null ? null : l.name(), l == null ? "无（" + c.status().label() + "）" : l.label(),
                            l == null ? NO_LIGHT_COLOUR : l.colour(), c.status().name(), c.status().label(),
                            names.computeIfAbsent(c.tenantId(), organization::unitNames).getOrDefault(c.leadUnit(), c.leadUnit()), c.dueAt(), CasePageController.pageUrl(c.caseNo())));
                }
            }
        });
        // The map of one organisation (organization=) opens on it and draws its grid, not the caller's own.
        String home = filter.organization() != null ? filter.organization()
                : user == null ? null : organizations.homeOf(user.getUserId()).map(Organization::id).orElse(null);
        if (home != null) {
            tenants.add(home);
        }
        List<String> grids = tenants.stream().filter(t -> organizations.ownFile(t, GRIDS_FILE).isPresent())
                .map(t -> "/api/cases/map/grids/" + t).toList();
        return new MapView(points, counts[0], counts[1] > 0, map.tiles().isBlank() ? null : map.tiles().strip(),
                map.attribution(), map.maxZoom(), grids, centre(user, campaign, home));
    }

    /**
     * The centre of the campaign's organisation (when the caller may read it), else of the caller's own, else of the
     * first configured one (the administrator belongs to none); an organisation without {@code organization.map} takes
     * its district's.
     */
    private Organization.MapCentre centre(Authentication user, String campaign, String home) {
        CampaignPlans plans = campaignPlans.getIfAvailable();
        String owner = campaign == null || campaign.isBlank() || plans == null ? null
                : plans.campaign(campaign.strip()).map(CampaignPlans.Campaign::organization)
                        .filter(callerOrganization.readable(user)).orElse(null);
        List<String> candidates = owner != null ? List.of(owner) : home != null ? List.of(home) : organizations.ids();
        for (String id : candidates) {
            Organization.MapCentre centre = organizations.find(id).map(o -> o.organization().map() != null
                    ? o.organization().map() : parentCentre(o)).orElse(null);
            if (centre != null) {
                return centre;
            }
        }
        return null;
    }

    private Organization.MapCentre parentCentre(Organization o) {
        String parent = o.organization().parent();
        return parent == null ? null : organizations.find(parent).map(p -> p.organization().map()).orElse(null);
    }

    /** The organisation's grid outlines as GeoJSON; 404 when it has none or the caller may not read it. */
    @GetMapping("/grids/{organizationId}")
    ResponseEntity<String> grids(@PathVariable String organizationId) {
        boolean known = organizations.find(organizationId).isPresent();
        var file = known && callerOrganization.readable(identityService.getCurrentAuthentication()).test(organizationId)
                ? organizations.ownFile(organizationId, GRIDS_FILE) : java.util.Optional.<String>empty();
        if (file.isEmpty()) {
            throw new NotFoundException("GRIDS_NOT_FOUND", "没有网格图：" + organizationId);
        }
        String geojson = ConfigFile.read(file.get(), "网格图文件", CaseMapController::text,
                (name, problems) -> new StartupRefusedException(name + "：" + String.join("；", problems), "检查网格图文件"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json;charset=UTF-8")).body(geojson);
    }

    private static String text(InputStream in, String fileName) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(fileName, e);
        }
    }
}

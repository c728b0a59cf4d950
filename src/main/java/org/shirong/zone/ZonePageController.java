package org.shirong.zone;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The register's pages: {@code /shirong/zones} (search, list and map; the office also imports there) and
 * {@code /shirong/zones/{id}} (the zone's file, 一点一档). The pages read {@code /api/zones} in the browser; a zone the
 * caller may not see is answered 404, as the API does.
 */
@Controller
class ZonePageController {

    private final ZoneAccess access;
    private final CallerOrganization callerOrganization;
    private final IdentityService identityService;
    private final Organizations organizations;
    private final ZoneRecords records;

    ZonePageController(ZoneAccess access, CallerOrganization callerOrganization, IdentityService identityService,
            Organizations organizations, ZoneRecords records) {
        this.records = records;
        this.access = access;
        this.callerOrganization = callerOrganization;
        this.identityService = identityService;
        this.organizations = organizations;
    }

    @GetMapping("/shirong/zones")
    ModelAndView zones(@RequestParam(required = false) String organization, @RequestParam(required = false) String unit) {
        var caller = identityService.getCurrentAuthentication();
        String tenant = callerOrganization.forReading(caller, organization);
        access.staffOf(tenant);
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        ModelAndView page = new ModelAndView("pages/zones");
        page.addObject("organization", tenant);
        page.addObject("organizationName", organizations.of(tenant).name());
        // 负责单位：只列本组织有责任区的单位（“各居委会”“各物业公司”这样的汇总单位不负责具体的责任区）和用户本单位；
        // 不是创建办的用户打开时先列本单位的责任区（jtreview-s56 T3），可改选“全部负责单位”。
        boolean office = groups.contains(organizations.office(tenant)) || groups.contains(Groups.CAMUNDA_ADMIN);
        Set<String> owning = records.ownerGroupsWithZones(tenant);
        List<Organization.GroupDefinition> owners = organizations.of(tenant).groups().stream()
                .filter(g -> ZoneRegister.OWNER_TYPES.contains(g.type())).filter(g -> owning.contains(g.id())).toList();
        String own = office ? "" : owners.stream().map(Organization.GroupDefinition::id).filter(groups::contains).findFirst().orElse("");
        // opened from a 负责单位's line of the 驾驶舱's 责任区 table: that unit's zones (jtreview-s59 T12)
        if (unit != null && owners.stream().anyMatch(g -> g.id().equals(unit))) {
            own = unit;
        }
        page.addObject("owners", owners.stream().map(g -> Map.of("id", g.id(), "name", g.name())).toList());
        page.addObject("ownGroup", own);
        page.addObject("types", java.util.Arrays.stream(ZoneType.values()).map(t -> Map.of("id", t.name(), "name", t.label())).toList());
        page.addObject("office", office);
        return page;
    }

    @GetMapping("/shirong/zones/{id:\\d+}")
    ModelAndView zone(@PathVariable long id) {
        try {
            Zone z = access.readable(id);
            ModelAndView page = new ModelAndView("pages/zone");
            page.addObject("zoneId", z.id());
            page.addObject("zoneNo", z.zoneNo());
            page.addObject("holderName", z.holderName());
            return page;
        } catch (NotFoundException e) {
            ModelAndView missing = new ModelAndView("pages/zone-missing");
            missing.addObject("zoneId", id);
            missing.setStatus(HttpStatus.NOT_FOUND);
            return missing;
        }
    }
}

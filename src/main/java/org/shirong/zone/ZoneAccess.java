package org.shirong.zone;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ForbiddenException;
import org.shirong.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an organisation's zones, for the current API caller: everybody of the organisation (and the
 * district groups that oversee it, whose tenants it is) reads the register and the files; outsiders get 404, as if there
 * were no such zone. Only the office (创建办) registers, imports and starts a notice campaign; inspections are recorded by
 * the inspectors (督导检查组), the office, the enforcement unit (城管中队) or the zone's own owner group, who also read the
 * holders' phone numbers (others see them masked). Administrators may do everything.
 */
@Component
class ZoneAccess {

    private final IdentityService identityService;
    private final Organizations organizations;
    private final ZoneSettings settings;
    private final ZoneRecords zones;

    ZoneAccess(IdentityService identityService, Organizations organizations, ZoneSettings settings, ZoneRecords zones) {
        this.identityService = identityService;
        this.organizations = organizations;
        this.settings = settings;
        this.zones = zones;
    }

    /** The caller's user id. */
    String caller() {
        Authentication a = identityService.getCurrentAuthentication();
        return a == null ? null : a.getUserId();
    }

    /**
     * Refuses (404) a caller who is not staff of the organisation (nor oversees it, nor administers), and anyone when the
     * organisation has no zones ({@link #requireZones}).
     */
    void staffOf(String tenant) {
        if (!isStaff(tenant)) {
            throw new NotFoundException("ZONE_NOT_FOUND", "没有找到该组织的责任区");
        }
        requireZones(tenant);
    }

    /** Refuses (404, saying why) any request of an organisation without the 责任区 module ({@link ZoneSettings#enabled}). */
    void requireZones(String tenant) {
        if (!settings.enabled(tenant)) {
            throw new NotFoundException("ZONES_NOT_CONFIGURED", settings.offReason(tenant));
        }
    }

    /** Whether the 责任区 link belongs in the page header: the caller's organisation has zones, or the caller administers. */
    boolean offersZones(Authentication caller) {
        if (caller == null) {
            return false;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return groups.contains(Groups.CAMUNDA_ADMIN)
                || caller.getTenantIds() != null && caller.getTenantIds().stream().anyMatch(settings::enabled);
    }

    /** The zone, for a caller of its organisation; 404 for a zone that does not exist or that the caller may not see. */
    Zone readable(long zoneId) {
        return zones.find(zoneId).filter(z -> isStaff(z.tenantId()))
                .orElseThrow(() -> new NotFoundException("ZONE_NOT_FOUND", "没有责任区 " + zoneId));
    }

    /** Refuses (403) a caller who is not in the organisation's office. */
    void requireOffice(String tenant) {
        staffOf(tenant);
        if (!admin() && !groups().contains(organizations.office(tenant))) {
            throw new ForbiddenException("NOT_OFFICE", "只有" + organizations.of(tenant).groupName(organizations.office(tenant))
                    + "可以登记、导入责任区或发起告知书送达");
        }
    }

    /** Refuses (403) a caller who may not record this inspection of the zone: its owner group only reports breaches. */
    void requireInspector(String tenant, Zone zone, boolean reportsBreach) {
        staffOf(tenant);
        Organization.Roles roles = organizations.of(tenant).roles();
        List<String> groups = groups();
        String enforcement = settings.of(tenant).enforcementUnit();
        boolean inspector = groups.contains(roles.inspectors()) || groups.contains(roles.office()) || groups.contains(enforcement);
        boolean ownerGroup = groups.contains(zone.ownerGroup());
        // one who inspects for the office but belongs to the owner (创建办 and 绿容所's head) does not pass its own zones,
        // unless no inspecting group but the owner itself could
        boolean othersInspect = java.util.stream.Stream.of(roles.inspectors(), roles.office(), enforcement)
                .anyMatch(g -> g != null && !g.equals(zone.ownerGroup()));
        if (admin() || reportsBreach && (inspector || ownerGroup) || inspector && (!ownerGroup || !othersInspect)) {
            return;
        }
        // The owner group is scored on the zone's 履责率: its own "已履责" checks would raise its own score.
        String inspectors = organizations.of(tenant).namesOf(roles.inspectors(), roles.office(), settings.of(tenant).enforcementUnit());
        int last = inspectors.lastIndexOf('、');
        if (ownerGroup && inspector) {
            throw new ForbiddenException("NOT_INSPECTOR", "您所在的" + organizations.of(tenant).groupName(zone.ownerGroup())
                    + "负责该责任区，可以上报它的问题，但“已履责”检查须由其他检查人员记录（履责率据此计算）");
        }
        throw new ForbiddenException("NOT_INSPECTOR", ownerGroup
                ? "负责单位可以上报本单位责任区的问题，但“已履责”检查只能由"
                        + (last < 0 ? inspectors : inspectors.substring(0, last) + "或" + inspectors.substring(last + 1))
                        + "记录（履责率据此计算）"
                : "只有" + inspectors + "或负责单位可以记录责任区检查");
    }

    /**
     * Whether the caller reads the zone holder's phone number (personal data): the office, the inspectors, the enforcement
     * unit and the zone's owner unit, who contact the holder; administrators. Other staff see it masked.
     */
    boolean readsPhone(Zone zone) {
        return readsPhones(zone.tenantId()) || groups().contains(zone.ownerGroup());
    }

    /** Whether the caller reads every holder's phone of the organisation: its office, inspectors and enforcement unit. */
    boolean readsPhones(String tenant) {
        if (admin()) {
            return true;
        }
        Organization.Roles roles = organizations.of(tenant).roles();
        List<String> groups = groups();
        return java.util.stream.Stream.of(roles.office(), roles.inspectors(), settings.of(tenant).enforcementUnit())
                .anyMatch(g -> g != null && groups.contains(g));
    }

    /** Whether the caller is in {@code group}. */
    boolean inGroup(String group) {
        return group != null && groups().contains(group);
    }

    private boolean isStaff(String tenant) {
        Authentication a = identityService.getCurrentAuthentication();
        return a != null && (admin() || a.getTenantIds() != null && a.getTenantIds().contains(tenant));
    }

    private boolean admin() {
        return groups().contains(Groups.CAMUNDA_ADMIN);
    }

    private List<String> groups() {
        Authentication a = identityService.getCurrentAuthentication();
        return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
    }
}

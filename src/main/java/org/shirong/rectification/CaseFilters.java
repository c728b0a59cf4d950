package org.shirong.rectification;

import java.time.LocalDate;
import java.util.List;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.DateWindow;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.springframework.stereotype.Component;

/**
 * The {@link CaseFilter} of a request to the case list, its Excel ledger or the case map: the organisation narrowed to
 * as the caller may ({@link CallerOrganization#narrowedTo}), the 属地 by its id or name, the unit by its id or name (a name
 * in the organisation asked for, else in the caller's own, else in any), the reported days read in that
 * organisation's zone (the caller's own organisation's when none is named, as the ledger's title and times are).
 */
@Component
class CaseFilters {

    private final CallerOrganization callerOrganization;
    private final WorkingCalendars calendars;
    private final DateWindow window;
    private final TerritoryDirectory territories;
    private final Organizations organizations;
    private final IdentityService identityService;
    private final SystemAccess systemAccess;

    CaseFilters(CallerOrganization callerOrganization, WorkingCalendars calendars, DateWindow window,
            TerritoryDirectory territories, Organizations organizations, IdentityService identityService,
            SystemAccess systemAccess) {
        this.identityService = identityService;
        this.systemAccess = systemAccess;
        this.organizations = organizations;
        this.territories = territories;
        this.callerOrganization = callerOrganization;
        this.calendars = calendars;
        this.window = window;
    }

    CaseFilter of(Authentication user, String unit, CaseStatus status, Boolean overdue, Boolean escalated, String role,
            String campaign, String organization, String territory, String from, String to) {
        String narrowed = callerOrganization.narrowedTo(user, organization);
        String zoneOf = narrowed != null ? narrowed : organizations.homeOf(user.getUserId()).map(Organization::id).orElse(null);
        ZoneId zone = (zoneOf == null ? calendars.shared() : calendars.of(zoneOf)).zone();
        ReportedDays reported = ReportedDays.of(from, to, zone, window, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
        return CaseFilter.of(user, unit(user, narrowed, TextInput.selector("unit", unit, "INVALID_PARAMETER")), status, overdue,
                escalated, role, campaign, narrowed, CaseFilter.territory(territories, territory), reported);
    }

    /** The unit named by the {@code unit} parameter as its group id; an unknown one is refused (400), not an empty list. */
    private String unit(Authentication user, String narrowed, String named) {
        if (named == null || organizations.ofGroup(named).isPresent()
                || systemAccess.run(() -> identityService.createGroupQuery().groupId(named).count() > 0)) {
            return named;
        }
        // a district's people read its towns: their units are among those a name may mean
        List<Organization> scope = narrowed != null ? List.of(organizations.of(narrowed)) : organizations.homeOf(user.getUserId())
                .map(home -> java.util.stream.Stream.concat(java.util.stream.Stream.of(home), organizations.within(home.id()).stream())
                        .toList()).orElse(organizations.all());
        List<String> ids = scope.stream().flatMap(o -> o.groups().stream()).filter(g -> named.equals(g.name()))
                .map(Organization.GroupDefinition::id).distinct().toList();
        if (ids.size() == 1) {
            return ids.get(0);
        }
        throw new InvalidRequestException(ApiError.field("unit", ids.isEmpty() ? "UNKNOWN_UNIT" : "AMBIGUOUS_UNIT", ids.isEmpty()
                ? "参数 unit 无效：没有单位 \"" + TextInput.shortened(named, 40) + "\"，请填写单位的编号或名称（如 huanwei 或 环卫所）"
                : "参数 unit 无效：多个街镇都有单位 \"" + named + "\"，请同时用 organization 指明街镇，或填写单位编号（" + String.join("、", ids) + "）"));
    }
}

package org.shirong.rectification;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.DateWindow;
import org.springframework.stereotype.Component;

/**
 * The {@link CaseFilter} of a request to the case list, its Excel ledger or the case map: the organisation narrowed to
 * as the caller may ({@link CallerOrganization#narrowedTo}), the 属地 by its id or name, the reported days read in that
 * organisation's zone (the caller's own organisation's when none is named, as the ledger's title and times are).
 */
@Component
class CaseFilters {

    private final CallerOrganization callerOrganization;
    private final WorkingCalendars calendars;
    private final DateWindow window;
    private final TerritoryDirectory territories;
    private final Organizations organizations;

    CaseFilters(CallerOrganization callerOrganization, WorkingCalendars calendars, DateWindow window,
            TerritoryDirectory territories, Organizations organizations) {
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
        return CaseFilter.of(user, unit, status, overdue, escalated, role, campaign, narrowed,
                CaseFilter.territory(territories, territory), reported);
    }
}

package org.shirong.calendar;

import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/time-zone}: the time zone of the caller's organisation's working calendar, in which Shirong's
 * pages show times (the case page, the 责任区 pages, the 驾驶舱, the messages in Tasklist) as its documents, reports and
 * notifications already do, whatever zone the phone or PC is set to. A user of no organisation (an administrator) gets
 * the shared calendar's.
 */
@RestController
class TimeZoneController {

    private final WorkingCalendars calendars;
    private final Organizations organizations;
    private final IdentityService identityService;

    TimeZoneController(WorkingCalendars calendars, Organizations organizations, IdentityService identityService) {
        this.calendars = calendars;
        this.organizations = organizations;
        this.identityService = identityService;
    }

    record ShownTimeZone(String organization, String timeZone) {
    }

    @GetMapping("/api/calendar/time-zone")
    ShownTimeZone timeZone() {
        String organization = organizations.homeOf(identityService.getCurrentAuthentication().getUserId())
                .map(Organization::id).orElse(null);
        return new ShownTimeZone(organization, calendars.of(organization).zone().getId());
    }
}

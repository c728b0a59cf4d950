package org.shirong.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * {@code GET /api/calendar/time-zone}: the zone Shirong's pages show times in is the caller's organisation's calendar
 * zone (the shared calendar's for an administrator of no organisation), and only for someone logged in. The pages'
 * use of it is checked in the browser ({@code CaseMapTest}: a PC set to New York sees 九亭's times).
 */
@ShirongWebTest
@SharesSpringContext
class TimeZoneApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    WorkingCalendars calendars;

    @Test
    void eachUserGetsTheirOrganisationsZone() {
        assertThat(zone("chengguan2")).containsEntry("organization", "jiuting")
                .containsEntry("timeZone", calendars.of("jiuting").zone().getId());
        assertThat(zone("jxlingdao1")).containsEntry("organization", "jinxi")
                .containsEntry("timeZone", calendars.of("jinxi").zone().getId());
        assertThat(calendars.of("jiuting").zone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void anAdministratorOfNoOrganisationGetsTheSharedCalendarsZone() {
        Map<?, ?> admin = rest.withBasicAuth("admin", "admin").getForObject("/api/calendar/time-zone", Map.class);
        assertThat(admin.get("organization")).isNull();
        assertThat(admin.get("timeZone")).isEqualTo(calendars.shared().zone().getId());
    }

    @Test
    void nobodyLoggedInGetsNothing() {
        assertThat(rest.getForEntity("/api/calendar/time-zone", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> zone(String user) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/calendar/time-zone", Map.class);
    }
}

package org.shirong.calendar;

import java.util.HashMap;
import java.util.Map;
import org.shirong.organization.Organizations;
import org.shirong.system.StartupRefusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each organisation's working calendar: the shared one ({@code config/calendar/}) unless the organisation's folder
 * has its own {@code calendar.yaml}, which sets its time zone and/or office hours. Holidays and make-up days are
 * national, so every organisation counts the same ones.
 */
@Component
public class WorkingCalendars {

    static final String ORGANIZATION_FILE = "calendar.yaml";
    static final String STAGE = "calendar";
    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendars.class);

    private final WorkingCalendar shared;
    private final Map<String, WorkingCalendar> own = new HashMap<>();

    @Autowired
    WorkingCalendars(WorkingCalendar shared, Organizations organizations) {
        this.shared = shared;
        StartupRefusals.Stage stage = StartupRefusals.stage(STAGE);
        for (String id : organizations.ids()) {
            organizations.ownFile(id, ORGANIZATION_FILE).ifPresent(file -> stage.run(id, () -> {
                WorkingCalendar calendar = shared.with(WorkingCalendarLoader.readOrganization(file));
                own.put(id, calendar);
                LOG.info("{}使用自己的工作日历 {}：时区 {}，办公时段 {}", organizations.of(id).name(), file,
                        calendar.zone(), calendar.officeHours().intervals());
            }));
        }
        stage.end();
    }

    private WorkingCalendars(WorkingCalendar shared) {
        this.shared = shared;
    }

    /** Every organisation on the bundled shared calendar, e.g. for tests that build the services by hand. */
    public static WorkingCalendars bundled() {
        return new WorkingCalendars(WorkingCalendar.bundled());
    }

    /** The organisation's calendar; the shared one for an organisation without its own file, or no organisation (null). */
    public WorkingCalendar of(String organization) {
        return organization == null ? shared : own.getOrDefault(organization, shared);
    }

    /** The calendar of work that belongs to no organisation. */
    public WorkingCalendar shared() {
        return shared;
    }
}

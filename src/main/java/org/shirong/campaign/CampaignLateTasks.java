package org.shirong.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.GroupType;
import org.shirong.organization.Organization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.report.LateCampaignTasks;
import org.springframework.stereotype.Component;

/**
 * The campaign's tasks of a period not done by their deadline, for its 通报 ({@link LateCampaignTasks}): read from the
 * task records the campaign keeps, late by the organisation's working calendar. A task done late by less than a working
 * day (handed in the evening of its day) is not named. A task of a working group the office leads (roles.office-led:
 * 松江区's 区级联合检查组) is marked as the office's own work (sjreview-s57 D10).
 */
@Component
class CampaignLateTasks implements LateCampaignTasks {

    private static final Set<GroupType> DECIDERS = Set.of(GroupType.LEADING_GROUP, GroupType.OFFICE);

    private final CampaignRecords records;
    private final OrganizationRecords organization;
    private final Organizations organizations;
    private final WorkingCalendars calendars;

    CampaignLateTasks(CampaignRecords records, OrganizationRecords organization, Organizations organizations, WorkingCalendars calendars) {
        this.records = records;
        this.organization = organization;
        this.organizations = organizations;
        this.calendars = calendars;
    }

    @Override
    public List<LateTask> inPeriod(String campaignCode, Instant from, Instant until, Instant asOf) {
        String tenant = records.find(campaignCode).map(CampaignRecords.Campaign::tenantId).orElse(null);
        if (tenant == null) {
            return List.of();
        }
        WorkingCalendar calendar = calendars.of(tenant);
        Organization own = organizations.of(tenant);
        Set<String> deciders = organization.units(tenant).stream().filter(u -> DECIDERS.contains(u.type()))
                .map(OrganizationRecords.Unit::id).collect(Collectors.toSet());
        return records.tasksDueIn(campaignCode, from, until).stream()
                .filter(t -> t.dueAt().isBefore(asOf) && !deciders.contains(t.groupId()))
                .filter(t -> !TaskKind.CHECKPOINT.name().equals(t.kind()))
                .map(t -> {
                    boolean open = t.completedAt() == null || t.completedAt().isAfter(asOf);
                    Instant doneAt = open ? null : t.completedAt();
                    return new LateTask(t.groupId(), organizations.unitName(t.groupId(), tenant), t.name(), t.dueAt(), doneAt,
                            calendar.workingDaysLate(t.dueAt(), open ? asOf : doneAt), own.ledByOffice(t.groupId()));
                })
                .filter(t -> t.completedAt() == null || t.workingDaysLate() >= 1)
                .toList();
    }
}

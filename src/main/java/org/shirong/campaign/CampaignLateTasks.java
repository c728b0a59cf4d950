package org.shirong.campaign;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * task records the campaign keeps, and the 工作交办 filed under the campaign ({@link CampaignWorkAssignments}: 交办：事项,
 * the unit it was given to), late by the organisation's working calendar. A task done late by less than a working day
 * (handed in the evening of its day) is not named. A task of a working group the office leads (roles.office-led:
 * 松江区's 区级联合检查组) is marked as the office's own work (sjreview-s57 D10).
 */
@Component
class CampaignLateTasks implements LateCampaignTasks {

    private static final Set<GroupType> DECIDERS = Set.of(GroupType.LEADING_GROUP, GroupType.OFFICE);

    private final CampaignRecords records;
    private final OrganizationRecords organization;
    private final Organizations organizations;
    private final WorkingCalendars calendars;
    private final CampaignWorkAssignments workAssignments;

    CampaignLateTasks(CampaignRecords records, OrganizationRecords organization, Organizations organizations, WorkingCalendars calendars,
            CampaignWorkAssignments workAssignments) {
        this.workAssignments = workAssignments;
        this.records = records;
        this.organization = organization;
        this.organizations = organizations;
        this.calendars = calendars;
    }

    @Override
    public List<LateTask> inPeriod(String campaignCode, Instant from, Instant until, Instant asOf) {
        CampaignRecords.Campaign campaign = records.find(campaignCode).orElse(null);
        if (campaign == null) {
            return List.of();
        }
        String tenant = campaign.tenantId();
        WorkingCalendar calendar = calendars.of(tenant);
        Organization own = organizations.of(tenant);
        Set<String> deciders = organization.units(tenant).stream().filter(u -> DECIDERS.contains(u.type()))
                .map(OrganizationRecords.Unit::id).collect(Collectors.toSet());
        Stream<LateTask> tasks = records.tasksDueIn(campaignCode, from, until).stream()
                .filter(t -> t.dueAt().isBefore(asOf) && !deciders.contains(t.groupId()))
                .filter(t -> !TaskKind.CHECKPOINT.name().equals(t.kind()))
                .map(t -> late(t.groupId(), tenant, t.name(), t.dueAt(), t.completedAt(), asOf, calendar, own));
        // the work handed to a unit under the campaign is its task as much as one of the campaign's own (an office given
        // work by the leading group or a meeting included)
        Stream<LateTask> work = workAssignments.dueIn(campaign, from, until, asOf).stream()
                .map(w -> late(w.unitGroup(), tenant, "交办：" + w.title(), w.dueAt(), w.doneAt(), asOf, calendar, own));
        return Stream.concat(tasks, work).filter(t -> t.completedAt() == null || t.workingDaysLate() >= 1)
                .sorted(Comparator.comparing(LateTask::dueAt)).toList();
    }

    private LateTask late(String group, String tenant, String name, Instant dueAt, Instant completedAt, Instant asOf,
            WorkingCalendar calendar, Organization own) {
        boolean open = completedAt == null || completedAt.isAfter(asOf);
        Instant doneAt = open ? null : completedAt;
        return new LateTask(group, organizations.unitName(group, tenant), name, dueAt, doneAt,
                calendar.workingDaysLate(dueAt, open ? asOf : doneAt), own.ledByOffice(group));
    }
}

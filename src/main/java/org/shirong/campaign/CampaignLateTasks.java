package org.shirong.campaign;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.shirong.scoring.TaskFacts;
import org.springframework.stereotype.Component;

/**
 * The campaign's tasks of a period, read in one place for its 通报 ({@link LateCampaignTasks}: those not done by their
 * deadline) and for the scores' {@code task-rule} ({@link TaskFacts}: all counted, and how many of them late): the task
 * records the campaign keeps, and the 工作交办 filed under the campaign ({@link CampaignWorkAssignments}: 交办：事项, the unit
 * it was given to), late by the organisation's working calendar. A task counts in the period it falls due in, and, while
 * still not done, in every later period (仍未完成, as an overdue case does, jtreview-s59 T1). A task done late by less than a
 * working day (handed in the evening of its day) is not late. A task of a working group the office leads (roles.office-led:
 * 松江区's 区级联合检查组) is marked as the office's own work (sjreview-s57 D10).
 */
@Component
class CampaignLateTasks implements LateCampaignTasks, TaskFacts {

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

    /** A task counted in the period, as it stood at the time asked, and whether it is late (the 通报 names it). */
    private record Counted(LateTask task, boolean late) {
    }

    @Override
    public List<LateTask> inPeriod(String campaignCode, Instant from, Instant until, Instant asOf) {
        return records.find(campaignCode).map(c -> counted(c, from, until, asOf).filter(Counted::late).map(Counted::task)
                .sorted(Comparator.comparing(LateTask::dueAt)).toList()).orElse(List.of());
    }

    @Override
    public List<TaskFigure> figures(String tenant, String campaignCode, Instant from, Instant until) {
        List<CampaignRecords.Campaign> campaigns = campaignCode == null
                ? records.all().stream().filter(c -> tenant.equals(c.tenantId()) && !CampaignRecords.CANCELLED.equals(c.status()))
                        .toList()
                : records.find(campaignCode).filter(c -> tenant.equals(c.tenantId())).stream().toList();
        Map<String, int[]> byUnit = new LinkedHashMap<>();
        campaigns.stream().flatMap(c -> counted(c, from, until, until)).forEach(t -> {
            int[] n = byUnit.computeIfAbsent(t.task().groupId(), k -> new int[3]);
            n[0]++;
            if (t.late()) {
                n[t.task().completedAt() == null ? 1 : 2]++;
            }
        });
        return byUnit.entrySet().stream().map(e -> new TaskFigure(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    /**
     * The campaign's tasks due in [from, until) and before {@code asOf}, and those due earlier not done by the period's end
     * (or {@code asOf}), as they stood at {@code asOf}; not the office's and the leading group's own (检查点, 召开会议).
     */
    private Stream<Counted> counted(CampaignRecords.Campaign campaign, Instant from, Instant until, Instant asOf) {
        String tenant = campaign.tenantId();
        Instant end = until.isBefore(asOf) ? until : asOf;
        WorkingCalendar calendar = calendars.of(tenant);
        Organization own = organizations.of(tenant);
        Set<String> deciders = organization.units(tenant).stream().filter(u -> DECIDERS.contains(u.type()))
                .map(OrganizationRecords.Unit::id).collect(Collectors.toSet());
        Stream<Counted> tasks = records.tasksCountedIn(campaign.code(), from, end).stream()
                .filter(t -> !deciders.contains(t.groupId()))
                .filter(t -> !TaskKind.CHECKPOINT.name().equals(t.kind()))
                .map(t -> counted(t.groupId(), tenant, t.name(), t.dueAt(), t.completedAt(), from, asOf, calendar, own));
        // the work handed to a unit under the campaign is its task as much as one of the campaign's own (an office given
        // work by the leading group or a meeting included)
        Stream<Counted> work = workAssignments.dueIn(campaign, from, until, asOf).stream()
                .map(w -> counted(w.unitGroup(), tenant, "交办：" + w.title(), w.dueAt(), w.doneAt(), from, asOf, calendar, own));
        return Stream.concat(tasks, work);
    }

    private Counted counted(String group, String tenant, String name, Instant dueAt, Instant completedAt, Instant from,
            Instant asOf, WorkingCalendar calendar, Organization own) {
        boolean open = completedAt == null || completedAt.isAfter(asOf);
        Instant doneAt = open ? null : completedAt;
        LateTask task = new LateTask(group, organizations.unitName(group, tenant), name, dueAt, doneAt,
                calendar.workingDaysLate(dueAt, open ? asOf : doneAt), own.ledByOffice(group), dueAt.isBefore(from));
        return new Counted(task, open || task.workingDaysLate() >= 1);
    }
}

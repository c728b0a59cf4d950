package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.report.ReportSubmissions;
import org.springframework.stereotype.Component;

/**
 * The 报送 of a campaign's report cycles as {@link CampaignTasks#issueCycleTasks} handed them out: a run's tasks share the
 * key {@code cycleId/plannedDay/} and the run's name ({@code 周期名称（期间）}, kept with each task); a plan item's task
 * names its item (by its category, as the template names it). The run before another is the one planned on the latest day
 * before its day, so that the runs a campaign's end hands out together (the month moved past its end, then its last month)
 * each name the one before.
 */
@Component
class CycleSubmissions implements ReportSubmissions {

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    private final WorkingCalendars calendars;
    private final CategoryCatalogue catalogue;

    CycleSubmissions(CampaignRecords records, CampaignTemplates templates, WorkingCalendars calendars, CategoryCatalogue catalogue) {
        this.records = records;
        this.templates = templates;
        this.calendars = calendars;
        this.catalogue = catalogue;
    }

    @Override
    public List<Cycle> previousRuns(String campaignCode, Instant runPlannedAt) {
        Optional<Campaign> campaign = records.find(campaignCode);
        Optional<CampaignTemplate> template = campaign.flatMap(c -> templates.find(c.tenantId(), c.templateId()));
        if (template.isEmpty()) {
            return List.of();
        }
        LocalDate before = runPlannedAt == null ? null : LocalDate.ofInstant(runPlannedAt, calendars.of(campaign.get().tenantId()).zone());
        List<TaskRow> tasks = records.tasks(campaignCode);
        Function<String, String> items = items(template.get(), campaign.get().tenantId());
        List<Cycle> cycles = new ArrayList<>();
        for (CampaignTemplate.Cycle cycle : template.get().cycles()) {
            if (cycle.kind() != CycleKind.REPORT) {
                continue;
            }
            TreeMap<LocalDate, List<TaskRow>> runs = new TreeMap<>();
            for (TaskRow task : tasks) {
                String[] key = task.taskKey().split("/", 3);
                if (cycle.id().equals(task.cycleId()) && key.length == 3) {
                    LocalDate planned = LocalDate.parse(key[1]);
                    if (before == null || planned.isBefore(before)) {
                        runs.computeIfAbsent(planned, d -> new ArrayList<>()).add(task);
                    }
                }
            }
            cycles.add(new Cycle(cycle.name(), Optional.ofNullable(runs.lastEntry()).map(run -> run(cycle, run.getValue(), items))));
        }
        return cycles;
    }

    /** A plan item's name by its category, as its lead unit's task was named. */
    private Function<String, String> items(CampaignTemplate template, String tenant) {
        Map<String, String> names = new HashMap<>();
        for (CampaignTemplate.Item item : template.items()) {
            names.putIfAbsent(item.category(), TaskAssignments.itemName(item, category -> catalogue.find(tenant, category)));
        }
        return category -> category == null ? null : names.getOrDefault(category, category);
    }

    private static Run run(CampaignTemplate.Cycle cycle, List<TaskRow> tasks, Function<String, String> items) {
        String runName = tasks.get(0).runName() != null ? tasks.get(0).runName() : cycle.name();
        List<Submission> submissions = new ArrayList<>();
        Instant issuedAt = null;
        for (TaskRow t : tasks) {
            submissions.add(new Submission(t.unitId(), t.groupId(), items.apply(t.itemCategory()), t.dueAt(), t.completedAt(),
                    CampaignRecords.CANCELLED.equals(t.status())));
            issuedAt = issuedAt == null || t.createdAt().isBefore(issuedAt) ? t.createdAt() : issuedAt;
        }
        return new Run(runName, issuedAt, submissions);
    }
}

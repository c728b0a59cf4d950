package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.report.ReportSubmissions;
import org.springframework.stereotype.Component;

/**
 * The 报送 of a campaign's report cycles as {@link CampaignTasks#issueCycleTasks} handed them out: a run's tasks share the
 * key {@code cycleId/plannedDay/} and the name {@code 周期名称（期间）}, followed, for a unit's or a plan item's, by
 * {@code （单位或项目）}. The run before another is the one planned on the latest day before its day, so that the runs a
 * campaign's end hands out together (the month moved past its end, then its last month) each name the one before.
 */
@Component
class CycleSubmissions implements ReportSubmissions {

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    private final WorkingCalendars calendars;

    CycleSubmissions(CampaignRecords records, CampaignTemplates templates, WorkingCalendars calendars) {
        this.records = records;
        this.templates = templates;
        this.calendars = calendars;
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
            cycles.add(new Cycle(cycle.name(), Optional.ofNullable(runs.lastEntry()).map(run -> run(cycle, run.getValue()))));
        }
        return cycles;
    }

    private static Run run(CampaignTemplate.Cycle cycle, List<TaskRow> tasks) {
        String first = tasks.get(0).name();
        int periodEnd = first.indexOf('）', cycle.name().length());
        String runName = first.startsWith(cycle.name() + "（") && periodEnd > 0 ? first.substring(0, periodEnd + 1) : cycle.name();
        List<Submission> submissions = new ArrayList<>();
        Instant issuedAt = null;
        for (TaskRow t : tasks) {
            String item = t.itemCategory() == null || !t.name().startsWith(runName + "（") ? null
                    : t.name().substring(runName.length() + 1, t.name().length() - 1);
            submissions.add(new Submission(t.unitId(), t.groupId(), item, t.dueAt(), t.completedAt(),
                    CampaignRecords.CANCELLED.equals(t.status())));
            issuedAt = issuedAt == null || t.createdAt().isBefore(issuedAt) ? t.createdAt() : issuedAt;
        }
        return new Run(runName, issuedAt, submissions);
    }
}

package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.springframework.stereotype.Component;

/**
 * The cycles of a campaign ({@code campaignCycles.ids(campaignCode)}, the collection of
 * {@code SubProcess_Cycles}) and when each runs next, read from the campaign's template.
 */
@Component("campaignCycles")
public class CampaignCycles {

    /** The next run of a cycle: when, what kind, and the score period it calculates then (or null). */
    record NextRun(Instant at, CycleKind kind, String scorePeriod) {
    }

    private final CampaignRecords records;
    private final CampaignTasks tasks;
    private final WorkingCalendar calendar;

    CampaignCycles(CampaignRecords records, CampaignTasks tasks, WorkingCalendar calendar) {
        this.records = records;
        this.tasks = tasks;
        this.calendar = calendar;
    }

    public List<String> ids(String campaignCode) {
        return template(campaignCode).cycles().stream().map(CampaignTemplate.Cycle::id).toList();
    }

    Optional<NextRun> next(String campaignCode, String cycleId, Instant now) {
        CampaignTemplate.Cycle cycle = cycle(campaignCode, cycleId);
        return CycleRuns.next(cycle, records.phases(campaignCode), now, calendar.zone()).map(at -> new NextRun(at, cycle.kind(),
                cycle.scorePeriod() == null ? null : cycle.scorePeriod().code(LocalDate.ofInstant(at, calendar.zone()))));
    }

    CampaignTemplate.Cycle cycle(String campaignCode, String cycleId) {
        return CampaignTasks.cycle(template(campaignCode), cycleId);
    }

    private CampaignTemplate template(String campaignCode) {
        Campaign campaign = records.find(campaignCode).orElseThrow(() -> new IllegalStateException("活动 " + campaignCode + " 不存在"));
        return tasks.template(campaign);
    }
}

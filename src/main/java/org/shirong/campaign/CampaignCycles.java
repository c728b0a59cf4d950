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

    /**
     * The cycle's first run after {@code now}, passing over a run whose tasks would be about a period that ended before
     * the campaign began ({@link CampaignTemplate.Cycle#reportedPeriod}): a campaign that starts on 1 March hands out no
     * 月度工作报告 on February, and writes no report of it.
     */
    Optional<NextRun> next(String campaignCode, String cycleId, Instant now) {
        CampaignTemplate.Cycle cycle = cycle(campaignCode, cycleId);
        List<CampaignRecords.PhaseRow> phases = records.phases(campaignCode);
        LocalDate firstDay = phases.get(0).firstDay();
        Optional<Instant> at = CycleRuns.next(cycle, phases, now, calendar.zone());
        while (at.isPresent() && cycle.reportedPeriod() != null
                && !cycle.reportedPeriod().until(day(at.get())).isAfter(firstDay)) {
            at = CycleRuns.next(cycle, phases, at.get(), calendar.zone());
        }
        return at.map(run -> new NextRun(run, cycle.kind(), cycle.scorePeriod() == null ? null : cycle.scorePeriod().code(day(run))));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    CampaignTemplate.Cycle cycle(String campaignCode, String cycleId) {
        return CampaignTasks.cycle(template(campaignCode), cycleId);
    }

    private CampaignTemplate template(String campaignCode) {
        Campaign campaign = records.find(campaignCode).orElseThrow(() -> new IllegalStateException("活动 " + campaignCode + " 不存在"));
        return tasks.template(campaign);
    }
}

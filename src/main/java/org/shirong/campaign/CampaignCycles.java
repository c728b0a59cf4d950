package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CycleRuns.Run;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * The cycles of a campaign ({@code campaignCycles.ids(campaignCode)}, the collection of
 * {@code SubProcess_Cycles}) and when each runs next, read from the campaign's template.
 */
@Component("campaignCycles")
@ProcessExpressionBean
public class CampaignCycles {

    /**
     * The next run of a cycle: when its timer fires ({@code at}: a meeting's notice goes out ahead of it, other work is
     * handed out when it is held), the run itself ({@link Run}), what kind, and the score period it calculates then or,
     * for a meeting, its agenda ranks (or null).
     */
    record NextRun(Instant at, Run run, CycleKind kind, String scorePeriod) {
    }

    private final CampaignRecords records;
    private final CampaignTasks tasks;
    private final WorkingCalendars calendars;
    private final UnitScores unitScores;

    CampaignCycles(CampaignRecords records, CampaignTasks tasks, WorkingCalendars calendars, UnitScores unitScores) {
        this.records = records;
        this.tasks = tasks;
        this.calendars = calendars;
        this.unitScores = unitScores;
    }

    public List<String> ids(String campaignCode) {
        return template(campaignCode).cycles().stream().map(CampaignTemplate.Cycle::id).toList();
    }

    /**
     * The cycle's run after {@code previous} (none: its first after {@code now}), passing over a run whose tasks would be
     * about a period that ended before the campaign began ({@link CampaignTemplate.Cycle#reportedPeriod}): a campaign
     * that starts on 1 March hands out no 月度工作报告 on February, and writes no report of it.
     */
    Optional<NextRun> next(String campaignCode, String cycleId, Optional<Run> previous, Instant now) {
        Campaign campaign = campaign(campaignCode);
        CampaignTemplate.Cycle cycle = CampaignTasks.cycle(tasks.template(campaign), cycleId);
        WorkingCalendar calendar = calendars.of(campaign.tenantId());
        List<CampaignRecords.PhaseRow> phases = records.phases(campaignCode);
        LocalDate firstDay = phases.get(0).firstDay();
        Optional<Run> run = CycleRuns.next(cycle, phases, previous, now, calendar);
        while (run.isPresent() && cycle.reportedPeriod() != null
                && !cycle.reportedPeriod().until(day(run.get().plannedAt(), calendar)).isAfter(firstDay)) {
            run = CycleRuns.next(cycle, phases, run, now, calendar);
        }
        return run.map(r -> nextRun(cycle, r, calendar, phases));
    }

    private NextRun nextRun(CampaignTemplate.Cycle cycle, Run run, WorkingCalendar calendar, List<CampaignRecords.PhaseRow> phases) {
        LocalDate plannedDay = day(run.plannedAt(), calendar);
        if (cycle.kind() == CycleKind.MEETING) {
            String period = cycle.meetingPeriod(plannedDay);
            Instant noticeAt = CycleRuns.noticeAt(run.heldAt(), cycle.noticeLead(), unitScores.window(period).until(), calendar);
            return new NextRun(noticeAt, run, cycle.kind(), period);
        }
        // A report on a running month scores nothing: its scores, report and 通报 come once the month is over; nor does a
        // report on a period without a day of its score-phases (锦溪's 月报告 of the 明确任务制定方案 months).
        return new NextRun(run.heldAt(), run, cycle.kind(), cycle.scorePeriod() == null || cycle.reportsRunningPeriod()
                || unranked(cycle, run, calendar, phases).isPresent() ? null : cycle.scorePeriod().code(plannedDay));
    }

    /**
     * Why the run planned at {@code plannedAt} ranks and names no unit, for a report or meeting held all the same
     * ({@link CampaignTemplate.Cycle#heldWithoutRanking}): the period it would rank has no day of its {@code score-phases}
     * (锦溪's 月度工作报告 and 例会 of the 明确任务制定方案 months, jxreview-s58 J1); empty when it ranks.
     */
    Optional<String> unranked(String campaignCode, String cycleId, Instant plannedAt) {
        Campaign campaign = campaign(campaignCode);
        return unranked(CampaignTasks.cycle(tasks.template(campaign), cycleId), new Run(plannedAt, plannedAt),
                calendars.of(campaign.tenantId()), records.phases(campaignCode));
    }

    private Optional<String> unranked(CampaignTemplate.Cycle cycle, Run run, WorkingCalendar calendar,
            List<CampaignRecords.PhaseRow> phases) {
        LocalDate plannedDay = day(run.plannedAt(), calendar);
        if (cycle.rankedPeriod() == null || CycleRuns.ranksPhaseWork(cycle, phases, plannedDay, calendar)) {
            return Optional.empty();
        }
        String ranked = String.join("、", phases.stream().filter(p -> cycle.scorePhases().contains(p.phaseId()))
                .map(p -> "“" + p.name() + "”").toList());
        return Optional.of(unitScores.window(cycle.rankedPeriod().code(plannedDay)).periodName() + "没有" + ranked
                + "阶段的日子：按活动模板只对这些阶段的工作排名、通报，本期不排名，不通报。");
    }

    /** The period (a code such as 2026-12) a run planned at {@code plannedAt} is about, for a report or an assessment; else null. */
    String reportedPeriod(String campaignCode, String cycleId, Instant plannedAt) {
        Campaign campaign = campaign(campaignCode);
        ScoredPeriod about = CampaignTasks.cycle(tasks.template(campaign), cycleId).reportedPeriod();
        return about == null ? null : about.code(day(plannedAt, calendars.of(campaign.tenantId())));
    }

    /**
     * For a report cycle on the period under way (松江区's 25th): the period just before the run's, when the campaign ran in
     * it; empty otherwise. A campaign started before its template had the 月度考核 of 上月 has no such cycle running, so
     * this run issues that period's report and 通报 if nothing issued them yet.
     */
    Optional<String> closedPeriodBefore(String campaignCode, String cycleId, Instant plannedAt) {
        Campaign campaign = campaign(campaignCode);
        CampaignTemplate.Cycle cycle = CampaignTasks.cycle(tasks.template(campaign), cycleId);
        if (!cycle.reportsRunningPeriod()) {
            return Optional.empty();
        }
        WorkingCalendar calendar = calendars.of(campaign.tenantId());
        String period = cycle.reportedPeriod().closed().code(day(plannedAt, calendar));
        List<CampaignRecords.PhaseRow> phases = records.phases(campaignCode);
        return unitScores.window(period).until().isAfter(phases.get(0).startsAt()) ? Optional.of(period) : Optional.empty();
    }

    private static LocalDate day(Instant at, WorkingCalendar calendar) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    CampaignTemplate.Cycle cycle(String campaignCode, String cycleId) {
        return CampaignTasks.cycle(template(campaignCode), cycleId);
    }

    private CampaignTemplate template(String campaignCode) {
        return tasks.template(campaign(campaignCode));
    }

    private Campaign campaign(String campaignCode) {
        return records.find(campaignCode).orElseThrow(() -> new IllegalStateException("活动 " + campaignCode + " 不存在"));
    }
}

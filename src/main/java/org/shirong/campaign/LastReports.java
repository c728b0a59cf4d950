package org.shirong.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.report.MonthlyReports;
import org.shirong.scoring.UnitScores;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The report and assessment of a campaign's last period: a report cycle asks for a period once it is over (九亭镇's
 * 月度工作报告 on the 1st, about the month before), and so does an assessment that looks back (锦溪镇's 年考核 on 10
 * January, about the year before), so the campaign's last month or year would come due after the campaign ended, when
 * its cycles have stopped, and no unit would report it nor be assessed on it. At the campaign's end each report or
 * assessment cycle that still runs in the last phase hands out its run for the period its next run would be about, when
 * that period lies (partly) within the campaign and no run in the campaign was about it: the same tasks and unit scores
 * as that run (and, for a report, its 月度工作报告), due {@code cycle-task-time} after the campaign's end. An assessment of
 * the year under way (九亭镇's 年度考核 on 20 December) has already run and is not repeated.
 */
@Component
class LastReports {

    /** A report or assessment cycle's run about the campaign's last period ({@code periodCode}), and whether it scores that period. */
    record LastRun(String cycleId, CycleKind kind, String periodCode, boolean scored) {
    }

    private final CampaignRecords records;
    private final CampaignTasks tasks;
    private final WorkingCalendars calendars;
    private final UnitScores unitScores;
    private final MonthlyReports monthlyReports;

    LastReports(CampaignRecords records, CampaignTasks tasks, WorkingCalendars calendars, UnitScores unitScores,
            MonthlyReports monthlyReports) {
        this.records = records;
        this.tasks = tasks;
        this.calendars = calendars;
        this.unitScores = unitScores;
        this.monthlyReports = monthlyReports;
    }

    /** The campaign ends: issues its last period's reports and assessments; returns the runs issued. */
    List<LastRun> issue(String code) {
        Campaign campaign = records.find(code).orElseThrow(() -> new IllegalStateException("活动 " + code + " 不存在"));
        List<PhaseRow> phases = records.phases(code);
        Instant end = phases.get(phases.size() - 1).endsAt();
        List<LastRun> runs = due(campaign, phases);
        for (LastRun run : runs) {
            if (run.scored()) {
                unitScores.computeAndSave(campaign.tenantId(), code, run.periodCode());
            }
            tasks.issueCycleTasks(code, run.cycleId(), end, run.periodCode());
            if (run.kind() == CycleKind.REPORT) {
                monthlyReports.issue(campaign.tenantId(), code, end, run.periodCode());
            }
        }
        return runs;
    }

    private List<LastRun> due(Campaign campaign, List<PhaseRow> phases) {
        PhaseRow last = phases.get(phases.size() - 1);
        Instant start = phases.get(0).startsAt();
        Instant end = last.endsAt();
        ZoneId zone = calendars.of(campaign.tenantId()).zone();
        List<LastRun> runs = new ArrayList<>();
        for (CampaignTemplate.Cycle cycle : tasks.template(campaign).cycles()) {
            boolean aboutPeriod = cycle.kind() == CycleKind.REPORT || cycle.kind() == CycleKind.ASSESSMENT;
            if (!aboutPeriod || cycle.reportedPeriod() == null
                    || !cycle.phases().isEmpty() && !cycle.phases().contains(last.phaseId())) {
                continue;
            }
            ZonedDateTime next = CronExpression.parse(cycle.cron()).next(end.minusSeconds(1).atZone(zone));
            if (next == null) {
                continue;
            }
            String period = cycle.reportedPeriod().code(next.toLocalDate());
            UnitScores.Window window = unitScores.window(period);
            if (window.from().isBefore(end) && window.until().isAfter(start)
                    && !reportedInCampaign(cycle, phases, period, window.from().isAfter(start) ? window.from() : start, zone)) {
                runs.add(new LastRun(cycle.id(), cycle.kind(), period, cycle.scorePeriod() != null));
            }
        }
        return runs;
    }

    /** Whether a run of the cycle within the campaign, from {@code from} on, was about {@code period} already. */
    private static boolean reportedInCampaign(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, String period, Instant from,
            ZoneId zone) {
        for (Optional<Instant> run = CycleRuns.next(cycle, phases, from.minusSeconds(1), zone); run.isPresent();
                run = CycleRuns.next(cycle, phases, run.get(), zone)) {
            if (cycle.reportedPeriod().code(run.get().atZone(zone).toLocalDate()).equals(period)) {
                return true;
            }
        }
        return false;
    }
}

package org.shirong.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.calendar.WorkingCalendar;
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
 * assessment cycle that still runs in the last phase hands out its run for the period its next run would be about (and
 * for that of a run moved to a working day after the campaign's end), when
 * that period lies (partly) within the campaign and no run in the campaign was about it: the same tasks and unit scores
 * as that run (and, for a report, its 月度工作报告; for an assessment, its 通报), due {@code cycle-task-time} after the campaign's end. An assessment of
 * the year under way (九亭镇's 年度考核 on 20 December) has already run and is not repeated.
 */
@Component
class LastReports {

    /**
     * A report or assessment cycle's run about the campaign's last period ({@code periodCode}), whether it scores that
     * period, and the time its tasks are keyed by: the campaign's end, or the time the cron named for a run moved past it.
     */
    record LastRun(String cycleId, CycleKind kind, String periodCode, boolean scored, Instant plannedAt) {
    }

    /**
     * A month the campaign ended in before it was over (the office set the last phase to end mid-month), which an assessment
     * of 上月 (松江区's 月度考核) would have issued the final 通报 and 月度工作报告 of on its next run ({@code plannedAt},
     * held at {@code heldAt}, a working day): they are issued then ({@link #issueLastMonth}), not at the campaign's end,
     * when the month's ranking is still 暂定 and names nobody.
     */
    record LastMonth(String cycleId, String periodCode, Instant plannedAt, Instant heldAt) {
    }

    /** A run is moved to a working day at most this many days on (the longest holiday, with its weekends, is shorter). */
    private static final int MOVED_AT_MOST_DAYS = 31;

    private final CampaignRecords records;
    private final CampaignTasks tasks;
    private final WorkingCalendars calendars;
    private final UnitScores unitScores;
    private final MonthlyReports monthlyReports;

    private final DistrictNotices districtNotices;
    private final MonthlyReportNotices reportNotices;

    LastReports(CampaignRecords records, CampaignTasks tasks, WorkingCalendars calendars, UnitScores unitScores,
            MonthlyReports monthlyReports, DistrictNotices districtNotices, MonthlyReportNotices reportNotices) {
        this.districtNotices = districtNotices;
        this.reportNotices = reportNotices;
        this.records = records;
        this.tasks = tasks;
        this.calendars = calendars;
        this.unitScores = unitScores;
        this.monthlyReports = monthlyReports;
    }

    /**
     * The campaign ends: issues its last period's reports and assessments; returns the runs issued. {@code waitsForLastMonth}:
     * the campaign's diagram waits for a month it ended in before the month was over ({@link #lastMonthsAfterEnd}), whose
     * 通报 and report are then left to {@link #issueLastMonth}; a campaign on a diagram before that issues the month's report
     * now, as it stands (and no 通报, the month not being over).
     */
    List<LastRun> issue(String code, boolean waitsForLastMonth) {
        Campaign campaign = records.find(code).orElseThrow(() -> new IllegalStateException("活动 " + code + " 不存在"));
        List<PhaseRow> phases = records.phases(code);
        Instant end = phases.get(phases.size() - 1).endsAt();
        List<LastRun> runs = due(campaign, phases);
        for (LastRun run : runs) {
            if (run.scored()) {
                unitScores.computeAndSave(campaign.tenantId(), code, run.periodCode());
            }
            tasks.issueCycleTasks(code, run.cycleId(), new CycleRuns.Run(run.plannedAt(), end), run.periodCode());
            CampaignTemplate.Cycle cycle = CampaignTasks.cycle(tasks.template(campaign), run.cycleId());
            if (waitsForLastMonth && lastMonth(campaign, cycle, run.periodCode(), end).isPresent()) {
                // the month is not over: its 通报 and report come once it is (lastMonthsAfterEnd), not 暂定 now
                continue;
            }
            if (run.kind() == CycleKind.REPORT && !cycle.reportsRunningPeriod()) {
                districtNotices.issue(campaign, end, run.periodCode());
            } else if (run.scored() && cycle.scorePeriod().lookingBack()) {
                // As the cycle's own run would: the 通报 of the period assessed (锦溪's 年考核 of the campaign's last year).
                districtNotices.issueAssessed(campaign, end, run.periodCode(), cycle.name());
            }
            if (cycle.issuesMonthlyReport()) {
                reportNotices.send(campaign,
                        monthlyReports.issue(campaign.tenantId(), code, end, run.periodCode(), run.plannedAt()));
            }
        }
        return runs;
    }

    /**
     * The months the campaign ended in before they were over whose 通报 and 月度工作报告 its assessment of 上月 issues after
     * them ({@link LastMonth}); empty for a campaign that ended with a month (and for every town's template, whose reports
     * are issued at the end as they stand).
     */
    List<LastMonth> lastMonthsAfterEnd(String code) {
        Campaign campaign = records.find(code).orElseThrow(() -> new IllegalStateException("活动 " + code + " 不存在"));
        List<PhaseRow> phases = records.phases(code);
        Instant end = phases.get(phases.size() - 1).endsAt();
        CampaignTemplate template = tasks.template(campaign);
        return due(campaign, phases).stream().flatMap(run -> lastMonth(campaign, CampaignTasks.cycle(template, run.cycleId()),
                run.periodCode(), end).stream()).toList();
    }

    /**
     * Issues the final 通报 and the 月度工作报告 of each such month that is over by now, as the assessment's own run would
     * have: each once (both are stored under the period's key: a retried job, or a month some other run issued, adds nothing).
     */
    void issueLastMonth(String code, Instant now) {
        Campaign campaign = records.find(code).orElseThrow(() -> new IllegalStateException("活动 " + code + " 不存在"));
        CampaignTemplate template = tasks.template(campaign);
        for (LastMonth month : lastMonthsAfterEnd(code)) {
            if (unitScores.window(month.periodCode()).until().isAfter(now)) {
                continue;
            }
            districtNotices.issueAssessed(campaign, now, month.periodCode(), CampaignTasks.cycle(template, month.cycleId()).name());
            monthlyReports.issue(campaign.tenantId(), code, now, month.periodCode(), month.plannedAt());
        }
    }

    /** The run after the end of an assessment of 上月 about {@code period}, when that month was not over at the end. */
    private Optional<LastMonth> lastMonth(Campaign campaign, CampaignTemplate.Cycle cycle, String period, Instant end) {
        if (cycle.kind() != CycleKind.ASSESSMENT || !cycle.issuesMonthlyReport() || !unitScores.window(period).until().isAfter(end)) {
            return Optional.empty();
        }
        WorkingCalendar calendar = calendars.of(campaign.tenantId());
        ZonedDateTime next = CronExpression.parse(cycle.cron()).next(unitScores.window(period).until().minusSeconds(1)
                .atZone(calendar.zone()));
        return Optional.ofNullable(next).map(planned -> new LastMonth(cycle.id(), period, planned.toInstant(),
                CycleRuns.heldAt(cycle, planned, calendar)));
    }

    private List<LastRun> due(Campaign campaign, List<PhaseRow> phases) {
        PhaseRow last = phases.get(phases.size() - 1);
        Instant start = phases.get(0).startsAt();
        Instant end = last.endsAt();
        WorkingCalendar calendar = calendars.of(campaign.tenantId());
        List<LastRun> runs = new ArrayList<>();
        for (CampaignTemplate.Cycle cycle : tasks.template(campaign).cycles()) {
            boolean aboutPeriod = cycle.kind() == CycleKind.REPORT || cycle.kind() == CycleKind.ASSESSMENT;
            if (!aboutPeriod || cycle.reportedPeriod() == null
                    || !cycle.phases().isEmpty() && !cycle.phases().contains(last.phaseId())) {
                continue;
            }
            Map<String, Instant> periods = new LinkedHashMap<>();
            for (ZonedDateTime planned : movedPastEnd(cycle, start, end, calendar)) {
                periods.putIfAbsent(cycle.reportedPeriod().code(planned.toLocalDate()), planned.toInstant());
            }
            ZonedDateTime next = CronExpression.parse(cycle.cron()).next(end.minusSeconds(1).atZone(calendar.zone()));
            if (next != null) {
                periods.putIfAbsent(cycle.reportedPeriod().code(next.toLocalDate()), end);
            }
            for (Map.Entry<String, Instant> about : periods.entrySet()) {
                String period = about.getKey();
                UnitScores.Window window = unitScores.window(period);
                if (window.from().isBefore(end) && window.until().isAfter(start)
                        && CycleRuns.hasPhaseDays(cycle, phases, window.from(), window.until()) && !reportedInCampaign(cycle, phases, period,
                        window.from().isAfter(start) ? window.from() : start, calendar)) {
                    runs.add(new LastRun(cycle.id(), cycle.kind(), period, cycle.scorePeriod() != null && !cycle.reportsRunningPeriod(),
                            about.getValue()));
                }
            }
        }
        return runs;
    }

    /**
     * The runs the cron names within the campaign's last weeks that would be held after it ends, moved to a working day
     * past its end (the 月度工作报告 of Friday 1 January for a campaign that ends on Sunday 3 January).
     */
    private static List<ZonedDateTime> movedPastEnd(CampaignTemplate.Cycle cycle, Instant start, Instant end,
            WorkingCalendar calendar) {
        CronExpression cron = CronExpression.parse(cycle.cron());
        Instant from = end.minus(Duration.ofDays(MOVED_AT_MOST_DAYS));
        List<ZonedDateTime> moved = new ArrayList<>();
        for (ZonedDateTime planned = cron.next((from.isAfter(start) ? from : start).minusSeconds(1).atZone(calendar.zone()));
                planned != null && planned.toInstant().isBefore(end); planned = cron.next(planned)) {
            if (!CycleRuns.heldAt(cycle, planned, calendar).isBefore(end)) {
                moved.add(planned);
            }
        }
        return moved;
    }

    /** Whether a run of the cycle within the campaign, from {@code from} on, was about {@code period} already. */
    private static boolean reportedInCampaign(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, String period, Instant from,
            WorkingCalendar calendar) {
        Instant now = from.minusSeconds(1);
        for (Optional<CycleRuns.Run> run = CycleRuns.next(cycle, phases, Optional.empty(), now, calendar); run.isPresent();
                run = CycleRuns.next(cycle, phases, run, now, calendar)) {
            if (cycle.reportedPeriod().code(run.get().plannedAt().atZone(calendar.zone()).toLocalDate()).equals(period)) {
                return true;
            }
        }
        return false;
    }
}

package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a cycle runs next. Its cron expression (read as Camunda 7.24 reads it, Spring's six fields, in the town's time
 * zone) names a time, {@code plannedAt}; a town meets and reports on working days, so the run is held at the same time
 * of day on the first working day of the organisation's calendar from that day on ({@code heldAt}), unless the template
 * says {@code working-days-only: false}. What a report or assessment is about stays the period the planned day names
 * (the 月度工作报告 of 1 January, held on 4 January, reports December). A run counts when it is held in one of the
 * phases the cycle runs in (all, when it names none) and before the campaign ends, and, for an inspection or assessment
 * that names the phases whose work it ranks ({@code score-phases}), when the period it ranks has a day in one of them (a
 * report or meeting is held then too, ranking no one). Runs moved onto the time of the run
 * before them are held once with it, unless they are about another period.
 */
final class CycleRuns {

    /** A run: the time its cron named and the time it is held. */
    record Run(Instant plannedAt, Instant heldAt) {
    }

    private static final int MAX_STEPS = 5000;

    private CycleRuns() {
    }

    /**
     * The run after {@code previous} (none: the first after {@code now}). A run that would be held after the previous one
     * but before {@code now} was missed while the engine did not run and is passed over, as the timer of a missed run
     * fires once only.
     */
    static Optional<Run> next(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, Optional<Run> previous, Instant now,
            WorkingCalendar calendar) {
        CronExpression cron = CronExpression.parse(cycle.cron());
        Instant campaignEnd = phases.get(phases.size() - 1).endsAt();
        ZonedDateTime planned = previous.map(Run::plannedAt).orElse(now).atZone(calendar.zone());
        for (int step = 0; step < MAX_STEPS; step++) {
            planned = cron.next(planned);
            if (planned == null) {
                return Optional.empty();
            }
            Instant held = heldAt(cycle, planned, calendar);
            if (!held.isBefore(campaignEnd)) {
                return Optional.empty();
            }
            if (!runsIn(cycle, phases, held)
                    || !cycle.heldWithoutRanking() && !ranksPhaseWork(cycle, phases, planned.toLocalDate(), calendar)) {
                continue;
            }
            Run run = new Run(planned.toInstant(), held);
            if (previous.isPresent() && !held.isAfter(previous.get().heldAt())) {
                if (about(cycle, run, calendar).equals(about(cycle, previous.get(), calendar))) {
                    continue;
                }
            } else if (held.isBefore(now)) {
                continue;
            }
            return Optional.of(run);
        }
        return Optional.empty();
    }

    /** The time a run the cron names at {@code planned} is held: the same time on the first working day from then on. */
    static Instant heldAt(CampaignTemplate.Cycle cycle, ZonedDateTime planned, WorkingCalendar calendar) {
        if (!cycle.workingDaysOnly()) {
            return planned.toInstant();
        }
        ZonedDateTime at = planned;
        for (int day = 0; day < 366 && !calendar.isWorkingDay(at.toLocalDate()); day++) {
            at = at.plusDays(1);
        }
        return at.toInstant();
    }

    /**
     * When a meeting held at {@code meetingAt} is announced: {@code lead} before it (working days count back over the
     * days the office does not work, at the same time of day), yet not before {@code notBefore}, the end of the period
     * its agenda ranks, whose figures the agenda gives, when that period ends before the meeting (a meeting that
     * ranks the period under way is announced its lead ahead).
     */
    static Instant noticeAt(Instant meetingAt, TimeLimit lead, Instant notBefore, WorkingCalendar calendar) {
        ZonedDateTime at = meetingAt.atZone(calendar.zone());
        at = switch (lead.unit()) {
            case CALENDAR_DAYS -> at.minusDays(lead.amount());
            default -> {
                for (int left = lead.amount(); left > 0; ) {
                    at = at.minusDays(1);
                    if (calendar.isWorkingDay(at.toLocalDate())) {
                        left--;
                    }
                }
                yield at;
            }
        };
        Instant notice = at.toInstant();
        return notBefore != null && notice.isBefore(notBefore) && notBefore.isBefore(meetingAt) ? notBefore : notice;
    }

    /** What a run is about: the period a report or assessment names, else the day it is held. */
    private static String about(CampaignTemplate.Cycle cycle, Run run, WorkingCalendar calendar) {
        LocalDate planned = LocalDate.ofInstant(run.plannedAt(), calendar.zone());
        return Objects.toString(cycle.reportedPeriod() != null ? cycle.reportedPeriod().code(planned)
                : LocalDate.ofInstant(run.heldAt(), calendar.zone()));
    }

    /**
     * Whether a run planned on {@code plannedDay} ranks a period with a day in the cycle's {@code score-phases} (always,
     * when it names none): a 年考核 or 季检查 does not rank and 通报 units for a time before the campaign's 整治.
     */
    static boolean ranksPhaseWork(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, LocalDate plannedDay,
            WorkingCalendar calendar) {
        ScoredPeriod period = cycle.rankedPeriod();
        if (cycle.scorePhases().isEmpty() || period == null) {
            return true;
        }
        return hasPhaseDays(cycle, phases, period.from(plannedDay).atStartOfDay(calendar.zone()).toInstant(),
                period.until(plannedDay).atStartOfDay(calendar.zone()).toInstant());
    }

    /** Whether {@code from} (inclusive) to {@code until} has a day in one of the cycle's {@code score-phases} (or it names none). */
    static boolean hasPhaseDays(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, Instant from, Instant until) {
        return cycle.scorePhases().isEmpty() || phases.stream().filter(p -> cycle.scorePhases().contains(p.phaseId()))
                .anyMatch(p -> p.startsAt().isBefore(until) && from.isBefore(p.endsAt()));
    }

    private static boolean runsIn(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, Instant at) {
        return phases.stream().filter(p -> cycle.phases().isEmpty() || cycle.phases().contains(p.phaseId()))
                .anyMatch(p -> !at.isBefore(p.startsAt()) && at.isBefore(p.endsAt()));
    }
}

package org.shirong.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a cycle runs next: the first time its cron expression gives after {@code now} that falls in
 * one of the phases it runs in (all, when it names none) and before the campaign ends. Cron is read
 * as Camunda 7.24 reads it (Spring's six fields), in the town's time zone.
 */
final class CycleRuns {

    private static final int MAX_STEPS = 5000;

    private CycleRuns() {
    }

    static Optional<Instant> next(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, Instant now, ZoneId zone) {
        CronExpression cron = CronExpression.parse(cycle.cron());
        Instant campaignEnd = phases.get(phases.size() - 1).endsAt();
        ZonedDateTime at = now.atZone(zone);
        for (int step = 0; step < MAX_STEPS; step++) {
            at = cron.next(at);
            if (at == null || !at.toInstant().isBefore(campaignEnd)) {
                return Optional.empty();
            }
            if (runsIn(cycle, phases, at.toInstant())) {
                return Optional.of(at.toInstant());
            }
        }
        return Optional.empty();
    }

    private static boolean runsIn(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, Instant at) {
        return phases.stream().filter(p -> cycle.phases().isEmpty() || cycle.phases().contains(p.phaseId()))
                .anyMatch(p -> !at.isBefore(p.startsAt()) && at.isBefore(p.endsAt()));
    }
}

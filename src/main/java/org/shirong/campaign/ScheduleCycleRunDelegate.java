package org.shirong.campaign;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.campaign.CycleRuns.Run;
import org.springframework.stereotype.Component;

/**
 * 计算下次时间 ({@code Task_ScheduleNextRun}): sets, on this cycle's instance only, when its timer fires next
 * ({@code nextRunAt}), the run it fires for (planned and held times), whether it does so before the campaign ends
 * ({@code cycleRunsAgain}), its kind and the score period that run calculates. The next run follows the one just
 * scheduled, not the clock: a run moved to Monday is not followed by the Sunday run the cron names after it.
 */
@Component
class ScheduleCycleRunDelegate implements JavaDelegate {

    private final CampaignCycles cycles;

    ScheduleCycleRunDelegate(CampaignCycles cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = (String) execution.getVariable(CampaignProcess.VAR_CYCLE_ID);
        Optional<CampaignCycles.NextRun> next = cycles.next(execution.getProcessBusinessKey(), cycleId, scheduledRun(execution),
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariableLocal(CampaignProcess.VAR_CYCLE_RUNS_AGAIN, next.isPresent());
        execution.setVariableLocal(CampaignProcess.VAR_NEXT_RUN_AT, next.map(n -> Date.from(n.at())).orElse(null));
        execution.setVariableLocal(CampaignProcess.VAR_NEXT_RUN_PLANNED_AT, next.map(n -> Date.from(n.run().plannedAt())).orElse(null));
        execution.setVariableLocal(CampaignProcess.VAR_NEXT_RUN_HELD_AT, next.map(n -> Date.from(n.run().heldAt())).orElse(null));
        execution.setVariableLocal(CampaignProcess.VAR_CYCLE_KIND, next.map(n -> n.kind().name()).orElse(null));
        execution.setVariableLocal(CampaignProcess.VAR_SCORE_PERIOD, next.map(CampaignCycles.NextRun::scorePeriod).orElse(null));
    }

    /**
     * The run this cycle's timer was last set for (the run being held, or when scheduling the next, the one held last), if
     * any; an instance scheduled before runs were moved knows only {@code nextRunAt}.
     */
    static Optional<Run> scheduledRun(DelegateExecution execution) {
        Date at = (Date) execution.getVariableLocal(CampaignProcess.VAR_NEXT_RUN_AT);
        if (at == null) {
            return Optional.empty();
        }
        Date planned = (Date) execution.getVariableLocal(CampaignProcess.VAR_NEXT_RUN_PLANNED_AT);
        Date held = (Date) execution.getVariableLocal(CampaignProcess.VAR_NEXT_RUN_HELD_AT);
        return Optional.of(new Run((planned != null ? planned : at).toInstant(), (held != null ? held : at).toInstant()));
    }
}

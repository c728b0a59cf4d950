package org.shirong.campaign;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 计算下次时间 ({@code Task_ScheduleNextRun}): sets, on this cycle's instance only, when it runs next
 * ({@code nextRunAt}), whether it does so before the campaign ends ({@code cycleRunsAgain}), its kind
 * and the score period that run calculates.
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
        Optional<CampaignCycles.NextRun> next = cycles.next(execution.getProcessBusinessKey(), cycleId,
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariableLocal(CampaignProcess.VAR_CYCLE_RUNS_AGAIN, next.isPresent());
        execution.setVariableLocal(CampaignProcess.VAR_NEXT_RUN_AT, next.map(n -> Date.from(n.at())).orElse(null));
        execution.setVariableLocal(CampaignProcess.VAR_CYCLE_KIND, next.map(n -> n.kind().name()).orElse(null));
        execution.setVariableLocal(CampaignProcess.VAR_SCORE_PERIOD, next.map(CampaignCycles.NextRun::scorePeriod).orElse(null));
    }
}

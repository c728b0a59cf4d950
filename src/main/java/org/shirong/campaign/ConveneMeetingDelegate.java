package org.shirong.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.shirong.meeting.Meetings;
import org.springframework.stereotype.Component;

/**
 * 召开会议 ({@code Task_ConveneMeeting}): starts the meeting process the cycle names (工作例会, 季度专项工作会议)
 * for this run, held by the cycle's group at the run's time and the template's place; the timer fires ahead of the
 * meeting, so its notice and agenda go out before it. A retried job convenes no second meeting. A meeting whose period has
 * no day of the cycle's score-phases meets without ranking anyone ({@link CampaignCycles#unranked}).
 */
@Component
class ConveneMeetingDelegate implements JavaDelegate {

    private final CampaignCycles cycles;
    private final Meetings meetings;

    ConveneMeetingDelegate(CampaignCycles cycles, Meetings meetings) {
        this.cycles = cycles;
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        CampaignTemplate.Cycle cycle = cycles.cycle(code, (String) execution.getVariable(CampaignProcess.VAR_CYCLE_ID));
        CycleRuns.Run run = ScheduleCycleRunDelegate.scheduledRun(execution).orElseThrow(
                () -> new IllegalStateException("流程变量 " + CampaignProcess.VAR_NEXT_RUN_AT + " 为空，无法确定会议时间"));
        meetings.convene(execution.getTenantId(), code, (String) execution.getVariable(CampaignProcess.VAR_CAMPAIGN_NAME), cycle.id(), cycle.name(),
                cycle.who(), run.heldAt(), (String) execution.getVariable(CampaignProcess.VAR_SCORE_PERIOD), cycle.place(),
                cycles.unranked(code, cycle.id(), run.plannedAt()).orElse(null));
    }
}

package org.shirong.zone;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 确定处置起点 (Task_DetermineLadderStart): repeat breaches within the window start at 黄牌 or 红牌 ({@link ZoneLadder#startLevel}). */
@Component
class DetermineLadderStartDelegate implements JavaDelegate {

    private final ZoneLadder ladder;

    DetermineLadderStartDelegate(ZoneLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZoneLadder.Level start = ladder.determineStart(ZoneFormInput.breachId(execution));
        execution.setVariable(ZoneEnforcementProcess.VAR_START_LEVEL, start.number());
    }
}

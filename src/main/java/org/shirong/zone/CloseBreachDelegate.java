package org.shirong.zone;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结束处置 (Task_CloseBreach): the recheck found the zone in order; the breach ends and the zone leaves the ladder. */
@Component
class CloseBreachDelegate implements JavaDelegate {

    private final ZoneLadder ladder;

    CloseBreachDelegate(ZoneLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ladder.complied(ZoneFormInput.breachId(execution));
    }
}

package org.shirong.zone;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 移交城管执法 (Task_HandOverToEnforcement): still not complied after 红牌; see {@link ZoneHandOvers#handOver}. */
@Component
class HandOverToEnforcementDelegate implements JavaDelegate {

    private final ZoneHandOvers handOvers;

    HandOverToEnforcementDelegate(ZoneHandOvers handOvers) {
        this.handOvers = handOvers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handOvers.handOver(ZoneFormInput.breachId(execution));
    }
}

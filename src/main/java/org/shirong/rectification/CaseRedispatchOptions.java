package org.shirong.rectification;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.shirong.system.LiveTaskFormExclusions;
import org.springframework.stereotype.Component;

/**
 * 重新派遣案件 ({@code Task_RedispatchCase}) does not offer the unit that has just handed the case back as its new lead unit:
 * it has just said the case is not its duty (jxreview-s58 J8); {@link CaseSteps#redispatched} refuses it as well. A case
 * whose lead the dispatch could not determine waits under the office, which the form does not offer anyway.
 */
@Component
class CaseRedispatchOptions implements LiveTaskFormExclusions {

    @Override
    public String taskDefinitionKey() {
        return RectificationProcess.TASK_REDISPATCH;
    }

    @Override
    public String field() {
        return RectificationProcess.VAR_NEW_LEAD_UNIT;
    }

    @Override
    public Set<String> excluded(DelegateTask task) {
        return task.getVariable(RectificationProcess.VAR_LEAD_UNIT) instanceof String returning ? Set.of(returning) : Set.of();
    }
}

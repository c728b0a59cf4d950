package org.shirong.rectification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.shirong.system.LiveTaskFormOptions;
import org.springframework.stereotype.Component;

/**
 * 重新派遣案件 ({@code Task_RedispatchCase}) offers the unit that has just handed the case back marked “（刚退回本案）”
 * (jxreview-s58 J8): the office sees which unit said the case is not its duty, and may still give it back when it finds
 * the 回退 unfounded (diffreview-s58 R8). A case whose lead the dispatch could not determine waits under the office, which
 * the form does not offer anyway.
 */
@Component
class CaseRedispatchOptions implements LiveTaskFormOptions {

    /** After the returning unit's name in 改派给. */
    static final String RETURNED_MARK = "（刚退回本案）";

    @Override
    public String taskDefinitionKey() {
        return RectificationProcess.TASK_REDISPATCH;
    }

    @Override
    public String field() {
        return RectificationProcess.VAR_NEW_LEAD_UNIT;
    }

    @Override
    public Map<String, String> marked(DelegateTask task) {
        return !task.hasVariable(RectificationProcess.VAR_LEAD_UNDETERMINED)
                && task.getVariable(RectificationProcess.VAR_LEAD_UNIT) instanceof String returning
                ? Map.of(returning, RETURNED_MARK) : Map.of();
    }
}

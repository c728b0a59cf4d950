package org.shirong.zone;

import static org.shirong.zone.ZoneEnforcementProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录处置步骤 (Task_RecordLadderStep): the start level the first time, one higher on each later pass; its 整改期限 on the
 * working calendar becomes the timer's {@code rectifyDueAt}. The previous round's answers are cleared so that the
 * forms of this round start empty.
 */
@Component
class RecordLadderStepDelegate implements JavaDelegate {

    private final ZoneLadder ladder;

    RecordLadderStepDelegate(ZoneLadder ladder) {
        this.ladder = ladder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object previous = execution.getVariable(VAR_LADDER_LEVEL);
        ZoneLadder.Step step = ladder.issueStep(ZoneFormInput.breachId(execution),
                previous == null ? null : ((Number) previous).intValue());
        String organization = ladder.breach(step.breachId()).tenantId();
        execution.setVariable(VAR_LADDER_LEVEL, step.level());
        execution.setVariable(VAR_LADDER_STEP_NAME, step.name());
        execution.setVariable(VAR_RECTIFY_DUE_AT, Date.from(step.dueAt()));
        execution.setVariable(VAR_RECTIFY_DUE_TEXT, ladder.shown(organization, step.dueAt()));
        for (String answer : new String[] {VAR_COMPLIED, VAR_RECHECK_NOTE, VAR_ADVICE_NOTE}) {
            execution.removeVariable(answer);
        }
    }
}

package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 落实会议决定 ({@code Task_CarryOutDecisions}, {@code ${carryOutDecisionDelegate}}, one instance per
 * decision, {@code loopCounter} from 0): turns the decision into a case or a work assignment.
 */
@Component
class CarryOutDecisionDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CarryOutDecisionDelegate.class);

    private final MeetingDecisions decisions;

    CarryOutDecisionDelegate(MeetingDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<DecisionInput> all = DecisionInput.recorded(execution);
        int index = (Integer) execution.getVariable("loopCounter");
        DecisionInput decision = all.get(index);
        MeetingFacts meeting = MeetingFacts.of(execution);
        var outcome = decisions.carryOut(meeting, decision, Objects.toString(execution.getVariable(VAR_RECORDED_BY), null));
        LOG.info("会议 {} 决定事项第 {} 项已落实：案件 {}，交办流程 {}", meeting.key(), decision.no(), outcome.caseNo(),
                outcome.assignmentInstanceId());
    }
}

package shirongbench.anchor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The anchor's closing step: a score from the verification result, as one variable. */
public class ScoreDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("score", "pass".equals(execution.getVariable("verificationResult")) ? 100 : 0);
    }
}

package shirongbench.anchor;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The anchor's deadline side effect: the case marked overdue, as one variable. */
public class MarkOverdueDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("overdue", true);
    }
}

package org.shirong.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

/** What a notification send task is given: its parameters ({@link SendTaskParametersPlugin}) for the running execution. */
public final class SendTaskParameters {

    private SendTaskParameters() {
    }

    /**
     * The parameters of the send task {@code execution} is running, by name in the BPMN's order: the extension
     * properties evaluated now (an expression's value kept as it is, e.g. a date), or, for a definition deployed with
     * input parameters, the send task's local variables.
     */
    public static Map<String, Object> of(DelegateExecution execution) {
        PvmActivity activity = execution instanceof ActivityExecution running ? running.getActivity() : null;
        Map<String, Object> declared = activity == null ? null : activity.getProperties().get(SendTaskParametersPlugin.PARAMETERS);
        if (declared == null) {
            return execution.getVariablesLocal();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        declared.forEach((name, value) -> values.put(name, value instanceof Expression e ? e.getValue(execution) : value));
        return values;
    }
}

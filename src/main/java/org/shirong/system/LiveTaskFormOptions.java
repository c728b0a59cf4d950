package org.shirong.system;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Options a task's select field leaves out for that task ({@code GET /engine-rest/task/{id}/deployed-form},
 * {@link LiveTaskForms}): the deployed form offers the organisation's units, of which one may not fit this task (the
 * unit that has just handed the case back is not offered it again).
 */
public interface LiveTaskFormExclusions {

    /** The task (BPMN id) whose form has the field. */
    String taskDefinitionKey();

    /** The key of the select field. */
    String field();

    /** The values not offered for this task. */
    Set<String> excluded(DelegateTask task);
}

package org.shirong.system;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Options of a task's select field as they stand for that task ({@code GET /engine-rest/task/{id}/deployed-form},
 * {@link LiveTaskForms}): the deployed form offers the organisation's units, of which one may not fit this task, or
 * needs a word of explanation (the unit that has just handed the case back is offered it again, marked as such).
 */
public interface LiveTaskFormOptions {

    /** The task (BPMN id) whose form has the field. */
    String taskDefinitionKey();

    /** The key of the select field. */
    String field();

    /** The values not offered for this task. */
    default Set<String> excluded(DelegateTask task) {
        return Set.of();
    }

    /** Values offered for this task with a mark after their label, such as “（刚退回本案）”. */
    default Map<String, String> marked(DelegateTask task) {
        return Map.of();
    }
}

package org.shirong.system;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A task form's read-only value computed again each time the form is read ({@code GET /engine-rest/task/{id}/form-variables},
 * {@link LiveTaskFormValues}): Tasklist shows the form before a claim and does not read it again after one, so a value
 * refreshed only by a task listener stays as it was when the task was created.
 */
public interface LiveTaskFormValue {

    /** The task (BPMN id) whose form has the value. */
    String taskDefinitionKey();

    /** The variable the form shows. */
    String variable();

    /** The value as of now; {@code null} to leave the stored one. */
    String current(DelegateTask task);
}

package org.shirong.rectification;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refuses what a task form submitted, naming the field: Tasklist shows the message and REST answers
 * 400, and the task stays open with nothing saved.
 */
final class FormInputRefused {

    private FormInputRefused() {
    }

    static FormFieldValidationException of(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}

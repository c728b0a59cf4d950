package org.shirong.zone;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.system.TextInput;

/**
 * The text fields of the ladder's task forms, checked where the task ends: a refusal names the field, Tasklist shows it
 * and REST answers 400, and the task stays open with nothing saved.
 */
final class ZoneFormInput {

    private ZoneFormInput() {
    }

    static String required(VariableScope scope, String variable, String label, int max) {
        String value = optional(scope, variable, label, max);
        if (value == null) {
            throw refused(variable, "请填写" + label);
        }
        return value;
    }

    /** The field's text, stripped; null when left empty. */
    static String optional(VariableScope scope, String variable, String label, int max) {
        Object value = scope.getVariable(variable);
        String text = value == null ? null : value.toString();
        TextInput.problem(label, text, true).ifPresent(message -> {
            throw refused(variable, message);
        });
        if (TextInput.isBlank(text)) {
            return null;
        }
        if (text.strip().length() > max) {
            throw refused(variable, label + "不能超过 " + max + " 字，现为 " + text.strip().length() + " 字");
        }
        return text.strip();
    }

    static FormFieldValidationException refused(String variable, String message) {
        return new FormFieldValidationException(variable, message);
    }

    static long breachId(VariableScope scope) {
        return ((Number) scope.getVariable(ZoneEnforcementProcess.VAR_BREACH_ID)).longValue();
    }

    static int level(VariableScope scope) {
        return ((Number) scope.getVariable(ZoneEnforcementProcess.VAR_LADDER_LEVEL)).intValue();
    }
}

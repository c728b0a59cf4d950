package org.shirong.rectification;

import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;

/**
 * The {@code reason} a merge, a reopening or an appeal is asked with (and a 督办's instruction): required, plain text, not
 * too long (400 on the field).
 */
final class ReasonField {

    private ReasonField() {
    }

    /** The reason, stripped; {@code label} names it in the messages (合并理由). */
    static String checked(String label, String reason, int maxLength) {
        return checked("reason", label, reason, maxLength);
    }

    /** As {@link #checked(String, String, int)} for the request's field {@code field} (督办's {@code instruction}). */
    static String checked(String field, String label, String reason, int maxLength) {
        if (TextInput.isBlank(reason)) {
            throw new InvalidRequestException(ApiError.field(field, "REQUIRED", "请填写" + label));
        }
        TextInput.problem(label, reason, true).ifPresent(problem -> {
            throw new InvalidRequestException(ApiError.field(field, "INVALID_TEXT", problem));
        });
        String text = reason.strip();
        if (text.length() > maxLength) {
            throw new InvalidRequestException(ApiError.field(field, "TOO_LONG",
                    label + "不能超过 " + maxLength + " 个字，现有 " + text.length() + " 个字"));
        }
        return text;
    }
}

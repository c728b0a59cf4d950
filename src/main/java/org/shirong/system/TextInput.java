package org.shirong.system;

import java.util.Optional;

/**
 * The one check of text that people type or import (titles, addresses, descriptions, form fields, lines of
 * findings and decisions), used by the API, the CSV import and the task forms alike. Control characters
 * are refused (PostgreSQL refuses NUL outright; the others are invisible and break exports), except tab and
 * line breaks where several lines are allowed; text made only of spaces and invisible characters (zero-width
 * space, word joiner, BOM, …) counts as blank.
 */
public final class TextInput {

    private TextInput() {
    }

    /** True when the text is missing or shows nothing: only whitespace and zero-width or other format characters. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(TextInput::invisible);
    }

    /**
     * Why the text cannot be taken, naming the field by its {@code label} and the first bad character;
     * empty when it can. Blankness is the caller's business (many fields are optional).
     */
    public static Optional<String> problem(String label, String text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            if (Character.getType(c) == Character.SURROGATE) {
                return Optional.of(label + "含有无效字符（第 " + position + " 个字），请删除后重新填写");
            }
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if (Character.getType(c) == Character.CONTROL && !(multiLine && lineBreakOrTab)) {
                return Optional.of(lineBreakOrTab
                        ? "%s只能填写一行，不能含有换行或 Tab（第 %d 个字）".formatted(label, position)
                        : "%s含有不可见的控制字符 U+%04X（第 %d 个字），请删除后重新填写".formatted(label, c, position));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** The text as a message may quote it: at most {@code max} characters, the last of them "…" when it was cut. */
    public static String shortened(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * A query parameter that selects (a list filter, a search): stripped; null when it shows nothing (only spaces or
     * zero-width characters, as if left out); control characters refused with 400 naming the parameter, as {@code code}.
     */
    public static String selector(String parameter, String text, String code) {
        problem("参数 " + parameter + " ", text, false).ifPresent(message -> {
            throw new InvalidRequestException(ApiError.field(parameter, code, message));
        });
        return isBlank(text) ? null : text.strip();
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL
                // Hangul fillers and the blank Braille pattern render as nothing, too.
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }
}

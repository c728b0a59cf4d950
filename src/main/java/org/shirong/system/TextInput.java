package org.shirong.system;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one check of text that people type or import (titles, addresses, descriptions, form fields, lines of
 * findings and decisions), used by the API, the CSV import and the task forms alike. Control characters
 * are refused (PostgreSQL refuses NUL outright; the others are invisible and break exports), except tab and
 * line breaks where several lines are allowed (the line and paragraph separators U+2028/U+2029 are refused in one-line
 * fields too: they break a title into two lines in the task list, the ledgers and e-mail subjects), and so are the controls of writing direction (U+202A–U+202E,
 * U+2066–U+2069), which make text read otherwise than it is stored ("\u202E号 9 街大亭九" shows as 九亭大街 9 号, and
 * turns round what a page puts after it); text made only of spaces and invisible characters (zero-width space, word
 * joiner, BOM, variation selectors, Hangul fillers, …: {@link #ignorable}), or only of combining marks or private-use
 * characters, counts as blank. An outside number is
 * compared as {@link #reference} writes it.
 */
public final class TextInput {

    private TextInput() {
    }

    /**
     * True when the text is missing or shows nothing: only whitespace, control characters, characters that show nothing
     * ({@link #ignorable}, as an outside number drops them), combining marks without a base and private-use characters.
     */
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
            if (!multiLine && (c == 0x2028 || c == 0x2029)) {
                return Optional.of("%s只能填写一行，不能含有分行符 U+%04X（第 %d 个字）".formatted(label, c, position));
            }
            if (directionControl(c)) {
                return Optional.of("%s含有改变文字显示方向的控制字符 U+%04X（第 %d 个字），它会让文字显示得与实际内容不同，请删除后重新填写"
                        .formatted(label, c, position));
            }
            if (Character.getType(c) == Character.CONTROL && !(multiLine && lineBreakOrTab)) {
                return Optional.of(lineBreakOrTab
                        ? "%s只能填写一行，不能含有换行或 Tab（第 %d 个字）".formatted(label, position)
                        : "%s含有不可见的控制字符 U+%04X（第 %d 个字），请删除后重新填写".formatted(label, c, position));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * An outside number (a 12345 工单号, a 测评点位编号) as Shirong keeps and compares it: without the characters that show
     * nothing ({@link #ignorable}: zero-width space, word joiner, BOM, direction marks, the combining grapheme joiner,
     * variation selectors, Hangul fillers, the blank Braille pattern, …), in NFKC (full-width letters, digits and signs
     * become the plain ones), with every hyphen and dash ({@code ‐ ‑ ‒ – — ― −}) written as {@code -}, and without spaces
     * around it; null when nothing is left. A number copied out of a web page, a chat app or an Excel export often carries
     * such a character, and the same number written with one must be the same number, not a second case (s53 S1, s55 S3).
     * Control characters are kept, for {@link #problem} to refuse.
     */
    public static String reference(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !ignorable(c)).forEach(kept::appendCodePoint);
        StringBuilder plain = new StringBuilder(kept.length());
        Normalizer.normalize(kept, Normalizer.Form.NFKC).codePoints().filter(c -> !ignorable(c))
                .map(c -> dash(c) ? '-' : c).forEach(plain::appendCodePoint);
        String stripped = plain.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * Whether the character shows nothing where it stands: Unicode's Default_Ignorable_Code_Point (format characters
     * such as zero-width space, BOM and direction marks, the soft hyphen, the combining grapheme joiner U+034F, Hangul
     * fillers U+115F/U+1160/U+3164/U+FFA0, variation selectors U+FE00–U+FE0F and U+E0100–U+E01EF, the Mongolian
     * selectors U+180B–U+180F, tags, and the code points reserved as such), every other format character (Cf), and the
     * blank Braille pattern U+2800. The one set {@link #reference} removes and {@link #isBlank} sees through.
     */
    public static boolean ignorable(int c) {
        return Character.getType(c) == Character.FORMAT || c == 0x2800 || defaultIgnorable(c);
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt; last changed in Unicode 14.0, which added U+180F);
     * Java has no such query.
     */
    private static boolean defaultIgnorable(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || c >= 0x180B && c <= 0x180F || c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E
                || c >= 0x2060 && c <= 0x206F || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F || c == 0xFEFF || c == 0xFFA0
                || c >= 0xFFF0 && c <= 0xFFF8 || c >= 0x1BCA0 && c <= 0x1BCA3 || c >= 0x1D173 && c <= 0x1D17A
                || c >= 0xE0000 && c <= 0xE0FFF;
    }

    /** The hyphens and dashes U+2010–U+2015 and the minus sign U+2212, which a number may be written with for "-". */
    private static boolean dash(int c) {
        return c >= 0x2010 && c <= 0x2015 || c == 0x2212;
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

    /** The embeddings, overrides and isolates of Unicode's bidirectional algorithm (not the plain direction marks). */
    static boolean directionControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * Shows nothing by itself: white space, controls, {@link #ignorable} characters, combining marks (which only decorate
     * the character before them: "\u0301\u0301" alone is two floating accents) and private-use characters (no font shows
     * them the same; a title of them is boxes or nothing).
     */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL || ignorable(c)
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.PRIVATE_USE;
    }
}

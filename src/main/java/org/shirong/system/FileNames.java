package org.shirong.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name of an uploaded file (an evidence photo, a zone photo, a campaign attachment) as Shirong keeps it in a
 * {@code file_name} column, varchar(255). The phone or browser names the file, not the person, so a bad name is cleaned
 * rather than the file refused: control and format characters and broken surrogates are dropped (PostgreSQL refuses
 * NUL; the others are invisible, or turn the name around on screen), only the last part of a path is kept (old browsers
 * send {@code C:\照片\现场.jpg}, a forged form {@code ../../etc/x.png}), the characters no Windows file name may
 * hold ({@code < > : " / \ | ? *}, which also make markup) become {@code _}, and a long name is cut, keeping its
 * extension. No reader of the name (a mail, a robot's markdown, a save dialog, the archive) then has to defend itself.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;
    /** Longer than this after the last dot, the end of a name is no extension ("a.<3000 characters>"). */
    private static final int MAX_EXTENSION = 16;

    private FileNames() {
    }

    /** {@code name} cleaned and at most {@link #MAX_LENGTH} characters; {@code fallback} when nothing of it is left. */
    public static String stored(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(FileNames::printable).forEach(kept::appendCodePoint);
        String cleaned = lastSegment(kept.toString()).replaceAll("[<>:\"|?*]", "_").strip();
        if (TextInput.isBlank(cleaned) || cleaned.chars().allMatch(c -> c == '.')) {
            return fallback;
        }
        if (cleaned.length() <= MAX_LENGTH) {
            return cleaned;
        }
        int dot = cleaned.lastIndexOf('.');
        String extension = dot > 0 && cleaned.length() - dot <= MAX_EXTENSION ? cleaned.substring(dot) : "";
        int end = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
            end--; // not half of a character
        }
        return cleaned.substring(0, end) + extension;
    }

    /**
     * Extensions a file of each type Shirong accepts may carry, the first one given when the name has none of them: a
     * file is saved by the reader's browser, and opened by the reader's computer, under the name it is served with, so
     * a PDF named {@code 台帐.hta} (a script on Windows) must reach them as {@code 台帐.pdf}.
     */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "image/jpeg", List.of(".jpg", ".jpeg", ".jfif"),
            "image/png", List.of(".png"),
            "image/gif", List.of(".gif"),
            "image/webp", List.of(".webp"),
            "application/pdf", List.of(".pdf"),
            "application/msword", List.of(".doc", ".wps"),
            "application/vnd.ms-excel", List.of(".xls", ".et"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(".xlsx"));

    /**
     * {@code name} (as {@link #stored} keeps it) ending in an extension of {@code mimeType}, the type read from the file's
     * bytes: kept when it already does, its extension replaced when it has another (台帐.hta → 台帐.pdf), one added when it
     * has none. A type without known extensions leaves the name as it is.
     */
    public static String typed(String name, String mimeType) {
        List<String> extensions = mimeType == null ? null : EXTENSIONS.get(mimeType.toLowerCase(Locale.ROOT));
        if (extensions == null || name == null) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (extensions.stream().anyMatch(lower::endsWith)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(0, dot) : name;
        String extension = extensions.get(0);
        return base.length() + extension.length() <= MAX_LENGTH ? base + extension
                : base.substring(0, MAX_LENGTH - extension.length()) + extension;
    }

    /** What follows the last {@code /} or {@code \} that has something after it ({@code a/b/} is {@code b}). */
    private static String lastSegment(String path) {
        String[] segments = path.split("[/\\\\]");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!TextInput.isBlank(segments[i])) {
                return segments[i];
            }
        }
        return "";
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.SURROGATE && !TextInput.ignorable(c);
    }
}

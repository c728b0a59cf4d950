package org.shirong.system;

/**
 * The name of an uploaded file (an evidence photo, a zone photo, a campaign attachment) as Shirong keeps it in a
 * {@code file_name} column, varchar(255). The phone or browser names the file, not the person, so a bad name is cleaned
 * rather than the file refused: control and format characters and broken surrogates are dropped (PostgreSQL refuses
 * NUL; the others are invisible, or turn the name around on screen), and a long name is cut, keeping its extension.
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
        String cleaned = kept.toString().strip();
        if (TextInput.isBlank(cleaned)) {
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

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE;
    }
}

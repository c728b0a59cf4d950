package org.shirong.rectification;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address as duplicate detection compares it ({@code rect_case.address_key}): full-width characters as half-width
 * (NFKC: ８８号 is 88号), lower case, without spaces and punctuation, so that 九亭大街 88 号 and 九亭大街88号 are one
 * place. Public for the migration that keys the cases open when it ran.
 */
public final class AddressKey {

    /** The column's length: an address longer than that is keyed by its start. */
    static final int MAX = 500;

    private static final Pattern IGNORED = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");

    private AddressKey() {
    }

    /** The key of {@code address}, null when it has none (blank or only punctuation). */
    public static String of(String address) {
        if (address == null) {
            return null;
        }
        String key = IGNORED.matcher(Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
        return key.isEmpty() ? null : key.length() > MAX ? key.substring(0, MAX) : key;
    }
}

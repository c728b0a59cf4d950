package org.shirong.rectification;

import java.util.Arrays;
import java.util.Optional;

/** How urgent a case is (紧急程度). */
public enum Urgency {
    NORMAL("一般"),
    URGENT("紧急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The urgency written as its code (any case) or its label. */
    public static Optional<Urgency> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String given = text.strip();
        return Arrays.stream(values()).filter(u -> u.name().equalsIgnoreCase(given) || u.label.equals(given)).findFirst();
    }
}

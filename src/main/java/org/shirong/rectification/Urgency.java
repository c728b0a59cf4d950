package org.shirong.rectification;

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
}
